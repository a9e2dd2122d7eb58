using ShopLens.Learning.Supervised;

namespace ShopLens.Learning.Boosting;

/// <summary>
/// A LightGBM dataset built from <see cref="LabeledRows"/>: LightGBM bins and copies the rows, labels, weights and
/// query groups, so nothing stays pinned. A validation set shares the training set's bins (its reference).
/// </summary>
sealed unsafe class NativeDataset : IDisposable
{
    public IntPtr Handle { get; private set; }

    NativeDataset(IntPtr handle) => Handle = handle;

    public static NativeDataset Create(LabeledRows rows, IReadOnlyList<int>? groups, string parameters, NativeDataset? reference)
    {
        IntPtr handle;
        fixed (float* features = rows.Features)
            LightGbmNative.Check(LightGbmNative.LGBM_DatasetCreateFromMat(features, LightGbmNative.Float32, rows.Rows,
                rows.Columns, 1, parameters, reference?.Handle ?? IntPtr.Zero, out handle));
        var dataset = new NativeDataset(handle);
        try
        {
            dataset.Set("label", rows.Labels);
            if (rows.Weights is { } weights) dataset.Set("weight", weights);
            if (groups is not null)
            {
                var sizes = groups.ToArray();
                fixed (int* p = sizes)
                    LightGbmNative.Check(LightGbmNative.LGBM_DatasetSetField(handle, "group", p, sizes.Length, LightGbmNative.Int32));
            }
            return dataset;
        }
        catch
        {
            dataset.Dispose();
            throw;
        }
    }

    void Set(string field, float[] values)
    {
        fixed (float* p = values)
            LightGbmNative.Check(LightGbmNative.LGBM_DatasetSetField(Handle, field, p, values.Length, LightGbmNative.Float32));
    }

    public void Dispose()
    {
        if (Handle == IntPtr.Zero) return;
        _ = LightGbmNative.LGBM_DatasetFree(Handle);
        Handle = IntPtr.Zero;
    }
}
