using System.Collections.ObjectModel;
using System.Text;

namespace ShopLens.Learning.Btyd;

/// <summary>
/// How a maximum-likelihood fit (<see cref="MaximumLikelihood.Fit"/>: BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma) went:
/// whether L-BFGS converged, the best start's iterations, the log-likelihood at the parameters (summed over customers,
/// without any penalty), the customers it saw, the parameters' standard errors from the observed information in the
/// model's parameter order (NaN when it is not positive definite), and a message saying why it stopped.
/// </summary>
public sealed record MaximumLikelihoodFit(bool Converged, int Iterations, double LogLikelihood, int Customers, ReadOnlyCollection<double> StandardErrors, string Message)
{
    // 2: BG/NBD and MBG/NBD files took this layout; their version 1 had no customer count and the message before the errors.
    const int FormatVersion = 2;

    /// <summary><see cref="StandardErrors"/> keyed by the model's parameter names, given in the same order.</summary>
    internal IReadOnlyDictionary<string, double> StandardErrorsByName(IReadOnlyList<string> names)
    {
        var errors = new Dictionary<string, double>(names.Count);
        for (var j = 0; j < names.Count; j++) errors[names[j]] = StandardErrors[j];
        return errors.AsReadOnly();
    }

    /// <summary>Writes a model file: the 8-byte header, the format version, the parameters, then this report.</summary>
    internal void Write(Stream stream, string magic, IReadOnlyList<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(magic));
        w.Write(FormatVersion);
        foreach (var v in parameters) w.Write(v);
        w.Write(Converged);
        w.Write(Iterations);
        w.Write(LogLikelihood);
        w.Write(Customers);
        foreach (var v in StandardErrors) w.Write(v);
        w.Write(Message);
    }

    /// <summary>Reads what <see cref="Write"/> wrote: <paramref name="count"/> positive parameters and the report; <paramref name="label"/> names the model in errors.</summary>
    /// <exception cref="InvalidDataException">another header, a newer format, a bad parameter or a file cut short</exception>
    internal static (double[] Parameters, MaximumLikelihoodFit Fit) Read(Stream stream, string magic, string label, int count)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (Encoding.ASCII.GetString(r.ReadBytes(magic.Length)) != magic) throw new InvalidDataException($"not a ShopLens {label} model");
            var version = r.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"{label} model format {version}; this version reads {FormatVersion}");
            var theta = new double[count];
            for (var j = 0; j < count; j++)
                if (!((theta[j] = r.ReadDouble()) > 0) || double.IsInfinity(theta[j])) throw new InvalidDataException($"{label} parameter {j} is {theta[j]}");
            var (converged, iterations, logLikelihood, customers) = (r.ReadBoolean(), r.ReadInt32(), r.ReadDouble(), r.ReadInt32());
            var errors = new double[count];
            for (var j = 0; j < count; j++) errors[j] = r.ReadDouble();
            return (theta, new MaximumLikelihoodFit(converged, iterations, logLikelihood, customers, Array.AsReadOnly(errors), r.ReadString()));
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"the {label} model is cut short", e);
        }
    }
}
