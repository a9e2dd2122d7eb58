using System.Runtime.Intrinsics;

namespace ShopLens.Learning.Numerics;

/// <summary>
/// <see cref="Gemm"/>'s block sizes for one element type, as BLIS chooses them: an MR × NR tile of C stays in registers
/// (6 rows of two 256-bit vectors: 12 accumulators, 2 B loads and a broadcast of 16), a KC × NR sliver of packed B in
/// L1, an MC × KC block of packed A in L2, and KC × NC of packed B in L3.
/// </summary>
static class GemmBlocking<T> where T : unmanaged
{
    public const int MR = 6;

    /// <summary>Two vectors: 16 floats or 8 doubles.</summary>
    public static int NR => 2 * Vector256<T>.Count;

    /// <summary>Depth of one packed block: 256 floats or 128 doubles, a B sliver of 16 KB or 8 KB.</summary>
    public static int KC => 1024 / Vector256<T>.Count;

    /// <summary>Rows of C (and of packed A) per unit of parallel work: 96 × 256 floats = 96 KB of L2.</summary>
    public static int MC => 16 * MR;

    /// <summary>Columns of C per unit of parallel work.</summary>
    public static int NU => 32 * NR;

    /// <summary>Columns of B packed at once: 2 MB.</summary>
    public const int NC = 2048;

    /// <summary>Depth of one chunk when a tall, thin product is split along k (see <see cref="Gemm"/>).</summary>
    public static int KChunk => 16 * KC;
}
