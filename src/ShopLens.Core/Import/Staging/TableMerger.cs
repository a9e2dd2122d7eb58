using DuckDB.NET.Data;
using ShopLens.Core.Model;
using ShopLens.Core.Store;

namespace ShopLens.Core.Import.Staging;

/// <summary>
/// Moves a batch's staged rows into the store, inside the batch's transaction. Facts (events, order lines, reviews)
/// are appended unless they repeat a row already stored or earlier in the batch; entities (customers, products,
/// orders) are inserted or updated, and a row identical to what is stored is a duplicate.
/// </summary>
static class TableMerger
{
    public static string StagingName(CanonicalTable table) => $"stage_{table.Name}";

    public static string CreateStaging(CanonicalTable table) =>
        $"CREATE OR REPLACE TEMP TABLE {StagingName(table)} (line BIGINT, {StoreColumns.Definitions(table)})";

    /// <summary>Merges the staged rows; returns how many of them were duplicates.</summary>
    public static long Merge(DuckDBConnection db, CanonicalTable table, int batchId, long staged, int firstNewCustomer, int firstNewProduct, bool deduplicatedInBatch)
    {
        if (staged == 0) return 0;
        return table.Table switch
        {
            Table.Events => AppendFacts(db, table, batchId,
                "event_id", ["customer_key", "coalesce(product_key, -1)", "type", "ts"], deduplicatedInBatch),
            Table.Reviews => AppendFacts(db, table, batchId,
                "review_id", ["customer_key", "product_key", "ts"]),
            Table.OrderLines => AppendFacts(db, table, batchId,
                null, ["order_id", "product_key", "quantity", "unit_price", "coalesce(discount, 0)"]),
            Table.Orders => UpsertOrders(db, table, batchId, staged),
            Table.Customers => UpsertEntity(db, table, "customer_key", firstNewCustomer, staged),
            Table.Products => UpsertEntity(db, table, "product_key", firstNewProduct, staged),
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };
    }

    static long AppendFacts(DuckDBConnection db, CanonicalTable table, int batchId, string? idColumn, string[] keyParts, bool deduplicatedInBatch = false)
    {
        var stage = StagingName(table);
        var naturalKey = string.Join(", ", keyParts);
        // First occurrence per id (or per natural key when there is no id) within the batch, unless the stager found repeats already…
        var firsts = deduplicatedInBatch ? ""
            : idColumn is null
            ? $"SEMI JOIN (SELECT min(line) AS line FROM {stage} GROUP BY {naturalKey}) f ON s.line = f.line"
            : $"""
              SEMI JOIN (SELECT min(line) AS line FROM {stage} WHERE {idColumn} IS NOT NULL GROUP BY {idColumn}
                         UNION ALL SELECT min(line) FROM {stage} WHERE {idColumn} IS NULL GROUP BY {naturalKey}) f ON s.line = f.line
              """;
        // …that the store does not hold yet. Explicit anti joins: a correlated NOT EXISTS costs several times more here.
        var range = table.Columns.Any(c => c.Name == "timestamp")
            ? $"ts BETWEEN (SELECT min(ts) FROM {stage}) AND (SELECT max(ts) FROM {stage})"
            : "true";
        var storeOverlaps = Count(db, $"SELECT count(*) FROM (SELECT 1 FROM {table.Name} WHERE {range} LIMIT 1)") > 0;
        var keyAliases = keyParts.Select((k, i) => $"{k} AS k{i}").ToArray();
        var keyMatch = string.Join(" AND ", keyParts.Select((k, i) => $"{Qualify(k, "s")} = t.k{i}"));
        var byKey = !storeOverlaps ? "" :
            $"ANTI JOIN (SELECT {string.Join(", ", keyAliases)} FROM {table.Name} WHERE {range}) t ON {keyMatch}";
        string source;
        if (idColumn is null)
        {
            source = $"SELECT s.* FROM {stage} s {firsts} {byKey}";
        }
        else
        {
            var storeHasIds = Count(db, $"SELECT count(*) FROM (SELECT 1 FROM {table.Name} WHERE {idColumn} IS NOT NULL LIMIT 1)") > 0;
            var byId = !storeHasIds ? "" :
                // The stored ids that the batch repeats, found by probing the stored column against the batch's ids:
                // a join against every stored id would build its hash table over the whole column first.
                $"""
                ANTI JOIN (SELECT e.{idColumn} FROM {table.Name} e SEMI JOIN {stage} b ON e.{idColumn} = b.{idColumn}
                           WHERE e.{idColumn} IS NOT NULL) t ON s.{idColumn} = t.{idColumn}
                """;
            source = $"""
                SELECT s.* FROM {stage} s {firsts} {byId} WHERE s.{idColumn} IS NOT NULL
                UNION ALL
                SELECT s.* FROM {stage} s {firsts} {byKey} WHERE s.{idColumn} IS NULL
                """;
        }
        var inserted = Execute(db, $"""
            INSERT INTO {table.Name} ({StoreColumns.Names(table)}, batch_id)
            SELECT {StoreColumns.Names(table)}, {batchId} FROM ({source})
            """);
        return Count(db, $"SELECT count(*) FROM {stage}") - inserted;
    }

