namespace ShopLens.Learning.Btyd;

/// <summary>
/// A fitted MBG/NBD model (Batislam, Denizel &amp; Filiztekin 2007; lifetimes' <c>ModifiedBetaGeoFitter</c>): BG/NBD
/// with a dropout chance p ~ Beta(a, b) also at the first purchase (time 0), so customers without repeat purchases may
/// be gone; purchase rates λ ~ Gamma(r, α). Times are in the unit of the training histories.
/// </summary>
public sealed class MbgNbdModel : BetaGeometricModel
{
    internal MbgNbdModel(BgNbdParameters parameters, MaximumLikelihoodFit fit) : base(parameters, fit) { }

    public override string Name => "mbgnbd";

    private protected override bool Modified => true;

    private protected override string Magic => "SLMBGNBD";

    /// <summary>Reads a model written by <see cref="BetaGeometricModel.Save"/>.</summary>
    /// <exception cref="InvalidDataException">the stream does not hold a MBG/NBD model</exception>
    public static MbgNbdModel Load(Stream stream)
    {
        var (parameters, fit) = Read(stream, "SLMBGNBD", "MBG/NBD");
        return new MbgNbdModel(parameters, fit);
    }
}
