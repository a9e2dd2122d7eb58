namespace ShopLens.Insight.Segments.Rules;

/// <summary>What kind of word a <see cref="RuleToken"/> is.</summary>
enum RuleTokenKind { Word, Number, Text, Operator, Open, Close, Comma, End }

/// <summary>One word of a condition, with its 1-based character position.</summary>
readonly record struct RuleToken(RuleTokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) => Kind == RuleTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>The token as an error message quotes it.</summary>
    public string Describe() => Kind switch
    {
        RuleTokenKind.End => "the end",
        RuleTokenKind.Text => $"the string '{Text}'",
        _ => $"'{Text}'",
    };
}
