using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Presets;

/// <summary>The presets by name; no name means canonical files.</summary>
public static class PresetCatalog
{
    static readonly Dictionary<string, Func<ImportPreset>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["online-retail"] = () => new OnlineRetailPreset(),
        ["cdnow"] = () => new CdnowPreset(),
        ["taobao"] = () => new TaobaoPreset(),
        ["movielens"] = () => new MovieLensPreset(),
        ["sasrec"] = () => new SasrecPreset(),
        ["retailrocket"] = () => new RetailRocketPreset(),
    };

    public static IReadOnlyList<string> Names => [.. Factories.Keys.Order(StringComparer.Ordinal)];

    public static IEnumerable<ImportPreset> All => Factories.Values.Select(f => f());

    public static ImportPreset Create(string? preset, string? table, IReadOnlyDictionary<string, string> map)
    {
        if (preset is null or "canonical")
        {
            CanonicalTable? t = null;
            if (table is not null)
                t = CanonicalSchema.Find(table) ?? throw new ImportException($"unknown table '{table}' (tables: {string.Join(", ", CanonicalSchema.All.Select(x => x.Name))})");
            return new CanonicalPreset(t, map);
        }
        if (!Factories.TryGetValue(preset, out var factory))
            throw new ImportException($"unknown format '{preset}' (presets: canonical, {string.Join(", ", Names)})");
        return factory();
    }
}
