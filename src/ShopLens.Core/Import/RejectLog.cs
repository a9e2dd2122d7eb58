using System.Text;

namespace ShopLens.Core.Import;

/// <summary>
/// The rejects file of one source file: a CSV (<c>file,line,field,reason,message,record</c>) written beside the
/// store, created at the first rejected row (or appended to, for the live API's daily file), so every row that was
/// not imported can be read and fixed.
/// </summary>
public sealed class RejectLog : IDisposable
{
    readonly string _path;
    readonly string _sourceName;
    readonly bool _append;
    StreamWriter? _writer;

    public RejectLog(string directory, string sourceName, string stamp, bool append = false)
    {
        _sourceName = sourceName;
        _append = append;
        _path = Path.Combine(directory, $"{stamp}-{Sanitize(sourceName)}.rejects.csv");
    }

    /// <summary>Told of each rejection as it is logged (the live API answers per event).</summary>
    public Action<long, Rejection>? Observer { get; init; }

    public long Count { get; private set; }
    public Dictionary<string, long> ByReason { get; } = new(StringComparer.Ordinal);

    /// <summary>The file's path once a row was rejected, else null.</summary>
    public string? FilePath => _writer is null ? null : _path;

    public void Add(long line, Rejection rejection, string rawRecord)
    {
        Count++;
        ByReason[rejection.Key] = ByReason.GetValueOrDefault(rejection.Key) + 1;
        Observer?.Invoke(line, rejection);
        if (_writer is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var continuing = _append && File.Exists(_path) && new FileInfo(_path).Length > 0;
            _writer = new StreamWriter(_path, append: _append, new UTF8Encoding(false), 1 << 16);
            if (!continuing) _writer.Write("file,line,field,reason,message,record\n");
        }
        _writer.Write(Csv(_sourceName));
        _writer.Write(',');
        _writer.Write(line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _writer.Write(',');
        _writer.Write(Csv(rejection.Field ?? ""));
        _writer.Write(',');
        _writer.Write(Csv(rejection.Reason));
        _writer.Write(',');
        _writer.Write(Csv(rejection.Message));
        _writer.Write(',');
        _writer.Write(Csv(rawRecord));
        _writer.Write('\n');
    }

    public void Flush() => _writer?.Flush();

    static string Csv(string s)
    {
        // Control characters (NUL from binary input) would make the rejects file itself unreadable.
        if (s.Any(char.IsControl)) s = new string(s.Select(c => char.IsControl(c) && c is not ('\n' or '\t') ? '\uFFFD' : c).ToArray());
        return s.AsSpan().IndexOfAny(",\"\n\r") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    static string Sanitize(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));

    public void Dispose() => _writer?.Dispose();
}