    /// <summary>
    /// For a batch of events appended straight to the store's table: deletes the batch's rows that repeat an earlier
    /// row of the batch (only needed when the file was out of time order) or a row stored before; returns how many.
    /// </summary>
    public static long RemoveRepeats(DuckDBConnection db, int batchId, long staged, bool deduplicatedInBatch)
    {
        const string key = "customer_key, coalesce(product_key, -1), type, ts";
        var batch = $"batch_id = {batchId}";
        if (!deduplicatedInBatch)
        {
            Execute(db, $"""
                DELETE FROM events WHERE {batch} AND rowid NOT IN (
                  SELECT min(rowid) FROM events WHERE {batch} AND event_id IS NOT NULL GROUP BY event_id
                  UNION ALL SELECT min(rowid) FROM events WHERE {batch} AND event_id IS NULL GROUP BY {key})
                """);
        }
        var range = $"ts BETWEEN (SELECT min(ts) FROM events WHERE {batch}) AND (SELECT max(ts) FROM events WHERE {batch})";
        if (Count(db, $"SELECT count(*) FROM (SELECT 1 FROM events WHERE batch_id < {batchId} AND {range} LIMIT 1)") > 0)
        {
            Execute(db, $"""
                DELETE FROM events WHERE rowid IN (
                  SELECT s.rowid FROM events s
                  SEMI JOIN (SELECT customer_key AS k0, coalesce(product_key, -1) AS k1, type AS k2, ts AS k3
                             FROM events WHERE batch_id < {batchId} AND {range}) t
                    ON s.customer_key = t.k0 AND coalesce(s.product_key, -1) = t.k1 AND s.type = t.k2 AND s.ts = t.k3
                  WHERE s.{batch} AND s.event_id IS NULL)
                """);
        }
        if (Count(db, $"SELECT count(*) FROM (SELECT 1 FROM events WHERE batch_id < {batchId} AND event_id IS NOT NULL LIMIT 1)") > 0)
        {
            Execute(db, $"""
                DELETE FROM events WHERE rowid IN (
                  SELECT s.rowid FROM events s
                  SEMI JOIN (SELECT event_id FROM events WHERE batch_id < {batchId} AND event_id IS NOT NULL) t ON s.event_id = t.event_id
                  WHERE s.{batch})
                """);
        }
        return staged - Count(db, $"SELECT count(*) FROM events WHERE {batch}");
    }

    static string Qualify(string keyExpression, string alias) =>
        keyExpression.StartsWith("coalesce(", StringComparison.Ordinal)
            ? keyExpression.Replace("coalesce(", $"coalesce({alias}.", StringComparison.Ordinal)
            : $"{alias}.{keyExpression}";

    static long UpsertOrders(DuckDBConnection db, CanonicalTable table, int batchId, long staged)
    {
        var stage = StagingName(table);
        var dup = $"""
            SELECT count(*) FROM (
              SELECT s.*, row_number() OVER (PARTITION BY order_id, customer_key, ts, status, amount ORDER BY line) AS rn FROM {stage} s) x
            WHERE rn > 1 OR EXISTS (SELECT 1 FROM orders o WHERE o.order_id = x.order_id AND o.customer_key = x.customer_key
              AND o.ts = x.ts AND o.status = x.status AND o.amount IS NOT DISTINCT FROM x.amount)
            """;
        var duplicates = Count(db, dup);
        if (duplicates == staged) return duplicates;
        Execute(db, $"""
            CREATE OR REPLACE TEMP TABLE last_orders AS
            SELECT * FROM {stage} QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY line DESC) = 1;
            UPDATE orders o SET customer_key = l.customer_key, ts = l.ts, status = l.status,
              amount = coalesce(l.amount, o.amount), batch_id = {batchId}
            FROM last_orders l WHERE o.order_id = l.order_id;
            INSERT INTO orders ({StoreColumns.Names(table)}, batch_id)
            SELECT {StoreColumns.Names(table, "l.")}, {batchId} FROM last_orders l ANTI JOIN orders o ON o.order_id = l.order_id;
            DROP TABLE last_orders;
            """);
        return duplicates;
    }

    static long UpsertEntity(DuckDBConnection db, CanonicalTable table, string key, int firstNewKey, long staged)
    {
        var stage = StagingName(table);
        var attributes = table.Columns.Skip(1).Select(StoreColumns.NameOf).ToArray();
        var same = string.Join(" AND ", attributes.Select(a => $"e.{a} IS NOT DISTINCT FROM x.{a}"));
        var duplicates = Count(db, $"""
            SELECT count(*) FROM (
              SELECT s.*, row_number() OVER (PARTITION BY {key}, {string.Join(", ", attributes)} ORDER BY line) AS rn FROM {stage} s) x
            WHERE rn > 1 OR (x.{key} < {firstNewKey} AND EXISTS (SELECT 1 FROM {table.Name} e WHERE e.{key} = x.{key} AND {same}))
            """);
        if (duplicates == staged) return duplicates;
        // A later row updates the attributes it gives; an empty value leaves the stored one.
        var set = string.Join(", ", attributes.Select(a => $"{a} = coalesce(l.{a}, e.{a})"));
        Execute(db, $"""
            UPDATE {table.Name} e SET {set}
            FROM (SELECT {key}, {string.Join(", ", attributes.Select(a => $"last({a} ORDER BY line) FILTER (WHERE {a} IS NOT NULL) AS {a}"))}
                  FROM {stage} GROUP BY {key}) l
            WHERE e.{key} = l.{key}
            """);
        return duplicates;
    }

    public static long Execute(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteNonQuery();
    }

    public static long Count(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
