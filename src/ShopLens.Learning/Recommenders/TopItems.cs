namespace ShopLens.Learning.Recommenders;

/// <summary>The k best-scoring items, leaving out some (what the user already has): a partial selection, not a full sort.</summary>
public static class TopItems
{
    /// <summary>
    /// Indices of the <paramref name="k"/> highest <paramref name="scores"/>, best first, ties by lower index, skipping
    /// <paramref name="excluded"/> (sorted increasing) and non-finite scores.
    /// </summary>
    public static int[] Select(ReadOnlySpan<float> scores, int k, ReadOnlySpan<int> excluded)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        // A min-heap of the best k so far, worst at the root.
        var heap = new (float Score, int Item)[k];
        var size = 0;
        var skip = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            while (skip < excluded.Length && excluded[skip] < i) skip++;
            if (skip < excluded.Length && excluded[skip] == i) continue;
            var s = scores[i];
            if (!float.IsFinite(s) || k == 0) continue;
            if (size < k)
            {
                heap[size] = (s, i);
                SiftUp(heap, size++);
            }
            else if (Better(s, i, heap[0]))
            {
                heap[0] = (s, i);
                SiftDown(heap, size);
            }
        }
        var result = heap[..size];
        Array.Sort(result, (x, y) => Better(x.Score, x.Item, y) ? -1 : Better(y.Score, y.Item, x) ? 1 : 0);
        return [.. result.Select(e => e.Item)];
    }

    static bool Better(float score, int item, (float Score, int Item) than) => score > than.Score || (score == than.Score && item < than.Item);

    static void SiftUp((float Score, int Item)[] heap, int at)
    {
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (!Better(heap[parent].Score, heap[parent].Item, heap[at])) return;
            (heap[parent], heap[at]) = (heap[at], heap[parent]);
            at = parent;
        }
    }

    static void SiftDown((float Score, int Item)[] heap, int size)
    {
        var at = 0;
        while (true)
        {
            int left = 2 * at + 1, right = left + 1, worst = at;
            if (left < size && Better(heap[worst].Score, heap[worst].Item, heap[left])) worst = left;
            if (right < size && Better(heap[worst].Score, heap[worst].Item, heap[right])) worst = right;
            if (worst == at) return;
            (heap[worst], heap[at]) = (heap[at], heap[worst]);
            at = worst;
        }
    }
}
