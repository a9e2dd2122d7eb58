namespace ShopLens.Core.Import.Columnar;

/// <summary>The column arrays of an <see cref="EventLog"/> while it is being read; parts of a read write into slices of one of these.</summary>
sealed class EventColumns
{
    public EventColumns(int rows, bool hasQuantity)
    {
        (Customer, Product, Category, Type, Micros, Price) = (new int[rows], new int[rows], new int[rows], new byte[rows], new long[rows], new double[rows]);
        Quantity = hasQuantity ? new int[rows] : [];
    }

    public int[] Customer { get; }
    public int[] Product { get; }
    public int[] Category { get; }
    public int[] Quantity { get; }
    public byte[] Type { get; }
    public long[] Micros { get; }
    public double[] Price { get; }
    public int Capacity => Customer.Length;

    /// <summary>Copies <paramref name="count"/> rows from <paramref name="from"/> here to <paramref name="to"/> in <paramref name="target"/> (which may be this).</summary>
    public void CopyRows(int from, EventColumns target, int to, int count)
    {
        Array.Copy(Customer, from, target.Customer, to, count);
        Array.Copy(Product, from, target.Product, to, count);
        Array.Copy(Category, from, target.Category, to, count);
        Array.Copy(Type, from, target.Type, to, count);
        Array.Copy(Micros, from, target.Micros, to, count);
        Array.Copy(Price, from, target.Price, to, count);
        if (Quantity.Length > 0) Array.Copy(Quantity, from, target.Quantity, to, count);
    }
}
