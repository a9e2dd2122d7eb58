using ShopLens.Core.Import;
using ShopLens.Core.Store;

namespace ShopLens.Core.Tests.Import.Presets;

/// <summary>The shared data sets beside the repository, and a throw-away store to import them into.</summary>
static class PresetTestData
{
    /// <summary>The path of <c>../shared/datasets/RELATIVE</c> from the repository root; a missing file fails the test.</summary>
    public static string Dataset(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShopLens.slnx"))) dir = dir.Parent;
        Assert.True(dir is not null, $"no folder holding ShopLens.slnx above {AppContext.BaseDirectory}");
        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets", relative));
        Assert.True(File.Exists(path), $"the shared data set {relative} is missing: expected it at {path}");
        return path;
    }

    public static FileImportReport ImportFile(ShopStore store, string path, string preset) =>
        Assert.Single(store.Import(new ImportRequest { Files = [new SourceFile(path)], Preset = preset }).Files);

    /// <summary>Every row read is accepted, rejected or a duplicate, and the reasons add up to the rejections.</summary>
    public static void AssertAccounted(FileImportReport report)
    {
        Assert.Equal(report.Read, report.Accepted + report.Rejected + report.Duplicates);
        Assert.Equal(report.Rejected, report.ByReason.Values.Sum());
    }

    /// <summary>Importing the same file again adds nothing: what was accepted is now a duplicate.</summary>
    public static void AssertReimportAddsNothing(ShopStore store, string path, string preset, FileImportReport first, params string[] tables)
    {
        var before = tables.Select(t => store.Scalar<long>($"SELECT count(*) FROM {t}")).ToArray();
        var again = ImportFile(store, path, preset);
        AssertAccounted(again);
        Assert.Equal(first.Read, again.Read);
        Assert.Equal(0, again.Accepted);
        Assert.Equal(first.Rejected, again.Rejected);
        Assert.Equal(first.Accepted + first.Duplicates, again.Duplicates);
        Assert.Equal(before, tables.Select(t => store.Scalar<long>($"SELECT count(*) FROM {t}")).ToArray());
    }

    public static long CountOfType(ShopStore store, string type) =>
        store.Scalar<long>($"SELECT count(*) FROM events WHERE type = (SELECT type FROM event_types WHERE name = '{type}')");
}

/// <summary>A store in a temporary folder, deleted afterwards.</summary>
sealed class TempStore : IDisposable
{
    readonly DirectoryInfo _dir = System.IO.Directory.CreateTempSubdirectory("shoplens-presets-");

    public TempStore() => Store = ShopStore.Open(Path.Combine(_dir.FullName, "shop.duckdb"));

    public ShopStore Store { get; }

    /// <summary>Writes a small source file in the folder and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        Store.Dispose();
        _dir.Delete(true);
    }
}
