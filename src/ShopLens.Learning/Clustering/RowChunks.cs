namespace ShopLens.Learning.Clustering;

/// <summary>
/// Rows cut into fixed chunks for the parallel passes: sums are taken per chunk and added in chunk order, so a result
/// is the same bytes on one thread or many.
/// </summary>
static class RowChunks
{
    public const int Size = 4096;

    public static int Count(int rows) => (rows + Size - 1) / Size;

    /// <summary>Runs <paramref name="body"/>(chunk, first row, end row) over every chunk.</summary>
    public static void For(int rows, int threads, CancellationToken ct, Action<int, int, int> body)
    {
        var chunks = Count(rows);
        if (threads <= 1 || chunks <= 1)
        {
            for (var c = 0; c < chunks; c++)
            {
                ct.ThrowIfCancellationRequested();
                body(c, c * Size, Math.Min(rows, (c + 1) * Size));
            }
            return;
        }
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct },
            c => body(c, c * Size, Math.Min(rows, (c + 1) * Size)));
    }
}
