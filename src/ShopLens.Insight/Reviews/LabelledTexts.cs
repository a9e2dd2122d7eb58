namespace ShopLens.Insight.Reviews;

/// <summary>A line of a labelled file that was not used, and why.</summary>
public sealed record RejectedLine(long Line, string Reason);

/// <summary>
/// Texts with a positive/negative label, read from a file (<see cref="LabelledTextFile"/>): every data line is a
/// text here, a line in <see cref="Rejected"/> with its reason, or a neutral rating (3 stars) counted in
/// <see cref="Neutral"/> — none is dropped unseen.
/// </summary>
public sealed record LabelledTexts(string Source, string TextColumn, string LabelColumn, LabelKind Kind,
    IReadOnlyList<string> Texts, bool[] Labels, IReadOnlyList<RejectedLine> Rejected, int Neutral)
{
    public int Positives => Labels.Count(l => l);

    /// <summary>Data lines read: used, rejected and neutral.</summary>
    public int Lines => Texts.Count + Rejected.Count + Neutral;
}

/// <summary>How a label column reads.</summary>
public enum LabelKind
{
    /// <summary>1/0, pos/neg, positive/negative, true/false, yes/no.</summary>
    Binary,

    /// <summary>Star ratings as weak labels: 4-5 positive, 1-2 negative, 3 left out.</summary>
    Ratings,
}
