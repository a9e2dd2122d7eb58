namespace ShopLens.Core.Store;

/// <summary>Values written into SQL text, quoted the way DuckDB and PostgreSQL both read them.</summary>
public static class SqlLiteral
{
    /// <summary>Text as a string literal (quotes doubled).</summary>
    public static string Text(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A UTC timestamp literal, to the microsecond.</summary>
    public static string Timestamp(DateTime time) => $"TIMESTAMP '{time.ToUniversalTime():yyyy-MM-dd HH:mm:ss.ffffff}'";
}
