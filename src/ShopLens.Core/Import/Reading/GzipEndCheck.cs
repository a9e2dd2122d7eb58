namespace ShopLens.Core.Import.Reading;

/// <summary>
/// Wraps a gzip decompression stream and, at its end, compares the bytes it gave with the size in the file's
/// trailer: .NET's GZipStream ends silently on a truncated file, which would drop the rest of it unnoticed.
/// A file of several concatenated gzip members fails this check too, with a message that says so.
/// </summary>
sealed class GzipEndCheck(Stream decompressed, string path) : Stream
{
    long _total;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = decompressed.Read(buffer);
        _total += n;
        if (n == 0 && buffer.Length > 0) Check();
        return n;
    }

    void Check()
    {
        using var fs = File.OpenRead(path);
        if (fs.Length < 18) throw new InvalidDataException("the gzip file is truncated");
        fs.Seek(-4, SeekOrigin.End);
        Span<byte> trailer = stackalloc byte[4];
        fs.ReadExactly(trailer);
        var expected = BitConverter.ToUInt32(trailer);
        if ((uint)_total != expected)
            throw new InvalidDataException(
                $"the gzip data ends after {_total} bytes but its trailer says {expected} (mod 2^32): the file is truncated, or holds several gzip members (decompress it first)");
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _total; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) decompressed.Dispose();
        base.Dispose(disposing);
    }
}
