using ShopLens.Core.Model;

namespace ShopLens.Core.Store;

/// <summary>How canonical columns are kept in the store: names (ids become dense keys, <c>timestamp</c> becomes <c>ts</c>) and SQL types.</summary>
public static class StoreColumns
{
    public static string NameOf(CanonicalColumn column) => column.Kind switch
    {
        ColumnKind.CustomerRef => "customer_key",
        ColumnKind.ProductRef => "product_key",
        ColumnKind.Timestamp when column.Name == "timestamp" => "ts",
        _ => column.Name,
    };

    public static string SqlTypeOf(ColumnKind kind) => kind switch
    {
        ColumnKind.CustomerRef or ColumnKind.ProductRef or ColumnKind.Count => "INTEGER",
        ColumnKind.Timestamp => "TIMESTAMP",
        ColumnKind.Amount or ColumnKind.Fraction => "DOUBLE",
        ColumnKind.EventTypeName or ColumnKind.Rating => "UTINYINT",
        _ => "VARCHAR",
    };

    /// <summary>The store's columns of a fact table (events, orders, order_lines, reviews), in canonical order.</summary>
    public static string Definitions(CanonicalTable table) =>
        string.Join(", ", table.Columns.Select(c => $"{NameOf(c)} {SqlTypeOf(c.Kind)}"));

    public static string Names(CanonicalTable table, string? prefix = null) =>
        string.Join(", ", table.Columns.Select(c => prefix + NameOf(c)));
}
