using ShopLens.Cli;

namespace ShopLens.Cli.Tests;

/// <summary>The README's worked example runs as written, so it cannot rot.</summary>
[Trait("Issue", "2")]
[Trait("Issue", "3")]
[Trait("Issue", "5")]
public sealed class ReadmeTests : IDisposable
{
    const string Prefix = "dotnet run --project src/ShopLens.Cli -- ";
    readonly string _dir = Directory.CreateTempSubdirectory("shoplens-readme").FullName;

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShopLens.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ShopLens.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The worked example's commands: the code block after the "worked example" heading, with continuation lines joined.</summary>
    static IReadOnlyList<string> WorkedExample(string readme)
    {
        var section = readme[readme.IndexOf("## A worked example", StringComparison.Ordinal)..];
        var block = section[(section.IndexOf("```bash\n", StringComparison.Ordinal) + 8)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        return block.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Fact]
    public void Worked_example_runs_and_reports_what_the_readme_says()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var commands = WorkedExample(readme);
        Assert.NotEmpty(commands);
        var outputs = new List<string>();
        foreach (var command in commands)
        {
            Assert.StartsWith(Prefix, command, StringComparison.Ordinal);
            var args = command[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(a => a.StartsWith("../shared/", StringComparison.Ordinal) ? Path.GetFullPath(Path.Combine(root, a)) : a)
                .Select(a => a.EndsWith(".duckdb", StringComparison.Ordinal) || a.EndsWith(".parquet", StringComparison.Ordinal) ? Path.Combine(_dir, a) : a)
                .ToArray();
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = CliApp.Run(args, stdout, stderr);
            Assert.True(code == 0, $"'{command}' exited {code}: {stderr}");
            outputs.Add(stdout.ToString());
        }
        // The numbers the README quotes are the ones the import prints.
        foreach (var figure in new[] { "541,909", "401,601", "135,080", "5,228" })
        {
            Assert.Contains(figure, readme, StringComparison.Ordinal);
            Assert.Contains(figure, outputs[0], StringComparison.Ordinal);
        }
        Assert.True(File.Exists(Path.Combine(_dir, "orders.parquet")));
        // …and so are the segment and cohort figures it quotes.
        foreach (var (figure, output) in new[] { ("4,339", 3), ("556", 3), ("48.3%", 3), ("771", 3), ("885", 4), ("36.6%", 4), ("50.3%", 4),
                     ("1,465", 5), ("699", 5), ("0.725", 5), ("0.580", 5), ("0.0919", 5),
                     ("2,954", 6), ("839.95", 6), ("0.582", 6), ("779.86", 6) })
        {
            Assert.Contains(figure, readme, StringComparison.Ordinal);
            Assert.Contains(figure, outputs[output], StringComparison.Ordinal);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
