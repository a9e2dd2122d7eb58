using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Staging;

/// <summary>A block of parsed rows for one table, column by column, on its way to the store's appender.</summary>
sealed class StagingChunk
{
    public const int Rows = 8192;

    public StagingChunk(CanonicalTable table)
    {
        Kinds = table.Columns.Select(c => c.Kind).ToArray();
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
}
