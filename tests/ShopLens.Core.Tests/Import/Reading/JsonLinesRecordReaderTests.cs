using System.Text;
using ShopLens.Core.Import;
using ShopLens.Core.Import.Reading;

namespace ShopLens.Core.Tests.Import.Reading;

public sealed class JsonLinesRecordReaderTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-jsonl-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    static JsonLinesRecordReader OpenText(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom) bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        return JsonLinesRecordReader.Open(new MemoryStream(bytes), "test.jsonl");
    }

    static string Text(RecordReader reader, string column)
    {
        var index = reader.Header.ToList().IndexOf(column);
        Assert.True(index >= 0, $"no column {column} in [{string.Join(", ", reader.Header)}]");
        return Encoding.UTF8.GetString(reader.Field(index));
    }

    [Fact]
    public void Reads_a_file_of_mixed_lines()
    {
        var path = Path.Combine(_dir, "events.jsonl");
        var text =
            "{\"customer_id\":\"c1\",\"amount\":12.50,\"qty\":3,\"paid\":true,\"note\":null}\r\n" +
            "\r\n" +
            "{\"customer_id\":\"中文顾客\",\"note\":\"say \\\"hi\\\"\\n\\u00e9\",\"extra\":{\"a\":[1,2]}}\n" +
            "   \n" +
            "{\"customer_id\":\"c3\",\"amount\":-1e3,\"paid\":false}\n";
        File.WriteAllText(path, text, new UTF8Encoding(true));
        using var reader = JsonLinesRecordReader.Open(File.OpenRead(path), "events.jsonl");

        Assert.Equal(["customer_id", "amount", "qty", "paid", "note", "extra"], reader.Header);
        Assert.Equal(Encoding.UTF8.GetByteCount(text) + 3, reader.Length);

        Assert.True(reader.Read());
        Assert.Null(reader.Error);
        Assert.Equal(1, reader.Line);
        Assert.Equal(6, reader.FieldCount);
        Assert.Equal("c1", Text(reader, "customer_id"));
        Assert.Equal("12.50", Text(reader, "amount"));
        Assert.Equal("3", Text(reader, "qty"));
        Assert.Equal("true", Text(reader, "paid"));
        Assert.Equal("", Text(reader, "note"));
        Assert.Equal("", Text(reader, "extra"));
        Assert.Equal("{\"customer_id\":\"c1\",\"amount\":12.50,\"qty\":3,\"paid\":true,\"note\":null}", reader.RawText());

        Assert.True(reader.Read());
        Assert.Equal(3, reader.Line);
        Assert.Equal("中文顾客", Text(reader, "customer_id"));
        Assert.Equal("say \"hi\"\né", Text(reader, "note"));
        Assert.Equal("{\"a\":[1,2]}", Text(reader, "extra"));
        Assert.Equal("", Text(reader, "amount"));

        Assert.True(reader.Read());
        Assert.Equal(5, reader.Line);
        Assert.Equal("-1e3", Text(reader, "amount"));
        Assert.Equal("false", Text(reader, "paid"));

        Assert.False(reader.Read());
        Assert.Equal(reader.Length, reader.Position);
    }

    [Fact]
    public void A_bad_line_gets_an_error_and_the_next_line_still_reads()
    {
        using var reader = OpenText(
            "{\"id\":1,\"name\":\"a\"}\n" +
            "{\"id\":2,\"name\":\"b\"\n" +
            "[1,2,3]\n" +
            "42\n" +
            "{\"id\":3} trailing\n" +
            "{\"id\":4,\"name\":\"d\"}");

        Assert.Equal(["id", "name"], reader.Header);
        Assert.True(reader.Read());
        Assert.Null(reader.Error);

        Assert.True(reader.Read());
        Assert.Equal(2, reader.Line);
        Assert.StartsWith("invalid JSON: ", reader.Error, StringComparison.Ordinal);
        Assert.Equal(0, reader.FieldCount);
        Assert.Equal("{\"id\":2,\"name\":\"b\"", reader.RawText());

        Assert.True(reader.Read());
        Assert.Equal("invalid JSON: expected an object, found an array", reader.Error);
        Assert.True(reader.Read());
        Assert.Equal("invalid JSON: expected an object, found a number", reader.Error);
        Assert.True(reader.Read());
        Assert.Equal(5, reader.Line);
        Assert.StartsWith("invalid JSON: ", reader.Error, StringComparison.Ordinal);

        Assert.True(reader.Read());
        Assert.Null(reader.Error);
        Assert.Equal(6, reader.Line);
        Assert.Equal(2, reader.FieldCount);
        Assert.Equal("4", Text(reader, "id"));
        Assert.Equal("d", Text(reader, "name"));
        Assert.False(reader.Read());
    }

    [Fact]
    public void The_header_comes_from_the_first_thousand_lines_and_later_keys_are_ignored()
    {
        var text = new StringBuilder();
        text.Append("{\"a\":\"first\"}\n");
        for (var i = 1; i < JsonLinesRecordReader.HeaderLines - 1; i++) text.Append("{\"a\":").Append(i).Append("}\n");
        text.Append("{\"b\":\"last of the header\",\"a\":0}\n");
        text.Append("{\"c\":\"too late\",\"b\":\"x\",\"a\":7}\n");
        using var reader = OpenText(text.ToString(), bom: true);

        Assert.Equal(["a", "b"], reader.Header);
        var lines = 0;
        while (reader.Read())
        {
            lines++;
            Assert.Null(reader.Error);
            Assert.Equal(lines, reader.Line);
            Assert.Equal(2, reader.FieldCount);
        }
        Assert.Equal(JsonLinesRecordReader.HeaderLines + 1, lines);
        Assert.Equal("7", Text(reader, "a"));
        Assert.Equal("x", Text(reader, "b"));
    }

    [Fact]
    public void The_first_line_keeps_its_values_after_the_look_ahead()
    {
        using var reader = OpenText("{\"a\":\"one\"}\n{\"b\":\"two\"}\n");
        Assert.True(reader.Read());
        Assert.Equal("one", Text(reader, "a"));
        Assert.Equal("", Text(reader, "b"));
        Assert.True(reader.Read());
        Assert.Equal("", Text(reader, "a"));
        Assert.Equal("two", Text(reader, "b"));
    }

    [Fact]
    public void A_line_over_the_limit_is_rejected_and_reading_goes_on()
    {
        var longValue = new string('x', JsonLinesRecordReader.MaxRecordBytes + 10);
        var text = "{\"id\":1}\n{\"id\":\"" + longValue + "\"}\n{\"id\":3}\n" +
                   "{\"id\":\"" + new string('y', 3 * JsonLinesRecordReader.MaxRecordBytes) + "\"}\n{\"id\":5}\n";
        using var reader = OpenText(text);

        Assert.True(reader.Read());
        Assert.Equal("1", Text(reader, "id"));
        Assert.True(reader.Read());
        Assert.Equal(2, reader.Line);
        Assert.StartsWith("record too long", reader.Error, StringComparison.Ordinal);
        Assert.Equal(2048, reader.RawText().Length);
        Assert.True(reader.Read());
        Assert.Null(reader.Error);
        Assert.Equal(3, reader.Line);
        Assert.Equal("3", Text(reader, "id"));
        Assert.True(reader.Read());
        Assert.Equal(4, reader.Line);
        Assert.StartsWith("record too long", reader.Error, StringComparison.Ordinal);
        Assert.StartsWith("{\"id\":\"yyy", reader.RawText(), StringComparison.Ordinal);
        Assert.True(reader.Read());
        Assert.Equal(5, reader.Line);
        Assert.Equal("5", Text(reader, "id"));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Lines_past_the_look_ahead_read_across_buffer_refills()
    {
        // About 5 MiB of lines, so the stream is refilled several times after the header's look-ahead.
        var text = new StringBuilder();
        const int Lines = 60_000;
        for (var i = 1; i <= Lines; i++)
            text.Append("{\"n\":").Append(i).Append(",\"s\":\"").Append('é', i % 37).Append("\",\"pad\":\"").Append('-', 40).Append("\"}\r\n");
        using var reader = OpenText(text.ToString());

        var seen = 0;
        while (reader.Read())
        {
            seen++;
            Assert.Null(reader.Error);
            Assert.Equal(seen, reader.Line);
            Assert.Equal(seen.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(reader, "n"));
            Assert.Equal(seen % 37, Text(reader, "s").Length);
        }
        Assert.Equal(Lines, seen);
    }

    [Fact]
    public void An_empty_stream_has_no_header_and_no_records()
    {
        using var reader = OpenText("");
        Assert.Empty(reader.Header);
        Assert.False(reader.Read());
    }

    [Fact]
    public void A_broken_gzip_stream_in_the_look_ahead_is_an_import_error()
    {
        var path = Path.Combine(_dir, "bad.jsonl.gz");
        File.WriteAllBytes(path, [0x1F, 0x8B, 0x08, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);
        var stream = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        var e = Assert.Throws<ImportException>(() => JsonLinesRecordReader.Open(stream, "bad.jsonl.gz"));
        Assert.StartsWith("bad.jsonl.gz: ", e.Message, StringComparison.Ordinal);
    }
}
