namespace ShopLens.Core.Import.Reading;

/// <summary>How fields are separated: a delimiter with optional RFC 4180 quotes, or runs of whitespace.</summary>
public sealed record DelimitedDialect(byte Delimiter, bool Quoting, bool Whitespace)
{
    public static readonly DelimitedDialect Csv = new((byte)',', true, false);
    public static readonly DelimitedDialect Tsv = new((byte)'\t', true, false);
    public static readonly DelimitedDialect SpaceSeparated = new((byte)' ', false, true);
}
