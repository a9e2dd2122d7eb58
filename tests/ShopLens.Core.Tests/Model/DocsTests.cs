using ShopLens.Core.Import.Presets;
using ShopLens.Core.Model;

namespace ShopLens.Core.Tests.Model;

/// <summary>The docs describe what the code has: every canonical column and every preset.</summary>
[Trait("Issue", "2")]
public sealed class DocsTests
{
    static string Read(string pathFromRoot)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShopLens.slnx"))) dir = dir.Parent;
        return File.ReadAllText(Path.Combine(dir!.FullName, pathFromRoot));
    }

    [Fact]
    public void Data_model_documents_every_column_of_every_table_with_its_requiredness()
    {
        var doc = Read("docs/data-model.md");
        foreach (var table in CanonicalSchema.All)
        {
            var at = doc.IndexOf($"### `{table.Name}`", StringComparison.Ordinal);
            Assert.True(at >= 0, $"docs/data-model.md has no section for {table.Name}");
            var next = doc.IndexOf("### ", at + 4, StringComparison.Ordinal);
            var section = next < 0 ? doc[at..] : doc[at..next];
            foreach (var column in table.Columns)
                Assert.Contains($"| `{column.Name}` | ", section, StringComparison.Ordinal);
            foreach (var column in table.Columns)
            {
                var row = section.Split('\n').Single(l => l.StartsWith($"| `{column.Name}` |", StringComparison.Ordinal));
                Assert.Contains(column.Required ? "| yes |" : "| no |", row, StringComparison.Ordinal);
                Assert.Contains(column.Example, row, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Presets_doc_and_readme_name_every_preset()
    {
        var doc = Read("docs/presets.md");
        var readme = Read("README.md");
        Assert.NotEmpty(PresetCatalog.Names);
        foreach (var name in PresetCatalog.Names)
        {
            Assert.Contains($"`{name}`", doc, StringComparison.Ordinal);
            Assert.Contains($"`{name}`", readme, StringComparison.Ordinal);
        }
    }
}
