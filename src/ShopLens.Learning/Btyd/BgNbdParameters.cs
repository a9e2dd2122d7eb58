namespace ShopLens.Learning.Btyd;

/// <summary>
/// The four parameters of BG/NBD and MBG/NBD: purchase rates λ ~ Gamma(shape r, rate α), dropout probabilities
/// p ~ Beta(a, b) (Fader, Hardie &amp; Lee 2005, §3).
/// </summary>
internal readonly record struct BgNbdParameters(double R, double Alpha, double A, double B)
{
    public static readonly string[] Names = ["r", "alpha", "a", "b"];

    public static BgNbdParameters FromLog(ReadOnlySpan<double> log) =>
        new(Math.Exp(log[0]), Math.Exp(log[1]), Math.Exp(log[2]), Math.Exp(log[3]));

    public void ToArray(Span<double> values) => (values[0], values[1], values[2], values[3]) = (R, Alpha, A, B);

    public bool IsValid => double.IsFinite(R) && R > 0 && double.IsFinite(Alpha) && Alpha > 0
        && double.IsFinite(A) && A > 0 && double.IsFinite(B) && B > 0;

    /// <summary>Writes the parameters and the fit report after a model header.</summary>
    public void Write(BinaryWriter w, BtydFit fit)
    {
        w.Write(R);
        w.Write(Alpha);
        w.Write(A);
        w.Write(B);
        w.Write(fit.Converged);
        w.Write(fit.Iterations);
        w.Write(fit.LogLikelihood);
        w.Write(fit.Message);
        foreach (var name in Names) w.Write(fit.StandardErrors[name]);
    }

    /// <exception cref="InvalidDataException">parameters that are not finite and positive</exception>
    /// <exception cref="EndOfStreamException">a stream cut short</exception>
    public static (BgNbdParameters Parameters, BtydFit Fit) Read(BinaryReader r)
    {
        var p = new BgNbdParameters(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        if (!p.IsValid) throw new InvalidDataException($"parameters {p} are not all finite and positive");
        var converged = r.ReadBoolean();
        var iterations = r.ReadInt32();
        var logLikelihood = r.ReadDouble();
        var message = r.ReadString();
        var errors = new Dictionary<string, double>();
        foreach (var name in Names) errors[name] = r.ReadDouble();
        return (p, new BtydFit(converged, iterations, logLikelihood, message, errors.AsReadOnly()));
    }
}
