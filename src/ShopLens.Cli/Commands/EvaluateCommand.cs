using System.CommandLine;
using ShopLens.Cli.Output;
using ShopLens.Core.Store;
using ShopLens.Insight.Lifetime;
using ShopLens.Insight.Predictions;
using ShopLens.Insight.Recommendations;

namespace ShopLens.Cli.Commands;

/// <summary>
/// <c>shoplens evaluate</c>: with a task, runs its backtest and prints the card without saving a model; without one,
/// prints the cards of the saved models.
/// </summary>
static class EvaluateCommand
{
    public static Command Build()
    {
        var db = CommonOptions.Db();
        var json = CommonOptions.Json();
        var seed = CommonOptions.Seed();
        var task = new TaskArguments("14d", several: false, "clv", "recs");
        task.Kind.Arity = ArgumentArity.ZeroOrOne;
        var asOf = new Option<string?>("--as-of") { Description = "Score moment of the backtest (ISO 8601, UTC); default: the end of the data" };
        var learners = new Option<string>("--learners")
        {
            Description = "Candidate learners: gbdt, logistic_regression or both",
            DefaultValueFactory = _ => $"{Learners.Gbdt},{Learners.LogisticRegression}",
        };
        var calibrationEnd = new Option<string?>("--calibration-end") { Description = "clv: the last day of the calibration period (ISO 8601); default: one horizon before the data end" };
        var models = new Option<string>("--model")
        {
            Description = "clv: value models to compare (bgnbd, mbgnbd, pareto, ml, ziln, or all); pareto can take minutes where nobody seems to drop out",
            DefaultValueFactory = _ => "bgnbd,ml,ziln",
        };
        var recs = new RecommendationArguments();
        var command = new Command("evaluate", "Backtest a prediction task on a later period it never saw (propensity, churn, clv), judge recommenders on held-out interactions (recs), or show the saved models' cards")
        {
            db, asOf, learners, calibrationEnd, models, seed, json,
        };
        recs.AddTo(command);
        task.AddTo(command);
        command.Subcommands.Add(SequenceCommands.Evaluate());
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            using var store = CommonOptions.OpenStore(path);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(task.Kind) is null)
            {
                var cards = SavedModels.Cards(store);
                if (parse.GetValue(json)) Json.Write(stdout, new { models = cards });
                else if (cards.Count == 0) stdout.WriteLine("no saved models: run `shoplens train propensity` or `shoplens train churn`");
                else foreach (var card in cards) ModelCardView.Render(Screen.For(stdout), card);
                return 0;
            }
            if (parse.GetValue(task.Kind) == "recs")
            {
                var evaluation = RecommendationEvaluation.Run(store, recs.Read(parse, parse.GetValue(seed)));
                if (parse.GetValue(json)) Json.Write(stdout, RecommendationView.ToJson(evaluation));
                else RecommendationView.Render(Screen.For(stdout), evaluation);
                return 0;
            }
            if (parse.GetValue(task.Kind) == "clv")
            {
                var horizon = task.HorizonDays(parse);
                var end = CommonOptions.ParseTime(parse.GetValue(calibrationEnd), "--calibration-end")
                    ?? TaskFrame.DataEnd(store).Date.AddDays(-horizon);
                var names = parse.GetValue(models) == "all"
                    ? [.. RepeatPurchaseModels.Names, MachineLearnedValue.Gbdt, MachineLearnedValue.Ziln]
                    : parse.GetValue(models)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var comparison = ClvComparison.Run(store, end, horizon, names);
                if (parse.GetValue(json)) Json.Write(stdout, ClvView.ToJson(comparison));
                else ClvView.Render(Screen.For(stdout), comparison);
                return 0;
            }
            var options = TrainCommand.Options(parse.GetValue(asOf), parse.GetValue(learners)!, parse.GetValue(seed));
            var trained = PredictionTraining.Train(store, task.Read(parse), options);
            if (parse.GetValue(json)) Json.Write(stdout, trained.Card);
            else ModelCardView.Render(Screen.For(stdout), trained.Card, "not saved (use `shoplens train` to keep it)");
            return 0;
        });
        return command;
    }
}
