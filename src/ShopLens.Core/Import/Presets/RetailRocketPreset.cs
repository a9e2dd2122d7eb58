using System.Text;
using ShopLens.Core.Import.Parsing;
using ShopLens.Core.Import.Reading;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Presets;

/// <summary>
/// RetailRocket <c>events.csv</c> (<c>timestamp,visitorid,event,itemid,transactionid</c>, Unix milliseconds) → events;
/// each transaction also names an order (without lines or amount: the source has no prices). See docs/presets.md.
/// </summary>
public sealed class RetailRocketPreset : ImportPreset
{
    static readonly int EventCustomer = CanonicalSchema.Events.Require("customer_id"), EventProduct = CanonicalSchema.Events.Require("product_id"),
        EventType = CanonicalSchema.Events.Require("type"), EventTime = CanonicalSchema.Events.Require("timestamp");
    static readonly int OrderId = CanonicalSchema.Orders.Require("order_id"), OrderCustomer = CanonicalSchema.Orders.Require("customer_id"),
        OrderTime = CanonicalSchema.Orders.Require("timestamp"), OrderStatusColumn = CanonicalSchema.Orders.Require("status");

    int _timestamp, _visitor, _event, _item, _transaction;

    public override string Name => "retailrocket";
    public override string Description => "RetailRocket events.csv (timestamp ms,visitorid,view|addtocart|transaction,itemid,transactionid) → events, orders";

    public override IReadOnlyList<Table> Tables => [Table.Events, Table.Orders];

    public override void Bind(SourceFile source, IReadOnlyList<string> header)
    {
        var at = Require(source, header, "timestamp", "visitorid", "event", "itemid", "transactionid");
        (_timestamp, _visitor, _event, _item, _transaction) = (at[0], at[1], at[2], at[3], at[4]);
    }

    public override bool Map(RecordReader record, RowSet rows, out Rejection rejection)
    {
        var name = NumberParser.Trim(record.Field(_event));
        var purchase = name.SequenceEqual("transaction"u8);
        ReadOnlySpan<byte> type =
            name.SequenceEqual("view"u8) ? "view"u8
            : name.SequenceEqual("addtocart"u8) ? "cart"u8
            : purchase ? "purchase"u8
            : default;
        if (type.IsEmpty)
        {
            rejection = new("unknown_type", "type", $"event '{Encoding.UTF8.GetString(name[..Math.Min(name.Length, 40)])}' is not view, addtocart or transaction");
            return false;
        }
        var e = rows[Table.Events];
        e.Set(EventCustomer, record.Field(_visitor));
        e.Set(EventProduct, record.Field(_item));
        e.Set(EventType, type);
        e.Set(EventTime, record.Field(_timestamp));

        // One line per item bought: every item of a transaction repeats the same order row, which the merge folds into one.
        var transaction = NumberParser.Trim(record.Field(_transaction));
        if (purchase && !transaction.IsEmpty)
        {
            var order = rows[Table.Orders];
            order.Set(OrderId, transaction);
            order.Set(OrderCustomer, record.Field(_visitor));
            order.Set(OrderTime, record.Field(_timestamp));
            order.Set(OrderStatusColumn, "completed"u8);
        }
        rejection = default;
        return true;
    }
}
