using DuckDB.NET.Data;
using ShopLens.Core.Store;

namespace ShopLens.Insight.Predictions;

/// <summary>
/// The store's <c>models</c> and <c>predictions</c> tables: the newest trained model of each task, with its card and
/// the scores it gave. Saving replaces the task's rows in one transaction.
/// </summary>
public static class SavedModels
{
    /// <summary>Saves the card, the scorer and the scores (with deciles, 1 = most likely) of a trained task.</summary>
    public static void Save(ShopStore store, TrainedPrediction trained)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(trained);
        using var bytes = new MemoryStream();
        trained.Scorer.Save(bytes);
        var task = trained.Card.Task;
        var deciles = Deciles.Of(trained.Probabilities);
        using var tx = store.Connection.BeginTransaction();
        store.Execute($"DELETE FROM models WHERE task = {SqlLiteral.Text(task)}");
        store.Execute($"DELETE FROM predictions WHERE task = {SqlLiteral.Text(task)}");
        using (var insert = store.Connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO models (task, created_at, card, model) VALUES ($1, $2, $3, $4)";
            insert.Parameters.Add(new DuckDBParameter(task));
            insert.Parameters.Add(new DuckDBParameter(trained.Card.CreatedAt));
            insert.Parameters.Add(new DuckDBParameter(CardJson.Write(trained.Card)));
            insert.Parameters.Add(new DuckDBParameter(bytes.ToArray()));
            insert.ExecuteNonQuery();
        }
        using (var appender = store.Connection.CreateAppender("predictions"))
        {
            for (var i = 0; i < trained.CustomerKeys.Length; i++)
            {
                var row = appender.CreateRow().AppendValue(task).AppendValue(trained.CustomerKeys[i])
                    .AppendValue(trained.Card.ScoreCutOff).AppendValue(trained.Probabilities[i]);
                row = trained.Intervals is { } bounds
                    ? row.AppendValue(bounds.Low[i]).AppendValue(bounds.High[i])
                    : row.AppendNullValue().AppendNullValue();
                row.AppendValue(deciles[i]).EndRow();
            }
        }
        tx.Commit();
    }

    /// <summary>The model cards of every saved task, by task name.</summary>
    public static IReadOnlyList<ModelCard> Cards(IShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var cards = new List<ModelCard>();
        using var reader = store.Query("SELECT card FROM models ORDER BY task");
        while (reader.Read()) cards.Add(CardJson.Read(reader.GetString(0)));
        return cards;
    }

    /// <summary>The saved card and scorer of a task.</summary>
    /// <exception cref="KeyNotFoundException">no model of that task has been trained</exception>
    public static (ModelCard Card, CustomerScorer Scorer) Load(IShopStore store, string task)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var reader = store.Query($"SELECT card, model FROM models WHERE task = {SqlLiteral.Text(task)}");
        if (!reader.Read())
            throw new KeyNotFoundException($"no trained model for '{task}': run `shoplens train` for it first");
        var card = CardJson.Read(reader.GetString(0));
        using var model = reader.GetStream(1);
        using var copy = new MemoryStream();
        model.CopyTo(copy);
        copy.Position = 0;
        return (card, CustomerScorer.Load(copy));
    }

    /// <summary>The names of the tasks with a saved model.</summary>
    public static IReadOnlyList<string> Tasks(IShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var tasks = new List<string>();
        using var reader = store.Query("SELECT task FROM models ORDER BY task");
        while (reader.Read()) tasks.Add(reader.GetString(0));
        return tasks;
    }

}
