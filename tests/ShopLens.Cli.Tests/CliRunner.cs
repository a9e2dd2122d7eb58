using ShopLens.Cli;

namespace ShopLens.Cli.Tests;

/// <summary>Runs the command line in-process and finds the shared data sets, for the command tests.</summary>
static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The path of <c>../shared/datasets/RELATIVE</c> beside the repository; a missing file fails the test.</summary>
    public static string SharedData(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ShopLens.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets", relative));
        Assert.True(File.Exists(path), $"the shared data set is missing: {path}");
        return path;
    }
}
