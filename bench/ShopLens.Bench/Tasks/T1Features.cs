using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ShopLens.Core.Import;
using ShopLens.Core.Import.Columnar;
using ShopLens.Core.Model;
using ShopLens.Insight.Features;

namespace ShopLens.Bench.Tasks;

/// <summary>T1: the benchmark events CSV → per-user features → CSV, through ShopLens's reader and in-memory aggregation.</summary>
static class T1Features
{
    static readonly IReadOnlyDictionary<string, string> Map = ImportRequest.ParseMap("user_id=customer_id,item_id=product_id,category_id=category,event_type=type");

    public static string Run(string input, string output)
    {
        var clock = Stopwatch.StartNew();
        var log = EventLogReader.Read(new SourceFile(input), Map);
        var read = clock.Elapsed.TotalSeconds;
        var features = ActivityFeatures.Compute(log);
        var aggregate = clock.Elapsed.TotalSeconds;
        var revenue = Write(log, features, output);
        var total = clock.Elapsed.TotalSeconds;
        return JsonSerializer.Serialize(new
        {
            task = "T1",
            peer = "shoplens (EventLogReader + ActivityFeatures)",
            input,
            rows = log.Count,
            rejected = log.Rejected,
            users = log.CustomerIds.Count,
            read_s = Math.Round(read, 3),
            aggregate_s = Math.Round(aggregate - read, 3),
            write_s = Math.Round(total - aggregate, 3),
            total_s = Math.Round(total, 3),
            revenue_total = Math.Round(revenue, 2),
            peak_rss_mb = Process.GetCurrentProcess().PeakWorkingSet64 >> 20,
        });
    }

    // The peers' layout: user_id,n_view,n_cart,n_purchase,n_items,n_categories,revenue,first_ts,last_ts,recency_s (Unix seconds), by user id.
    static double Write(EventLog log, ActivityFeatures f, string output)
    {
        var users = Enumerable.Range(0, log.CustomerIds.Count).ToArray();
        var numeric = log.CustomerIds.All(id => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        if (numeric)
        {
            var keys = log.CustomerIds.Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToArray();
            Array.Sort(keys, users);
        }
        else Array.Sort(log.CustomerIds.ToArray(), users, StringComparer.Ordinal);
        using var w = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 20);
        w.Write("user_id,n_view,n_cart,n_purchase,n_items,n_categories,revenue,first_ts,last_ts,recency_s\n");
        var total = 0.0;
        Span<char> buf = stackalloc char[32];
        foreach (var c in users)
        {
            total += f.Revenue[c];
            w.Write(log.CustomerIds[c]);
            Field(w, f.Count(c, EventType.View), buf);
            Field(w, f.Count(c, EventType.Cart), buf);
            Field(w, f.Count(c, EventType.Purchase), buf);
            Field(w, f.Items[c], buf);
            Field(w, f.Categories[c], buf);
            w.Write(',');
            f.Revenue[c].TryFormat(buf, out var n, "0.00", CultureInfo.InvariantCulture);
            w.Write(buf[..n]);
            Field(w, f.FirstMicros[c] / 1_000_000, buf);
            Field(w, f.LastMicros[c] / 1_000_000, buf);
            Field(w, (long)f.RecencySeconds(c), buf);
            w.Write('\n');
        }
        return total;
    }

    static void Field(StreamWriter w, long value, Span<char> buf)
    {
        w.Write(',');
        value.TryFormat(buf, out var n, default, CultureInfo.InvariantCulture);
        w.Write(buf[..n]);
    }
}
