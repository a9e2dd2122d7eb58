using System.Numerics;
using System.Numerics.Tensors;

namespace ShopLens.Learning.Sequence;

/// <summary>
/// Multi-head causal self-attention over b sequences of t positions (llm.c's attention_forward / _backward): from
/// qkv (each row the d query, d key and d value entries, heads side by side) to each position's weighted sum of
/// the values at it and before it. Sequences are padded at the end, so a real position never sees padding. The
/// softmax weights (b × heads × t × t) are kept for the backward pass; (sequence, head) pairs run in parallel and
/// write disjoint parts of the outputs.
/// </summary>
static class CausalSelfAttention
{
    public static void Forward<T>(ReadOnlySpan<T> qkv, Span<T> output, Span<T> weights, int b, int t, int d, int heads, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        unsafe
        {
            fixed (T* pq = qkv, po = output, pw = weights)
            {
                var (q, o, w) = ((IntPtr)pq, (IntPtr)po, (IntPtr)pw);
                var (lq, lo, lw) = (qkv.Length, output.Length, weights.Length);
                Parallel.For(0, b * heads, new ParallelOptions { MaxDegreeOfParallelism = threads }, pair =>
                    Head(new ReadOnlySpan<T>((T*)q, lq), new Span<T>((T*)o, lo), new Span<T>((T*)w, lw), pair / heads, pair % heads, t, d, heads));
            }
        }
    }

    static void Head<T>(ReadOnlySpan<T> qkv, Span<T> output, Span<T> weights, int sequence, int head, int t, int d, int heads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var size = d / heads;
        var scale = T.One / T.Sqrt(T.CreateTruncating(size));
        var (first, part) = (sequence * t, head * size);
        for (var i = 0; i < t; i++)
        {
            var query = qkv.Slice((first + i) * 3 * d + part, size);
            var row = weights.Slice(((sequence * heads + head) * t + i) * t, t);
            var max = T.NegativeInfinity;
            for (var j = 0; j <= i; j++)
            {
                row[j] = TensorPrimitives.Dot(query, qkv.Slice((first + j) * 3 * d + d + part, size)) * scale;
                max = T.Max(max, row[j]);
            }
            var sum = T.Zero;
            for (var j = 0; j <= i; j++)
            {
                row[j] = T.Exp(row[j] - max);
                sum += row[j];
            }
            var out_ = output.Slice((first + i) * d + part, size);
            out_.Clear();
            for (var j = 0; j <= i; j++)
            {
                row[j] /= sum;
                TensorPrimitives.MultiplyAdd(qkv.Slice((first + j) * 3 * d + 2 * d + part, size), row[j], out_, out_);
            }
            row[(i + 1)..].Clear();
        }
    }

    /// <summary>Adds to dqkv the gradient of the attention output's upstream gradient dOutput.</summary>
    public static void Backward<T>(ReadOnlySpan<T> dOutput, ReadOnlySpan<T> qkv, ReadOnlySpan<T> weights, Span<T> dqkv, int b, int t, int d,
        int heads, int threads) where T : unmanaged, IFloatingPointIeee754<T>
    {
        unsafe
        {
            fixed (T* pd = dOutput, pq = qkv, pw = weights, pg = dqkv)
            {
                var (dd, q, w, g) = ((IntPtr)pd, (IntPtr)pq, (IntPtr)pw, (IntPtr)pg);
                var (ld, lq, lw) = (dOutput.Length, qkv.Length, weights.Length);
                Parallel.For(0, b * heads, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => new T[t], (pair, _, scratch) =>
                {
                    HeadBackward(new ReadOnlySpan<T>((T*)dd, ld), new ReadOnlySpan<T>((T*)q, lq), new ReadOnlySpan<T>((T*)w, lw),
                        new Span<T>((T*)g, lq), scratch, pair / heads, pair % heads, t, d, heads);
                    return scratch;
                }, _ => { });
            }
        }
    }

    static void HeadBackward<T>(ReadOnlySpan<T> dOutput, ReadOnlySpan<T> qkv, ReadOnlySpan<T> weights, Span<T> dqkv, Span<T> dScore,
        int sequence, int head, int t, int d, int heads) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var size = d / heads;
        var scale = T.One / T.Sqrt(T.CreateTruncating(size));
        var (first, part) = (sequence * t, head * size);
        for (var i = 0; i < t; i++)
        {
            var up = dOutput.Slice((first + i) * d + part, size);
            var row = weights.Slice(((sequence * heads + head) * t + i) * t, t);
            // Through the weighted sum: d(weight j) = up · v_j, d(v_j) += weight j · up.
            var dot = T.Zero;
            for (var j = 0; j <= i; j++)
            {
                var at = (first + j) * 3 * d + 2 * d + part;
                dScore[j] = TensorPrimitives.Dot(up, qkv.Slice(at, size));
                dot += dScore[j] * row[j];
                var dv = dqkv.Slice(at, size);
                TensorPrimitives.MultiplyAdd(up, row[j], dv, dv);
            }
            // Through the softmax, then the scaled dot products.
            var dq = dqkv.Slice((first + i) * 3 * d + part, size);
            var query = qkv.Slice((first + i) * 3 * d + part, size);
            for (var j = 0; j <= i; j++)
            {
                var g = row[j] * (dScore[j] - dot) * scale;
                var at = (first + j) * 3 * d + d + part;
                TensorPrimitives.MultiplyAdd(qkv.Slice(at, size), g, dq, dq);
                var dk = dqkv.Slice(at, size);
                TensorPrimitives.MultiplyAdd(query, g, dk, dk);
            }
        }
    }
}
