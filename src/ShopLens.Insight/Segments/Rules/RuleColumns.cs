using ShopLens.Insight.Features;

namespace ShopLens.Insight.Segments.Rules;

/// <summary>
/// The columns a rule may name, each a number, text or a time (text compares with quoted strings, a time with quoted
/// ISO 8601 dates); <see cref="Profile"/> is the customer profile's.
/// </summary>
public sealed class RuleColumns
{
    readonly HashSet<string> _all;
    readonly HashSet<string> _text;
    readonly HashSet<string> _time;

    public RuleColumns(IEnumerable<string> columns, IEnumerable<string> textColumns, IEnumerable<string> timeColumns)
    {
        Names = [.. columns];
        _all = new HashSet<string>(Names, StringComparer.Ordinal);
        _text = new HashSet<string>(textColumns, StringComparer.Ordinal);
        _time = new HashSet<string>(timeColumns, StringComparer.Ordinal);
        var stray = _text.Concat(_time).FirstOrDefault(t => !_all.Contains(t));
        if (stray is not null) throw new ArgumentException($"column '{stray}' is not among the columns");
        var both = _text.FirstOrDefault(_time.Contains);
        if (both is not null) throw new ArgumentException($"column '{both}' cannot be both text and a time");
    }

    /// <summary>The columns of <see cref="CustomerProfile"/>.</summary>
    public static RuleColumns Profile { get; } =
        new(CustomerProfile.Columns, CustomerProfile.TextColumns, CustomerProfile.TimeColumns);

    public IReadOnlyList<string> Names { get; }

    public bool Contains(string name) => _all.Contains(name);

    public bool IsText(string name) => _text.Contains(name);

    public bool IsTime(string name) => _time.Contains(name);

    /// <summary>
    /// The column whose name is nearest to <paramref name="name"/>, ignoring case: by edit distance to the whole name
    /// or, one edit dearer, to its start (so <c>recency</c> finds <c>recency_days</c>); the first of equals.
    /// </summary>
    public string Closest(string name)
    {
        var typed = name.ToLowerInvariant();
        return Names.MinBy(c =>
        {
            var column = c.ToLowerInvariant();
            return Math.Min(EditDistance(column, typed), EditDistance(column[..Math.Min(column.Length, typed.Length)], typed) + 1);
        })!;
    }

    // Levenshtein distance, one row at a time.
    static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
