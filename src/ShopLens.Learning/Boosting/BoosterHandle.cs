using System.Runtime.InteropServices;

namespace ShopLens.Learning.Boosting;

/// <summary>Owns a native LightGBM booster so it is freed exactly once, even when a model is never disposed.</summary>
sealed class BoosterHandle : SafeHandle
{
    public BoosterHandle(IntPtr booster) : base(IntPtr.Zero, ownsHandle: true) => SetHandle(booster);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => LightGbmNative.LGBM_BoosterFree(handle) == 0;
}
