using System.CommandLine;
using ShopLens.Insight.Recommendations;

namespace ShopLens.Cli.Commands;

/// <summary><c>evaluate recs</c>'s options: which recommenders, which split, how many recommendations.</summary>
sealed class RecommendationArguments
{
    readonly Option<string> _models = new("--models")
    {
        Description = $"recs: recommenders to compare ({string.Join(", ", RecommenderCatalog.Names)}), or standard (all but the sequence Transformer's two), or all",
        DefaultValueFactory = _ => "standard",
    };

    readonly Option<string> _split = new("--split")
    {
        Description = "recs: per-user-random (each customer's products shuffled), leave-last-out or time",
        DefaultValueFactory = _ => "per-user-random",
    };

    readonly Option<double> _testFraction = new("--test-fraction") { Description = "recs: share held out (per-user-random, time)", DefaultValueFactory = _ => 0.25 };

    readonly Option<int> _k = new("--k") { Description = "recs: recommendations per customer that are judged", DefaultValueFactory = _ => 10 };

    public void AddTo(Command command)
    {
        command.Options.Add(_models);
        command.Options.Add(_split);
        command.Options.Add(_testFraction);
        command.Options.Add(_k);
    }

    public RecommendationEvaluation.Options Read(ParseResult parse, int seed) => new()
    {
        Models = parse.GetValue(_models) == "all" ? RecommenderCatalog.Names : parse.GetValue(_models) == "standard" ? RecommenderCatalog.Standard
            : parse.GetValue(_models)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Protocol = parse.GetValue(_split) switch
        {
            "per-user-random" => SplitProtocol.PerUserRandom,
            "leave-last-out" => SplitProtocol.LeaveLastOut,
            "time" => SplitProtocol.Time,
            var other => throw new ArgumentException($"--split '{other}': use per-user-random, leave-last-out or time"),
        },
        TestFraction = parse.GetValue(_testFraction),
        K = parse.GetValue(_k),
        Seed = seed,
    };
}
