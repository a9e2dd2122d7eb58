using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ShopLens.Learning.Clustering;

namespace ShopLens.Learning.Linear;

/// <summary>
/// The weighted logistic loss of one chunk of rows, forward and backward, the inner loop of logistic regression.
/// With few columns (customer features: 5 to 20) a SIMD loop along a row barely fills a vector, so the kernels run
/// across rows, on each chunk's rows laid out column by column (<see cref="ChunkColumns"/>). Features are float32,
/// every sum is float64. Each SIMD kernel has its plain loop beside it (<c>…Naive</c>), used where vectors are not
/// accelerated and tested against it; <see cref="Forward"/> adds in the same order as its plain loop, so their scores
/// are the same bits.
/// </summary>
static class LogisticLoss
{
    /// <summary>
    /// Floats between the starts of two columns of a chunk: the chunk's rows and one cache line more, so the columns
    /// are not a multiple of 4 KiB apart and a loop over them does not keep hitting the same L1 cache set.
    /// </summary>
    public const int ColumnStride = RowChunks.Size + 16;

    /// <summary>
    /// x: (N,D) row-major → (C,D,S) with C = <see cref="RowChunks"/>.Count(N), S = <see cref="ColumnStride"/>: chunk c
    /// (rows [s, e), L = e − s) starts at c·D·S and holds its rows column by column, the first L of each column's S.
    /// </summary>
    public static float[] ChunkColumns(float[] x, int columns, int threads, CancellationToken ct)
    {
        var rows = x.Length / columns;
        var blocks = new float[RowChunks.Count(rows) * columns * ColumnStride];
        RowChunks.For(rows, threads, ct, (chunk, start, end) =>
        {
            var block = blocks.AsSpan(chunk * columns * ColumnStride, columns * ColumnStride);
            for (var i = start; i < end; i++)
            {
                var row = x.AsSpan(i * columns, columns);
                for (var j = 0; j < columns; j++) block[j * ColumnStride + i - start] = row[j];
            }
        });
        return blocks;
    }

    // forward: z_i = b + Σ_j u_j (x_ij − m_j), the sum taken in column order.
    // x: (D,S) one chunk column by column, the first L of each column used   m: (D)   u: (D)   z: (L)
    public static void ForwardNaive(ReadOnlySpan<float> x, int stride, ReadOnlySpan<double> m, ReadOnlySpan<double> u, double b, Span<double> z)
    {
        var rows = z.Length;
        z.Fill(b);
        for (var j = 0; j < m.Length; j++)
        {
            var column = x.Slice(j * stride, rows);
            for (var i = 0; i < rows; i++) z[i] += u[j] * (column[i] - m[j]);
        }
    }

    /// <summary><see cref="ForwardNaive"/> across a vector of rows at a time; the same additions in the same order, so the same bits.</summary>
    public static void Forward(ReadOnlySpan<float> x, int stride, ReadOnlySpan<double> m, ReadOnlySpan<double> u, double b, Span<double> z)
    {
        int rows = z.Length, columns = m.Length, width = Vector<float>.Count, half = Vector<double>.Count;
        if (!Vector.IsHardwareAccelerated || rows < width) { ForwardNaive(x, stride, m, u, b, z); return; }
        CheckShape(x, stride, columns, rows, u.Length);
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var z0 = ref MemoryMarshal.GetReference(z);
        var i = 0;
        // One vector of rows at a time, its sums kept in registers across the columns; the last, partial vector is
        // redone from an earlier start (rewriting a few rows with the same values).
        while (true)
        {
            if (i > rows - width) i = rows - width;
            Vector<double> low = new(b), high = new(b);
            for (var j = 0; j < columns; j++)
            {
                Vector.Widen(Vector.LoadUnsafe(ref x0, (nuint)(j * stride + i)), out var xl, out var xh);
                var mj = new Vector<double>(m[j]);
                var uj = new Vector<double>(u[j]);
                low += uj * (xl - mj);
                high += uj * (xh - mj);
            }
            low.StoreUnsafe(ref z0, (nuint)i);
            high.StoreUnsafe(ref z0, (nuint)(i + half));
            if (i == rows - width) return;
            i += width;
        }
    }

    // loss: Σ_i w_i [softplus(z_i) − y_i z_i];  backward: z_i ← ∂loss/∂z_i = w_i (σ(z_i) − y_i), in place.
    // z: (L)   y: (L)   w: (L), or empty for weight 1
    public static double LossNaive(Span<double> z, ReadOnlySpan<float> y, ReadOnlySpan<double> w)
    {
        var loss = 0.0;
        for (var i = 0; i < z.Length; i++)
        {
            // e^−|z| never overflows: softplus(z) = max(z, 0) + log(1 + e^−|z|), σ(z) = (z ≥ 0 ? 1 : e^z) / (1 + e^−|z|).
            var e = Math.Exp(-Math.Abs(z[i]));
            var weight = w.IsEmpty ? 1.0 : w[i];
            loss += weight * (Math.Max(z[i], 0) + LogOnePlus(e) - y[i] * z[i]);
            z[i] = weight * ((z[i] >= 0 ? 1 : e) / (1 + e) - y[i]);
        }
        return loss;
    }

