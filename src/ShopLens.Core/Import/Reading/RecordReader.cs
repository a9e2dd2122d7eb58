namespace ShopLens.Core.Import.Reading;

/// <summary>
/// Reads a source file record by record. Fields are UTF-8 bytes valid until the next <see cref="Read"/>;
/// a record that cannot be split into fields is returned with <see cref="Error"/> set, never thrown.
/// </summary>
public abstract class RecordReader : IDisposable
{
    /// <summary>The column names, from the file's header or given by a preset.</summary>
    public IReadOnlyList<string> Header { get; protected set; } = [];

    /// <summary>The 1-based physical line (or row, for spreadsheets and Parquet) where the current record starts.</summary>
    public long Line { get; protected set; }

    public abstract int FieldCount { get; }

    /// <summary>Why the current record could not be read (its fields are then empty), or null.</summary>
    public string? Error { get; protected set; }

    /// <summary>Bytes consumed from the (decompressed) source so far, for progress.</summary>
    public abstract long Position { get; }

    /// <summary>Size of the source if known, for progress.</summary>
    public abstract long? Length { get; }

    public abstract ReadOnlySpan<byte> Field(int index);

    /// <summary>The record as it stood in the file (shortened), for the rejects file.</summary>
    public abstract string RawText();

    public abstract bool Read();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
