namespace ShopLens.Learning.Sequence;

/// <summary>
/// A minibatch of <see cref="Sequences"/> windows, each padded at its end to <see cref="Length"/> (the longest in the
/// batch, so batches of similar lengths waste little): per position the event read (item, kind, gap bucket) and what
/// follows it (next item, next kind, and whether the intent kind occurs within the horizon; −1 where unknown or padding).
/// </summary>
sealed class SequenceBatch
{
    public SequenceBatch(int sequences, int length)
    {
        (Sequences, Length) = (sequences, length);
        var n = sequences * length;
        (Item, Kind, Gap, NextItem, NextKind, Negative, Intent, Used) = (new int[n], new int[n], new int[n], new int[n], new int[n], new int[n], new sbyte[n], new int[sequences]);
        Array.Fill(NextItem, -1);
        Array.Fill(NextKind, -1);
        Array.Fill(Intent, (sbyte)-1);
        Position = new int[n];
        for (var i = 0; i < n; i++) Position[i] = i % length;
    }

    public int Sequences { get; }

    public int Length { get; }

    public int[] Item { get; }

    public int[] Kind { get; }

    public int[] Gap { get; }

    /// <summary>Each position's place in its window (0 … Length − 1), the index of its position embedding.</summary>
    public int[] Position { get; }

    public int[] NextItem { get; }

    public int[] NextKind { get; }

    /// <summary>For the sampled loss: an item the user never touched, per position.</summary>
    public int[] Negative { get; }

    public sbyte[] Intent { get; }

    /// <summary>Real (unpadded) positions of each sequence.</summary>
    public int[] Used { get; }

    public int Tokens => Sequences * Length;

    /// <summary>
    /// One batch of windows (<see cref="SequenceWindow"/>); with <paramref name="withTargets"/>, each position's targets
    /// are the event after it (the last one's is event <c>To</c>, when there is one), and the intent label looks at the
    /// window's usable events within <paramref name="horizonSeconds"/>, unknown when the horizon passes its <c>ObservedUntil</c>.
    /// </summary>
    public static SequenceBatch Of(EventSequences data, IReadOnlyList<SequenceWindow> windows, int gapBuckets,
        bool withTargets, int? intentKind, long horizonSeconds, Random? negatives)
    {
        var length = windows.Max(w => w.To - w.From);
        var batch = new SequenceBatch(windows.Count, length);
        for (var b = 0; b < windows.Count; b++)
        {
            var (s, from, to, end, observedUntil) = windows[b];
            var items = data.ItemsOf(s);
            var kinds = data.KindsOf(s);
            var times = data.TimesOf(s);
            batch.Used[b] = to - from;
            HashSet<int>? seen = negatives is null ? null : [.. items];
            for (var e = from; e < to; e++)
            {
                var at = b * length + e - from;
                batch.Item[at] = items[e];
                batch.Kind[at] = kinds[e];
                batch.Gap[at] = TimeGap.Bucket(e == 0 ? 0 : times[e] - times[e - 1], e == 0, gapBuckets);
                if (!withTargets || e + 1 > to || e + 1 >= items.Length) continue;
                batch.NextItem[at] = items[e + 1];
                batch.NextKind[at] = kinds[e + 1];
                if (negatives is not null)
                {
                    int candidate;
                    do candidate = negatives.Next(data.Items); while (seen!.Contains(candidate) && seen.Count < data.Items);
                    batch.Negative[at] = candidate;
                }
                if (intentKind is { } wanted) batch.Intent[at] = IntentLabel(kinds, times, e, end, wanted, horizonSeconds, observedUntil);
            }
        }
        return batch;
    }

    /// <summary>One sequence's last <paramref name="length"/> events as inputs, no targets (for inference).</summary>
    public static SequenceBatch Single(ReadOnlySpan<int> items, ReadOnlySpan<int> kinds, ReadOnlySpan<long> times, int length, int gapBuckets)
    {
        var batch = new SequenceBatch(1, length);
        var from = items.Length - length;
        batch.Used[0] = length;
        for (var e = from; e < items.Length; e++)
        {
            batch.Item[e - from] = items[e];
            batch.Kind[e - from] = kinds[e];
            batch.Gap[e - from] = TimeGap.Bucket(e == 0 ? 0 : times[e] - times[e - 1], e == 0, gapBuckets);
        }
        return batch;
    }

    /// <summary>1 if the wanted kind occurs after event e within the horizon, 0 if it does not and the horizon is observed, −1 otherwise.</summary>
    static sbyte IntentLabel(ReadOnlySpan<int> kinds, ReadOnlySpan<long> times, int e, int end, int wanted, long horizon, long observedUntil)
    {
        for (var later = e + 1; later < Math.Min(end, kinds.Length) && times[later] <= times[e] + horizon; later++)
            if (kinds[later] == wanted) return 1;
        return times[e] + horizon <= observedUntil ? (sbyte)0 : (sbyte)-1;
    }
}
