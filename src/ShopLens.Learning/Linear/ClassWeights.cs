namespace ShopLens.Learning.Linear;

/// <summary>How <see cref="LogisticRegressionTrainer"/> weights the two classes (scikit-learn's <c>class_weight</c>).</summary>
public enum ClassWeights
{
    /// <summary>Every row counts with its own weight (or 1).</summary>
    None,

    /// <summary>
    /// Rows of class c are weighted by n / (2 · n_c), counted without the row weights, as scikit-learn's
    /// <c>class_weight="balanced"</c>: each class carries half the total weight.
    /// </summary>
    Balanced,
}
