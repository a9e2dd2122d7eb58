using System.Numerics;
using System.Numerics.Tensors;

namespace ShopLens.Learning.Sequence;

/// <summary>
/// SASRec's original objective: per position, the logistic loss of the next item (label 1) and of one sampled item
/// the user never touched (label 0), both scored against the tied item embeddings.
/// </summary>
static class SampledBinaryCrossEntropy
{
    /// <summary>
    /// The summed loss over rows whose target is ≥ 0 (each row: −log σ(h·e₊) − log(1 − σ(h·e₋))); adds scale × its
    /// gradient to dHidden and dItems.
    /// </summary>
    public static double ForwardBackward<T>(ReadOnlySpan<T> hidden, ReadOnlySpan<T> items, ReadOnlySpan<int> targets, ReadOnlySpan<int> negatives,
        Span<T> dHidden, Span<T> dItems, int d, T scale) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var loss = 0.0;
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] < 0) continue;
            var h = hidden.Slice(i * d, d);
            var dh = dHidden.Slice(i * d, d);
            for (var side = 0; side < 2; side++)
            {
                var (item, label) = side == 0 ? (targets[i], 1) : (negatives[i], 0);
                var e = items.Slice(item * d, d);
                var z = double.CreateTruncating(TensorPrimitives.Dot(h, e));
                // −log σ(z) for the positive, −log(1 − σ(z)) = −log σ(−z) for the negative, both as softplus.
                var signed = label == 1 ? -z : z;
                loss += Math.Max(signed, 0) + Math.Log(1 + Math.Exp(-Math.Abs(signed)));
                var g = scale * T.CreateTruncating(1 / (1 + Math.Exp(-z)) - label);
                TensorPrimitives.MultiplyAdd(e, g, dh, dh);
                var de = dItems.Slice(item * d, d);
                TensorPrimitives.MultiplyAdd(h, g, de, de);
            }
        }
        return loss;
    }
}
