using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ShopLens.Learning.Evaluation;

/// <summary>
/// Least-significant-digit radix sorts of doubles (8 passes of one byte, a pass skipped when every key has the same
/// byte there): O(n) and stable, on a million scores about five times faster than <see cref="Array.Sort(Array)"/>,
/// whose comparison sort dominated the metrics' time. The <c>Naive</c> methods are the plain baselines the tests
/// compare them with.
/// </summary>
static class RadixSort
{
    const ulong SignBit = 1UL << 63;

    /// <summary>Sorts <paramref name="values"/> (no NaN) in place; −0 comes out as +0, which compares equal to it.</summary>
    internal static void Ascending(Span<double> values)
    {
        var keys = MemoryMarshal.Cast<double, ulong>(values);
        for (var i = 0; i < keys.Length; i++) keys[i] = Key(values[i]);
        Sort(keys, []);
        for (var i = 0; i < keys.Length; i++) keys[i] = ValueBits(keys[i]);
    }

    /// <summary>
    /// The row indices by descending score (no NaN), equal scores in row order (the sort is stable), so a cut through a
    /// tie always takes the same rows.
    /// </summary>
    internal static int[] DescendingOrder(ReadOnlySpan<double> scores)
    {
        var keys = GC.AllocateUninitializedArray<ulong>(scores.Length);
        var order = GC.AllocateUninitializedArray<int>(scores.Length);
        // The complement reverses the order of the keys, so an ascending sort ranks the highest score first.
        for (var i = 0; i < keys.Length; i++) (keys[i], order[i]) = (~Key(scores[i]), i);
        Sort(keys, order);
        return order;
    }

    internal static void NaiveAscending(Span<double> values) => values.Sort();

    internal static int[] NaiveDescendingOrder(ReadOnlySpan<double> scores)
    {
        var order = Enumerable.Range(0, scores.Length).ToArray();
        var copy = scores.ToArray();
        Array.Sort(order, (a, b) => copy[b] != copy[a] ? copy[b].CompareTo(copy[a]) : a.CompareTo(b));
        return order;
    }

    /// <summary>Sorts <paramref name="keys"/> ascending, moving <paramref name="items"/> (empty, or one per key) with them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // usually called once, on many rows: tier-0 code would run most of it
    static void Sort(Span<ulong> keys, Span<int> items)
    {
        var n = keys.Length;
        if (n < 2) return;
        // counts: (8, 256), for each byte position the number of keys with each byte value, all from one pass.
        Span<int> counts = stackalloc int[8 * 256];
        counts.Clear();
        foreach (var key in keys)
            for (var b = 0; b < 8; b++) counts[(b << 8) | (int)((key >> (8 * b)) & 0xFF)]++;
        // The scatter targets are rented, so a large sort allocates nothing.
        var rentedKeys = ArrayPool<ulong>.Shared.Rent(n);
        var rentedItems = items.IsEmpty ? [] : ArrayPool<int>.Shared.Rent(n);
        Span<ulong> source = keys, target = rentedKeys.AsSpan(0, n);
        Span<int> sourceItems = items, targetItems = rentedItems.AsSpan(0, items.Length);
        for (var b = 0; b < 8; b++)
        {
            var shift = 8 * b;
            var start = counts.Slice(b << 8, 256);
            if (start[(int)((source[0] >> shift) & 0xFF)] == n) continue;
            var next = 0;
            for (var d = 0; d < 256; d++) (start[d], next) = (next, next + start[d]);
            for (var i = 0; i < n; i++)
            {
                var to = start[(int)((source[i] >> shift) & 0xFF)]++;
                target[to] = source[i];
                if (!sourceItems.IsEmpty) targetItems[to] = sourceItems[i];
            }
            var swap = source;
            source = target;
            target = swap;
            var swapItems = sourceItems;
            sourceItems = targetItems;
            targetItems = swapItems;
        }
        // An odd number of passes leaves the result in the rented buffers.
        if (source != keys)
        {
            source.CopyTo(keys);
            sourceItems.CopyTo(items);
        }
        ArrayPool<ulong>.Shared.Return(rentedKeys);
        if (!items.IsEmpty) ArrayPool<int>.Shared.Return(rentedItems);
    }

    /// <summary>
    /// The double's bits as an unsigned integer in the same order: negative numbers have all bits flipped (so a larger
    /// magnitude sorts lower), the others only the sign bit (so they sort above every negative). −0 is taken as +0.
    /// </summary>
    static ulong Key(double x)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(x == 0 ? 0.0 : x);
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    /// <summary>The bits of the double whose <see cref="Key"/> is <paramref name="key"/>.</summary>
    static ulong ValueBits(ulong key) => (key & SignBit) != 0 ? key & ~SignBit : ~key;
}
