using ShopLens.Learning.Sequence;

namespace ShopLens.Learning.Recommenders;

/// <summary>
/// The sequence Transformer as a recommender: it keeps each training user's latest events in time order, and a user's
/// scores are the model's next-item scores after them. What order alone tells — what came last, what tends to follow
/// what — no item-set model sees, which is what it brings to the hybrid. <see cref="IRecommender.Score"/> is given a
/// set, not an order, so history items the kept events lack (acts since fitting) are read after them, in the
/// history's order, as the kept last event's kind and time; a user it was not fitted on is read in the history's order.
/// </summary>
public sealed class SequenceRecommender : IRecommender
{
    internal const string Magic = "SLRECSEQ";
    const int FormatVersion = 1;
    const string Label = "sequence";

    readonly SequenceModel _model;
    readonly EventSequences _users;

    SequenceRecommender(SequenceModel model, EventSequences users) => (_model, _users) = (model, users);

    public string Name => "sequence";

    public int Items => _model.Items;

    /// <summary>What the Transformer was trained with.</summary>
    public SequenceOptions Options => _model.Options;

    /// <summary>
    /// Trains on <paramref name="users"/> (sequence u is user u's events; empty for a user without any) and keeps each
    /// user's latest <see cref="SequenceOptions.MaxLength"/> events to score from.
    /// </summary>
    /// <exception cref="LearnerInputException">no user with two events</exception>
    public static SequenceRecommender Fit(EventSequences users, SequenceOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(options);
        var model = new SequenceTrainer(options).Fit(users, ct: ct);
        return new SequenceRecommender(model, Latest(users, options.MaxLength));
    }

    public void Score(int user, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights, Span<float> scores)
    {
        if (scores.Length != Items) throw new ArgumentException($"scores need {Items} entries, not {scores.Length}", nameof(scores));
        var known = user >= 0 && user < _users.Count ? _users.ItemsOf(user) : [];
        var seen = new HashSet<int>(known.Length);
        foreach (var i in known) seen.Add(i);
        List<int> items = [.. known];
        List<int> kinds = [.. user >= 0 && user < _users.Count ? _users.KindsOf(user) : []];
        List<long> times = [.. user >= 0 && user < _users.Count ? _users.TimesOf(user) : []];
        var (kind, time) = kinds.Count == 0 ? (0, 0L) : (kinds[^1], times[^1]);
        foreach (var i in historyItems)
        {
            if ((uint)i >= (uint)Items || seen.Contains(i)) continue;
            items.Add(i);
            kinds.Add(kind);
            times.Add(time);
        }
        if (items.Count == 0)
        {
            // Nothing to read: no order to go on, so no preference.
            scores.Clear();
            return;
        }
        _model.Predict([.. items], [.. kinds], [.. times]).ItemScores.CopyTo(scores);
    }

    /// <summary>Each sequence's last <paramref name="length"/> events, copied.</summary>
    static EventSequences Latest(EventSequences data, int length)
    {
        var start = new int[data.Count + 1];
        for (var s = 0; s < data.Count; s++) start[s + 1] = start[s] + Math.Min(length, data.Length(s));
        var (item, kind, time) = (new int[start[^1]], new int[start[^1]], new long[start[^1]]);
        for (var s = 0; s < data.Count; s++)
        {
            var n = start[s + 1] - start[s];
            data.ItemsOf(s)[^n..].CopyTo(item.AsSpan(start[s], n));
            data.KindsOf(s)[^n..].CopyTo(kind.AsSpan(start[s], n));
            data.TimesOf(s)[^n..].CopyTo(time.AsSpan(start[s], n));
        }
        return EventSequences.Create(data.Items, data.Kinds, start, item, kind, time);
    }

    /// <summary>Writes the users' kept events, then the model's own file.</summary>
    public void Save(Stream stream)
    {
        using (var w = RecommenderFile.Writer(stream, Magic, FormatVersion))
        {
            w.Write(_users.Items);
            w.Write(_users.Kinds);
            w.Write(_users.Count);
            RecommenderFile.Write(w, _users.Start);
            RecommenderFile.Write(w, _users.Item);
            RecommenderFile.Write(w, _users.Kind);
            foreach (var t in _users.Time) w.Write(t);
        }
        _model.Save(stream);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">another header, a newer format, a bad value or a file cut short</exception>
    public static SequenceRecommender Load(Stream stream) => RecommenderFile.Load(stream, Magic, Label, Read);

    /// <summary>The rest of the file after its header.</summary>
    internal static SequenceRecommender Read(BinaryReader r) => RecommenderFile.Body(r, FormatVersion, Label, () =>
    {
        var items = RecommenderFile.ReadCount(r, Label, "items", least: 1);
        var kinds = RecommenderFile.ReadCount(r, Label, "kinds", least: 1);
        var users = RecommenderFile.ReadCount(r, Label, "users");
        var start = RecommenderFile.ReadInts(r, users + 1, Label, "sequence starts");
        var events = start[^1];
        if (events < 0) throw new InvalidDataException($"{Label} model: {events} events");
        var item = RecommenderFile.ReadInts(r, events, Label, "event items");
        var kind = RecommenderFile.ReadInts(r, events, Label, "event kinds");
        var time = new long[events];
        for (var e = 0; e < events; e++) time[e] = r.ReadInt64();
        EventSequences sequences;
        try
        {
            sequences = EventSequences.Create(items, kinds, start, item, kind, time);
        }
        catch (LearnerInputException e)
        {
            throw new InvalidDataException($"{Label} model: {e.Message}", e);
        }
        var model = SequenceModel.Load(r.BaseStream);
        if (model.Items != items || model.Kinds != kinds)
            throw new InvalidDataException($"{Label} model: the Transformer scores {model.Items} items and {model.Kinds} kinds, not {items} and {kinds}");
        return new SequenceRecommender(model, sequences);
    });
}
