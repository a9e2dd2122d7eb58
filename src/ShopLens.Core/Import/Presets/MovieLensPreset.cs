using System.Text;
using ShopLens.Core.Import.Reading;
using ShopLens.Core.Model;

namespace ShopLens.Core.Import.Presets;

/// <summary>
/// MovieLens ratings (Harper &amp; Konstan 2015): <c>u.data</c> (user TAB item TAB rating TAB unix seconds) or
/// <c>ratings.dat</c> (<c>user::item::rating::unix seconds</c>), told apart by the first line → reviews without text.
/// </summary>
public sealed class MovieLensPreset : ImportPreset
{
    static readonly string[] TabColumns = ["user_id", "item_id", "rating", "timestamp"];
    // "::" read as ':' splits into 7 fields, the separators' empty ones in between.
    static readonly string[] DoubleColonColumns = ["user_id", ":", "item_id", ":", "rating", ":", "timestamp"];
    static readonly DelimitedDialect DoubleColon = new((byte)':', false, false);
    static readonly int ReviewCustomer = CanonicalSchema.Reviews.Require("customer_id"), ReviewProduct = CanonicalSchema.Reviews.Require("product_id"),
        ReviewTime = CanonicalSchema.Reviews.Require("timestamp"), ReviewRating = CanonicalSchema.Reviews.Require("rating");

    bool _doubleColon;
    int _item = 1, _rating = 2, _time = 3;

    public override string Name => "movielens";
    public override string Description => "MovieLens ratings, u.data (tab-separated) or ratings.dat (user::item::rating::ts) → reviews";

    public override IReadOnlyList<Table> Tables => [Table.Reviews];

    public override RecordReader Open(SourceFile source) =>
        FirstLine(source)?.Contains("::", StringComparison.Ordinal) == true
            ? SourceFormats.OpenDelimited(source, DoubleColon, DoubleColonColumns)
            : SourceFormats.OpenDelimited(source, DelimitedDialect.Tsv, TabColumns);

    public override void Bind(SourceFile source, IReadOnlyList<string> header)
    {
        _doubleColon = header.Count == DoubleColonColumns.Length;
        (_item, _rating, _time) = _doubleColon ? (2, 4, 6) : (1, 2, 3);
    }

    public override bool Map(RecordReader record, RowSet rows, out Rejection rejection)
    {
        if (_doubleColon)
            for (var i = 1; i < DoubleColonColumns.Length; i += 2)
                if (!record.Field(i).IsEmpty)
                {
                    rejection = new("field_count", null, "expected user::item::rating::timestamp, found single ':' separators");
                    return false;
                }
        var review = rows[Table.Reviews];
        review.Set(ReviewCustomer, record.Field(0));
        review.Set(ReviewProduct, record.Field(_item));
        review.Set(ReviewRating, record.Field(_rating));
        review.Set(ReviewTime, record.Field(_time));
        rejection = default;
        return true;
    }

    static string? FirstLine(SourceFile source)
    {
        using var text = new StreamReader(SourceFormats.OpenText(source), Encoding.UTF8);
        var head = new char[1 << 16];
        var n = text.ReadBlock(head);
        return new string(head, 0, n).Split('\n').FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
    }
}
