using ShopLens.Learning.Calibration;

namespace ShopLens.Learning.Tests.Calibration;

/// <summary>Save and load through memory, for the round-trip and same-bytes checks.</summary>
static class ModelBytes
{
    internal static byte[] Of(ICalibrationModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    internal static T Load<T>(byte[] bytes, Func<Stream, T> load)
    {
        using var stream = new MemoryStream(bytes);
        return load(stream);
    }
}
