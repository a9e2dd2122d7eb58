using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ShopLens.Learning.Numerics;

/// <summary>
/// <see cref="Gemm"/>'s micro-kernel: C[MR × NR tile] += α · (packed A sliver) · (packed B sliver) over one block's
/// depth. Every element is summed from zero by fused multiply-adds in depth order and then added to C as
/// C = fma(α, sum, C), in the vector kernel and the scalar one alike, so the two give the same bits. Without add, C =
/// fma(α, sum, 0): what a cleared C would get, without reading it.
/// </summary>
static unsafe class GemmKernel
{
    /// <summary>The AVX2/FMA kernel is usable on this machine.</summary>
    public static bool Vectorized => Fma.IsSupported && Avx2.IsSupported;

    /// <summary>
    /// The tile at <paramref name="c"/> (row stride <paramref name="ldc"/>), of which only <paramref name="rows"/> ×
    /// <paramref name="columns"/> exist (edge tiles are summed whole from the zero padding and written in part).
    /// </summary>
    public static void Tile<T>(bool vector, int depth, T* a, T* b, T* c, int ldc, int rows, int columns, T alpha, bool add = true)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (vector) Vector(depth, a, b, c, ldc, rows, columns, alpha, add);
        else Scalar(depth, a, b, c, ldc, rows, columns, alpha, add);
    }

    static void Vector<T>(int depth, T* a, T* b, T* c, int ldc, int rows, int columns, T alpha, bool add) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var w = Vector256<T>.Count;
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<T> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < depth; p++, a += GemmBlocking<T>.MR, b += 2 * w)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + w);
            var x = Vector256.Create(a[0]);
            c00 = MultiplyAdd(x, b0, c00);
            c01 = MultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = MultiplyAdd(x, b0, c10);
            c11 = MultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = MultiplyAdd(x, b0, c20);
            c21 = MultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = MultiplyAdd(x, b0, c30);
            c31 = MultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]);
            c40 = MultiplyAdd(x, b0, c40);
            c41 = MultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]);
            c50 = MultiplyAdd(x, b0, c50);
            c51 = MultiplyAdd(x, b1, c51);
        }
        if (rows == GemmBlocking<T>.MR && columns == 2 * w)
        {
            var s = Vector256.Create(alpha);
            Add(s, c00, c01, c, w, add);
            Add(s, c10, c11, c + ldc, w, add);
            Add(s, c20, c21, c + 2 * ldc, w, add);
            Add(s, c30, c31, c + 3 * ldc, w, add);
            Add(s, c40, c41, c + 4 * ldc, w, add);
            Add(s, c50, c51, c + 5 * ldc, w, add);
            return;
        }
        var sums = stackalloc T[GemmBlocking<T>.MR * 2 * w];
        var sum = sums;
        foreach (var v in (ReadOnlySpan<Vector256<T>>)[c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51])
        {
            v.Store(sum);
            sum += w;
        }
        AddPart(sums, c, ldc, rows, columns, alpha, add);
    }

    static void Scalar<T>(int depth, T* a, T* b, T* c, int ldc, int rows, int columns, T alpha, bool add) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int mr = GemmBlocking<T>.MR, nr = GemmBlocking<T>.NR;
        var sums = stackalloc T[mr * nr];
        new Span<T>(sums, mr * nr).Clear();
        for (var p = 0; p < depth; p++, a += mr, b += nr)
            for (var i = 0; i < mr; i++)
                for (var j = 0; j < nr; j++) sums[i * nr + j] = T.FusedMultiplyAdd(a[i], b[j], sums[i * nr + j]);
        AddPart(sums, c, ldc, rows, columns, alpha, add);
    }

    /// <summary>C[i, j] = fma(α, sums[i, j], C[i, j] or 0) for the tile's existing rows × columns.</summary>
    static void AddPart<T>(T* sums, T* c, int ldc, int rows, int columns, T alpha, bool add) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var nr = GemmBlocking<T>.NR;
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++) c[i * ldc + j] = T.FusedMultiplyAdd(alpha, sums[i * nr + j], add ? c[i * ldc + j] : T.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Add<T>(Vector256<T> alpha, Vector256<T> s0, Vector256<T> s1, T* c, int w, bool add) where T : unmanaged
    {
        MultiplyAdd(alpha, s0, add ? Vector256.Load(c) : Vector256<T>.Zero).Store(c);
        MultiplyAdd(alpha, s1, add ? Vector256.Load(c + w) : Vector256<T>.Zero).Store(c + w);
    }

    /// <summary>a · b + c with one rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector256<T> MultiplyAdd<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c) where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return Fma.MultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return Fma.MultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }
}
