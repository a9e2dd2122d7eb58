namespace ShopLens.Learning.Tests.Evaluation;

/// <summary>
/// The fixed vector the scikit-learn 1.2.1 answers were computed on: 16 rows, 7 positives, probabilities tied within
/// and across the classes (0.8, 0.7, 0.4, 0.3 and 0.05 appear more than once).
/// </summary>
static class SmallCase
{
    internal static readonly float[] Labels = [1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0];

    internal static readonly double[] Probabilities = [0.9, 0.8, 0.8, 0.7, 0.7, 0.6, 0.55, 0.4, 0.4, 0.4, 0.3, 0.3, 0.2, 0.1, 0.05, 0.05];
}
