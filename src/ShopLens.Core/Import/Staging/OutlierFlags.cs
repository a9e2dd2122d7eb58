using System.Globalization;
using DuckDB.NET.Data;
using ShopLens.Core.Import;
using ShopLens.Core.Model;
using ShopLens.Core.Store;

namespace ShopLens.Core.Import.Staging;

/// <summary>Flags (never removes) numeric values far from the rest of their column in a staged batch.</summary>
static class OutlierFlags
{
    public static List<OutlierReport> Find(DuckDBConnection db, CanonicalTable table, OutlierRule rule)
    {
        var found = new List<OutlierReport>();
        var stage = TableMerger.StagingName(table);
        foreach (var column in table.Columns.Where(c => c.Kind is ColumnKind.Amount or ColumnKind.Count))
        {
            var name = StoreColumns.NameOf(column);
            var bounds = rule == OutlierRule.ZScore
                ? $"SELECT avg({name}) - 3 * stddev_samp({name}), avg({name}) + 3 * stddev_samp({name}) FROM {stage}"
                : $"""
                  SELECT q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1) FROM (
                    SELECT quantile_cont({name}, 0.25) AS q1, quantile_cont({name}, 0.75) AS q3 FROM {stage})
                  """;
            using var cmd = db.CreateCommand();
            cmd.CommandText = bounds;
            using var r = cmd.ExecuteReader();
            if (!r.Read() || r.IsDBNull(0) || r.IsDBNull(1)) continue;
            var (low, high) = (r.GetDouble(0), r.GetDouble(1));
            if (low == high) continue;
            var count = TableMerger.Count(db, $"SELECT count(*) FROM {stage} WHERE {name} < {Sql(low)} OR {name} > {Sql(high)}");
            if (count > 0) found.Add(new(table.Name, column.Name, rule.ToString().ToLowerInvariant(), low, high, count));
        }
        return found;
    }

    /// <summary>Writes the flagged rows (line, column, value, bounds) to a CSV; later batches add files with a suffix.</summary>
    public static void Write(DuckDBConnection db, CanonicalTable table, List<OutlierReport> found, string source, string path, long batch)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stage = TableMerger.StagingName(table);
        var parts = found.Select(o =>
        {
            var name = StoreColumns.NameOf(table.Columns[table.IndexOf(o.Column)]);
            return $"""
                SELECT '{source.Replace("'", "''", StringComparison.Ordinal)}' AS file, line, '{o.Column}' AS field, {name}::DOUBLE AS value,
                       {Sql(o.Low)} AS low, {Sql(o.High)} AS high, '{o.Rule}' AS rule
                FROM {stage} WHERE {name} < {Sql(o.Low)} OR {name} > {Sql(o.High)}
                """;
        });
        var target = batch == 0 ? path : path.Replace(".outliers.csv", $".{batch + 1}.outliers.csv", StringComparison.Ordinal);
        TableMerger.Execute(db, $"COPY ({string.Join(" UNION ALL ", parts)} ORDER BY line) TO '{target.Replace("'", "''", StringComparison.Ordinal)}' (HEADER, DELIMITER ',')");
    }

    static string Sql(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
