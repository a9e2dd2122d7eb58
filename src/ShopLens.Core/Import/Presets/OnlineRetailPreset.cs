using System.Text;
using ShopLens.Core.Import.Parsing;
using ShopLens.Core.Import.Reading;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Presets;

/// <summary>
/// UCI Online Retail (Chen, Sain &amp; Guo 2012): each invoice line becomes an order line, and also feeds its invoice
/// (an order), its product and its customer. Invoices starting with <c>C</c> are cancellations: orders with status
/// <c>returned</c> whose lines carry |Quantity|. See docs/presets.md.
/// </summary>
public sealed class OnlineRetailPreset : ImportPreset
{
    static readonly CanonicalTable LineTable = CanonicalSchema.OrderLines;
    static readonly int LineOrder = LineTable.Require("order_id"), LineProduct = LineTable.Require("product_id"),
        LineQuantity = LineTable.Require("quantity"), LineUnitPrice = LineTable.Require("unit_price");
    static readonly int OrderId = CanonicalSchema.Orders.Require("order_id"), OrderCustomer = CanonicalSchema.Orders.Require("customer_id"),
        OrderTime = CanonicalSchema.Orders.Require("timestamp"), OrderStatusColumn = CanonicalSchema.Orders.Require("status");
    static readonly int ProductId = CanonicalSchema.Products.Require("product_id"), ProductTitle = CanonicalSchema.Products.Require("title");
    static readonly int CustomerId = CanonicalSchema.Customers.Require("customer_id"), CustomerRegion = CanonicalSchema.Customers.Require("region");

    int _invoice, _stockCode, _description, _quantity, _date, _unitPrice, _customer, _country;

    public override string Name => "online-retail";
    public override string Description => "UCI Online Retail invoice lines (InvoiceNo,StockCode,…,CustomerID,Country) → order lines, orders, products, customers";

    public override IReadOnlyList<Table> Tables => [Table.OrderLines, Table.Orders, Table.Products, Table.Customers];

    public override void Bind(SourceFile source, IReadOnlyList<string> header)
    {
        var at = Require(source, header, "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country");
        (_invoice, _stockCode, _description, _quantity, _date, _unitPrice, _customer, _country) = (at[0], at[1], at[2], at[3], at[4], at[5], at[6], at[7]);
    }

    public override bool Map(RecordReader record, RowSet rows, out Rejection rejection)
    {
        var customer = NumberParser.Trim(record.Field(_customer));
        var invoice = NumberParser.Trim(record.Field(_invoice));
        var quantity = NumberParser.Trim(record.Field(_quantity));
        if (customer.IsEmpty)
        {
            rejection = new("missing_customer", "customer_id", "no CustomerID: a guest order cannot be tied to a customer");
            return false;
        }
        if (invoice.Length > 0 && invoice[0] is (byte)'A' or (byte)'a')
        {
            rejection = new("adjustment", "order_id", $"invoice {Text(invoice)} is an accounting adjustment (e.g. 'Adjust bad debt'), not a sale");
            return false;
        }
        var cancellation = invoice.Length > 0 && invoice[0] is (byte)'C' or (byte)'c';
        var negative = quantity.Length > 0 && quantity[0] == (byte)'-';
        if (negative && !cancellation)
        {
            rejection = new("stock_adjustment", "quantity", $"quantity {Text(quantity)} on invoice {Text(invoice)}, which is not a cancellation: a stock write-off, not a sale");
            return false;
        }

        var line = rows[Table.OrderLines];
        line.Set(LineOrder, invoice);
        line.Set(LineProduct, record.Field(_stockCode));
        // A cancellation lists what came back as negative quantities; the order's status says it is a return.
        line.Set(LineQuantity, negative ? quantity[1..] : quantity);
        // A negative UnitPrice is left to validation (negative:unit_price).
        line.Set(LineUnitPrice, record.Field(_unitPrice));

        var order = rows[Table.Orders];
        order.Set(OrderId, invoice);
        order.Set(OrderCustomer, customer);
        // UK local time, kept as if it were UTC (docs/presets.md).
        order.Set(OrderTime, record.Field(_date));
        order.Set(OrderStatusColumn, cancellation ? "returned"u8 : "completed"u8);

        var product = rows[Table.Products];
        product.Set(ProductId, record.Field(_stockCode));
        product.Set(ProductTitle, record.Field(_description));

        var who = rows[Table.Customers];
        who.Set(CustomerId, customer);
        who.Set(CustomerRegion, record.Field(_country));

        rejection = default;
        return true;
    }

    static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8[..Math.Min(utf8.Length, 40)]);
}
