namespace ShopLens.Learning.Text;

/// <summary>What one term of a text added to its log-odds of the positive class (negative: it pulled towards negative).</summary>
public readonly record struct TermContribution(string Term, double LogOdds);
