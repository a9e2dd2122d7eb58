namespace ShopLens.Learning.Tests;

/// <summary>Files of ../shared/datasets beside the repository; a missing one fails the test.</summary>
static class SharedData
{
    public static string Path(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "ShopLens.slnx"))) dir = dir.Parent;
        Assert.True(dir is not null, $"no folder holding ShopLens.slnx above {AppContext.BaseDirectory}");
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "datasets", relative));
        Assert.True(File.Exists(path), $"missing shared data set {path}");
        return path;
    }
}
