using System.Text;
using ShopLens.Core.Import.Parsing;
using ShopLens.Core.Import.Reading;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Presets;

/// <summary>
/// Alibaba Tianchi Taobao UserBehavior (Zhu et al. 2018): headerless <c>user_id,item_id,category_id,behavior_type,timestamp</c>
/// → events, and the item's category → products. See docs/presets.md.
/// </summary>
public sealed class TaobaoPreset : ImportPreset
{
    static readonly string[] Columns = ["user_id", "item_id", "category_id", "behavior_type", "timestamp"];
    static readonly int EventCustomer = CanonicalSchema.Events.Require("customer_id"), EventProduct = CanonicalSchema.Events.Require("product_id"),
        EventType = CanonicalSchema.Events.Require("type"), EventTime = CanonicalSchema.Events.Require("timestamp");
    static readonly int ProductId = CanonicalSchema.Products.Require("product_id"), ProductCategory = CanonicalSchema.Products.Require("category");

    public override string Name => "taobao";
    public override string Description => "Taobao UserBehavior (user_id,item_id,category_id,pv|fav|cart|buy,unix seconds; no header) → events, products";

    public override IReadOnlyList<Table> Tables => [Table.Events, Table.Products];

    public override RecordReader Open(SourceFile source) => SourceFormats.OpenDelimited(source, DelimitedDialect.Csv, Columns);

    public override void Bind(SourceFile source, IReadOnlyList<string> header)
    {
    }

    public override bool Map(RecordReader record, RowSet rows, out Rejection rejection)
    {
        var behavior = NumberParser.Trim(record.Field(3));
        ReadOnlySpan<byte> type =
            behavior.SequenceEqual("pv"u8) ? "view"u8
            : behavior.SequenceEqual("buy"u8) ? "purchase"u8
            : behavior.SequenceEqual("cart"u8) ? "cart"u8
            : behavior.SequenceEqual("fav"u8) ? "favorite"u8
            : default;
        if (type.IsEmpty)
        {
            rejection = new("unknown_type", "type", $"behavior_type '{Encoding.UTF8.GetString(behavior[..Math.Min(behavior.Length, 40)])}' is not pv, buy, cart or fav");
            return false;
        }
        var e = rows[Table.Events];
        e.Set(EventCustomer, record.Field(0));
        e.Set(EventProduct, record.Field(1));
        e.Set(EventType, type);
        e.Set(EventTime, record.Field(4));

        var product = rows[Table.Products];
        product.Set(ProductId, record.Field(1));
        product.Set(ProductCategory, record.Field(2));
        rejection = default;
        return true;
    }
}
