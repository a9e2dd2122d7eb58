using System.Numerics;

namespace ShopLens.Learning.Sequence;

/// <summary>Softmax cross-entropy over a few classes per row (the next event's kind), rows with a negative target skipped.</summary>
static class ClassCrossEntropy
{
    /// <summary>The summed loss; writes scale × its gradient into dLogits (zero on skipped rows).</summary>
    public static double ForwardBackward<T>(ReadOnlySpan<T> logits, ReadOnlySpan<int> targets, Span<T> dLogits, int classes, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var loss = 0.0;
        dLogits[..(targets.Length * classes)].Clear();
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] < 0) continue;
            var z = logits.Slice(i * classes, classes);
            var g = dLogits.Slice(i * classes, classes);
            var max = T.NegativeInfinity;
            foreach (var v in z) max = T.Max(max, v);
            var sum = T.Zero;
            for (var c = 0; c < classes; c++) sum += T.Exp(z[c] - max);
            loss += double.CreateTruncating(T.Log(sum) - (z[targets[i]] - max));
            for (var c = 0; c < classes; c++) g[c] = scale * T.Exp(z[c] - max) / sum;
            g[targets[i]] -= scale;
        }
        return loss;
    }
}
