namespace ShopLens.Core.Import.Columnar;

/// <summary>A read-only view of the next <c>length</c> bytes of a stream.</summary>
sealed class SliceStream(Stream inner, long length) : Stream
{
    readonly long _length = length;
    long _left = length;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _length;
    public override long Position { get => _length - _left; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_left <= 0) return 0;
        var n = inner.Read(buffer, offset, (int)Math.Min(count, _left));
        _left -= n;
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
