using ShopLens.Core.Import.Reading;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Columnar;

/// <summary>
/// Reads an events file straight into an <see cref="EventLog"/> (no store, no de-duplication): the fast path for
/// one-off analysis of a file. Columns are found by canonical name after <c>map</c>, plus <c>category</c>. A plain
/// CSV is split at line boundaries and parsed on several threads; its quoted fields must not contain newlines
/// (a record broken by a split shows up as rejected, never as a wrong value).
/// </summary>
public static class EventLogReader
{
    static readonly string[] Needed = ["customer_id", "product_id", "category", "type", "timestamp", "price", "quantity"];

    public static EventLog Read(SourceFile source, IReadOnlyDictionary<string, string> map, int threads = 2)
    {
        if (source.ResolvedFormat is not ("csv" or "tsv")) throw new ImportException($"{source.Name}: the columnar reader takes CSV or TSV");
        var dialect = source.ResolvedFormat == "tsv" ? DelimitedDialect.Tsv : DelimitedDialect.Csv;
        using var first = SourceFormats.OpenDelimited(source, dialect, header: null);
        var names = first.Header.Select(h => map.TryGetValue(h, out var to) ? to : h).ToArray();
        var at = Needed.Select(n => Array.FindIndex(names, h => string.Equals(h, n, StringComparison.OrdinalIgnoreCase))).ToArray();
        var missing = Needed.Where((n, i) => at[i] < 0 && n is "customer_id" or "type" or "timestamp").ToArray();
        if (missing.Length > 0)
            throw new ImportException($"{source.Name}: missing column(s) {string.Join(", ", missing)}; the header has: {string.Join(", ", first.Header)}");

        var ranges = source.IsGzip || threads < 2 ? [] : SplitPoints(source.Path, threads);
        // One set of columns for the whole file, sized from a sample of line lengths; each part fills its slice.
        var parts = new EventLogPart[ranges.Length + 1];
        var bytesPerRow = SampleBytesPerRow(source);
        var capacities = new int[parts.Length];
        for (var p = 0; p < parts.Length; p++)
        {
            var bytes = source.IsGzip ? 64L << 20 : p < ranges.Length ? ranges[p].Start - (p == 0 ? 0 : ranges[p - 1].Start) : new FileInfo(source.Path).Length - (p == 0 ? 0 : ranges[p - 1].Start);
            capacities[p] = (int)Math.Min(Array.MaxLength / 4, bytes / bytesPerRow * 1.08 + 1024);
        }
        var shared = new EventColumns(capacities.Sum(), hasQuantity: at[6] >= 0);
        for (int p = 0, offset = 0; p < parts.Length; offset += capacities[p], p++)
            parts[p] = new EventLogPart(shared, offset, capacities[p]);
        // The first part reads through the already-open reader (past the header) up to the first split point.
        var firstEnd = ranges.Length == 0 ? long.MaxValue : ranges[0].Start;
        var tasks = new Task[parts.Length];
        tasks[0] = Task.Run(() => parts[0].ReadAll(ranges.Length == 0 ? first : Limited(source, 0, firstEnd, dialect, first.Header, skipHeader: true), at));
        for (var p = 1; p < parts.Length; p++)
        {
            var (start, end) = ranges[p - 1];
            var part = parts[p];
            tasks[p] = Task.Run(() => part.ReadAll(Limited(source, start, end, dialect, first.Header, skipHeader: false), at));
        }
        Task.WaitAll(tasks);
        return Merge(parts, shared);
    }

    static double SampleBytesPerRow(SourceFile source)
    {
        using var s = SourceFormats.OpenText(source);
        var buffer = new byte[1 << 16];
        var n = s.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var lines = buffer.AsSpan(0, n).Count((byte)'\n');
        return lines < 2 ? 64 : Math.Max(8.0, (double)n / lines);
    }

    // Byte ranges after the first part: each starts just after a newline.
    static (long Start, long End)[] SplitPoints(string path, int threads)
    {
        var length = new FileInfo(path).Length;
        if (length < 8 << 20) return [];
        using var fs = File.OpenRead(path);
        var starts = new List<long>();
        var buffer = new byte[1 << 16];
        for (var t = 1; t < threads; t++)
        {
            fs.Position = length * t / threads;
            var n = fs.Read(buffer, 0, buffer.Length);
            var nl = Array.IndexOf(buffer, (byte)'\n', 0, n);
            if (nl >= 0) starts.Add(length * t / threads + nl + 1);
        }
        return starts.Select((s, i) => (s, i + 1 < starts.Count ? starts[i + 1] : length)).ToArray();
    }

    static DelimitedRecordReader Limited(SourceFile source, long start, long end, DelimitedDialect dialect, IReadOnlyList<string> header, bool skipHeader)
    {
        var fs = new FileStream(source.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16) { Position = start };
        var reader = DelimitedRecordReader.Open(new SliceStream(fs, end - start), end - start, dialect, header);
        if (skipHeader) reader.Read();
        return reader;
    }

    // The parts' rows are moved together in the shared columns (no copy when every part fit its slice), and
    // every part's keys are rewritten as keys of the first part's dictionaries.
    static EventLog Merge(EventLogPart[] parts, EventColumns shared)
    {
        var (customers, products, categories) = (parts[0].Customers, parts[0].Products, parts[0].Categories);
        foreach (var part in parts)
        {
            foreach (var (columns, offset, count) in part.Segments)
            {
                Remap(columns.Customer.AsSpan(offset, count), part.Customers, customers);
                Remap(columns.Product.AsSpan(offset, count), part.Products, products);
                Remap(columns.Category.AsSpan(offset, count), part.Categories, categories);
            }
        }
        var total = parts.Sum(p => p.Count);
        var target = total <= shared.Capacity ? shared : new EventColumns(total, shared.Quantity.Length > 0);
        var at = 0;
        foreach (var part in parts)
        {
            foreach (var (columns, offset, count) in part.Segments)
            {
                if (columns != target || offset != at) columns.CopyRows(offset, target, at, count);
                at += count;
            }
        }
        return new EventLog
        {
            Count = total,
            Customer = target.Customer,
            Product = target.Product,
            Category = target.Category,
            Type = target.Type,
            Micros = target.Micros,
            Price = target.Price,
            Quantity = target.Quantity,
            CustomerIds = Ids(customers),
            ProductIds = Ids(products),
            CategoryIds = Ids(categories),
            Rejected = parts.Sum(p => p.Rejected),
            ByReason = parts.SelectMany(p => p.ByReason).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value)),
        };
    }

    // Rewrites a part's local keys as keys of the first part's dictionary, in place.
    static void Remap(Span<int> local, Store.IdDictionary from, Store.IdDictionary into)
    {
        if (ReferenceEquals(from, into)) return;
        var map = new int[from.Count];
        for (var k = 0; k < map.Length; k++) map[k] = into.GetOrAdd(from.IdOf(k));
        for (var i = 0; i < local.Length; i++) local[i] = local[i] < 0 ? -1 : map[local[i]];
    }

    static string[] Ids(Store.IdDictionary d)
    {
        var ids = new string[d.Count];
        for (var k = 0; k < ids.Length; k++) ids[k] = d.IdOf(k);
        return ids;
    }
}
