using System.Buffers;
using System.Numerics;

namespace ShopLens.Learning.Numerics;

/// <summary>
/// Dense matrix product C += α · op(A) · B of row-major matrices, blocked as BLIS and OpenBLAS do it (Goto and van de
/// Geijn 2008): blocks of A and B are packed into contiguous slivers sized for the caches and an AVX2/FMA micro-kernel
/// keeps a 6 × 16 (float) or 6 × 8 (double) tile of C in registers. Work is split over blocks of C, or, for a tall
/// thin product such as a Gram matrix YᵀY, over fixed chunks of the shared dimension whose sums are added in chunk
/// order; which split is taken depends on the shape alone, so the result is the same bits for any number of threads.
/// </summary>
public static unsafe class Gemm
{
    /// <summary>At most this many chunks of k: bounds the memory of their partial sums.</summary>
    const int MaxChunks = 64;

    /// <summary>
    /// C (m × n) += α · op(A) · B (k × n), where op(A) is A (m × k) or, with <paramref name="transposeA"/>, the
    /// transpose of A stored k × m (so YᵀY is <c>Multiply(y, true, y, c, f, f, rows)</c>).
    /// </summary>
    public static void Multiply(ReadOnlySpan<float> a, bool transposeA, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k,
        float alpha = 1, int threads = 1, CancellationToken ct = default) =>
        Multiply<float>(a, transposeA, b, false, c, m, n, k, alpha, threads, GemmKernel.Vectorized, ct);

    /// <inheritdoc cref="Multiply(ReadOnlySpan{float}, bool, ReadOnlySpan{float}, Span{float}, int, int, int, float, int, CancellationToken)"/>
    public static void Multiply(ReadOnlySpan<double> a, bool transposeA, ReadOnlySpan<double> b, Span<double> c, int m, int n, int k,
        double alpha = 1, int threads = 1, CancellationToken ct = default) =>
        Multiply<double>(a, transposeA, b, false, c, m, n, k, alpha, threads, GemmKernel.Vectorized, ct);

    /// <summary>
    /// C (m × n) += α · op(A) · op(B): op(A) as above, op(B) is B (k × n) or, with <paramref name="transposeB"/>, the
    /// transpose of B stored n × k (so a layer's X·Wᵀ for W stored out × in is <c>Multiply(x, false, w, true, …)</c>).
    /// With <paramref name="accumulate"/> false, C = α · op(A) · op(B) instead, C's old values never read: the same bits as
    /// clearing C first, without the two extra passes over it that a wide C (a batch's logits) makes memory-bound.
    /// </summary>
    public static void Multiply(ReadOnlySpan<float> a, bool transposeA, ReadOnlySpan<float> b, bool transposeB, Span<float> c, int m, int n, int k,
        float alpha = 1, int threads = 1, bool accumulate = true, CancellationToken ct = default) =>
        Multiply<float>(a, transposeA, b, transposeB, c, m, n, k, alpha, threads, GemmKernel.Vectorized, ct, accumulate);

    /// <summary>The public entry with the kernel chosen: <paramref name="vector"/> false runs the scalar kernel (same bits).</summary>
    internal static void Multiply<T>(ReadOnlySpan<T> a, bool transposeA, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k, T alpha, int threads,
        bool vector, CancellationToken ct) where T : unmanaged, IFloatingPointIeee754<T> =>
        Multiply<T>(a, transposeA, b, false, c, m, n, k, alpha, threads, vector, ct);

