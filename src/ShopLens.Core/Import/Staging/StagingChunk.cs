using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Staging;

/// <summary>A block of parsed rows for one table, column by column, on its way to the store's appender.</summary>
sealed class StagingChunk
{
    public const int Rows = 8192;

    public StagingChunk(CanonicalTable table)
    {
        Kinds = table.Columns.Select(c => c.Kind).ToArray();
        IdStart = new int[Kinds.Length][];
        IdLength = new int[Kinds.Length][];
        Numbers = new long[Kinds.Length][];
        Reals = new double[Kinds.Length][];
        Texts = new string?[Kinds.Length][];
        Missing = new bool[Kinds.Length][];
        for (var c = 0; c < Kinds.Length; c++)
        {
            Missing[c] = new bool[Rows];
            switch (Kinds[c])
            {
                case ColumnKind.Amount or ColumnKind.Fraction: Reals[c] = new double[Rows]; break;
                case ColumnKind.Id or ColumnKind.Text or ColumnKind.OrderStatusName: Texts[c] = new string?[Rows]; break;
                case ColumnKind.CustomerRef or ColumnKind.ProductRef:
                    Numbers[c] = new long[Rows];
                    IdStart[c] = new int[Rows];
                    IdLength[c] = new int[Rows];
                    break;
                default: Numbers[c] = new long[Rows]; break;
            }
        }
    }

    public ColumnKind[] Kinds { get; }
    public long[] Lines { get; } = new long[Rows];
    public long[][] Numbers { get; }
    public double[][] Reals { get; }
    public string?[][] Texts { get; }
    public bool[][] Missing { get; }
    public int Count { get; set; }
    public bool IsFull => Count == Rows;

    // Customer and product ids travel as UTF-8 in an arena; the writer thread turns them into keys.
    byte[] _idBytes = new byte[Rows * 16];
    public int IdBytesUsed { get; set; }
    public int[][] IdStart { get; }
    public int[][] IdLength { get; }

    public void SetId(int column, int row, ReadOnlySpan<byte> utf8)
    {
        if (IdBytesUsed + utf8.Length > _idBytes.Length) Array.Resize(ref _idBytes, Math.Max(_idBytes.Length * 2, IdBytesUsed + utf8.Length));
        utf8.CopyTo(_idBytes.AsSpan(IdBytesUsed));
        IdStart[column][row] = IdBytesUsed;
        IdLength[column][row] = utf8.Length;
        IdBytesUsed += utf8.Length;
    }

    public ReadOnlySpan<byte> Id(int column, int row) => _idBytes.AsSpan(IdStart[column][row], IdLength[column][row]);

    public void Reset()
    {
        Count = 0;
        IdBytesUsed = 0;
    }

    /// <summary>Moves row <paramref name="from"/> to <paramref name="to"/> (to &lt; from), for dropping rows in place.</summary>
    public void MoveRow(int from, int to)
    {
        Lines[to] = Lines[from];
        for (var c = 0; c < Kinds.Length; c++)
        {
            Missing[c][to] = Missing[c][from];
            if (Numbers[c] is { } n) n[to] = n[from];
            if (Reals[c] is { } d) d[to] = d[from];
            if (Texts[c] is { } t) t[to] = t[from];
        }
    }
}
