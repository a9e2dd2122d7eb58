using ShopLens.Learning.Boosting;
using ShopLens.Learning.Supervised;

namespace ShopLens.Learning.Tests.Boosting;

/// <summary>The compiled trees score exactly as LightGBM's own predictor: numbers, zeros, NaN, categories, every objective.</summary>
[Trait("Issue", "4")]
public sealed class CompiledTreesTests
{
    /// <summary>Column 0 a category code (with NaN and unseen codes), column 1 with NaN and exact zeros, column 2 plain.</summary>
    static LabeledRows Mixed(int rows, int seed, Func<float[], float> label)
    {
        var rng = new Random(seed);
        var x = new float[rows * 3];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            x[i * 3] = rng.NextDouble() < 0.05 ? float.NaN : rng.Next(12);
            x[i * 3 + 1] = rng.NextDouble() switch { < 0.15 => float.NaN, < 0.3 => 0f, var u => (float)(u * 4 - 2) };
            x[i * 3 + 2] = (float)rng.NextDouble();
            y[i] = label(x.AsSpan(i * 3, 3).ToArray());
        }
        return new LabeledRows(x, 3, y);
    }

    static float Signal(float[] r) => (float)((r[0] is 1 or 4 or 7 or 10 ? 1 : 0) + (float.IsNaN(r[1]) ? 0.8 : r[1] == 0 ? -0.5 : r[1] * 0.3) + r[2]);

    public static TheoryData<GbdtObjective> Objectives => [GbdtObjective.Binary, GbdtObjective.Regression, GbdtObjective.Tweedie];

    [Theory]
    [MemberData(nameof(Objectives))]
    public void Scores_equal_lightgbms_own(GbdtObjective objective)
    {
        var rng = new Random(3);
        Func<float[], float> label = objective switch
        {
            GbdtObjective.Binary => r => rng.NextDouble() < 1 / (1 + Math.Exp(-2 * (Signal(r) - 1))) ? 1 : 0,
            GbdtObjective.Regression => r => Signal(r) + (float)rng.NextDouble(),
            _ => r => rng.NextDouble() < 0.5 ? 0 : Math.Max(0, Signal(r)) * 10,
        };
        var train = Mixed(4000, 1, label);
        var options = new GbdtOptions { Objective = objective, Rounds = 60, Leaves = 15, MinRowsInLeaf = 10, CategoricalColumns = [0], Threads = 1 };
        using var model = new GbdtTrainer(options).Fit(train);
        var test = Mixed(3000, 2, label);
        // Codes never seen in training, and a negative one.
        test.Features[0] = 40;
        test.Features[3] = -3;
        var compiled = model.RawScores(test.Features);
        var native = model.NativeScores(test.Features, raw: true);
        for (var i = 0; i < compiled.Length; i++) Assert.Equal(native[i], compiled[i], 12);
        var p = model.Predict(test.Features);
        var nativeP = model.NativeScores(test.Features, raw: false);
        for (var i = 0; i < p.Length; i++) Assert.Equal(nativeP[i], p[i], 12);
    }

    [Fact]
    public void Deep_numeric_trees_with_missing_values_take_the_branch_free_walk_to_the_same_scores()
    {
        // No categorical column: every tree takes the 8-row branch-free walk; an odd row count leaves a tail.
        var rng = new Random(9);
        const int rows = 5003, columns = 6;
        var x = new float[rows * columns];
        var y = new float[rows];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
                x[i * columns + j] = rng.NextDouble() < 0.1 * j ? float.NaN : rng.NextDouble() < 0.05 ? 0f : (float)(rng.NextDouble() * 10 - 5);
            y[i] = (float)(Math.Sin(x[i * columns] is var a && float.IsNaN(a) ? 2 : a) + (float.IsNaN(x[i * columns + 3]) ? 1 : 0) + rng.NextDouble());
        }
        var data = new LabeledRows(x, columns, y);
        using var model = new GbdtTrainer(new GbdtOptions { Objective = GbdtObjective.Regression, Rounds = 40, Leaves = 63, MinRowsInLeaf = 5, Threads = 1 }).Fit(data);
        var compiled = model.RawScores(x);
        var native = model.NativeScores(x, raw: true);
        for (var i = 0; i < rows; i++) Assert.Equal(native[i], compiled[i], 12);
    }

    [Fact]
    public void A_single_leaf_tree_is_its_constant()
    {
        // Constant labels beyond the first rows leave nothing to split after the first round.
        var x = new float[200];
        var y = new float[200];
        for (var i = 0; i < 200; i++) (x[i], y[i]) = (i, i < 100 ? 0 : 1);
        using var model = new GbdtTrainer(new GbdtOptions { Rounds = 5, Leaves = 2, MinRowsInLeaf = 150, Threads = 1 }).Fit(new LabeledRows(x, 1, y));
        Assert.Equal(model.NativeScores([5f, 150f], raw: true), model.RawScores([5f, 150f]));
    }
}
