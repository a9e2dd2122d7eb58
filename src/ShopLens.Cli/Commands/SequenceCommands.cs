using System.CommandLine;
using System.Globalization;
using ShopLens.Cli.Output;
using ShopLens.Insight.Sequences;
using ShopLens.Learning.Sequence;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary>
/// The sequence Transformer: <c>shoplens train sequence</c> (fit on every customer's events and save it),
/// <c>shoplens evaluate sequence</c> (a time-split or leave-one-out backtest beside popularity) and
/// <c>shoplens predict next --customer ID</c> (next products, next action and purchase intent).
/// </summary>
static class SequenceCommands
{
    sealed class ModelArguments
    {
        readonly Option<int> _epochs = new("--epochs") { Description = "Passes over the sequences", DefaultValueFactory = _ => 20 };
        readonly Option<int> _dim = new("--dim") { Description = "Width of the embeddings and hidden states", DefaultValueFactory = _ => 50 };
        readonly Option<int> _blocks = new("--blocks") { Description = "Self-attention blocks", DefaultValueFactory = _ => 2 };
        readonly Option<int> _heads = new("--heads") { Description = "Attention heads per block (must divide --dim)", DefaultValueFactory = _ => 1 };
        readonly Option<int> _maxLength = new("--max-len") { Description = "The latest this many events of a customer are read", DefaultValueFactory = _ => 50 };
        readonly Option<int> _seed = CommonOptions.Seed(42);

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _epochs, _dim, _blocks, _heads, _maxLength, _seed }) command.Options.Add(option);
        }

        public SequenceOptions Read(ParseResult parse)
        {
            var options = new SequenceOptions
            {
                Epochs = parse.GetValue(_epochs), Dim = parse.GetValue(_dim), Blocks = parse.GetValue(_blocks), Heads = parse.GetValue(_heads),
                MaxLength = parse.GetValue(_maxLength), Seed = parse.GetValue(_seed),
            };
            options.Validate();
            return options;
        }
    }

    public static Command Train()
    {
        var (db, json, model) = (CommonOptions.Db(), CommonOptions.Json(), new ModelArguments());
        var command = new Command("sequence", "Fit the sequence Transformer on every customer's events (next product, next action, purchase intent) and save it") { db, json };
        model.AddTo(command);
        command.SetAction(parse =>
        {
            var options = model.Read(parse);
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!);
            var trained = Screen.WithProgress("training", tick => ShopSequenceModel.Train(store, options, progress: new TrainingProgress(tick)));
            trained.Save(store);
            var s = trained.Summary;
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                Json.Write(stdout, new
                {
                    model = "sequence", customers = s.Customers, products = s.Products, events = s.Events, epochs = options.Epochs,
                    loss = s.EpochLosses, fit_s = s.FitSeconds, tokens_per_s = s.TokensPerSecond,
                });
            else
                stdout.WriteLine($"sequence model ({options.Blocks} blocks × {options.Heads} head(s), dim {options.Dim}, last {options.MaxLength} events) trained in " +
                                 $"{s.FitSeconds:F1} s on {s.Events:N0} events of {s.Customers:N0} customers with {s.Products:N0} products; loss " +
                                 $"{s.EpochLosses[0]:F3} → {s.EpochLosses[^1]:F3}, {s.TokensPerSecond:N0} events/s; saved in the store (`shoplens predict next --customer ID`)");
            return 0;
        });
        return command;
    }

    public static Command Evaluate()
    {
        var (db, json, model) = (CommonOptions.Db(), CommonOptions.Json(), new ModelArguments());
        var split = new Option<string>("--split")
        {
            Description = "time: learn from events before the cut-off, predict each customer's first one after it; leave-one-out: SASRec's",
            DefaultValueFactory = _ => "time",
        };
        split.AcceptOnlyFromAmong("time", "leave-one-out");
        var asOf = new Option<string?>("--as-of") { Description = "time split: the cut-off (ISO 8601, UTC); default: the moment that leaves the latest 10% of events" };
        var protocol = new Option<string>("--protocol")
        {
            Description = $"Rank against every product ({SequenceRanking.Full}) or against 100 uniformly sampled ones ({SequenceRanking.Sampled100Uniform}, the SASRec paper's)",
            DefaultValueFactory = _ => SequenceRanking.Full,
        };
        protocol.AcceptOnlyFromAmong(SequenceRanking.Full, SequenceRanking.Sampled100Uniform);
        var command = new Command("sequence", "Backtest the sequence Transformer: hold out next events, rank them, compare with popularity") { db, split, asOf, protocol, json };
        model.AddTo(command);
        command.SetAction(parse =>
        {
            var options = model.Read(parse);
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!);
            var splitKind = parse.GetValue(split) == "time" ? SequenceSplit.Time : SequenceSplit.LeaveOneOut;
            var result = Screen.WithProgress("training", tick => SequenceBacktest.Run(store, options, splitKind,
                CommonOptions.ParseTime(parse.GetValue(asOf), "--as-of"), progress: new TrainingProgress(tick)));
            var wanted = parse.GetValue(protocol)!;
            var (mine, popular) = (result.Model.Single(r => r.Protocol == wanted), result.Popularity.Single(r => r.Protocol == wanted));
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(stdout, new
                {
                    model = "sequence", split = parse.GetValue(split), cut_off = result.CutOff, protocol = wanted, k = mine.K, cases = result.Cases,
                    hr_at_10 = mine.HitRate, ndcg_at_10 = mine.Ndcg, mrr = mine.Mrr,
                    popularity = new { hr_at_10 = popular.HitRate, ndcg_at_10 = popular.Ndcg, mrr = popular.Mrr },
                    validation = result.Validation?.Where(r => r.Protocol == wanted).Select(r => new { hr_at_10 = r.HitRate, ndcg_at_10 = r.Ndcg, mrr = r.Mrr }).Single(),
                    training_events = result.TrainingEvents, customers = result.Customers, products = result.Products, loss = result.EpochLosses, fit_s = result.FitSeconds,
                });
                return 0;
            }
            var table = new Table().AddColumn("model").AddColumn(new TableColumn("HR@10").RightAligned())
                .AddColumn(new TableColumn("NDCG@10").RightAligned()).AddColumn(new TableColumn("MRR").RightAligned());
            static string F(double x) => x.ToString("F4", CultureInfo.InvariantCulture);
            table.AddRow("sequence Transformer", F(mine.HitRate), F(mine.Ndcg), F(mine.Mrr));
            table.AddRow("popularity", F(popular.HitRate), F(popular.Ndcg), F(popular.Mrr));
            Screen.For(stdout).Write(table);
            var held = result.Split == SequenceSplit.Time ? $"each customer's first event on or after {result.CutOff:yyyy-MM-dd HH:mm} UTC" : "each customer's last event";
            stdout.WriteLine($"{result.Cases:N0} held-out next products ({held}) ranked {(wanted == SequenceRanking.Full ? $"against all {result.Products:N0} products" : "against 100 sampled ones")}; " +
                             $"trained on {result.TrainingEvents:N0} earlier events in {result.FitSeconds:F1} s");
            return 0;
        });
        return command;
    }

    public static Command PredictNext()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var customer = new Option<string>("--customer") { Description = "The customer id", Required = true };
        var k = new Option<int>("--k") { Description = "How many products", DefaultValueFactory = _ => 10 };
        var includeBought = new Option<bool>("--include-bought") { Description = "Keep products the customer already bought" };
        var command = new Command("next", "What a customer will likely do next, from the saved sequence model: products, action, purchase intent")
        {
            db, customer, k, includeBought, json,
        };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!);
            var model = ShopSequenceModel.Load(store);
            var next = model.PredictNext(store, parse.GetValue(customer)!, Math.Max(1, parse.GetValue(k)), parse.GetValue(includeBought));
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(stdout, new
                {
                    customer_id = next.CustomerId, trained_at = model.Summary.TrainedAt,
                    products = next.Products.Select(p => new { product_id = p.ProductId, probability = p.Probability }),
                    next_action = next.NextAction, purchase_intent = next.PurchaseIntent, intent_horizon_days = next.IntentHorizonDays,
                    events_read = next.EventsRead, events_unknown = next.EventsUnknown,
                });
                return 0;
            }
            var table = new Table().AddColumn(new TableColumn("#").RightAligned()).AddColumn("product").AddColumn(new TableColumn("probability").RightAligned());
            foreach (var (p, rank) in next.Products.Select((p, i) => (p, i + 1)))
                table.AddRow(rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(p.ProductId), p.Probability.ToString("P2", CultureInfo.InvariantCulture));
            Screen.For(stdout).Write(table);
            stdout.WriteLine("next action: " + string.Join(", ", next.NextAction.OrderByDescending(a => a.Value).Select(a => $"{a.Key} {a.Value:P1}")));
            if (next.PurchaseIntent is { } intent) stdout.WriteLine($"purchase within {next.IntentHorizonDays} days: {intent:P1}");
            stdout.WriteLine($"from the latest {next.EventsRead} events{(next.EventsUnknown > 0 ? $" ({next.EventsUnknown} on products newer than the model left out)" : "")}; model trained {model.Summary.TrainedAt:yyyy-MM-dd HH:mm} UTC");
            return 0;
        });
        return command;
    }

    sealed class TrainingProgress(Action<double, string> tick) : IProgress<SequenceProgress>
    {
        public void Report(SequenceProgress p) =>
            tick(((p.Epoch - 1) + (double)p.Step / p.Steps) / p.Epochs, $"epoch {p.Epoch}/{p.Epochs}  loss {p.Loss:F3}  {p.TokensPerSecond:N0} events/s");
    }
}
