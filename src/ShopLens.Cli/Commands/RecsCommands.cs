using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ShopLens.Cli.Output;
using ShopLens.Core.Store;
using ShopLens.Insight.Recommendations;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary>
/// <c>shoplens train recs</c> (fit a recommender on every interaction in the store, its setting chosen on a
/// validation split, and save it) and <c>shoplens recommend --customer ID</c> (its list, after the shop's rules, with
/// a reason per product).
/// </summary>
static class RecsCommands
{
    public static Command Train()
    {
        var (db, json, seed) = (CommonOptions.Db(), CommonOptions.Json(), CommonOptions.Seed());
        var model = new Option<string>("--model") { Description = $"One of {string.Join(", ", RecommenderCatalog.Names)}", DefaultValueFactory = _ => RecommenderCatalog.Hybrid };
        var command = new Command("recs", "Fit a recommender on all interactions in the store and save it for `shoplens recommend`") { db, model, seed, json };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!);
            var name = parse.GetValue(model)!;
            var data = RecommenderTraining.Read(store);
            var log = data.Log;
            var clock = Stopwatch.StartNew();
            var fitted = RecommenderTraining.Fit(data, name, parse.GetValue(seed), Environment.ProcessorCount);
            var seconds = clock.Elapsed.TotalSeconds;
            RecommenderTraining.Save(store, name, data, fitted);
            (fitted.Model as IDisposable)?.Dispose();
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                Json.Write(stdout, new { model = name, setting = fitted.Setting, customers = log.CustomerKeys.Length, products = log.ProductKeys.Length, interactions = log.Rows, fit_s = Math.Round(seconds, 3) });
            else
                stdout.WriteLine($"{name} ({fitted.Setting}) fitted in {seconds:F1} s on {log.Rows:N0} interactions of {log.CustomerKeys.Length:N0} customers with " +
                                 $"{log.ProductKeys.Length:N0} products; saved in the store (`shoplens recommend --customer ID`)");
            return 0;
        });
        return command;
    }

    public static Command Recommend()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var customer = new Option<string>("--customer") { Description = "The customer id", Required = true };
        var k = new Option<int>("--k") { Description = "How many products", DefaultValueFactory = _ => 10 };
        var model = new Option<string?>("--model") { Description = "A recommender saved by `train recs` (default: hybrid if saved, else the first)" };
        var perCategory = new Option<int>("--per-category") { Description = "At most this many products of one top-level category (0: no cap)", DefaultValueFactory = _ => 3 };
        var command = new Command("recommend", "Products for one customer from a trained recommender, after the shop's rules, each with its reason")
        {
            db, customer, k, model, perCategory, json,
        };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!);
            var names = SavedRecommenders.Names(store);
            if (names.Count == 0) throw new KeyNotFoundException("no trained recommender: run `shoplens train recs` first");
            var name = parse.GetValue(model) ?? (names.Contains(RecommenderCatalog.Hybrid) ? RecommenderCatalog.Hybrid : names[0]);
            var saved = SavedRecommenders.Load(store, name);
            using var disposable = saved.Model as IDisposable;
            var log = InteractionLog.Load(store, new InteractionWeights()).Reindex(saved.CustomerKeys, saved.ProductKeys);
            var filters = new RecommendationFilters { MaxPerCategory = parse.GetValue(perCategory) };
            var similarity = ProductSimilarity.Fit(log, ProductFacts.Load(store, saved.ProductKeys));
            var recommender = ShopRecommender.Build(store, saved.Model, saved.CustomerKeys.Length, log, similarity, filters, ProductContent.TryLoad(store));
            var id = parse.GetValue(customer)!;
            var list = recommender.Recommend(id, Math.Max(1, parse.GetValue(k)));
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(stdout, new
                {
                    customer_id = id, model = name, trained_at = saved.CreatedAt,
                    recommendations = list.Select(r => new { product_id = r.ProductId, title = r.Title, score = r.Score, reason = r.Reason }),
                });
                return 0;
            }
            var table = new Table().AddColumn(new TableColumn("#").RightAligned()).AddColumn("product").AddColumn("title").AddColumn("why");
            foreach (var (r, rank) in list.Select((r, i) => (r, i + 1)))
                table.AddRow(rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.ProductId), Markup.Escape(r.Title), Markup.Escape(r.Reason));
            Screen.For(stdout).Write(table);
            stdout.WriteLine($"{name}, trained {saved.CreatedAt:yyyy-MM-dd HH:mm} UTC; nothing already bought (unless bought again and again), nothing untouched for 90 days, " +
                             $"at most {filters.MaxPerCategory} per category");
            return 0;
        });
        return command;
    }

}
