using System.Text;

namespace ShopLens.Learning.Recommenders;

/// <summary>
/// The file of a fitted recommender (<see cref="IRecommender.Save"/>), as the other ShopLens model files: an 8-byte
/// ASCII header naming the kind of model, the kind's format version, then its little-endian body. The header is what
/// lets <see cref="Load"/> give back a model without the caller knowing its kind, and a hybrid load its sources.
/// </summary>
public static class RecommenderFile
{
    /// <summary>Reads a recommender of any kind, as its header says.</summary>
    /// <exception cref="InvalidDataException">
    /// not a ShopLens recommender, or (with the model named) a newer format, a bad value or a file cut short
    /// </exception>
    public static IRecommender Load(Stream stream)
    {
        using var r = Reader(stream);
        return Header(r) switch
        {
            Popularity.Magic => Popularity.Read(r),
            Trending.Magic => Trending.Read(r),
            ItemKnn.Magic => ItemKnn.Read(r),
            Ease.Magic => Ease.Read(r),
            AlsModel.Magic => AlsModel.Read(r),
            BprModel.Magic => BprModel.Read(r),
            HybridRecommender.Magic => HybridRecommender.Read(r),
            SequenceRecommender.Magic => SequenceRecommender.Read(r),
            AssociationRules.Magic => AssociationRules.Read(r),
            ContentSimilarity.Magic => ContentSimilarity.Read(r),
            _ => throw new InvalidDataException("not a ShopLens recommender model"),
        };
    }

    /// <summary>Reads one kind's file, after checking that the header is <paramref name="magic"/>.</summary>
    internal static T Load<T>(Stream stream, string magic, string label, Func<BinaryReader, T> read)
    {
        using var r = Reader(stream);
        if (Header(r) != magic) throw new InvalidDataException($"not a ShopLens {label} model");
        return read(r);
    }

    /// <summary>A writer on <paramref name="stream"/> (left open) that has written the header and version.</summary>
    internal static BinaryWriter Writer(Stream stream, string magic, int version)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(magic));
        w.Write(version);
        return w;
    }

    /// <summary>
    /// Reads the version and then the body by <paramref name="read"/>; a stream that ends early is reported as the
    /// <paramref name="label"/> model cut short.
    /// </summary>
    internal static T Body<T>(BinaryReader r, int version, string label, Func<T> read)
    {
        try
        {
            var found = r.ReadInt32();
            if (found != version) throw new InvalidDataException($"{label} model format {found}; this version reads {version}");
            return read();
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"the {label} model is cut short", e);
        }
    }

    /// <summary>A count of <paramref name="what"/>, which must be at least <paramref name="least"/>.</summary>
    internal static int ReadCount(BinaryReader r, string label, string what, int least = 0)
    {
        var count = r.ReadInt32();
        if (count < least) throw new InvalidDataException($"{label} model: {count} {what}");
        return count;
    }

    /// <summary><paramref name="rows"/> × <paramref name="columns"/> finite floats; <paramref name="what"/> names them in errors.</summary>
    internal static float[] ReadFloats(BinaryReader r, int rows, int columns, string label, string what)
    {
        var values = new float[Length(r, rows, columns, sizeof(float), label, what)];
        for (var k = 0; k < values.Length; k++)
            if (!float.IsFinite(values[k] = r.ReadSingle())) throw new InvalidDataException($"{label} model: {what} {k} is {values[k]}");
        return values;
    }

    internal static int[] ReadInts(BinaryReader r, int count, string label, string what)
    {
        var values = new int[Length(r, count, 1, sizeof(int), label, what)];
        for (var k = 0; k < values.Length; k++) values[k] = r.ReadInt32();
        return values;
    }

    internal static void Write(BinaryWriter w, ReadOnlySpan<float> values)
    {
        foreach (var v in values) w.Write(v);
    }

    internal static void Write(BinaryWriter w, ReadOnlySpan<int> values)
    {
        foreach (var v in values) w.Write(v);
    }

    static BinaryReader Reader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
    }

    static string Header(BinaryReader r) => Encoding.ASCII.GetString(r.ReadBytes(8));

    /// <summary>
    /// The length of an array about to be read, refused when it cannot be an array; on a seekable stream, one longer than
    /// what is left is a file cut short, found before a damaged count allocates gigabytes.
    /// </summary>
    static int Length(BinaryReader r, int rows, int columns, int size, string label, string what)
    {
        var length = (long)rows * columns;
        if (length < 0 || length > Array.MaxLength) throw new InvalidDataException($"{label} model: {rows} × {columns} {what} cannot be an array");
        var s = r.BaseStream;
        if (s.CanSeek && s.Length - s.Position < length * size) throw new EndOfStreamException();
        return (int)length;
    }
}
