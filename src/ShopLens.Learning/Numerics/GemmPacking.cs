using System.Runtime.Intrinsics;

namespace ShopLens.Learning.Numerics;

/// <summary>
/// Copies blocks of <see cref="Gemm"/>'s operands into the order the micro-kernel reads them, so that its loads are
/// contiguous whatever the operand's stride or transposition; slivers are zero-padded to whole tiles so the kernel
/// never branches on edges. Each source element is read along its stored row.
/// </summary>
static unsafe class GemmPacking
{
    /// <summary>
    /// Rows × depth of A (as the product reads it) into slivers of MR rows, each depth × MR with a column's MR values
    /// side by side.
    /// </summary>
    public static void PackA<T>(GemmOperand<T> a, int rows, int depth, T* into) where T : unmanaged
    {
        var mr = GemmBlocking<T>.MR;
        for (var i0 = 0; i0 < rows; i0 += mr, into += mr * depth)
        {
            var height = Math.Min(mr, rows - i0);
            if (a.Transposed)
            {
                // Stored k × m: the sliver's values at depth p are contiguous.
                for (var p = 0; p < depth; p++)
                {
                    T* from = a.At(i0, p), to = into + p * mr;
                    if (height == GemmBlocking<T>.MR)
                    {
                        (to[0], to[1], to[2], to[3], to[4], to[5]) = (from[0], from[1], from[2], from[3], from[4], from[5]);
                        continue;
                    }
                    for (var i = 0; i < height; i++) to[i] = from[i];
                }
            }
            else
            {
                for (var i = 0; i < height; i++)
                {
                    var from = a.At(i0 + i, 0);
                    for (var p = 0; p < depth; p++) into[p * mr + i] = from[p];
                }
            }
            for (var i = height; i < mr; i++)
                for (var p = 0; p < depth; p++) into[p * mr + i] = default;
        }
    }

    /// <summary>Depth × width (≤ NR) columns of B (as the product reads it) into one sliver, depth × NR, zero-padded.</summary>
    public static void PackB<T>(GemmOperand<T> b, int depth, int width, T* into) where T : unmanaged
    {
        var nr = GemmBlocking<T>.NR;
        if (b.Transposed)
        {
            // Stored n × k: a column of the sliver is contiguous.
            for (var j = 0; j < width; j++)
            {
                var from = b.At(0, j);
                for (var p = 0; p < depth; p++) into[p * nr + j] = from[p];
            }
        }
        else
        {
            for (var p = 0; p < depth; p++)
            {
                T* from = b.At(p, 0), to = into + p * nr;
                if (width == nr)
                {
                    // A whole sliver row is two vectors: copied as such rather than by a call per row.
                    Vector256.Load(from).Store(to);
                    Vector256.Load(from + nr / 2).Store(to + nr / 2);
                    continue;
                }
                for (var j = 0; j < width; j++) to[j] = from[j];
            }
        }
        for (var j = width; j < nr; j++)
            for (var p = 0; p < depth; p++) into[p * nr + j] = default;
    }
}
