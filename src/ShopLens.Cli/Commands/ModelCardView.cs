using System.Globalization;
using ShopLens.Cli.Output;
using ShopLens.Insight.Predictions;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary>A model card as people read it: the task, the backtest's periods, the figures on the unseen period, the top features.</summary>
static class ModelCardView
{
    public static void Render(IAnsiConsole console, ModelCard card, string? note = null)
    {
        var m = card.Test;
        console.WriteLine($"{card.Task}: P(customer {card.Outcome})");
        console.WriteLine($"population: {card.Population}; {Screen.Number(card.ScoredCustomers)} scored at {card.ScoreCutOff:yyyy-MM-dd HH:mm}");
        console.WriteLine($"backtest: fitted on {Screen.Number(card.TrainRows)} customers at {card.TrainCutOff:yyyy-MM-dd} ({Screen.Number(card.TrainPositives)} positive), " +
                          $"judged on {Screen.Number(card.TestRows)} at {card.TestCutOff:yyyy-MM-dd} ({Screen.Number(card.TestPositives)} positive)");
        console.WriteLine($"learner: {card.Learner} (out-of-fold AUC {string.Join(", ", card.CandidateAuc.Select(c => $"{c.Key} {F(c.Value, 3)}"))}), calibration: {card.Calibration}");
        var table = new Table().AddColumn("on the unseen period").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("AUC (95% interval)", $"{F(m.Auc, 3)} ({F(m.AucLow, 3)}–{F(m.AucHigh, 3)})");
        table.AddRow("AUC of days-since-last-activity alone", F(card.RecencyBaselineAuc, 3));
        table.AddRow("PR-AUC", F(m.PrAuc, 3));
        table.AddRow("log loss", F(m.LogLoss, 4));
        table.AddRow("Brier", F(m.Brier, 4));
        table.AddRow("expected calibration error", F(m.Ece, 4));
        table.AddRow("base rate", F(m.BaseRate, 3));
        table.AddRow("lift in the top 10%", F(m.LiftTop10, 2));
        console.Write(table);
        console.WriteLine("top features (mean |contribution| to the log-odds): " +
                          string.Join(", ", card.TopFeatures.Take(6).Select(f => $"{f.Feature} {F(f.Weight, 3)}")));
        console.WriteLine($"confidence: {card.Confidence}{(card.ConfidenceReason is null ? "" : $" — {card.ConfidenceReason}")}");
        console.WriteLine($"trained in {F(card.TrainingSeconds, 1)} s{(note is null ? "" : "; " + note)}");
    }

    static string F(double value, int digits) => value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
