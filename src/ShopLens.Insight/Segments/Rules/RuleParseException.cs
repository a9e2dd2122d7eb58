namespace ShopLens.Insight.Segments.Rules;

/// <summary>
/// A rule file or condition that cannot be used, with a one-line message saying where (file, rule, character)
/// and what was expected. It is an <see cref="ArgumentException"/>: what the user gave was wrong, not ShopLens.
/// </summary>
public sealed class RuleParseException : ArgumentException
{
    public RuleParseException() { }

    public RuleParseException(string message) : base(message) { }

    public RuleParseException(string message, Exception inner) : base(message, inner) { }

    public RuleParseException(string message, int position) : base(message) => Position = position;

    /// <summary>The 1-based character of the condition where the problem is; 0 when it is not about one character.</summary>
    public int Position { get; }

    /// <summary>A problem at a character of a condition: <c>PROBLEM at character N of "CONDITION"[; HINT]</c>.</summary>
    internal static RuleParseException At(string condition, string problem, int position, string? hint = null) =>
        new($"{problem} at character {position} of \"{condition}\"{(hint is null ? "" : "; " + hint)}", position);
}
