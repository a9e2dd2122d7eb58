using System.Text;
using DuckDB.NET.Data;
using ShopLens.Core.Import;
using ShopLens.Core.Import.Reading;

namespace ShopLens.Core.Tests.Import.Reading;

public sealed class ParquetRecordReaderTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-parquet-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    static string[] Fields(RecordReader reader) =>
        Enumerable.Range(0, reader.FieldCount).Select(i => Encoding.UTF8.GetString(reader.Field(i))).ToArray();

    string WriteParquet(string name, string select)
    {
        var path = Path.Combine(_dir, name);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY ({select}) TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)";
        command.ExecuteNonQuery();
        return path;
    }

    [Fact]
    public void Reads_rows_as_invariant_text()
    {
        var path = WriteParquet("order's lines.parquet", """
            SELECT * FROM (VALUES
                (TIMESTAMP '2024-03-05 20:14:07', 12.5::DOUBLE, 3::INTEGER, '中文商品', NULL::VARCHAR, true),
                (TIMESTAMP '2024-03-05 20:14:07.25', 6::DOUBLE, -1::INTEGER, 'plain, "quoted"', 'x', false),
                (NULL, NULL, NULL, NULL, NULL, NULL)
            ) AS t(ordered_at, price, quantity, product, note, paid)
            """);
        using var reader = ParquetRecordReader.Open(path);

        Assert.Equal(["ordered_at", "price", "quantity", "product", "note", "paid"], reader.Header);
        Assert.Equal(new FileInfo(path).Length, reader.Length);

        Assert.True(reader.Read());
        Assert.Null(reader.Error);
        Assert.Equal(1, reader.Line);
        Assert.Equal(["2024-03-05T20:14:07", "12.5", "3", "中文商品", "", "true"], Fields(reader));

        Assert.True(reader.Read());
        Assert.Equal(2, reader.Line);
        Assert.Equal(["2024-03-05T20:14:07.25", "6", "-1", "plain, \"quoted\"", "x", "false"], Fields(reader));
        Assert.Equal("2024-03-05T20:14:07.25,6,-1,\"plain, \"\"quoted\"\"\",x,false", reader.RawText());

        Assert.True(reader.Read());
        Assert.Equal(3, reader.Line);
        Assert.Equal(["", "", "", "", "", ""], Fields(reader));

        Assert.False(reader.Read());
        Assert.Equal(reader.Length, reader.Position);
    }

    [Fact]
    public void Other_types_come_as_text()
    {
        var path = WriteParquet("types.parquet", """
            SELECT DATE '2024-05-06' AS day, 12.30::DECIMAL(10,2) AS amount, 12345678901234::BIGINT AS big,
                   TIMESTAMPTZ '2024-01-02 03:04:05+02' AS at_utc, [1, 2] AS list, {'a': 1} AS struct, 'ab'::BLOB AS blob
            """);
        using var reader = ParquetRecordReader.Open(path);

        Assert.Equal(["day", "amount", "big", "at_utc", "list", "struct", "blob"], reader.Header);
        Assert.True(reader.Read());
        Assert.Equal(["2024-05-06", "12.30", "12345678901234", "2024-01-02T01:04:05", "[1, 2]", "{'a': 1}", "ab"], Fields(reader));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Many_rows_stream_in_order()
    {
        const int Rows = 100_000;
        var path = WriteParquet("many.parquet", $"SELECT range AS id, 'c' || (range % 7) AS customer FROM range({Rows})");
        using var reader = ParquetRecordReader.Open(path);
        long seen = 0;
        while (reader.Read())
        {
            Assert.Equal(seen + 1, reader.Line);
            Assert.Equal(seen.ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetString(reader.Field(0)));
            Assert.InRange(reader.Position, 0, reader.Length!.Value);
            seen++;
        }
        Assert.Equal(Rows, seen);
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_an_import_error()
    {
        var path = Path.Combine(_dir, "events.parquet");
        File.WriteAllText(path, "id,name\n1,a\n");
        var e = Assert.Throws<ImportException>(() => ParquetRecordReader.Open(path));
        Assert.StartsWith("events.parquet: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("Parquet", e.Message, StringComparison.Ordinal);

        Assert.Throws<ImportException>(() => ParquetRecordReader.Open(Path.Combine(_dir, "missing.parquet")));
    }
}
