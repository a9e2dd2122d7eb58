using System.Globalization;
using System.Numerics;
using System.Text;
using System.Xml;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace ShopLens.Core.Import.Reading;

/// <summary>
/// The first sheet of an .xlsx workbook: its first non-empty row is the header, fully empty rows are skipped, and
/// <see cref="RecordReader.Line"/> is the spreadsheet row number. Cells are given as invariant text (<see cref="CellText"/>).
/// </summary>
public sealed class XlsxRecordReader : RecordReader
{
    readonly FileStream _file;
    readonly IExcelDataReader _sheet;
    readonly string _name;
    readonly CellRow _row = new();
    bool _done;

    XlsxRecordReader(FileStream file, IExcelDataReader sheet, string name)
    {
        _file = file;
        _sheet = sheet;
        _name = name;
    }

    /// <summary>Opens a workbook and reads its header; a file that is not a readable .xlsx is an <see cref="ImportException"/>.</summary>
    public static XlsxRecordReader Open(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new ImportException($"{path}: no such file");
        // ExcelDataReader's configuration asks for code page 1252 even for .xlsx; .NET has it only through this provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        IExcelDataReader? sheet = null;
        try
        {
            sheet = ExcelReaderFactory.CreateOpenXmlReader(file);
            var reader = new XlsxRecordReader(file, sheet, name);
            reader.ReadHeader();
            return reader;
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            sheet?.Dispose();
            file.Dispose();
            throw new ImportException($"{name}: not a readable .xlsx workbook ({e.Message})", e);
        }
    }

    public override int FieldCount => Error is null ? _row.Count : 0;
    public override long Position => _done ? _file.Length : _file.Position;
    public override long? Length => _file.Length;

    public override ReadOnlySpan<byte> Field(int index) => _row.Field(index);

    public override string RawText() => _row.RawText();

    public override bool Read()
    {
        while (true)
        {
            if (!ReadRow()) return false;
            if (FillRow()) return true;
        }
    }

    void ReadHeader()
    {
        while (ReadRow())
        {
            if (!FillRow()) continue;
            var names = new string[_row.Count];
            for (var i = 0; i < names.Length; i++) names[i] = Encoding.UTF8.GetString(_row.Field(i)).Trim();
            var count = names.Length;
            while (count > 0 && names[count - 1].Length == 0) count--;
            Header = names[..count];
            return;
        }
    }

    bool ReadRow()
    {
        if (_done) return false;
        try
        {
            if (_sheet.Read())
            {
                Line = _sheet.Depth + 1L;
                return true;
            }
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            throw new ImportException($"{_name}: the sheet cannot be read after row {Line} ({e.Message})", e);
        }
        _done = true;
        return false;
    }

    // The row's cells, up to the header's width (all of them while reading the header); false when the row is empty.
    bool FillRow()
    {
        var width = Header.Count > 0 ? Header.Count : _sheet.FieldCount;
        var empty = true;
        for (var i = 0; i < _sheet.FieldCount && empty; i++)
            empty = _sheet.GetValue(i) is null or string { Length: 0 };
        if (empty) return false;
        _row.Clear();
        for (var i = 0; i < width; i++)
            _row.Add(i < _sheet.FieldCount ? CellText.Format(Cell(i)) : "");
        return true;
    }

    // Excel keeps date-times as fractional days, so a whole second can come back a few microseconds off.
    object? Cell(int index) => _sheet.GetValue(index) is DateTime t
        ? new DateTime((t.Ticks + TimeSpan.TicksPerMillisecond / 2) / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc)
        : _sheet.GetValue(index);

    static bool IsUnreadable(Exception e) =>
        e is ExcelReaderException or InvalidDataException or XmlException or IOException or FormatException or InvalidCastException;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sheet.Dispose();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>Typed cell values (spreadsheets, Parquet) as the invariant text the parsers read.</summary>
internal static class CellText
{
    /// <summary>
    /// Timestamps as ISO 8601 in UTC without an offset (<c>2024-03-05T20:14:07</c>, a fraction only when there is one),
    /// numbers round-trip and without a trailing <c>.0</c>, booleans as <c>true</c>/<c>false</c>, null as empty.
    /// </summary>
    public static string Format(object? value) => value switch
    {
        null or DBNull => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => Timestamp(t),
        DateTimeOffset t => Timestamp(t.UtcDateTime),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        BigInteger i => i.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Microseconds at most, the precision of DuckDB and Parquet timestamps.</summary>
    public static string Timestamp(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture);
}

/// <summary>One record's cells as UTF-8, each a slice of one reused buffer.</summary>
internal sealed class CellRow
{
    const int RawTextChars = 2048;
    byte[] _bytes = new byte[1024];
    int[] _start = new int[16], _length = new int[16];
    int _used;

    public int Count { get; private set; }

    public void Clear()
    {
        Count = 0;
        _used = 0;
    }

    public void Add(string text)
    {
        if (Count == _start.Length)
        {
            Array.Resize(ref _start, Count * 2);
            Array.Resize(ref _length, Count * 2);
        }
        var room = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_used + room > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + room));
        var n = Encoding.UTF8.GetBytes(text, _bytes.AsSpan(_used));
        _start[Count] = _used;
        _length[Count] = n;
        _used += n;
        Count++;
    }

    public ReadOnlySpan<byte> Field(int index) => _bytes.AsSpan(_start[index], _length[index]);

    /// <summary>The cells as one CSV line (quoted where needed), shortened, for the rejects file.</summary>
    public string RawText()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Count && text.Length < RawTextChars; i++)
        {
            if (i > 0) text.Append(',');
            var cell = Encoding.UTF8.GetString(Field(i));
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0) text.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else text.Append(cell);
        }
        return text.Length > RawTextChars ? text.ToString(0, RawTextChars) : text.ToString();
    }
}
