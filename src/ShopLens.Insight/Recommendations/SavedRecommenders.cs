using DuckDB.NET.Data;
using ShopLens.Core.Store;
using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// The store's <c>recommenders</c> table: the newest fit of each recommender, with the customer and product keys its
/// rows and columns stand for (a model knows only indices), so that <c>recommend</c> can use it later.
/// </summary>
public static class SavedRecommenders
{
    /// <summary>A saved recommender: the model, the keys of its users and items, its setting and when it was fitted.</summary>
    public sealed record Saved(string Name, IRecommender Model, int[] CustomerKeys, int[] ProductKeys, string Setting, DateTime CreatedAt);

    /// <summary>Replaces the saved fit of <paramref name="name"/>.</summary>
    public static void Save(ShopStore store, string name, IRecommender model, IReadOnlyList<int> customerKeys, IReadOnlyList<int> productKeys, string setting)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(customerKeys);
        ArgumentNullException.ThrowIfNull(productKeys);
        using var bytes = new MemoryStream();
        using (var w = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            foreach (var keys in new[] { customerKeys, productKeys })
            {
                w.Write(keys.Count);
                foreach (var key in keys) w.Write(key);
            }
        }
        model.Save(bytes);
        using var tx = store.Connection.BeginTransaction();
        store.Execute($"DELETE FROM recommenders WHERE model = {SqlLiteral.Text(name)}");
        using (var insert = store.Connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO recommenders (model, created_at, setting, data) VALUES ($1, $2, $3, $4)";
            insert.Parameters.Add(new DuckDBParameter(name));
            insert.Parameters.Add(new DuckDBParameter(DateTime.UtcNow));
            insert.Parameters.Add(new DuckDBParameter(setting));
            insert.Parameters.Add(new DuckDBParameter(bytes.ToArray()));
            insert.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>The names of the saved recommenders.</summary>
    public static IReadOnlyList<string> Names(IShopStore store) => [.. List(store).Select(r => r.Name)];

    /// <summary>What a saved recommender is, without loading it.</summary>
    public sealed record Summary(string Name, string Setting, DateTime CreatedAt);

    /// <summary>The saved recommenders, by name.</summary>
    public static IReadOnlyList<Summary> List(IShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var list = new List<Summary>();
        using var reader = store.Query("SELECT model, setting, created_at FROM recommenders ORDER BY model");
        while (reader.Read()) list.Add(new Summary(reader.GetString(0), reader.GetString(1), DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc)));
        return list;
    }

    /// <exception cref="KeyNotFoundException">no recommender of that name was trained</exception>
    /// <exception cref="InvalidDataException">the saved bytes are not a recommender</exception>
    public static Saved Load(IShopStore store, string name)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var reader = store.Query($"SELECT created_at, setting, data FROM recommenders WHERE model = {SqlLiteral.Text(name)}");
        if (!reader.Read()) throw new KeyNotFoundException($"no trained recommender '{name}': run `shoplens train recs --model {name}` first");
        var (created, setting) = (DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc), reader.GetString(1));
        using var data = new MemoryStream();
        using (var blob = reader.GetStream(2)) blob.CopyTo(data);
        data.Position = 0;
        using var r = new BinaryReader(data, System.Text.Encoding.UTF8, leaveOpen: true);
        var keys = new int[2][];
        for (var part = 0; part < 2; part++)
        {
            var count = r.ReadInt32();
            if (count < 0 || count > data.Length / sizeof(int)) throw new InvalidDataException($"the saved recommender '{name}' is damaged");
            keys[part] = new int[count];
            for (var k = 0; k < count; k++) keys[part][k] = r.ReadInt32();
        }
        var model = RecommenderFile.Load(data);
        if (model.Items != keys[1].Length) throw new InvalidDataException($"the saved recommender '{name}' ranks {model.Items} products but names {keys[1].Length}");
        return new Saved(name, model, keys[0], keys[1], setting, created);
    }
}
