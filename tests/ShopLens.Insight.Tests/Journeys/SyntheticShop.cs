using System.Globalization;
using System.Text;
using ShopLens.Core.Import;
using ShopLens.Core.Synthetic;
using ShopLens.Insight.Tests.Cohorts;

namespace ShopLens.Insight.Tests.Journeys;

/// <summary>A small synthetic shop (2000 customers, 180 days) generated and imported once, with its planted customer truth.</summary>
public sealed class SyntheticShop : IDisposable
{
    public static readonly ShopSimulatorOptions Options = new() { Customers = 2000, Days = 180, Seed = 11 };

    internal TestStore Shop { get; } = new();

    /// <summary>Planted truth per customer id: when they were first seen and when they stopped for good.</summary>
    public IReadOnlyDictionary<string, (DateTime FirstSeen, DateTime Death)> Truth { get; }

    public SyntheticShop()
    {
        var summary = Shop.WithSyntheticShop(Options);
        var signUps = File.ReadLines(summary.CustomersPath).Skip(1).Select(Fields).ToDictionary(f => f[0], f => Time(f[1]));
        var lines = File.ReadLines(summary.TruthCustomersPath).Select(Fields).ToList();
        var id = lines[0].IndexOf("customer_id");
        var death = lines[0].IndexOf("death_time");
        Truth = lines.Skip(1).ToDictionary(f => f[id], f => (signUps[f[id]], Time(f[death])));
    }

    static DateTime Time(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    // The generator quotes fields holding a comma or a quote, as RFC 4180.
    static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    public void Dispose() => Shop.Dispose();
}

/// <summary>The test classes that share one <see cref="SyntheticShop"/> (generating and importing it once).</summary>
[CollectionDefinition(Name)]
public sealed class SyntheticShopCollection : ICollectionFixture<SyntheticShop>
{
    public const string Name = "synthetic shop";
}
