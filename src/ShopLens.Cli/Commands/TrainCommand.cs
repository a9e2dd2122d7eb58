using System.CommandLine;
using ShopLens.Cli.Output;
using ShopLens.Core.Store;
using ShopLens.Insight.Predictions;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens train propensity|churn</c>: backtests a prediction task, refits it and saves the model, its card and its scores.</summary>
static class TrainCommand
{
    public static Command Build()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var seed = CommonOptions.Seed();
        var task = new TaskArguments("7d,14d,28d", several: true);
        var asOf = new Option<string?>("--as-of") { Description = "Score customers as of this moment (ISO 8601, UTC); default: the end of the data" };
        var learners = new Option<string>("--learners")
        {
            Description = "Candidate learners, compared on held-out customers: gbdt, logistic_regression or both",
            DefaultValueFactory = _ => $"{Learners.Gbdt},{Learners.LogisticRegression}",
        };
        var sequenceFeatures = new Option<bool>("--sequence-features")
        {
            Description = "Add the sequence Transformer's next-is-purchase and purchase-intent columns, from a small model fitted before each cut-off (slower)",
        };
        var command = new Command("train", "Fit a purchase-probability or churn model with a time-split backtest; save it with its model card")
        {
            db, asOf, learners, sequenceFeatures, seed, json,
        };
        task.AddTo(command);
        command.Subcommands.Add(ClvCommands.Train());
        command.Subcommands.Add(RecsCommands.Train());
        command.Subcommands.Add(SequenceCommands.Train());
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            var options = Options(parse.GetValue(asOf), parse.GetValue(learners)!, parse.GetValue(seed)) with { SequenceFeatures = parse.GetValue(sequenceFeatures) };
            using var store = CommonOptions.OpenStore(path);
            var cards = new List<ModelCard>();
            foreach (var definition in task.ReadAll(parse))
            {
                var trained = PredictionTraining.Train(store, definition, options);
                SavedModels.Save(store, trained);
                cards.Add(trained.Card);
            }
            var stdout = parse.InvocationConfiguration.Output;
            // One horizon: its card; several: the cards keyed by task name (../shared/CLI.md).
            if (parse.GetValue(json)) Json.Write(stdout, cards.Count == 1 ? cards[0] : cards.ToDictionary(c => c.Task, c => c));
            else foreach (var card in cards) ModelCardView.Render(Screen.For(stdout), card, $"saved in {path}");
            return 0;
        });
        return command;
    }

    public static TrainingOptions Options(string? asOf, string learners, int seed) => new()
    {
        AsOf = CommonOptions.ParseTime(asOf, "--as-of"),
        Learners = [.. learners.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        Seed = seed,
    };
}
