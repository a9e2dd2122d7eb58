namespace ShopLens.Learning.Numerics;

/// <summary>
/// A row-major matrix operand of <see cref="Gemm"/> as stored: its first element, the distance between its stored rows
/// (so a block of a larger matrix can be passed without copying) and whether the product reads it transposed.
/// </summary>
readonly unsafe struct GemmOperand<T>(T* start, int stride, bool transposed) where T : unmanaged
{
    public readonly T* Start = start;
    public readonly int Stride = stride;
    public readonly bool Transposed = transposed;

    /// <summary>Element (row, column) of the operand as the product reads it.</summary>
    public T* At(int row, int column) => Transposed ? Start + (long)column * Stride + row : Start + (long)row * Stride + column;

    /// <summary>The operand from element (row, column) on, as the product reads it.</summary>
    public GemmOperand<T> From(int row, int column) => new(At(row, column), Stride, Transposed);
}
