using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ShopLens.Core.Store;

/// <summary>
/// Writes the rows of a query to an Excel workbook of one sheet through the Open XML SDK, streamed row by row: a header
/// row of the column names, numbers as numbers, times as ISO 8601 UTC text, everything else as text (typed as text, so a
/// spreadsheet never runs it as a formula), NULL as an empty cell.
/// </summary>
public static class XlsxExport
{
    /// <summary>Rows a sheet can hold, the header included.</summary>
    public const int MaxRows = 1_048_576;

    /// <exception cref="InvalidOperationException">more rows than a sheet holds</exception>
    public static long Write(IShopStore store, string selectSql, string path)
    {
        ArgumentNullException.ThrowIfNull(store);
        try
        {
            return Stream(store, selectSql, path);
        }
        catch
        {
            // No half-written workbook is left behind.
            File.Delete(path);
            throw;
        }
    }

    static long Stream(IShopStore store, string selectSql, string path)
    {
        using var reader = store.Query(selectSql);
        long rows = 0;
        using (var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheet))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                writer.WriteStartElement(new Row());
                for (var i = 0; i < reader.FieldCount; i++) writer.WriteElement(TextCell(reader.GetName(i)));
                writer.WriteEndElement();
                while (reader.Read())
                {
                    if (++rows >= MaxRows) throw new InvalidOperationException($"{path}: more than {MaxRows - 1:N0} rows, more than an Excel sheet holds; write .csv or .parquet");
                    writer.WriteStartElement(new Row());
                    for (var i = 0; i < reader.FieldCount; i++) writer.WriteElement(reader.IsDBNull(i) ? new Cell() : CellOf(reader.GetValue(i)));
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "result" }));
        }
        return rows;
    }

    static Cell CellOf(object value) => value switch
    {
        double or float or decimal or long or int or short or sbyte or byte or ushort or uint or ulong or System.Numerics.BigInteger =>
            Convert.ToDouble(value, CultureInfo.InvariantCulture) is var d && double.IsFinite(d)
                ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) }
                : TextCell(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        DateTime t => TextCell(DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)),
        bool b => TextCell(b ? "true" : "false"),
        _ => TextCell(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    static Cell TextCell(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }) };

    /// <summary>XML 1.0 has no place for most control characters; each becomes U+FFFD rather than failing the file.</summary>
    static string XmlSafe(string text)
    {
        if (!text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r') || char.IsSurrogate(c))) return text;
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { safe.Append(c).Append(text[++i]); continue; }
            safe.Append(c < ' ' && c is not ('\t' or '\n' or '\r') || char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return safe.ToString();
    }
}
