using static ShopLens.Core.Model.ColumnKind;

namespace ShopLens.Core.Model;

/// <summary>The canonical data model: every table ShopLens imports, field by field (docs/data-model.md is checked against it).</summary>
public static class CanonicalSchema
{
    public static readonly CanonicalTable Customers = new(Table.Customers, "customers",
    [
        new("customer_id", CustomerRef, true, "the shop's id for the customer", "C000123"),
        new("first_seen", Timestamp, false, "when the customer was first seen (sign-up); if absent, their first event or order", "2024-03-01T09:30:00Z"),
        new("region", Text, false, "region, country or city", "Shanghai"),
        new("channel", Text, false, "acquisition channel", "search_ads"),
        new("age_band", Text, false, "age band", "25-34"),
    ], "same customer_id; a later row with new values updates the customer, an identical one is a duplicate");

    public static readonly CanonicalTable Products = new(Table.Products, "products",
    [
        new("product_id", ProductRef, true, "the shop's id for the product (SKU)", "P0042"),
        new("title", Text, false, "product title, any language", "保温杯 500ml"),
        new("category", Text, false, "category path, levels separated by '>'", "Home>Kitchen>Bottles"),
        new("brand", Text, false, "brand", "Thermos"),
        new("price", Amount, false, "list price", "89.00"),
    ], "same product_id; a later row with new values updates the product, an identical one is a duplicate");

    public static readonly CanonicalTable Events = new(Table.Events, "events",
    [
        new("event_id", Id, false, "the event's own id, if the source has one", "e-7f3a"),
        new("customer_id", CustomerRef, true, "who acted (a known customer or an anonymous visitor id)", "C000123"),
        new("session_id", Id, false, "session or anonymous id", "s-99812"),
        new("product_id", ProductRef, false, "the product acted on, where the type has one", "P0042"),
        new("type", EventTypeName, true, "view, click, search, favorite, cart, remove_cart, purchase or refund", "cart"),
        new("timestamp", Timestamp, true, "when, in UTC", "2024-03-05T20:14:07Z"),
        new("price", Amount, false, "unit price paid or shown", "79.00"),
        new("quantity", Count, false, "units", "2"),
        new("query", Text, false, "search text, for search events", "保温杯"),
        new("channel", Text, false, "channel or device", "app"),
    ], "same event_id; without one, same customer_id, product_id, type and timestamp");

    public static readonly CanonicalTable Orders = new(Table.Orders, "orders",
    [
        new("order_id", Id, true, "the order's id", "O-100045"),
        new("customer_id", CustomerRef, true, "who ordered", "C000123"),
        new("timestamp", Timestamp, true, "when the order was placed, in UTC", "2024-03-05T20:15:00Z"),
        new("status", OrderStatusName, false, "placed, paid, shipped, completed (default), cancelled or returned", "completed"),
        new("amount", Amount, false, "order total, for sources without order lines (e.g. CDNOW)", "158.00"),
    ], "same order_id; a later row with a new status or amount updates the order, an identical one is a duplicate");

    public static readonly CanonicalTable OrderLines = new(Table.OrderLines, "order_lines",
    [
        new("order_id", Id, true, "the order this line belongs to", "O-100045"),
        new("product_id", ProductRef, true, "the product", "P0042"),
        new("quantity", Count, true, "units", "2"),
        new("unit_price", Amount, true, "price per unit before discount", "79.00"),
        new("discount", Fraction, false, "discount as a share of the line's price, 0 to 1", "0.10"),
    ], "same order_id, product_id, quantity, unit_price and discount");

    public static readonly CanonicalTable Reviews = new(Table.Reviews, "reviews",
    [
        new("review_id", Id, false, "the review's id, if the source has one", "R-555"),
        new("customer_id", CustomerRef, true, "who wrote it", "C000123"),
        new("product_id", ProductRef, true, "the product reviewed", "P0042"),
        new("timestamp", Timestamp, true, "when, in UTC", "2024-03-12T08:00:00Z"),
        new("rating", Rating, true, "stars, 1 to 5", "4"),
        new("text", Text, false, "the review text, any language", "保温效果很好，物流也快"),
    ], "same review_id; without one, same customer_id, product_id and timestamp");

    public static readonly IReadOnlyList<CanonicalTable> All = [Customers, Products, Events, Orders, OrderLines, Reviews];

    public static CanonicalTable Of(Table table) => All[(int)table];

    /// <summary>Finds a table by its store name (<c>events</c>, <c>order_lines</c>, …), case-insensitively.</summary>
    public static CanonicalTable? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name.Replace('-', '_'), StringComparison.OrdinalIgnoreCase));
}
