using System.Data.Common;
using System.Numerics;
using DuckDB.NET.Data;

namespace ShopLens.Core.Import.Reading;

/// <summary>
/// A Parquet file streamed through an in-memory DuckDB: the column names are the header, <see cref="RecordReader.Line"/>
/// is the 1-based row number, and values are given as invariant text (<see cref="CellText"/>); nested, binary and
/// interval columns come as DuckDB's own text for them.
/// </summary>
public sealed class ParquetRecordReader : RecordReader
{
    // The CLR types CellText formats itself; DuckDB casts columns of any other type to VARCHAR.
    static readonly HashSet<Type> TextTypes =
    [
        typeof(string), typeof(bool), typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint),
        typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(BigInteger),
        typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(Guid),
    ];

    readonly DuckDBConnection _connection;
    readonly DuckDBCommand _command;
    readonly DbDataReader _rows;
    readonly string _name;
    readonly long _fileBytes;
    readonly long _rowCount;
    readonly CellRow _row = new();
    long _read;

    ParquetRecordReader(DuckDBConnection connection, DuckDBCommand command, DbDataReader rows, string name, long fileBytes, long rowCount)
    {
        _connection = connection;
        _command = command;
        _rows = rows;
        _name = name;
        _fileBytes = fileBytes;
        _rowCount = rowCount;
        var names = new string[rows.FieldCount];
        for (var i = 0; i < names.Length; i++) names[i] = rows.GetName(i);
        Header = names;
    }

    /// <summary>Opens a Parquet file; one DuckDB cannot read as Parquet is an <see cref="ImportException"/>.</summary>
    public static ParquetRecordReader Open(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new ImportException($"{path}: no such file");
        var source = $"'{Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal)}'";
        var connection = new DuckDBConnection("Data Source=:memory:");
        DuckDBCommand? command = null;
        DbDataReader? rows = null;
        try
        {
            connection.Open();
            command = connection.CreateCommand();
            command.CommandText = $"SELECT CAST(coalesce(sum(num_rows), 0) AS BIGINT) FROM parquet_file_metadata({source})";
            var rowCount = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            command.UseStreamingMode = true;
            command.CommandText = $"SELECT * FROM read_parquet({source})";
            rows = command.ExecuteReader();
            var select = SelectList(rows);
            if (select is not null)
            {
                rows.Dispose();
                rows = null;
                command.CommandText = $"SELECT {select} FROM read_parquet({source})";
                rows = command.ExecuteReader();
            }
            return new ParquetRecordReader(connection, command, rows, name, new FileInfo(path).Length, rowCount);
        }
        catch (DuckDBException e)
        {
            rows?.Dispose();
            command?.Dispose();
            connection.Dispose();
            throw new ImportException($"{name}: not a readable Parquet file ({FirstLine(e.Message)})", e);
        }
    }

    public override int FieldCount => _row.Count;

    /// <summary>Rows read, scaled to the file's size: Parquet is read by row group, not byte by byte.</summary>
    public override long Position => _rowCount == 0 ? _fileBytes : (long)((double)_read / _rowCount * _fileBytes);

    public override long? Length => _fileBytes;

    public override ReadOnlySpan<byte> Field(int index) => _row.Field(index);

    public override string RawText() => _row.RawText();

    public override bool Read()
    {
        try
        {
            if (!_rows.Read()) return false;
        }
        catch (DuckDBException e)
        {
            throw new ImportException($"{_name}: cannot be read after row {_read} ({FirstLine(e.Message)})", e);
        }
        Line = ++_read;
        _row.Clear();
        for (var i = 0; i < _rows.FieldCount; i++)
            _row.Add(_rows.IsDBNull(i) ? "" : CellText.Format(_rows.GetValue(i)));
        return true;
    }

    // Null when every column has a type CellText formats; otherwise the select list with the others cast to text.
    static string? SelectList(DbDataReader rows)
    {
        var columns = new string[rows.FieldCount];
        var cast = false;
        for (var i = 0; i < columns.Length; i++)
        {
            var quoted = $"\"{rows.GetName(i).Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            if (TextTypes.Contains(rows.GetFieldType(i)))
            {
                columns[i] = quoted;
                continue;
            }
            columns[i] = $"CAST({quoted} AS VARCHAR) AS {quoted}";
            cast = true;
        }
        return cast ? string.Join(", ", columns) : null;
    }

    static string FirstLine(string message)
    {
        var nl = message.IndexOf('\n', StringComparison.Ordinal);
        return (nl < 0 ? message : message[..nl]).Trim();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rows.Dispose();
            _command.Dispose();
            _connection.Dispose();
        }
        base.Dispose(disposing);
    }
}
