namespace ShopLens.Learning.Btyd;

/// <summary>Per customer the repeat purchases x and the mean value z̄ of those purchases, the input of the Gamma-Gamma spend model.</summary>
public sealed record SpendHistories(double[] Frequency, double[] MeanValue)
{
    public int Count => Frequency.Length;

    /// <summary>Throws <see cref="LearnerInputException"/> unless the arrays are non-empty, equally long, x ≥ 0 finite and z̄ &gt; 0 finite wherever x &gt; 0.</summary>
    public void Check(string what)
    {
        if (Frequency is null || MeanValue is null) throw new LearnerInputException($"{what}: an array is missing");
        if (Count == 0) throw new LearnerInputException($"{what}: no customers");
        if (MeanValue.Length != Count) throw new LearnerInputException($"{what}: {Count} frequencies and {MeanValue.Length} mean values");
        for (var i = 0; i < Count; i++)
        {
            double x = Frequency[i], z = MeanValue[i];
            if (!(x >= 0) || double.IsInfinity(x)) throw new LearnerInputException($"{what}: customer {i} has frequency {x}");
            if (x > 0 && (!(z > 0) || double.IsInfinity(z))) throw new LearnerInputException($"{what}: customer {i} has {x} repeat purchases of mean value {z}");
        }
    }
}
