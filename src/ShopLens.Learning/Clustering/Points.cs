namespace ShopLens.Learning.Clustering;

/// <summary>A row-major matrix of finite values: <c>Rows × Width</c>, row i at <c>[i * Width, (i + 1) * Width)</c>.</summary>
readonly record struct Points(double[] Values, int Width)
{
    public int Rows => Values.Length / Width;

    public ReadOnlySpan<double> Row(int i) => new(Values, i * Width, Width);

    /// <summary>Checks the shape and that every value is finite; <paramref name="what"/> names the input in messages.</summary>
    public static Points Checked(double[] values, int width, string what)
    {
        ArgumentNullException.ThrowIfNull(values, what);
        if (width < 1) throw new ArgumentException($"{what}: width must be at least 1 (got {width})");
        if (values.Length == 0) throw new ArgumentException($"{what}: no rows");
        if (values.Length % width != 0) throw new ArgumentException($"{what}: {values.Length} values do not fill rows of {width}");
        for (var i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{what}: row {i / width}, column {i % width} is {values[i]}; every value must be finite");
        return new Points(values, width);
    }

    /// <summary>The float32 rows widened to double, checked as <see cref="Checked(double[], int, string)"/>.</summary>
    public static Points Checked(float[] values, int width, string what)
    {
        ArgumentNullException.ThrowIfNull(values, what);
        var wide = new double[values.Length];
        for (var i = 0; i < values.Length; i++) wide[i] = values[i];
        return Checked(wide, width, what);
    }
}
