using System.Text;

namespace ShopLens.Learning.Supervised;

/// <summary>
/// Fills missing values (NaN) for learners that cannot take them, as scikit-learn's
/// <c>SimpleImputer(strategy="median", add_indicator=True)</c>: each column that had a NaN in the fitting rows gets
/// its median there, and a 0/1 indicator column is appended so the model still sees that the value was missing.
/// </summary>
public sealed class MedianImputer
{
    const string Magic = "SLIMPUTE";
    const int FormatVersion = 1;

    readonly float[] _fill;
    readonly int[] _indicated;

    MedianImputer(float[] fill, int[] indicated) => (_fill, _indicated) = (fill, indicated);

    /// <summary>Columns of the input.</summary>
    public int Columns => _fill.Length;

    /// <summary>Columns of the output: the input's plus one indicator per column that had missing values.</summary>
    public int OutputColumns => _fill.Length + _indicated.Length;

    /// <summary>The input columns that get an indicator, in the order the indicators are appended.</summary>
    public ReadOnlySpan<int> IndicatedColumns => _indicated;

    /// <summary>Learns each column's median over its non-missing values (0 when a column has none).</summary>
    public static MedianImputer Fit(float[] features, int columns)
    {
        FeatureRows.Check(features, columns, "imputer input", allowMissing: true);
        var rows = features.Length / columns;
        var fill = new float[columns];
        var indicated = new List<int>();
        var values = new float[rows];
        for (var j = 0; j < columns; j++)
        {
            var n = 0;
            for (var i = 0; i < rows; i++)
                if (!float.IsNaN(features[i * columns + j])) values[n++] = features[i * columns + j];
            if (n < rows) indicated.Add(j);
            if (n == 0) continue;
            var present = values.AsSpan(0, n);
            present.Sort();
            fill[j] = n % 2 == 1 ? present[n / 2] : (float)((present[n / 2 - 1] + (double)present[n / 2]) / 2);
        }
        return new MedianImputer(fill, [.. indicated]);
    }

    /// <summary>The rows with NaN replaced and the indicator columns appended (<see cref="OutputColumns"/> wide).</summary>
    public float[] Transform(float[] features)
    {
        FeatureRows.Check(features, Columns, "imputer input", allowMissing: true);
        var rows = features.Length / Columns;
        var width = OutputColumns;
        var result = new float[rows * width];
        for (var i = 0; i < rows; i++)
        {
            var source = features.AsSpan(i * Columns, Columns);
            var target = result.AsSpan(i * width, width);
            for (var j = 0; j < Columns; j++) target[j] = float.IsNaN(source[j]) ? _fill[j] : source[j];
            for (var k = 0; k < _indicated.Length; k++) target[Columns + k] = float.IsNaN(source[_indicated[k]]) ? 1 : 0;
        }
        return result;
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(_fill.Length);
        foreach (var v in _fill) writer.Write(v);
        writer.Write(_indicated.Length);
        foreach (var j in _indicated) writer.Write(j);
    }

    /// <summary>Reads an imputer written by <see cref="Save"/>.</summary>
    public static MedianImputer Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic) throw new InvalidDataException("not a ShopLens imputer");
        var version = reader.ReadInt32();
        if (version != FormatVersion) throw new InvalidDataException($"imputer format {version}; this build reads {FormatVersion}");
        var fill = new float[reader.ReadInt32()];
        for (var j = 0; j < fill.Length; j++) fill[j] = reader.ReadSingle();
        var indicated = new int[reader.ReadInt32()];
        for (var k = 0; k < indicated.Length; k++) indicated[k] = reader.ReadInt32();
        return new MedianImputer(fill, indicated);
    }
}
