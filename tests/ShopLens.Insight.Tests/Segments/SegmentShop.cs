using System.Globalization;
using System.Text;
using ShopLens.Core.Import;
using ShopLens.Core.Store;

namespace ShopLens.Insight.Tests.Segments;

/// <summary>A throw-away store in a temporary folder, filled from the shared data sets or from small hand-written CSVs.</summary>
sealed class SegmentShop : IDisposable
{
    readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("shoplens-segments-");

    public SegmentShop() => Store = ShopStore.Open(Path.Combine(_dir.FullName, "shop.duckdb"));

    public ShopStore Store { get; }

    public string Folder => _dir.FullName;

    /// <summary>The path of <c>../shared/datasets/RELATIVE</c> from the repository root; a missing file fails the test.</summary>
    public static string Dataset(string relative)
    {
        var path = RepositoryFile(Path.Combine("..", "shared", "datasets", relative));
        Assert.True(File.Exists(path), $"the shared data set {relative} is missing: expected it at {path}");
        return path;
    }

    /// <summary>The full path of RELATIVE from the repository root (the folder holding ShopLens.slnx).</summary>
    public static string RepositoryFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShopLens.slnx"))) dir = dir.Parent;
        Assert.True(dir is not null, $"no folder holding ShopLens.slnx above {AppContext.BaseDirectory}");
        return Path.GetFullPath(Path.Combine(dir.FullName, relative));
    }

    public void ImportPreset(string relative, string preset)
    {
        var report = Store.Import(new ImportRequest { Files = [new SourceFile(Dataset(relative))], Preset = preset });
        Assert.True(report.Files.Single().Accepted > 0);
    }

    /// <summary>Writes canonical CSV files (table name → header and rows) and imports them.</summary>
    public void ImportCsv(params (string Table, string Header, IEnumerable<string> Rows)[] tables)
    {
        var files = new List<SourceFile>();
        foreach (var (table, header, rows) in tables)
        {
            var path = Path.Combine(_dir.FullName, table + ".csv");
            var text = new StringBuilder(header).Append('\n');
            foreach (var row in rows) text.Append(row).Append('\n');
            File.WriteAllText(path, text.ToString());
            files.Add(new SourceFile(path));
        }
        var report = Store.Import(new ImportRequest { Files = files });
        Assert.All(report.Files, f => Assert.Equal(f.Read, f.Accepted));
    }

    public static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Store.Dispose();
        _dir.Delete(true);
    }
}
