using System.CommandLine;
using System.Globalization;
using ShopLens.Cli.Output;
using ShopLens.Core.Store;
using ShopLens.Insight.Recommendations;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens similar --product ID</c>: the products most often wanted by the same customers.</summary>
static class SimilarCommand
{
    public static Command Build()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var product = new Option<string>("--product") { Description = "The product id", Required = true };
        var k = new Option<int>("--k") { Description = "How many similar products", DefaultValueFactory = _ => 10 };
        var command = new Command("similar", "Products most like one: by the customers who interact with both, or, for a new product, by what it is") { db, product, k, json };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            using var store = CommonOptions.OpenStore(path);
            var log = InteractionLog.Load(store, new InteractionWeights());
            var facts = ProductFacts.Load(store, log.ProductKeys);
            var available = ShopRecommender.Available(facts, log, new RecommendationFilters());
            var id = parse.GetValue(product)!;
            var count = Math.Max(1, parse.GetValue(k));
            // A product nobody has touched yet is compared by what it is (category, brand, price band, title words).
            var byBehaviour = facts.Id.Contains(id);
            var similar = byBehaviour ? ProductSimilarity.Fit(log, facts).Similar(id, count, i => available[i]) : ProductContent.Load(store).Similar(id, count);
            var method = byBehaviour ? "behaviour" : "content";
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(stdout, new { product_id = id, method, similar = similar.Select(s => new { product_id = s.ProductId, title = s.Title, similarity = s.Similarity }) });
                return 0;
            }
            var table = new Table().AddColumn("product").AddColumn("title").AddColumn(new TableColumn("similarity").RightAligned());
            foreach (var s in similar) table.AddRow(Markup.Escape(s.ProductId), Markup.Escape(s.Title), s.Similarity.ToString("F3", CultureInfo.InvariantCulture));
            Screen.For(stdout).Write(table);
            stdout.WriteLine(byBehaviour ? "by the customers who interact with both (item-kNN cosine)"
                : $"{id} has no interactions yet: by what the products are (category, brand, price band, title words; IDF-weighted cosine)");
            return 0;
        });
        return command;
    }
}
