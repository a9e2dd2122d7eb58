using ShopLens.Core.Model;

namespace ShopLens.Core.Store;

/// <summary>Writes a canonical table with its canonical column names and the shop's own ids, through <see cref="QueryExport"/>.</summary>
public static class TableExport
{
    /// <summary>The canonical view of a table: the SELECT that turns dense keys back into ids and <c>ts</c> into <c>timestamp</c>.</summary>
    public static string CanonicalSelect(CanonicalTable table)
    {
        var joins = new List<string>();
        var columns = table.Columns.Select(c =>
        {
            switch (c.Kind)
            {
                case ColumnKind.CustomerRef when table.Table != Table.Customers:
                    joins.Add("LEFT JOIN customers c ON c.customer_key = t.customer_key");
                    return "c.customer_id";
                case ColumnKind.ProductRef when table.Table != Table.Products:
                    joins.Add("LEFT JOIN products p ON p.product_key = t.product_key");
                    return "p.product_id";
                case ColumnKind.EventTypeName:
                    joins.Add("LEFT JOIN event_types et ON et.type = t.type");
                    return "et.name AS type";
                case ColumnKind.CustomerRef or ColumnKind.ProductRef:
                    return $"t.{c.Name}";
                default:
                    var stored = StoreColumns.NameOf(c);
                    return stored == c.Name ? $"t.{stored}" : $"t.{stored} AS {c.Name}";
            }
        });
        var order = table.Table switch
        {
            Table.Customers => "t.customer_key",
            Table.Products => "t.product_key",
            Table.OrderLines => "t.order_id, t.product_key",
            _ => "t.ts",
        };
        return $"SELECT {string.Join(", ", columns)} FROM {table.Name} t {string.Join(" ", joins)} ORDER BY {order}";
    }

    /// <summary>
    /// Exports a table to <paramref name="path"/> (format by extension: .parquet, .csv, .jsonl, .xlsx); returns the row count.
    /// A CSV stays exact (no formula guard), since canonical files are read back by importers.
    /// </summary>
    public static long Export(ShopStore store, string tableName, string path)
    {
        var table = CanonicalSchema.Find(tableName)
            ?? throw new ArgumentException($"unknown table '{tableName}' (tables: {string.Join(", ", CanonicalSchema.All.Select(t => t.Name))})");
        return QueryExport.Write(store, CanonicalSelect(table), path, protectFormulas: false);
    }
}
