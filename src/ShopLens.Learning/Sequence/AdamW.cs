namespace ShopLens.Learning.Sequence;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019), as llm.c's adamw_update: bias-corrected moments,
/// then θ −= lr · (m̂ / (√v̂ + ε) + λ θ), the decay only on the tensors the layout marks (the layers' matrices, not
/// embeddings, norms or biases). β₂ = 0.98 as SASRec.pytorch sets it.
/// </summary>
sealed class AdamW(SequenceLayout layout, double weightDecay, double beta1 = 0.9, double beta2 = 0.98, double epsilon = 1e-8)
{
    readonly float[] _m = new float[layout.Size];
    readonly float[] _v = new float[layout.Size];
    int _step;

    public int Steps => _step;

    public void Step(float[] parameters, float[] gradients, double learningRate)
    {
        _step++;
        var (c1, c2) = (1 - Math.Pow(beta1, _step), 1 - Math.Pow(beta2, _step));
        var (b1, b2, eps) = ((float)beta1, (float)beta2, (float)epsilon);
        foreach (var tensor in layout.All)
        {
            var decay = tensor.Decays ? (float)(learningRate * weightDecay) : 0f;
            var (lr1, root2) = ((float)(learningRate / c1), (float)Math.Sqrt(c2));
            for (int i = tensor.Offset, end = tensor.Offset + tensor.Length; i < end; i++)
            {
                var g = gradients[i];
                var m = _m[i] = b1 * _m[i] + (1 - b1) * g;
                var v = _v[i] = b2 * _v[i] + (1 - b2) * g * g;
                // m̂ / (√v̂ + ε) = (m / c1) / (√v / √c2 + ε)
                parameters[i] -= lr1 * m / (MathF.Sqrt(v) / root2 + eps) + decay * parameters[i];
            }
        }
    }
}
