using ShopLens.Core.Import.Parsing;
using ShopLens.Core.Import.Reading;
using ShopLens.Core.Model;
using ShopLens.Core.Store;

namespace ShopLens.Core.Import.Columnar;

/// <summary>One thread's share of an <see cref="EventLogReader"/> read: its rows, in growable columns, with its own dictionaries.</summary>
sealed class EventLogPart
{
    public readonly IdDictionary Customers = new(), Products = new(), Categories = new();
    public readonly Dictionary<string, long> ByReason = new(StringComparer.Ordinal);
    public int Count;
    public long Rejected;
    public int[] Customer, Product, Category, Quantity;
    public byte[] Type;
    public long[] Micros;
    public double[] Price;
    readonly char[] _chars = new char[Staging.TableStager.MaxIdChars];

    /// <summary>Columns sized for the expected number of rows, so that they rarely grow.</summary>
    public EventLogPart(int expectedRows, bool hasQuantity)
    {
        var n = Math.Max(1024, expectedRows);
        (Customer, Product, Category, Type, Micros, Price) = (new int[n], new int[n], new int[n], new byte[n], new long[n], new double[n]);
        Quantity = hasQuantity ? new int[n] : [];
    }

    /// <summary>Column positions in the file: customer, product, category, type, timestamp, price, quantity (-1 when absent).</summary>
    public void ReadAll(RecordReader reader, int[] at)
    {
        var expected = reader.Header.Count;
        while (reader.Read())
        {
            if (reader.Error is not null) { Reject("unreadable"); continue; }
            if (reader.FieldCount != expected) { Reject("field_count"); continue; }
            if (Count == Customer.Length) Grow();
            var i = Count;
            if (!TryId(reader.Field(at[0]), Customers, out Customer[i])) { Reject("missing:customer_id"); continue; }
            Product[i] = at[1] < 0 || !TryId(reader.Field(at[1]), Products, out var p) ? -1 : p;
            Category[i] = at[2] < 0 || !TryId(reader.Field(at[2]), Categories, out var c) ? -1 : c;
            if (!EventTypes.TryParse(NumberParser.Trim(reader.Field(at[3])), out var type)) { Reject("unknown_type:type"); continue; }
            Type[i] = (byte)type;
            if (!TimestampParser.TryParse(NumberParser.Trim(reader.Field(at[4])), out Micros[i])) { Reject("bad_timestamp:timestamp"); continue; }
            if (at[5] < 0 || NumberParser.Trim(reader.Field(at[5])).IsEmpty) Price[i] = double.NaN;
            else if (!NumberParser.TryParseDouble(reader.Field(at[5]), out Price[i]) || Price[i] < 0) { Reject("bad_number:price"); continue; }
            if (at[6] < 0) { }
            else if (NumberParser.Trim(reader.Field(at[6])).IsEmpty) Quantity[i] = -1;
            else if (!NumberParser.TryParseLong(reader.Field(at[6]), out var q) || q is < 0 or > int.MaxValue) { Reject("bad_number:quantity"); continue; }
            else Quantity[i] = (int)q;
            Count++;
        }
    }

    // Ids are only added to a dictionary for rows that are kept: a row rejected later may have added one, which
    // only costs an unused dictionary entry, never a wrong count.
    bool TryId(ReadOnlySpan<byte> utf8, IdDictionary dictionary, out int key)
    {
        utf8 = NumberParser.Trim(utf8);
        key = utf8.IsEmpty ? -1 : dictionary.GetOrAdd(utf8, _chars);
        return key >= 0;
    }

    void Reject(string reason)
    {
        Rejected++;
        ByReason[reason] = ByReason.GetValueOrDefault(reason) + 1;
    }

    void Grow()
    {
        var n = Customer.Length * 2;
        Array.Resize(ref Customer, n);
        Array.Resize(ref Product, n);
        Array.Resize(ref Category, n);
        if (Quantity.Length > 0) Array.Resize(ref Quantity, n);
        Array.Resize(ref Type, n);
        Array.Resize(ref Micros, n);
        Array.Resize(ref Price, n);
    }
}
