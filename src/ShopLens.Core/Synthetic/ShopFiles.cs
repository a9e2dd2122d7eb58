using ShopLens.Core.Model;

namespace ShopLens.Core.Synthetic;

/// <summary>
/// The streamed canonical files of a synthetic shop (events, orders, order lines, reviews), their canonical headers,
/// and the counters that number events <c>E000000001</c>…, sessions <c>S00000001</c>…, orders <c>O00000001</c>… and reviews <c>R0000001</c>….
/// </summary>
sealed class ShopFiles : IDisposable
{
    readonly CsvRowWriter _events, _orders, _orderLines, _reviews;
    long _lastEvent, _lastSession, _lastOrder, _lastReview;

    public ShopFiles(string directory)
    {
        _events = Open(directory, CanonicalSchema.Events);
        _orders = Open(directory, CanonicalSchema.Orders);
        _orderLines = Open(directory, CanonicalSchema.OrderLines);
        _reviews = Open(directory, CanonicalSchema.Reviews);
    }

    /// <summary>Creates <c>{table}.csv</c> in the directory and writes the table's canonical header.</summary>
    public static CsvRowWriter Open(string directory, CanonicalTable table)
    {
        var writer = new CsvRowWriter(Path.Combine(directory, table.Name + ".csv"));
        var names = new string[table.Columns.Count];
        for (var i = 0; i < names.Length; i++) names[i] = table.Columns[i].Name;
        writer.Header(names);
        return writer;
    }

    public long Events => _events.Rows;
    public long Orders => _orders.Rows;
    public long OrderLines => _orderLines.Rows;
    public long Reviews => _reviews.Rows;

    public long NewSession() => ++_lastSession;

    public long NewOrder() => ++_lastOrder;

    /// <summary>An event row; a session of 0, a negative price and a quantity of 0 are written empty.</summary>
    public void Event(string customerId, long session, string? productId, EventType type, long time,
        long priceCents, int quantity, string? query, string channel)
    {
        var w = _events;
        w.Id('E', ++_lastEvent, 9);
        w.Text(customerId);
        if (session > 0) w.Id('S', session, 8); else w.Empty();
        if (productId is null) w.Empty(); else w.Text(productId);
        w.Text(EventTypes.Name(type));
        w.Time(time);
        if (priceCents >= 0) w.Hundredths(priceCents); else w.Empty();
        if (quantity > 0) w.Integer(quantity); else w.Empty();
        if (query is null) w.Empty(); else w.Text(query);
        w.Text(channel);
        w.EndRow();
    }

    /// <summary>An order; its amount stays empty because its lines carry the prices.</summary>
    public void Order(long orderId, string customerId, long time, string status)
    {
        var w = _orders;
        w.Id('O', orderId, 8);
        w.Text(customerId);
        w.Time(time);
        w.Text(status);
        w.Empty();
        w.EndRow();
    }

    /// <summary>An order line; a discount of 0 % is written empty, others as a fraction (15 ⇒ 0.15).</summary>
    public void OrderLine(long orderId, string productId, int quantity, long unitPriceCents, int discountPercent)
    {
        var w = _orderLines;
        w.Id('O', orderId, 8);
        w.Text(productId);
        w.Integer(quantity);
        w.Hundredths(unitPriceCents);
        if (discountPercent > 0) w.Hundredths(discountPercent); else w.Empty();
        w.EndRow();
    }

    public void Review(string customerId, string productId, long time, int rating, string text)
    {
        var w = _reviews;
        w.Id('R', ++_lastReview, 7);
        w.Text(customerId);
        w.Text(productId);
        w.Time(time);
        w.Integer(rating);
        w.Text(text);
        w.EndRow();
    }

    public void Dispose()
    {
        _events.Dispose();
        _orders.Dispose();
        _orderLines.Dispose();
        _reviews.Dispose();
    }
}
