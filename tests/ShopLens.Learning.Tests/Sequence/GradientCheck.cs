using Xunit.Abstractions;

namespace ShopLens.Learning.Tests.Sequence;

/// <summary>
/// Analytic gradients against central differences in double, reported per tensor as llm.c reports its checks:
/// the largest absolute difference and the largest relative error |a − n| / max(|a|, |n|, 1e-2 · scale, 1e-4), the floor
/// keeping gradients that are zero in theory (a key bias under softmax) from dividing the differences' 1e-9 noise by ~0.
/// </summary>
static class GradientCheck
{
    public const double Tolerance = 1e-5;

    /// <summary>Central differences of f at <paramref name="at"/> (changed and restored in place), step 1e-6 relative.</summary>
    public static double[] Numeric(Func<double> f, double[] at, int offset = 0, int length = -1)
    {
        length = length < 0 ? at.Length - offset : length;
        var gradient = new double[length];
        for (var j = 0; j < length; j++)
        {
            var keep = at[offset + j];
            var h = 1e-6 * Math.Max(1, Math.Abs(keep));
            at[offset + j] = keep + h;
            var plus = f();
            at[offset + j] = keep - h;
            var minus = f();
            at[offset + j] = keep;
            gradient[j] = (plus - minus) / (2 * h);
        }
        return gradient;
    }

    /// <summary>Prints the tensor's line and returns its largest relative error.</summary>
    public static double Compare(ITestOutputHelper output, string name, ReadOnlySpan<double> analytic, ReadOnlySpan<double> numeric)
    {
        var scale = 0.0;
        foreach (var v in numeric) scale = Math.Max(scale, Math.Abs(v));
        var (maxAbs, maxRel) = (0.0, 0.0);
        for (var i = 0; i < analytic.Length; i++)
        {
            var diff = Math.Abs(analytic[i] - numeric[i]);
            maxAbs = Math.Max(maxAbs, diff);
            maxRel = Math.Max(maxRel, diff / Math.Max(Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric[i])), Math.Max(1e-2 * scale, 1e-4)));
        }
        output.WriteLine($"{(maxRel < Tolerance ? "OK " : "NOT OK")} {name,-28} {analytic.Length,6} values  max |diff| {maxAbs:E2}  max rel err {maxRel:E2}");
        return maxRel;
    }

    public static double[] Random(int length, int seed, double scale = 1)
    {
        var rng = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => scale * (2 * rng.NextDouble() - 1))];
    }

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
