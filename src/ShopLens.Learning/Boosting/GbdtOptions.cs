using System.Globalization;
using System.Text;

namespace ShopLens.Learning.Boosting;

/// <summary>
/// Options of the gradient-boosted trees (LightGBM's parameters of the same meaning, include/LightGBM/config.h);
/// defaults are LightGBM's except where noted.
/// </summary>
public sealed record GbdtOptions
{
    /// <summary>What the trees minimise.</summary>
    public GbdtObjective Objective { get; init; } = GbdtObjective.Binary;

    /// <summary>Boosting rounds (trees), the most when early stopping is on.</summary>
    public int Rounds { get; init; } = 200;

    /// <summary>Shrinkage of each tree.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Most leaves per tree.</summary>
    public int Leaves { get; init; } = 31;

    /// <summary>Deepest a tree may grow; −1 for no limit.</summary>
    public int MaxDepth { get; init; } = -1;

    /// <summary>Fewest training rows in a leaf.</summary>
    public int MinRowsInLeaf { get; init; } = 20;

    /// <summary>L2 penalty on leaf values.</summary>
    public double L2 { get; init; }

    /// <summary>Share of columns each tree sees (1 = all).</summary>
    public double ColumnFraction { get; init; } = 1.0;

    /// <summary>Share of rows each tree sees, redrawn every <see cref="BaggingFrequency"/> rounds (1 = all).</summary>
    public double RowFraction { get; init; } = 1.0;

    /// <summary>Rounds between row re-draws; 0 turns bagging off.</summary>
    public int BaggingFrequency { get; init; }

    /// <summary>Most histogram bins per column.</summary>
    public int MaxBins { get; init; } = 255;

    /// <summary>Columns holding category codes (non-negative integers) rather than numbers.</summary>
    public IReadOnlyList<int> CategoricalColumns { get; init; } = [];

    /// <summary>Tweedie variance power in (1, 2): nearer 1 is Poisson-like, nearer 2 gamma-like.</summary>
    public double TweedieVariancePower { get; init; } = 1.5;

    /// <summary>Positions at which LambdaRank's NDCG is measured on the validation set (the first is used to stop early).</summary>
    public int NdcgAt { get; init; } = 10;

    /// <summary>
    /// Stop when the validation loss has not improved for this many rounds and keep the best round; 0 = never
    /// stop early. Needs a validation set.
    /// </summary>
    public int EarlyStoppingRounds { get; init; }

    /// <summary>Threads for training and prediction (LightGBM's <c>num_threads</c>).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Seed of every random choice (bagging, column sampling).</summary>
    public int Seed { get; init; } = 1;

    internal void Validate(int columns)
    {
        Require(Rounds >= 1, $"Rounds must be at least 1 (got {Rounds})");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), $"LearningRate must be positive (got {LearningRate})");
        Require(Leaves >= 2, $"Leaves must be at least 2 (got {Leaves})");
        Require(MaxDepth == -1 || MaxDepth >= 1, $"MaxDepth must be −1 or at least 1 (got {MaxDepth})");
        Require(MinRowsInLeaf >= 1, $"MinRowsInLeaf must be at least 1 (got {MinRowsInLeaf})");
        Require(L2 >= 0, $"L2 must be ≥ 0 (got {L2})");
        Require(ColumnFraction is > 0 and <= 1, $"ColumnFraction must be in (0, 1] (got {ColumnFraction})");
        Require(RowFraction is > 0 and <= 1, $"RowFraction must be in (0, 1] (got {RowFraction})");
        Require(BaggingFrequency >= 0, $"BaggingFrequency must be ≥ 0 (got {BaggingFrequency})");
        Require(MaxBins >= 2, $"MaxBins must be at least 2 (got {MaxBins})");
        Require(TweedieVariancePower is > 1 and < 2, $"TweedieVariancePower must be in (1, 2) (got {TweedieVariancePower})");
        Require(NdcgAt >= 1, $"NdcgAt must be at least 1 (got {NdcgAt})");
        Require(EarlyStoppingRounds >= 0, $"EarlyStoppingRounds must be ≥ 0 (got {EarlyStoppingRounds})");
        Require(Threads >= 1, $"Threads must be at least 1 (got {Threads})");
        foreach (var c in CategoricalColumns)
            Require(c >= 0 && c < columns, $"categorical column {c} is outside the {columns} columns");
    }

    static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException("GBDT options: " + message);
    }

    /// <summary>LightGBM's dataset parameters (binning and categorical columns).</summary>
    internal string DatasetParameters() => Join(new()
    {
        ["max_bin"] = Text(MaxBins),
        ["categorical_feature"] = string.Join(',', CategoricalColumns.Select(Text)),
        ["num_threads"] = Text(Threads),
        ["data_random_seed"] = Text(Seed),
        ["verbose"] = "-1",
    });

    /// <summary>LightGBM's booster parameters; deterministic so the same seed gives the same trees.</summary>
    internal string BoosterParameters() => Join(new()
    {
        ["objective"] = Objective switch
        {
            GbdtObjective.Binary => "binary",
            GbdtObjective.Regression => "regression",
            GbdtObjective.Tweedie => "tweedie",
            _ => "lambdarank",
        },
        ["metric"] = Metric,
        ["eval_at"] = Text(NdcgAt),
        ["learning_rate"] = Text(LearningRate),
        ["num_leaves"] = Text(Leaves),
        ["max_depth"] = Text(MaxDepth),
        ["min_data_in_leaf"] = Text(MinRowsInLeaf),
        ["lambda_l2"] = Text(L2),
        ["feature_fraction"] = Text(ColumnFraction),
        ["bagging_fraction"] = Text(RowFraction),
        ["bagging_freq"] = Text(BaggingFrequency),
        ["tweedie_variance_power"] = Text(TweedieVariancePower),
        ["num_threads"] = Text(Threads),
        ["seed"] = Text(Seed),
        ["deterministic"] = "true",
        // LightGBM otherwise picks row- or column-wise histograms by timing both, which is not reproducible.
        ["force_col_wise"] = "true",
        ["verbose"] = "-1",
    });

    /// <summary>The validation metric early stopping watches; lower is better except for NDCG.</summary>
    internal string Metric => Objective switch
    {
        GbdtObjective.Binary => "binary_logloss",
        GbdtObjective.Regression => "l2",
        GbdtObjective.Tweedie => "tweedie",
        _ => "ndcg",
    };

    static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    static string Join(Dictionary<string, string> parameters)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in parameters)
            if (value.Length > 0) text.Append(key).Append('=').Append(value).Append(' ');
        return text.ToString().TrimEnd();
    }
}
