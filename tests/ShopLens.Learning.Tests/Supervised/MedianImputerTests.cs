using ShopLens.Learning.Supervised;

namespace ShopLens.Learning.Tests.Supervised;

public sealed class MedianImputerTests
{
    [Fact]
    public void Fills_medians_and_appends_indicators_as_scikit_learn()
    {
        // sklearn SimpleImputer(strategy="median", add_indicator=True).fit_transform(X) on the same X gives
        // [[1,4,9,0],[3,6,9,1],[2,8,9,0],[5,6,9,1]]: column 1 had a NaN, its median of (4, 8, 6) is 6.
        float[] x = [1, 4, 9, 3, float.NaN, 9, 2, 8, 9, 5, 6, float.NaN];
        var imputer = MedianImputer.Fit(x, 3);
        Assert.Equal(5, imputer.OutputColumns);
        Assert.Equal([1, 2], imputer.IndicatedColumns.ToArray());
        var filled = imputer.Transform(x);
        Assert.Equal([1, 4, 9, 0, 0, 3, 6, 9, 1, 0, 2, 8, 9, 0, 0, 5, 6, 9, 0, 1], filled);
    }

    [Fact]
    public void Round_trips_through_save_and_load()
    {
        float[] x = [1, float.NaN, 2, 3, float.NaN, 5];
        var imputer = MedianImputer.Fit(x, 2);
        using var stream = new MemoryStream();
        imputer.Save(stream);
        stream.Position = 0;
        Assert.Equal(imputer.Transform(x), MedianImputer.Load(stream).Transform(x));
        Assert.Throws<LearnerInputException>(() => imputer.Transform([1, 2, 3]));
    }
}
