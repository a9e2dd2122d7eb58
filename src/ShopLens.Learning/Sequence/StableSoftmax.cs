using System.Numerics.Tensors;

namespace ShopLens.Learning.Sequence;

/// <summary>
/// Softmax with the maximum subtracted first. TensorPrimitives.SoftMax exponentiates the raw values, which overflows
/// to ∞ / ∞ = NaN once a trained model's attention scores pass about 88.
/// </summary>
static class StableSoftmax
{
    public static void InPlace(Span<float> values)
    {
        var max = TensorPrimitives.Max(values);
        TensorPrimitives.Subtract(values, max, values);
        TensorPrimitives.Exp(values, values);
        TensorPrimitives.Divide(values, TensorPrimitives.Sum(values), values);
    }
}
