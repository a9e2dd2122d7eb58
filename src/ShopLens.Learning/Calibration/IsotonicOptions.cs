namespace ShopLens.Learning.Calibration;

/// <summary>
/// Options of <see cref="IsotonicTrainer"/>, as scikit-learn's <c>IsotonicRegression(out_of_bounds="clip")</c>
/// (<c>increasing=True</c> by default).
/// </summary>
public sealed record IsotonicOptions
{
    /// <summary>
    /// True fits a probability that rises with the score; false one that falls with it, for scores where lower means
    /// more likely (a distance, a rank); default true.
    /// </summary>
    public bool Increasing { get; init; } = true;

    /// <summary>Not used: the fit draws nothing at random; present as on every learner's options (default 1).</summary>
    public int Seed { get; init; } = 1;
}
