namespace ShopLens.Learning.Sequence;

/// <summary>
/// Many users' event sequences, each in time order, stored back to back: sequence s is events
/// <c>Start[s] .. Start[s + 1])</c>, each an item index 0 … <see cref="Items"/> − 1, a kind 0 … <see cref="Kinds"/> − 1
/// (view, add to cart, purchase … — what they stand for is the caller's business) and a time in seconds. Files without
/// times (the SASRec format) give each event the time of its place in the sequence.
/// </summary>
public sealed class EventSequences
{
    EventSequences(int items, int kinds, int[] start, int[] item, int[] kind, long[] time) =>
        (Items, Kinds, Start, Item, Kind, Time) = (items, kinds, start, item, kind, time);

    public int Items { get; }

    public int Kinds { get; }

    /// <summary>Where each sequence starts; length <see cref="Count"/> + 1.</summary>
    public int[] Start { get; }

    public int[] Item { get; }

    public int[] Kind { get; }

    /// <summary>Seconds on any fixed clock, non-decreasing within a sequence.</summary>
    public long[] Time { get; }

    public int Count => Start.Length - 1;

    public int Events => Item.Length;

    public int Length(int sequence) => Start[sequence + 1] - Start[sequence];

    public ReadOnlySpan<int> ItemsOf(int sequence) => Item.AsSpan(Start[sequence], Length(sequence));

    public ReadOnlySpan<int> KindsOf(int sequence) => Kind.AsSpan(Start[sequence], Length(sequence));

    public ReadOnlySpan<long> TimesOf(int sequence) => Time.AsSpan(Start[sequence], Length(sequence));

    /// <summary>Checks and wraps the arrays (not copied).</summary>
    /// <exception cref="LearnerInputException">lengths that disagree, an index out of range, or times that go back within a sequence</exception>
    public static EventSequences Create(int items, int kinds, int[] start, int[] item, int[] kind, long[] time)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(time);
        if (items < 1 || kinds < 1) throw new LearnerInputException($"event sequences need ≥ 1 item and ≥ 1 kind (got {items} and {kinds})");
        if (item.Length != kind.Length || item.Length != time.Length)
            throw new LearnerInputException($"event arrays of different lengths: {item.Length} items, {kind.Length} kinds, {time.Length} times");
        if (start.Length == 0 || start[0] != 0 || start[^1] != item.Length)
            throw new LearnerInputException($"sequence starts must run from 0 to the {item.Length} events");
        for (var s = 0; s + 1 < start.Length; s++)
        {
            if (start[s + 1] < start[s]) throw new LearnerInputException($"sequence {s} ends before it starts");
            for (var e = start[s]; e < start[s + 1]; e++)
            {
                if ((uint)item[e] >= (uint)items) throw new LearnerInputException($"event {e}: item {item[e]} is outside 0 … {items - 1}");
                if ((uint)kind[e] >= (uint)kinds) throw new LearnerInputException($"event {e}: kind {kind[e]} is outside 0 … {kinds - 1}");
                if (e > start[s] && time[e] < time[e - 1]) throw new LearnerInputException($"event {e}: time goes back within sequence {s}");
            }
        }
        return new EventSequences(items, kinds, start, item, kind, time);
    }

    /// <summary>Sequences of items alone, one kind, each event timed by its place (as the SASRec files give them).</summary>
    public static EventSequences FromItems(int items, IReadOnlyList<int[]> sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var start = new int[sequences.Count + 1];
        for (var s = 0; s < sequences.Count; s++) start[s + 1] = start[s] + sequences[s].Length;
        var item = new int[start[^1]];
        var time = new long[item.Length];
        for (var s = 0; s < sequences.Count; s++)
        {
            sequences[s].CopyTo(item, start[s]);
            for (var e = 0; e < sequences[s].Length; e++) time[start[s] + e] = e;
        }
        return Create(items, 1, start, item, new int[item.Length], time);
    }
}
