namespace ShopLens.Learning.Evaluation;

/// <summary>How <see cref="CalibrationCurve"/> places its bin edges (scikit-learn's <c>strategy</c>).</summary>
public enum CalibrationBinning
{
    /// <summary>Equal widths over [0, 1].</summary>
    Uniform,

    /// <summary>Equal numbers of rows: the edges are quantiles of the predicted probabilities.</summary>
    Quantile,
}
