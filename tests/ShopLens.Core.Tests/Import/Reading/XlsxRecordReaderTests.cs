using System.IO.Compression;
using System.Text;
using ShopLens.Core.Import;
using ShopLens.Core.Import.Reading;

namespace ShopLens.Core.Tests.Import.Reading;

public sealed class XlsxRecordReaderTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-xlsx-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    static string Text(RecordReader reader, int index) => Encoding.UTF8.GetString(reader.Field(index));

    static string[] Fields(RecordReader reader) => Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader, i)).ToArray();

    [Fact]
    public void Reads_the_first_sheet_with_its_header()
    {
        // Row 3 is absent and row 5 holds only an empty string: both are skipped, and row numbers stay the sheet's.
        // C2 is 2024-01-01 12:00:00 as Excel's fractional day, shown through a date format (style 1).
        var path = MinimalXlsx.Write(Path.Combine(_dir, "orders.xlsx"), """
            <row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t> qty </t></is></c><c r="C1" t="inlineStr"><is><t>ordered_at</t></is></c><c r="D1" t="inlineStr"><is><t>paid</t></is></c><c r="E1" t="inlineStr"><is><t>price</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>中文 "quoted", too</t></is></c><c r="B2"><v>6</v></c><c r="C2" s="1"><v>45292.5</v></c><c r="D2" t="b"><v>1</v></c><c r="E2"><v>0.1</v></c></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t>b</t></is></c><c r="B4"><v>-2.5</v></c><c r="D4" t="b"><v>0</v></c><c r="E4"><v>1E+20</v></c></row>
            <row r="5"><c r="A5" t="inlineStr"><is><t></t></is></c></row>
            <row r="6"><c r="C6" s="1"><v>45292.000011574074</v></c><c r="G6"><v>7</v></c></row>
            """);
        using var reader = XlsxRecordReader.Open(path);

        Assert.Equal(["name", "qty", "ordered_at", "paid", "price"], reader.Header);

        Assert.True(reader.Read());
        Assert.Null(reader.Error);
        Assert.Equal(2, reader.Line);
        Assert.Equal(["中文 \"quoted\", too", "6", "2024-01-01T12:00:00", "true", "0.1"], Fields(reader));
        Assert.Equal("\"中文 \"\"quoted\"\", too\",6,2024-01-01T12:00:00,true,0.1", reader.RawText());

        Assert.True(reader.Read());
        Assert.Equal(4, reader.Line);
        Assert.Equal(["b", "-2.5", "", "false", "1E+20"], Fields(reader));

        // A cell beyond the header's columns is not a field, but it keeps the row from being empty.
        Assert.True(reader.Read());
        Assert.Equal(6, reader.Line);
        Assert.Equal(["", "", "2024-01-01T00:00:01", "", ""], Fields(reader));

        Assert.False(reader.Read());
        Assert.Equal(reader.Length, reader.Position);
    }

    [Fact]
    public void Leading_empty_rows_come_before_the_header()
    {
        var path = MinimalXlsx.Write(Path.Combine(_dir, "late.xlsx"), """
            <row r="3"><c r="B3" t="inlineStr"><is><t>id</t></is></c><c r="C3"><v>2024</v></c></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t>ignored</t></is></c><c r="B4"><v>17</v></c><c r="C4" t="inlineStr"><is><t>x</t></is></c></row>
            """);
        using var reader = XlsxRecordReader.Open(path);
        Assert.Equal(["", "id", "2024"], reader.Header);
        Assert.True(reader.Read());
        Assert.Equal(4, reader.Line);
        Assert.Equal(["ignored", "17", "x"], Fields(reader));
        Assert.False(reader.Read());
    }

    [Fact]
    public void A_sheet_with_only_a_header_has_no_records()
    {
        var path = MinimalXlsx.Write(Path.Combine(_dir, "empty.xlsx"), """<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>""");
        using var reader = XlsxRecordReader.Open(path);
        Assert.Equal(["id"], reader.Header);
        Assert.False(reader.Read());
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_an_import_error()
    {
        var text = Path.Combine(_dir, "notes.xlsx");
        File.WriteAllText(text, "id,name\n1,a\n");
        var e = Assert.Throws<ImportException>(() => XlsxRecordReader.Open(text));
        Assert.StartsWith("notes.xlsx: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(".xlsx", e.Message[12..], StringComparison.Ordinal);

        var zip = Path.Combine(_dir, "other.xlsx");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create)) archive.CreateEntry("readme.txt");
        e = Assert.Throws<ImportException>(() => XlsxRecordReader.Open(zip));
        Assert.StartsWith("other.xlsx: ", e.Message, StringComparison.Ordinal);

        Assert.Throws<ImportException>(() => XlsxRecordReader.Open(Path.Combine(_dir, "missing.xlsx")));
    }
}

/// <summary>The smallest .xlsx ExcelDataReader accepts: one sheet of the given rows, and one date style (index 1).</summary>
static class MinimalXlsx
{
    const string Xml = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""";
    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const string Rels = "http://schemas.openxmlformats.org/package/2006/relationships";
    const string DocRels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const string OpenXmlTypes = "application/vnd.openxmlformats-officedocument.spreadsheetml";

    public static string Write(string path, string rows)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml", $"""
            {Xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="{OpenXmlTypes}.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="{OpenXmlTypes}.worksheet+xml"/>
            <Override PartName="/xl/styles.xml" ContentType="{OpenXmlTypes}.styles+xml"/>
            </Types>
            """);
        Add(zip, "_rels/.rels", $"""
            {Xml}<Relationships xmlns="{Rels}">
            <Relationship Id="rId1" Type="{DocRels}/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>
            """);
        Add(zip, "xl/workbook.xml", $"""
            {Xml}<workbook xmlns="{Main}" xmlns:r="{DocRels}"><sheets><sheet name="Orders" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        Add(zip, "xl/_rels/workbook.xml.rels", $"""
            {Xml}<Relationships xmlns="{Rels}">
            <Relationship Id="rId1" Type="{DocRels}/worksheet" Target="worksheets/sheet1.xml"/>
            <Relationship Id="rId2" Type="{DocRels}/styles" Target="styles.xml"/>
            </Relationships>
            """);
        Add(zip, "xl/styles.xml", $"""
            {Xml}<styleSheet xmlns="{Main}">
            <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>
            </styleSheet>
            """);
        Add(zip, "xl/worksheets/sheet1.xml", $"""
            {Xml}<worksheet xmlns="{Main}"><sheetData>
            {rows}
            </sheetData></worksheet>
            """);
        return path;
    }

    static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
