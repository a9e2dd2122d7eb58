using System.Text;
using ShopLens.Core.Import.Reading;

namespace ShopLens.Core.Tests.Import.Reading;

/// <summary>Fields and exact physical line numbers, including quotes, CRLF, buffer boundaries and recovery from broken records.</summary>
[Trait("Issue", "2")]
public sealed class DelimitedReaderTests
{
    static List<(long Line, string? Error, string[] Fields)> ReadAll(string text, DelimitedDialect? dialect = null, IReadOnlyList<string>? header = null) =>
        ReadAll(Encoding.UTF8.GetBytes(text), dialect, header);

    static List<(long Line, string? Error, string[] Fields)> ReadAll(byte[] bytes, DelimitedDialect? dialect = null, IReadOnlyList<string>? header = null)
    {
        using var reader = DelimitedRecordReader.Open(new MemoryStream(bytes), bytes.Length, dialect ?? DelimitedDialect.Csv, header);
        var rows = new List<(long, string?, string[])>();
        while (reader.Read())
            rows.Add((reader.Line, reader.Error, Enumerable.Range(0, reader.FieldCount).Select(i => Encoding.UTF8.GetString(reader.Field(i))).ToArray()));
        return rows;
    }

    [Fact]
    public void Quoted_fields_with_commas_quotes_and_newlines_keep_line_numbers()
    {
        var rows = ReadAll("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",z\r\n\r\n3,,\"\"\r\n4,last,no-newline");
        Assert.Equal([2L, 3L, 6L, 7L], rows.Select(r => r.Line));
        Assert.Equal(["1", "x, y", "say \"hi\""], rows[0].Fields);
        Assert.Equal(["2", "two\nlines", "z"], rows[1].Fields);
        Assert.Equal(["3", "", ""], rows[2].Fields);
        Assert.Equal(["4", "last", "no-newline"], rows[3].Fields);
        Assert.All(rows, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Bom_tabs_and_whitespace_separated_files()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("id\tname\n7\t保温杯\n")).ToArray();
        using (var r = DelimitedRecordReader.Open(new MemoryStream(bom), bom.Length, DelimitedDialect.Tsv, null))
        {
            Assert.Equal(["id", "name"], r.Header);
            Assert.True(r.Read());
            Assert.Equal("保温杯", Encoding.UTF8.GetString(r.Field(1)));
        }
        var cdnow = ReadAll(" 00001 19970101  1   11.77\r\n 00002 19970112  2   12.00\r\n", DelimitedDialect.SpaceSeparated, ["a", "b", "c", "d"]);
        Assert.Equal(["00001", "19970101", "1", "11.77"], cdnow[0].Fields);
        Assert.Equal(2, cdnow[1].Line);
    }

    [Fact]
    public void A_stray_quote_costs_only_its_line()
    {
        var rows = ReadAll("a,b\n1,\"open\n2,x\n3,y\n4,\"z\"\n", header: null);
        Assert.Equal(4, rows.Count);
        Assert.Equal((2L, true), (rows[0].Line, rows[0].Error is not null));
        Assert.Equal([(3L, "2"), (4L, "3"), (5L, "4")], rows.Skip(1).Select(r => (r.Line, r.Fields[0])));
        Assert.Equal("z", rows[3].Fields[1]);
    }

    [Fact]
    public void Text_after_a_closing_quote_and_a_quote_never_closed_are_errors()
    {
        var rows = ReadAll("a,b\n1,\"x\"y\n2,ok\n3,\"never");
        Assert.Equal(3, rows.Count);
        Assert.NotNull(rows[0].Error);
        Assert.Equal((3L, null, "ok"), (rows[1].Line, rows[1].Error, rows[1].Fields[1]));
        Assert.Equal(4L, rows[2].Line);
        Assert.NotNull(rows[2].Error);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_an_error_and_reading_goes_on()
    {
        var text = "a,b\n1," + new string('x', DelimitedRecordReader.MaxRecordBytes * 2) + "\n2,after\n";
        var rows = ReadAll(text);
        Assert.Equal(2, rows.Count);
        Assert.Contains("too long", rows[0].Error, StringComparison.Ordinal);
        Assert.Equal((3L, "after"), (rows[1].Line, rows[1].Fields[1]));
    }

    [Fact]
    public void Random_tables_read_back_exactly_across_buffer_boundaries()
    {
        var rng = new Random(5);
        var alphabet = new[] { "a", "b", ",", "\"", "\n", "中", "é", " ", "1", "\r\n" };
        var expected = new List<(long Line, string[] Fields)>();
        var sb = new StringBuilder("h1,h2,h3\n");
        long line = 2;
        // Long rows push the file past the reader's 4 MiB buffer several times.
        while (sb.Length < 12 << 20)
        {
            var fields = new string[3];
            for (var f = 0; f < 3; f++)
            {
                var len = rng.Next(0, rng.Next(10) == 0 ? 3000 : 12);
                var field = new StringBuilder();
                for (var i = 0; i < len; i++) field.Append(alphabet[rng.Next(alphabet.Length)]);
                fields[f] = field.ToString();
            }
            expected.Add((line, fields));
            var quoted = fields.Select(f => f.AsSpan().IndexOfAny(",\"\n\r") >= 0 || f.StartsWith(' ') ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f);
            sb.Append(string.Join(',', quoted)).Append('\n');
            line += 1 + fields.Sum(f => f.Count(c => c == '\n'));
        }
        var rows = ReadAll(sb.ToString());
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Null(rows[i].Error);
            Assert.Equal(expected[i].Line, rows[i].Line);
            Assert.Equal(expected[i].Fields, rows[i].Fields);
        }
    }

    [Fact]
    public void Blank_lines_are_not_records_but_count_as_lines()
    {
        var rows = ReadAll("a\n\n1\n\n\n2\n");
        Assert.Equal([(3L, "1"), (6L, "2")], rows.Select(r => (r.Line, r.Fields[0])));
    }
}
