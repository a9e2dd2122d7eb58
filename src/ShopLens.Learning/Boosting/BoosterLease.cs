namespace ShopLens.Learning.Boosting;

/// <summary>A reference on a <see cref="BoosterHandle"/> for one native call: the handle cannot be released until it is disposed.</summary>
readonly struct BoosterLease : IDisposable
{
    readonly BoosterHandle _owner;

    public BoosterLease(BoosterHandle owner)
    {
        var added = false;
        owner.DangerousAddRef(ref added);
        _owner = owner;
    }

    public IntPtr Handle => _owner.DangerousGetHandle();

    public void Dispose() => _owner.DangerousRelease();
}
