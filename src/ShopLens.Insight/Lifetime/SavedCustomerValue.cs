using System.Text.Json;
using DuckDB.NET.Data;
using ShopLens.Core.Store;

namespace ShopLens.Insight.Lifetime;

/// <summary>
/// The store's <c>value_models</c> and <c>customer_value</c> tables: what the newest <c>shoplens train clv</c> fitted
/// for each model and what it forecast per customer. Saving replaces the rows of the models it names, in one
/// transaction; the other models' rows stay.
/// </summary>
public static class SavedCustomerValue
{
    /// <summary>A saved model: when and on what it was fitted, and its summary as JSON (parameters, log-likelihood …).</summary>
    public sealed record SavedModel(string Model, DateTime CreatedAt, DateTime CalibrationEnd, int HorizonDays, string Summary);

    public static void Save(ShopStore store, ClvTraining.Result result)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(result);
        var created = DateTime.UtcNow;
        using var tx = store.Connection.BeginTransaction();
        foreach (var (model, summary) in result.Summaries)
        {
            store.Execute($"DELETE FROM value_models WHERE model = {SqlLiteral.Text(model)}");
            store.Execute($"DELETE FROM customer_value WHERE model = {SqlLiteral.Text(model)}");
            using var insert = store.Connection.CreateCommand();
            insert.CommandText = "INSERT INTO value_models (model, created_at, calibration_end, horizon_days, summary) VALUES ($1, $2, $3, $4, $5)";
            insert.Parameters.Add(new DuckDBParameter(model));
            insert.Parameters.Add(new DuckDBParameter(created));
            insert.Parameters.Add(new DuckDBParameter(result.CalibrationEnd));
            insert.Parameters.Add(new DuckDBParameter(result.Options.HorizonDays));
            insert.Parameters.Add(new DuckDBParameter(JsonSerializer.Serialize(summary)));
            insert.ExecuteNonQuery();
        }
        using (var appender = store.Connection.CreateAppender("customer_value"))
        {
            foreach (var v in result.Values)
                for (var i = 0; i < v.Count; i++)
                {
                    var next = v.NextOrders?[i];
                    appender.CreateRow().AppendValue(v.Model).AppendValue(v.CustomerKeys[i])
                        .AppendValue(v.ProbabilityAlive?[i]).AppendValue(v.ExpectedOrders?[i]).AppendValue(v.ProbabilityOfOrder?[i])
                        .AppendValue(v.SpendPerOrder?[i]).AppendValue(v.ExpectedSpend[i]).AppendValue(v.SpendLow?[i]).AppendValue(v.SpendHigh?[i])
                        .AppendValue(v.Clv[i]).AppendValue(next?.Expected).AppendValue(next?.Low).AppendValue(next?.High).AppendValue(next?.Status)
                        .EndRow();
                }
        }
        tx.Commit();
    }

    /// <summary>Every saved value model, in name order.</summary>
    public static IReadOnlyList<SavedModel> Models(IShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var models = new List<SavedModel>();
        using var reader = store.Query("SELECT model, created_at, calibration_end, horizon_days, summary FROM value_models ORDER BY model");
        while (reader.Read())
            models.Add(new SavedModel(reader.GetString(0), DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc), reader.GetDateTime(2), reader.GetInt32(3), reader.GetString(4)));
        return models;
    }

    /// <summary>What <paramref name="model"/> forecast per customer, in customer-key order.</summary>
    /// <exception cref="KeyNotFoundException">the model has no saved forecast</exception>
    public static CustomerValues Load(IShopStore store, string model)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rows = new List<(int Key, double?[] Numbers, DateTime?[] Dates, string? Status)>();
        using (var reader = store.Query($"""
            SELECT customer_key, p_alive, expected_orders, p_order, spend_per_order, expected_spend, spend_low, spend_high, clv,
                next_order, next_order_low, next_order_high, next_order_status
            FROM customer_value WHERE model = {SqlLiteral.Text(model)} ORDER BY customer_key
            """))
        {
            while (reader.Read())
                rows.Add((reader.GetInt32(0),
                    [.. Enumerable.Range(1, 8).Select(c => reader.IsDBNull(c) ? (double?)null : reader.GetDouble(c))],
                    [.. Enumerable.Range(9, 3).Select(c => reader.IsDBNull(c) ? (DateTime?)null : reader.GetDateTime(c))],
                    reader.IsDBNull(12) ? null : reader.GetString(12)));
        }
        if (rows.Count == 0) throw new KeyNotFoundException($"no saved customer values of '{model}': run `shoplens train clv --model {model}` first");
        double[]? Column(int c) => rows[0].Numbers[c] is null ? null : [.. rows.Select(r => r.Numbers[c] ?? double.NaN)];
        var keys = rows.Select(r => r.Key).ToArray();
        return new CustomerValues(model, keys, Column(4)!, Column(7)!)
        {
            ProbabilityAlive = Column(0),
            ExpectedOrders = Column(1),
            ProbabilityOfOrder = Column(2),
            SpendPerOrder = Column(3),
            SpendLow = Column(5),
            SpendHigh = Column(6),
            NextOrders = rows[0].Status is null ? null : [.. rows.Select(r => new NextOrderEstimate(r.Key, r.Status!, r.Dates[0], r.Dates[1], r.Dates[2]))],
        };
    }
}
