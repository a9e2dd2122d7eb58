using ShopLens.Learning.Btyd;

namespace ShopLens.Learning.Tests.Btyd;

/// <summary>Models with given parameters, for the published point checks.</summary>
static class BgNbdTestDataModels
{
    static MaximumLikelihoodFit Given => new(true, 0, double.NaN, 0, Array.AsReadOnly(new double[4]), "given");

    /// <summary>BG/NBD with the CDNOW parameters as printed in Fader, Hardie &amp; Lee (2005) §7.</summary>
    public static BgNbdModel Printed { get; } = new(new BgNbdParameters(0.243, 4.414, 0.793, 2.426), Given);

    /// <summary>MBG/NBD with the same parameters.</summary>
    public static MbgNbdModel PrintedModified { get; } = new(new BgNbdParameters(0.243, 4.414, 0.793, 2.426), Given);
}
