namespace ShopLens.Learning.Btyd;

/// <summary>
/// The four parameters of BG/NBD and MBG/NBD: purchase rates λ ~ Gamma(shape r, rate α), dropout probabilities
/// p ~ Beta(a, b) (Fader, Hardie &amp; Lee 2005, §3).
/// </summary>
internal readonly record struct BgNbdParameters(double R, double Alpha, double A, double B)
{
    /// <summary>The names in the literature, in the order of <see cref="ToArray"/>, the fit and the model file.</summary>
    public static readonly string[] Names = ["r", "alpha", "a", "b"];

    public static BgNbdParameters From(IReadOnlyList<double> values) => new(values[0], values[1], values[2], values[3]);

    public double[] ToArray() => [R, Alpha, A, B];
}
