namespace ShopLens.Learning.Btyd;

/// <summary>
/// A fitted BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"): purchase rates
/// λ ~ Gamma(r, α), a dropout chance p ~ Beta(a, b) after every repeat purchase; per-customer alive probabilities and
/// expected purchases. Times are in the unit of the training histories.
/// </summary>
public sealed class BgNbdModel : BetaGeometricModel
{
    internal BgNbdModel(BgNbdParameters parameters, MaximumLikelihoodFit fit) : base(parameters, fit) { }

    public override string Name => "bgnbd";

    private protected override bool Modified => false;

    private protected override string Magic => "SLBGNBD_";

    /// <summary>Reads a model written by <see cref="BetaGeometricModel.Save"/>.</summary>
    /// <exception cref="InvalidDataException">the stream does not hold a BG/NBD model</exception>
    public static BgNbdModel Load(Stream stream)
    {
        var (parameters, fit) = Read(stream, "SLBGNBD_", "BG/NBD");
        return new BgNbdModel(parameters, fit);
    }
}
