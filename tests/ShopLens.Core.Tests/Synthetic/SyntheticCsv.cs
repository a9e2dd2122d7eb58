using System.Text;

namespace ShopLens.Core.Tests.Synthetic;

/// <summary>A small, strict RFC 4180 reader for checking the simulator's files independently of the importer.</summary>
public sealed class SyntheticCsv
{
    public required IReadOnlyList<string> Header { get; init; }
    public required IReadOnlyList<string[]> Rows { get; init; }

    public int Column(string name)
    {
        for (var i = 0; i < Header.Count; i++)
            if (Header[i] == name) return i;
        throw new ArgumentException($"no column {name} in [{string.Join(",", Header)}]", nameof(name));
    }

    public IEnumerable<string> Values(string column)
    {
        var c = Column(column);
        return Rows.Select(r => r[c]);
    }

    public static SyntheticCsv Read(string path)
    {
        var records = Parse(File.ReadAllText(path, Encoding.UTF8));
        Assert.NotEmpty(records);
        var header = records[0];
        var rows = records.Skip(1).ToList();
        foreach (var row in rows)
            Assert.True(row.Length == header.Length, $"{Path.GetFileName(path)}: a row has {row.Length} fields, the header {header.Length}: {string.Join("|", row)}");
        return new SyntheticCsv { Header = header, Rows = rows };
    }

    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("a quote never closes");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] is not (',' or '\n')) throw new FormatException($"text after a closing quote at {i}");
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\n'))
                {
                    if (text[i] is '"' or '\r') throw new FormatException($"a quote or CR inside an unquoted field at {i}");
                    field.Append(text[i++]);
                }
            }
            fields.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == ',')
            {
                i++;
                if (i == text.Length) fields.Add("");
                continue;
            }
            records.Add([.. fields]);
            fields.Clear();
            i++; // the '\n'
        }
        return records;
    }
}
