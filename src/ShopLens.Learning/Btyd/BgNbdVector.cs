namespace ShopLens.Learning.Btyd;

/// <summary>Applies a per-customer function of (x, tₓ, T) to every customer of checked histories.</summary>
internal static class BgNbdVector
{
    /// <exception cref="LearnerInputException">histories that fail <see cref="CustomerHistories.Check"/></exception>
    public static double[] Map(CustomerHistories customers, Func<double, double, double, double> perCustomer)
    {
        ArgumentNullException.ThrowIfNull(customers);
        customers.Check(nameof(customers));
        var result = new double[customers.Count];
        for (var i = 0; i < result.Length; i++) result[i] = perCustomer(customers.Frequency[i], customers.Recency[i], customers.Age[i]);
        return result;
    }
}
