using System.Diagnostics;
using System.Text.Json;
using ShopLens.Core.Import;
using ShopLens.Core.Store;
using ShopLens.Insight.Features;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// T1 through the store, as <c>shoplens import</c> then <c>shoplens profile</c> do it: a validated, de-duplicated,
/// committed import into a fresh DuckDB file, the same file imported again (all duplicates), then the profile.
/// </summary>
static class T1Store
{
    public static string Run(string input, string dbPath)
    {
        foreach (var f in new[] { dbPath, dbPath + ".wal" }) File.Delete(f);
        var request = new ImportRequest
        {
            Files = [new SourceFile(input)],
            Table = "events",
            Map = ImportRequest.ParseMap("user_id=customer_id,item_id=product_id,event_type=type"),
        };
        var clock = Stopwatch.StartNew();
        using var store = ShopStore.Open(dbPath);
        var first = store.Import(request);
        var import = clock.Elapsed.TotalSeconds;
        var again = store.Import(request);
        var reimport = clock.Elapsed.TotalSeconds - import;
        var profileStart = clock.Elapsed.TotalSeconds;
        var profiled = CustomerProfile.Export(store, CustomerProfile.Materialize(store, asOf: null), Path.ChangeExtension(dbPath, ".profile.csv"));
        var profile = clock.Elapsed.TotalSeconds - profileStart;
        return JsonSerializer.Serialize(new
        {
            task = "T1-store",
            input,
            read = first.Read,
            accepted = first.Accepted,
            duplicates = first.Duplicates,
            rejected = first.Rejected,
            import_s = Math.Round(import, 3),
            stage_s = Math.Round(first.Files[0].StageSeconds, 3),
            rows_per_s = Math.Round(first.Read / import),
            reimport_s = Math.Round(reimport, 3),
            reimport_duplicates = again.Duplicates,
            reimport_rows_per_s = Math.Round(again.Read / reimport),
            profile_s = Math.Round(profile, 3),
            users = profiled,
            peak_rss_mb = Process.GetCurrentProcess().PeakWorkingSet64 >> 20,
        });
    }
}
