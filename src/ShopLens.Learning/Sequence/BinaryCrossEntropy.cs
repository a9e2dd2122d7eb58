using System.Numerics;

namespace ShopLens.Learning.Sequence;

/// <summary>Logistic loss of one logit per row against a 0/1 label (purchase within the horizon); rows labelled −1 skipped.</summary>
static class BinaryCrossEntropy
{
    /// <summary>The summed loss; writes scale × its gradient into dLogits (zero on skipped rows).</summary>
    public static double ForwardBackward<T>(ReadOnlySpan<T> logits, ReadOnlySpan<sbyte> labels, Span<T> dLogits, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var loss = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            dLogits[i] = T.Zero;
            if (labels[i] < 0) continue;
            var z = double.CreateTruncating(logits[i]);
            var signed = labels[i] == 1 ? -z : z;
            loss += Math.Max(signed, 0) + Math.Log(1 + Math.Exp(-Math.Abs(signed)));
            dLogits[i] = scale * T.CreateTruncating(1 / (1 + Math.Exp(-z)) - labels[i]);
        }
        return loss;
    }
}