    /// <summary><see cref="LossNaive"/> across a vector of rows at a time (within an ulp or so of it per row).</summary>
    public static double Loss(Span<double> z, ReadOnlySpan<float> y, ReadOnlySpan<double> w)
    {
        int rows = z.Length, width = Vector<float>.Count, half = Vector<double>.Count;
        if (!Vector.IsHardwareAccelerated) return LossNaive(z, y, w);
        if (y.Length != rows || (!w.IsEmpty && w.Length != rows)) throw new ArgumentException("labels and weights do not match the scores");
        var whole = rows / width * width;
        ref var z0 = ref MemoryMarshal.GetReference(z);
        ref var w0 = ref MemoryMarshal.GetReference(w);
        var sum = Vector<double>.Zero;
        for (var i = 0; i < whole; i += width)
        {
            Vector.Widen(Vector.LoadUnsafe(ref MemoryMarshal.GetReference(y), (nuint)i), out var yl, out var yh);
            var wl = w.IsEmpty ? Vector<double>.One : Vector.LoadUnsafe(ref w0, (nuint)i);
            var wh = w.IsEmpty ? Vector<double>.One : Vector.LoadUnsafe(ref w0, (nuint)(i + half));
            sum += Loss(ref Unsafe.Add(ref z0, i), yl, wl);
            sum += Loss(ref Unsafe.Add(ref z0, i + half), yh, wh);
        }
        return Vector.Sum(sum) + LossNaive(z[whole..], y[whole..], w.IsEmpty ? w : w[whole..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector<double> Loss(ref double at, Vector<double> y, Vector<double> w)
    {
        var z = Vector.LoadUnsafe(ref at);
        var e = Vector.Exp(-Vector.Abs(z));
        var onePlus = Vector<double>.One + e;
        var sigmoid = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(z, Vector<double>.Zero), Vector<double>.One, e) / onePlus;
        (w * (sigmoid - y)).StoreUnsafe(ref at);
        return w * (Vector.Max(z, Vector<double>.Zero) + LogOnePlus(e, onePlus) - y * z);
    }

    // backward: g_j += Σ_i r_i (x_ij − m_j); returns Σ_i r_i, the intercept's gradient.
    // x: (D,S) one chunk column by column, the first L of each column used   m: (D)   r: (L)   g: (D)
    public static double BackwardNaive(ReadOnlySpan<float> x, int stride, ReadOnlySpan<double> m, ReadOnlySpan<double> r, Span<double> g)
    {
        var rows = r.Length;
        for (var j = 0; j < m.Length; j++)
        {
            var column = x.Slice(j * stride, rows);
            var sum = 0.0;
            for (var i = 0; i < rows; i++) sum += r[i] * (column[i] - m[j]);
            g[j] += sum;
        }
        var total = 0.0;
        foreach (var ri in r) total += ri;
        return total;
    }

    /// <summary><see cref="BackwardNaive"/> with a vector of partial sums per column, added up at the end.</summary>
    public static double Backward(ReadOnlySpan<float> x, int stride, ReadOnlySpan<double> m, ReadOnlySpan<double> r, Span<double> g)
    {
        int rows = r.Length, columns = m.Length, width = Vector<float>.Count, half = Vector<double>.Count;
        if (!Vector.IsHardwareAccelerated) return BackwardNaive(x, stride, m, r, g);
        CheckShape(x, stride, columns, rows, g.Length);
        var whole = rows / width * width;
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var r0 = ref MemoryMarshal.GetReference(r);
        for (var j = 0; j < columns; j++)
        {
            var mj = new Vector<double>(m[j]);
            Vector<double> low = Vector<double>.Zero, high = Vector<double>.Zero;
            for (var i = 0; i < whole; i += width)
            {
                Vector.Widen(Vector.LoadUnsafe(ref x0, (nuint)(j * stride + i)), out var xl, out var xh);
                low += Vector.LoadUnsafe(ref r0, (nuint)i) * (xl - mj);
                high += Vector.LoadUnsafe(ref r0, (nuint)(i + half)) * (xh - mj);
            }
            var sum = Vector.Sum(low + high);
            for (var i = whole; i < rows; i++) sum += r[i] * (x[j * stride + i] - m[j]);
            g[j] += sum;
        }
        var total = Vector<double>.Zero;
        for (var i = 0; i < whole; i += half) total += Vector.LoadUnsafe(ref r0, (nuint)i);
        var rest = 0.0;
        for (var i = whole; i < rows; i++) rest += r[i];
        return Vector.Sum(total) + rest;
    }

    /// <summary>log(1 + e) to a few ulps for small e as well (Goldberg 1991, "What every computer scientist should know about floating-point arithmetic", Theorem 4).</summary>
    static double LogOnePlus(double e)
    {
        var u = 1 + e;
        return u == 1 ? e : Math.Log(u) * e / (u - 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector<double> LogOnePlus(Vector<double> e, Vector<double> onePlus) =>
        Vector.ConditionalSelect(Vector.Equals(onePlus, Vector<double>.One), e, Vector.Log(onePlus) * e / (onePlus - Vector<double>.One));

    static void CheckShape(ReadOnlySpan<float> x, int stride, int columns, int rows, int width)
    {
        if (stride < rows || x.Length < (columns - 1) * stride + rows || width != columns)
            throw new ArgumentException($"a chunk of {x.Length} values with columns {stride} apart for {rows} rows of {columns} columns");
    }
}
