using ShopLens.Learning.Text;

namespace ShopLens.Insight.Reviews;

/// <summary>A review quoted for a theme, with the classifier's P(positive) and the n-grams that drove it when one is trained.</summary>
public sealed record ThemeExample(string? ReviewId, string CustomerId, string ProductId, DateTime Time, int Rating, string Text,
    double? Probability, IReadOnlyList<TermContribution> Reasons);

/// <summary>One calendar month (UTC, <c>yyyy-MM</c>): the scope's complaints (or praise) written in it and how many name the theme.</summary>
public sealed record ThemeMonth(string Month, int Reviews, int Mentions)
{
    public double Share => Reviews == 0 ? 0 : (double)Mentions / Reviews;
}

/// <summary>
/// What complaints (or praise) keep naming: its n-grams (the first names it), the strongest log-odds z-score among
/// them, how many of the scope's complaints (praise) mention any and what share that is, the latest examples, and the
/// monthly trend.
/// </summary>
public sealed record ReviewTheme(string Name, IReadOnlyList<string> Terms, double Z, int Mentions, double Share,
    IReadOnlyList<ThemeExample> Examples, IReadOnlyList<ThemeMonth> Trend);

/// <summary>The complained-about and praised themes of a scope (the shop, or one product).</summary>
public sealed record ThemeAnalysis(string Scope, int Reviews, int Complaints, int Praise, IReadOnlyList<ReviewTheme> Complained,
    IReadOnlyList<ReviewTheme> Praised);
