namespace ShopLens.Insight.Segments;

/// <summary>Text as a SQL string literal (standard quoting, the same in DuckDB and PostgreSQL).</summary>
static class SqlText
{
    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
