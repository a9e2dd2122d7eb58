using System.Collections.ObjectModel;
using System.Text;

namespace ShopLens.Learning.Clustering;

/// <summary>
/// A fitted k-means model: the centroids, the training rows' labels, the inertia (sum of squared distances of the rows
/// to their centroids) and the number of Lloyd iterations; predicts the nearest centroid of new rows.
/// </summary>
public sealed class KMeansModel
{
    const string Magic = "SLKMEANS";
    const int FormatVersion = 1;

    readonly double[] _centroids;
    readonly int[] _labels;

    internal KMeansModel(double[] centroids, int columns, int[] labels, double inertia, int iterations)
    {
        (_centroids, Columns, _labels, Inertia, Iterations) = (centroids, columns, labels, inertia, iterations);
        var sizes = new int[Clusters];
        foreach (var label in labels) sizes[label]++;
        Sizes = Array.AsReadOnly(sizes);
        Labels = Array.AsReadOnly(labels);
    }

    public int Clusters => _centroids.Length / Columns;

    public int Columns { get; }

    /// <summary>Centroid of every cluster, row-major (<c>Clusters × Columns</c>).</summary>
    public ReadOnlySpan<double> Centroids => _centroids;

    public ReadOnlySpan<double> Centroid(int cluster) => _centroids.AsSpan(cluster * Columns, Columns);

    /// <summary>The cluster of each training row.</summary>
    public ReadOnlyCollection<int> Labels { get; }

    /// <summary>Training rows per cluster.</summary>
    public ReadOnlyCollection<int> Sizes { get; }

    /// <summary>Sum over the training rows of the squared distance to their centroid.</summary>
    public double Inertia { get; }

    /// <summary>Lloyd iterations run (scikit-learn's <c>n_iter_</c>).</summary>
    public int Iterations { get; }

    /// <summary>The nearest centroid of one row (the first of equally near ones).</summary>
    public int Predict(ReadOnlySpan<double> row)
    {
        if (row.Length != Columns) throw new ArgumentException($"a row of {row.Length} values; the model has {Columns} columns");
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var c = 0; c < Clusters; c++)
        {
            var distance = SquaredDistance.Between(row, Centroid(c));
            if (distance < bestDistance) (best, bestDistance) = (c, distance);
        }
        return best;
    }

    /// <summary>The nearest centroid of each row of <paramref name="data"/> (row-major, <see cref="Columns"/> wide).</summary>
    public int[] Predict(double[] data)
    {
        var x = Points.Checked(data, Columns, nameof(data));
        var labels = new int[x.Rows];
        for (var i = 0; i < labels.Length; i++) labels[i] = Predict(x.Row(i));
        return labels;
    }

    /// <inheritdoc cref="Predict(double[])"/>
    public int[] Predict(float[] data)
    {
        var x = Points.Checked(data, Columns, nameof(data));
        var labels = new int[x.Rows];
        for (var i = 0; i < labels.Length; i++) labels[i] = Predict(x.Row(i));
        return labels;
    }

    /// <summary>Writes the model (little-endian binary: centroids, labels, inertia, iterations).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(FormatVersion);
        w.Write(Clusters);
        w.Write(Columns);
        w.Write(_labels.Length);
        w.Write(Inertia);
        w.Write(Iterations);
        foreach (var v in _centroids) w.Write(v);
        foreach (var label in _labels) w.Write(label);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">the stream does not hold a k-means model</exception>
    public static KMeansModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (Encoding.ASCII.GetString(r.ReadBytes(Magic.Length)) != Magic) throw new InvalidDataException("not a ShopLens k-means model");
            var version = r.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"k-means model format {version}; this version reads {FormatVersion}");
            int clusters = r.ReadInt32(), columns = r.ReadInt32(), rows = r.ReadInt32();
            if (clusters < 1 || columns < 1 || rows < clusters) throw new InvalidDataException($"a k-means model of {clusters} clusters, {columns} columns and {rows} rows");
            var inertia = r.ReadDouble();
            var iterations = r.ReadInt32();
            var centroids = new double[checked(clusters * columns)];
            for (var i = 0; i < centroids.Length; i++) centroids[i] = r.ReadDouble();
            var labels = new int[rows];
            for (var i = 0; i < rows; i++)
                if ((labels[i] = r.ReadInt32()) is < 0 || labels[i] >= clusters) throw new InvalidDataException($"label {labels[i]} of row {i} is not a cluster");
            return new KMeansModel(centroids, columns, labels, inertia, iterations);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("the k-means model is cut short", e);
        }
    }
}
