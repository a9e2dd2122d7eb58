using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace ShopLens.Learning.Tests.Linear;

/// <summary>
/// karpathy/llm.c's <c>check_tensor</c>: prints the label, the first pairs (OK / NOT OK), the largest difference and the
/// tolerance, and says whether every pair is within it. Differences are relative to max(|a|, |b|, 1).
/// </summary>
static class CheckTensor
{
    public static bool Check(ITestOutputHelper output, string label, ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, double tolerance, int printUpTo = 5)
    {
        if (actual.Length != expected.Length) throw new ArgumentException($"{label}: {actual.Length} values against {expected.Length}");
        var text = new StringBuilder().AppendLine(label);
        var ok = true;
        var maxDiff = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            var diff = Math.Abs(actual[i] - expected[i]) / Math.Max(1, Math.Max(Math.Abs(actual[i]), Math.Abs(expected[i])));
            ok &= diff <= tolerance;
            maxDiff = Math.Max(maxDiff, diff);
            if (i < printUpTo)
                text.AppendLine(CultureInfo.InvariantCulture, $"{(diff <= tolerance ? "OK" : "NOT OK")} {actual[i]:F9} {expected[i]:F9}");
        }
        text.Append(CultureInfo.InvariantCulture, $"TENSOR {(ok ? "OK" : "NOT OK")}, maxdiff = {maxDiff:E3} (tolerance {tolerance:E0})");
        output.WriteLine(text.ToString());
        return ok;
    }
}
