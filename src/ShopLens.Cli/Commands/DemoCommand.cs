using System.CommandLine;
using System.Diagnostics;
using ShopLens.Cli.Output;
using ShopLens.Server.Contracts;
using ShopLens.Core.Import;
using ShopLens.Core.Store;
using ShopLens.Core.Synthetic;
using ShopLens.Core.Model;
using ShopLens.Insight.Cohorts;
using ShopLens.Insight.Features;
using ShopLens.Insight.Funnels;
using ShopLens.Insight.Journeys;
using ShopLens.Insight.Lifetime;
using ShopLens.Insight.Predictions;
using ShopLens.Insight.Recommendations;
using ShopLens.Insight.Overview;
using ShopLens.Insight.Reviews;
using ShopLens.Insight.Segments;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens demo</c>: generate a synthetic shop, import it, run every analysis there is, summarise.</summary>
static class DemoCommand
{
    public static Command Build()
    {
        var output = new Option<string>("--out") { Description = "Folder for the demo's files and store", DefaultValueFactory = _ => "shoplens-demo" };
        var customers = new Option<int>("--customers") { Description = "Customers in the synthetic shop", DefaultValueFactory = _ => 5000 };
        var days = new Option<int>("--days") { Description = "Days of history", DefaultValueFactory = _ => 180 };
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("demo", "Build a synthetic shop, import it into a fresh store, analyse it and print a summary")
        {
            output, customers, days, seed, json,
        };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var dir = Path.GetFullPath(parse.GetValue(output)!);
            var dataDir = Path.Combine(dir, "data");
            var dbPath = Path.Combine(dir, "shop.duckdb");
            Directory.CreateDirectory(dir);
            foreach (var stale in new[] { dbPath, dbPath + ".wal" }) File.Delete(stale);
            if (Directory.Exists(dbPath + ".rejects")) Directory.Delete(dbPath + ".rejects", recursive: true);

            var options = new ShopSimulatorOptions { Customers = parse.GetValue(customers), Days = parse.GetValue(days), Seed = parse.GetValue(seed) };
            var shop = Screen.WithProgress("generating", tick => ShopSimulator.Generate(options, dataDir, new Progress<double>(f => tick(f, "generating"))));
            using var store = ShopStore.Open(dbPath);
            var files = new[] { shop.CustomersPath, shop.ProductsPath, shop.EventsPath, shop.OrdersPath, shop.OrderLinesPath, shop.ReviewsPath };
            var import = store.Import(new ImportRequest { Files = files.Select(f => new SourceFile(f)).ToArray() });
            var stats = StoreStatistics.Of(store);
            // Review sentiment first: the profile reads each customer's mean sentiment from its scores. A tiny shop may have
            // too few reviews to train and test on; the demo goes on without it.
            TrainedSentiment? sentiment = null;
            string? sentimentSkipped = null;
            try
            {
                sentiment = SentimentTraining.FromStore(store, new SentimentOptions { Seed = parse.GetValue(seed) });
                SavedSentiment.Save(store, sentiment);
            }
            catch (InsufficientDataException e)
            {
                sentimentSkipped = e.Message;
            }
            var profileTable = CustomerProfile.Materialize(store, asOf: null);
            var profile = ProfileSummary.Of(store, profileTable);
            var profilePath = Path.Combine(dir, "profile.csv");
            CustomerProfile.Export(store, profileTable, profilePath);
            var rfm = RfmSegmentation.Run(store, asOf: null);
            var clusters = SegmentCommand.Cluster(store, asOf: null, new ClusterOptions { Seed = parse.GetValue(seed) }, out var clustered);
            var funnel = FunnelAnalysis.Run(store, new FunnelDefinition
            {
                Steps = [EventType.View, EventType.Cart, EventType.Purchase],
                Window = TimeSpan.FromDays(1),
                By = FunnelBreakdown.Channel,
            });
            var cohorts = CohortRetention.Compute(store, new CohortOptions { Period = CohortPeriod.Month });
            var stages = new StageDefinitions();
            var lifecycle = Lifecycle.Count(store, asOf: null, stages);
            // Stage moves over the last 30 days of the shop's data.
            var end = stats.LastTime!.Value.AddTicks(1);
            var transitions = Lifecycle.Transitions(store, end.AddDays(-30), end, stages);
            var paths = EventPaths.Compute(store, new PathOptions());
            var propensity = PredictionTraining.Train(store, new PredictionTask { Kind = PredictionKind.Propensity, HorizonDays = 14 },
                new TrainingOptions { Seed = parse.GetValue(seed) });
            SavedModels.Save(store, propensity);
            var value = ClvTraining.Run(store, ["bgnbd", ClvTraining.GammaGamma], calibrationEnd: null, TimeUnit.Week, new ClvOptions());
            SavedCustomerValue.Save(store, value);
            // EASE: seconds to fit on a shop this size, so `shoplens serve` on the demo's store recommends at once.
            var interactions = RecommenderTraining.Read(store);
            var recommender = RecommenderTraining.Fit(interactions, "ease", parse.GetValue(seed), Environment.ProcessorCount);
            RecommenderTraining.Save(store, "ease", interactions, recommender);
            var reviews = ReviewsCommands.Run(store, productId: null, asOf: null);

            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(stdout, new
                {
                    out_dir = dir,
                    db = dbPath,
                    generate = GenerateCommand.ToJson(shop),
                    import = ImportCommand.ToJson(import),
                    stats,
                    profile,
                    profile_file = profilePath,
                    segments = SegmentationJson.Of(rfm),
                    clusters = SegmentationJson.Of(clusters, clustered: clustered),
                    funnel = FunnelJson.Of(funnel),
                    cohorts = CohortJson.Of(cohorts, revenue: false),
                    journey = JourneyCommand.ToJson(null, stages, lifecycle, transitions, paths),
                    propensity = propensity.Card,
                    clv = value.Summaries,
                    recommender = new { model = "ease", setting = recommender.Setting },
                    review_sentiment = (object?)sentiment?.Card ?? new { skipped = sentimentSkipped },
                    reviews = ReviewsCommands.ToJson(reviews),
                    total_s = Math.Round(clock.Elapsed.TotalSeconds, 3),
                });
                return 0;
            }
            var console = Screen.For(stdout);
            console.MarkupLine("[bold]ShopLens demo[/]: a synthetic shop with planted truth, imported and analysed");
            GenerateCommand.Render(stdout, shop);
            ImportCommand.Render(console, import);
            StatsCommand.Render(console, stats);
            stdout.WriteLine($"profile: {Screen.Number(profile.Buyers)} of {Screen.Number(profile.Customers)} customers bought; " +
                $"revenue {profile.Revenue:N2}; median recency {profile.MedianRecencyDays:F1} days; {profile.MeanEvents:F1} events per customer");
            SegmentCommand.Render(console, rfm);
            SegmentCommand.Render(console, clusters);
            FunnelCommand.Render(console, funnel);
            CohortsCommand.Render(console, cohorts, revenue: false);
            JourneyCommand.Render(console, null, lifecycle, transitions, paths);
            ModelCardView.Render(console, propensity.Card, "saved in the store (`shoplens predict propensity --horizon 14d` lists the likeliest buyers)");
            ClvCommands.Render(stdout, value);
            stdout.WriteLine($"recommender: {recommender.Setting} saved (`shoplens recommend --customer ID`; `shoplens serve` serves it)");
            if (sentiment is not null) ReviewsCommands.Render(console, sentiment.Card);
            else stdout.WriteLine($"review sentiment: not trained ({sentimentSkipped})");
            ReviewsCommands.Render(console, reviews, customers: 5);
            stdout.WriteLine($"store: {dbPath}");
            stdout.WriteLine($"profile file: {profilePath}");
            stdout.WriteLine($"truth: {shop.TruthPath}");
            stdout.WriteLine($"done in {clock.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        return command;
    }
}