    /// <summary>Either operand transposed, the kernel chosen; generic so that layers run in float and are checked in double.</summary>
    internal static void Multiply<T>(ReadOnlySpan<T> a, bool transposeA, ReadOnlySpan<T> b, bool transposeB, Span<T> c, int m, int n, int k,
        T alpha, int threads, bool vector, CancellationToken ct, bool accumulate = true) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (a.Length != (long)m * k) throw new ArgumentException($"A of a product with m = {m}, k = {k} has {(long)m * k} entries, not {a.Length}", nameof(a));
        if (b.Length != (long)k * n) throw new ArgumentException($"B of a product with k = {k}, n = {n} has {(long)k * n} entries, not {b.Length}", nameof(b));
        if (c.Length != (long)m * n) throw new ArgumentException($"C of a product with m = {m}, n = {n} has {(long)m * n} entries, not {c.Length}", nameof(c));
        fixed (T* pa = a, pb = b, pc = c)
            Run(new GemmOperand<T>(pa, transposeA ? m : k, transposeA), new GemmOperand<T>(pb, transposeB ? k : n, transposeB), pc, n, m, n, k,
                alpha, threads, vector, ct, accumulate);
    }

    /// <summary>
    /// C (m × n, row stride <paramref name="ldc"/>) += α · A · B for operands as the product reads them (= without
    /// <paramref name="accumulate"/>).
    /// </summary>
    internal static void Run<T>(GemmOperand<T> a, GemmOperand<T> b, T* c, int ldc, int m, int n, int k, T alpha, int threads, bool vector,
        CancellationToken ct, bool accumulate = true) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (!accumulate)
                for (var i = 0; i < m; i++) new Span<T>(c + (long)i * ldc, n).Clear();
            return;
        }
        var units = Blocks(m, GemmBlocking<T>.MC) * Blocks(Math.Min(n, GemmBlocking<T>.NC), GemmBlocking<T>.NU);
        if (units >= 4 || k < 2 * GemmBlocking<T>.KChunk)
        {
            Blocked(a, b, c, ldc, m, n, k, alpha, threads, vector, ct, accumulate);
            return;
        }
        // Too few blocks of C to share: each chunk of k summed on its own from zero, the sums added in chunk order.
        var chunk = Math.Max(GemmBlocking<T>.KChunk, Blocks(Blocks(k, MaxChunks), GemmBlocking<T>.KC) * GemmBlocking<T>.KC);
        var chunks = Blocks(k, chunk);
        var partial = ArrayPool<T>.Shared.Rent(chunks * m * n);
        try
        {
            fixed (T* sums = partial)
            {
                new Span<T>(sums, chunks * m * n).Clear();
                var s = sums;
                For(chunks, threads, ct, q => Blocked(a.From(0, q * chunk), b.From(q * chunk, 0), s + (long)q * m * n, n, m, n,
                    Math.Min(chunk, k - q * chunk), T.One, 1, vector, ct, accumulate: true));
                for (var q = 0; q < chunks; q++)
                    for (var i = 0; i < m; i++)
                    {
                        var from = sums + ((long)q * m + i) * n;
                        var to = c + (long)i * ldc;
                        for (var j = 0; j < n; j++) to[j] = T.FusedMultiplyAdd(alpha, from[j], accumulate || q > 0 ? to[j] : T.Zero);
                    }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(partial);
        }
    }

    /// <summary>
    /// The five loops of BLIS: for each NC-wide panel and KC-deep block of B (packed once, shared), MC × NU blocks of C
    /// in parallel, each packing its rows of A and sweeping its tiles. Each element of C takes its KC blocks in order.
    /// </summary>
    static void Blocked<T>(GemmOperand<T> a, GemmOperand<T> b, T* c, int ldc, int m, int n, int k, T alpha, int threads, bool vector,
        CancellationToken ct, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int mr = GemmBlocking<T>.MR, nr = GemmBlocking<T>.NR, kcMax = GemmBlocking<T>.KC, mcMax = GemmBlocking<T>.MC, nu = GemmBlocking<T>.NU;
        var packedB = ArrayPool<T>.Shared.Rent(Blocks(Math.Min(n, GemmBlocking<T>.NC), nr) * nr * kcMax);
        try
        {
            fixed (T* bp = packedB)
            {
                var pb = bp;
                for (var jc = 0; jc < n; jc += GemmBlocking<T>.NC)
                {
                    var nc = Math.Min(GemmBlocking<T>.NC, n - jc);
                    var groups = Blocks(nc, nu);
                    for (var pc = 0; pc < k; pc += kcMax)
                    {
                        ct.ThrowIfCancellationRequested();
                        var (column, depth, kc) = (jc, pc, Math.Min(kcMax, k - pc));
                        var add = accumulate || pc > 0;
                        For(Blocks(nc, nr), threads, ct, s => GemmPacking.PackB(b.From(depth, column + s * nr), kc, Math.Min(nr, nc - s * nr), pb + s * nr * kc));
                        For(Blocks(m, mcMax) * groups, threads, ct, u =>
                        {
                            int ic = u / groups * mcMax, jg = u % groups * nu;
                            int mc = Math.Min(mcMax, m - ic), width = Math.Min(nu, nc - jg);
                            var packedA = ArrayPool<T>.Shared.Rent(mcMax * kcMax);
                            fixed (T* pa = packedA)
                            {
                                GemmPacking.PackA(a.From(ic, depth), mc, kc, pa);
                                for (var jr = 0; jr < width; jr += nr)
                                    for (var ir = 0; ir < mc; ir += mr)
                                        GemmKernel.Tile(vector, kc, pa + ir * kc, pb + (jg + jr) * kc, c + (long)(ic + ir) * ldc + column + jg + jr, ldc,
                                            Math.Min(mr, mc - ir), Math.Min(nr, width - jr), alpha, add);
                            }
                            ArrayPool<T>.Shared.Return(packedA);
                        });
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(packedB);
        }
    }

    static int Blocks(int length, int size) => (length + size - 1) / size;

    /// <summary>Runs body(0 … count − 1), in parallel when there are threads and items to share.</summary>
    static void For(int count, int threads, CancellationToken ct, Action<int> body)
    {
        if (threads <= 1 || count <= 1)
        {
            for (var i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct }, body);
    }
}
