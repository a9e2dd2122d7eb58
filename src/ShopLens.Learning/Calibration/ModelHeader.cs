using System.Text;

namespace ShopLens.Learning.Calibration;

/// <summary>The start of a saved calibrator: an 8-byte ASCII tag naming the model type, then the format version.</summary>
static class ModelHeader
{
    internal static void Write(BinaryWriter writer, string magic, int version)
    {
        writer.Write(Encoding.ASCII.GetBytes(magic));
        writer.Write(version);
    }

    /// <exception cref="InvalidDataException">another tag or version</exception>
    internal static void Read(BinaryReader reader, string magic, int version, string what)
    {
        if (Encoding.ASCII.GetString(reader.ReadBytes(magic.Length)) != magic) throw new InvalidDataException($"not a ShopLens {what}");
        var found = reader.ReadInt32();
        if (found != version) throw new InvalidDataException($"{what} format {found}; this version reads {version}");
    }
}
