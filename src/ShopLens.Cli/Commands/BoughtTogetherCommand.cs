using System.CommandLine;
using System.Globalization;
using ShopLens.Cli.Output;
using ShopLens.Core.Store;
using ShopLens.Insight.Recommendations;
using ShopLens.Learning.Recommenders;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens bought-together --product ID</c>: the products in the same baskets more often than chance.</summary>
static class BoughtTogetherCommand
{
    public static Command Build()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var product = new Option<string>("--product") { Description = "The product id", Required = true };
        var k = new Option<int>("--k") { Description = "How many products", DefaultValueFactory = _ => 10 };
        var minBaskets = new Option<int>("--min-baskets") { Description = "Fewest baskets a pair must share", DefaultValueFactory = _ => 2 };
        var command = new Command("bought-together", "Products bought in the same orders more often than chance (association rules: support, confidence, lift)")
        {
            db, product, k, minBaskets, json,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(db)!;
            using var store = CommonOptions.OpenStore(path);
            var baskets = Baskets.Load(store);
            var facts = ProductFacts.Load(store, baskets.ProductKeys);
            var id = parse.GetValue(product)!;
            var item = Array.IndexOf(facts.Id, id);
            if (item < 0) throw new KeyNotFoundException($"product '{id}' is in no kept order");
            var rules = AssociationRules.Mine(baskets.Matrix, new AssociationRuleOptions { MinBaskets = parse.GetValue(minBaskets), MaxRulesPerItem = Math.Max(1, parse.GetValue(k)) }).For(item);
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                Json.Write(stdout, new
                {
                    product_id = id,
                    baskets = baskets.Matrix.Users,
                    together = rules.Select(r => new { product_id = facts.Id[r.Consequent], title = facts.Title[r.Consequent], baskets = r.Baskets, support = r.Support, confidence = r.Confidence, lift = r.Lift }),
                });
                return 0;
            }
            var table = new Table().AddColumn("product").AddColumn("title").AddColumn(new TableColumn("baskets").RightAligned())
                .AddColumn(new TableColumn("confidence").RightAligned()).AddColumn(new TableColumn("lift").RightAligned());
            foreach (var r in rules)
                table.AddRow(Markup.Escape(facts.Id[r.Consequent]), Markup.Escape(facts.Title[r.Consequent]), r.Baskets.ToString("N0", CultureInfo.InvariantCulture),
                    r.Confidence.ToString("F3", CultureInfo.InvariantCulture), r.Lift.ToString("F2", CultureInfo.InvariantCulture));
            Screen.For(stdout).Write(table);
            stdout.WriteLine($"{rules.Count} products bought with {id} in at least {parse.GetValue(minBaskets)} of {baskets.Matrix.Users:N0} baskets, more often than chance");
            return 0;
        });
        return command;
    }
}
