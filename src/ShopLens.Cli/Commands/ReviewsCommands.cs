using System.CommandLine;
using System.Globalization;
using ShopLens.Cli.Output;
using ShopLens.Core.Store;
using ShopLens.Insight.Reviews;
using Spectre.Console;

namespace ShopLens.Cli.Commands;

/// <summary>
/// <c>shoplens reviews train</c> (review sentiment from a labelled file or the store's ratings, with its card),
/// <c>shoplens reviews analyze</c> (themes, complaint alerts, unhappy high-value customers) and
/// <c>shoplens reviews score</c> (one text's probability and the n-grams behind it).
/// </summary>
static class ReviewsCommands
{
    public static Command Build()
    {
        var command = new Command("reviews", "Review sentiment, what customers praise and complain about, and who is unhappy");
        command.Subcommands.Add(Train());
        command.Subcommands.Add(Analyze());
        command.Subcommands.Add(Score());
        return command;
    }

    static Command Train()
    {
        var (db, json, seed) = (CommonOptions.Db(), CommonOptions.Json(), CommonOptions.Seed());
        var data = new Option<string?>("--data") { Description = "A labelled CSV or TSV, or FILE.zip:MEMBER; default: the store's reviews, their ratings as weak labels" };
        var textCol = new Option<string?>("--text-col") { Description = "The text column (default: text, review, text_a, content, comment or sentence)" };
        var labelCol = new Option<string?>("--label-col") { Description = "The label column: 1/0, pos/neg, … or ratings 1-5 (default: label, sentiment, rating, stars or polarity)" };
        var test = new Option<string?>("--test") { Description = "A labelled file to measure on (same columns); default: a held-out fifth of --data, or the store's latest fifth" };
        var c = new Option<double?>("--c") { Description = "Inverse regularisation strength; default: chosen from 1, 3, 10, 30 on held-out training texts" };
        var nb = new Option<bool>("--nb") { Description = "NB-SVM: scale n-grams by naive Bayes log-count ratios first" };
        var command = new Command("train", "Train review sentiment (character n-grams and words, TF-IDF, logistic regression) and save it with its card")
        {
            db, data, textCol, labelCol, test, c, nb, seed, json,
        };
        command.SetAction(parse =>
        {
            var options = new SentimentOptions { C = parse.GetValue(c), NaiveBayes = parse.GetValue(nb), Seed = parse.GetValue(seed) };
            var dbPath = parse.GetValue(db)!;
            LabelledTexts? labelled = null, testSet = null;
            TrainedSentiment trained;
            if (parse.GetValue(data) is { } dataPath)
            {
                labelled = LabelledTextFile.Read(dataPath, parse.GetValue(textCol), parse.GetValue(labelCol));
                testSet = parse.GetValue(test) is { } testPath ? LabelledTextFile.Read(testPath, labelled.TextColumn, labelled.LabelColumn) : null;
                trained = Screen.WithProgress("training", _ => SentimentTraining.FromFile(labelled, testSet, options));
            }
            else
            {
                if (parse.GetValue(test) is not null) throw new ArgumentException("--test needs --data: the store's sentiment is measured on its latest reviews");
                using var source = CommonOptions.OpenStore(dbPath);
                trained = Screen.WithProgress("training", _ => SentimentTraining.FromStore(source, options));
            }
            // A model from a file is saved where a store exists (it then scores that store's reviews); from the store, always.
            int? scored = null;
            if (labelled is null || File.Exists(dbPath))
            {
                using var store = CommonOptions.OpenStore(dbPath);
                scored = SavedSentiment.Save(store, trained);
            }
            Report(parse.InvocationConfiguration.Output, parse.GetValue(json), trained.Card, labelled, testSet, scored, dbPath);
            return 0;
        });
        return command;
    }

    static void Report(TextWriter stdout, bool json, SentimentCard card, LabelledTexts? data, LabelledTexts? test, int? scored, string dbPath)
    {
        var rejected = (data?.Rejected ?? []).Select(r => new { file = data!.Source, line = r.Line, reason = r.Reason })
            .Concat((test?.Rejected ?? []).Select(r => new { file = test!.Source, line = r.Line, reason = r.Reason })).ToList();
        if (json)
        {
            Json.Write(stdout, new
            {
                card,
                test_rejected = test?.Rejected.Count ?? 0,
                rejected_lines = rejected,
                saved = scored is not null,
                scored_reviews = scored,
            });
            return;
        }
        Render(Screen.For(stdout), card);
        foreach (var r in rejected.Take(10)) stdout.WriteLine($"  rejected {r.file} line {r.line}: {r.reason}");
        if (rejected.Count > 10) stdout.WriteLine($"  … {rejected.Count - 10:N0} more rejected lines (--json lists them all)");
        stdout.WriteLine(scored is { } n
            ? $"saved in the store with the scores of its {n:N0} reviews with text (`shoplens reviews analyze`; profile column review_sentiment)"
            : $"not saved: no store at {dbPath}");
    }

    public static void Render(IAnsiConsole console, SentimentCard card)
    {
        var m = card.Test;
        console.MarkupLine($"[bold]review sentiment[/] from {Markup.Escape(card.Source)} ({card.Labels}{(card.Labels == "ratings" ? ": 4-5 positive, 1-2 negative" : "")}): " +
            $"{card.Texts:N0} texts, {card.Positives:N0} positive{(card.Neutral > 0 ? $", {card.Neutral:N0} neutral left out" : "")}{(card.Rejected > 0 ? $", {card.Rejected:N0} lines rejected" : "")}");
        var table = new Table().AddColumn("measured on").AddColumn(new TableColumn("texts").RightAligned()).AddColumn(new TableColumn("accuracy").RightAligned())
            .AddColumn(new TableColumn("F1 +/−").RightAligned()).AddColumn(new TableColumn("AUC").RightAligned()).AddColumn(new TableColumn("Brier").RightAligned())
            .AddColumn(new TableColumn("ECE").RightAligned()).AddColumn(new TableColumn("majority").RightAligned());
        static string F(double x) => x.ToString("F4", CultureInfo.InvariantCulture);
        table.AddRow(Markup.Escape(card.Evaluation), m.Rows.ToString("N0", CultureInfo.InvariantCulture), F(m.Accuracy), $"{F(m.F1)} / {F(m.NegativeF1)}", F(m.Auc), F(m.Brier), F(m.Ece), F(m.MajorityAccuracy));
        console.Write(table);
        console.WriteLine($"calibration (predicted → observed): {string.Join("  ", m.CalibrationCurve.Select(b => $"{b.MeanPredicted:F2}→{b.ObservedRate:F2} ({b.Count})"))}");
        var candidates = card.CandidateC.Count > 0 ? $" (chosen on held-out training texts: {string.Join(", ", card.CandidateC.Select(p => $"C {p.Key} {p.Value:F4}"))})" : "";
        console.WriteLine($"C {card.C.ToString(CultureInfo.InvariantCulture)}{candidates}{(card.NaiveBayes ? ", NB-SVM" : "")}; {card.WeightedColumns:N0} weighted n-gram columns; refitted on every text in {card.FitSeconds:F2} s");
    }

    static Command Analyze()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var product = new Option<string?>("--product") { Description = "One product's themes, set against the rest of the shop; default: the whole shop's" };
        var category = new Option<string?>("--category") { Description = "One category's themes (a path, or the start of one such as Electronics), set against the rest" };
        var asOf = new Option<string?>("--as-of") { Description = "Use reviews before this moment (ISO 8601, UTC); default: all" };
        var command = new Command("analyze", "What customers praise and complain about, products whose complaints are rising, unhappy high-value customers")
        {
            db, product, category, asOf, json,
        };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!);
            var report = Run(store, parse.GetValue(product), CommonOptions.ParseTime(parse.GetValue(asOf), "--as-of"), parse.GetValue(category));
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json)) Json.Write(stdout, ToJson(report));
            else Render(Screen.For(stdout), report, 10);
            return 0;
        });
        return command;
    }

    /// <summary>Analyses the reviews and saves the unhappy high-value customers as a segment (method <c>reviews</c>).</summary>
    public static ReviewReport Run(ShopStore store, string? productId, DateTime? asOf, string? category = null)
    {
        var report = ReviewAnalysis.Run(store, productId, asOf, category);
        UnhappyCustomers.Save(store, report.UnhappyHighValue, report.AsOf);
        return report;
    }

    public static object ToJson(ReviewReport report) => new
    {
        as_of = report.AsOf,
        reviews = report.Reviews,
        scored_reviews = report.ScoredReviews,
        sentiment = report.Sentiment,
        themes = report.Themes,
        alerts = report.Alerts.Select(a => new
        {
            product_id = a.ProductId, category = a.Category, recent_reviews = a.RecentReviews, recent_complaints = a.RecentComplaints,
            recent_rate = a.RecentRate, baseline_reviews = a.BaselineReviews, baseline_complaints = a.BaselineComplaints,
            baseline_rate = a.BaselineRate, z = a.Z, recent_theme = a.RecentTheme,
        }),
        unhappy_high_value = new { segment = UnhappyCustomers.Segment, customers = report.UnhappyHighValue },
    };

    public static void Render(IAnsiConsole console, ReviewReport report, int customers)
    {
        var t = report.Themes;
        console.MarkupLine($"[bold]reviews[/] ({Markup.Escape(t.Scope)}, before {report.AsOf:yyyy-MM-dd HH:mm} UTC): {t.Reviews:N0} reviews, " +
            $"{t.Complaints:N0} complaints (1-2 stars), {t.Praise:N0} praise (4-5 stars); {report.ScoredReviews:N0} of the shop's {report.Reviews:N0} scored by the sentiment classifier" +
            (report.Sentiment is { } s ? $" (test accuracy {s.Test.Accuracy:P1})" : " (none trained: `shoplens reviews train`)"));
        Themes(console, "complained about", t.Complained);
        Themes(console, "praised", t.Praised);
        if (report.Alerts.Count == 0) console.WriteLine("complaint alerts: none (no product's complaint rate rose significantly)");
        else
        {
            var alerts = new Table().Title("complaint alerts: rising complaint rates").AddColumn("product").AddColumn("category")
                .AddColumn(new TableColumn("recent").RightAligned()).AddColumn(new TableColumn("before").RightAligned()).AddColumn(new TableColumn("z").RightAligned()).AddColumn("recent theme");
            foreach (var a in report.Alerts)
                alerts.AddRow(Markup.Escape(a.ProductId), Markup.Escape(a.Category), $"{a.RecentComplaints}/{a.RecentReviews} ({a.RecentRate:P0})",
                    $"{a.BaselineComplaints}/{a.BaselineReviews} ({a.BaselineRate:P0})", a.Z.ToString("F2", CultureInfo.InvariantCulture), Markup.Escape(a.RecentTheme ?? ""));
            console.Write(alerts);
        }
        var unhappy = report.UnhappyHighValue;
        console.WriteLine($"unhappy high-value customers (top {UnhappyCustomers.TopValueShare:P0} by spend, a complaint in the last {UnhappyCustomers.RecentDays} days): " +
            $"{unhappy.Count:N0}, saved as segment '{UnhappyCustomers.Segment}' (method {UnhappyCustomers.Method})");
        if (unhappy.Count == 0) return;
        var table = new Table().AddColumn("customer").AddColumn(new TableColumn("spend").RightAligned()).AddColumn(new TableColumn("orders").RightAligned())
            .AddColumn(new TableColumn("complaints").RightAligned()).AddColumn("latest complaint");
        foreach (var c in unhappy.Take(customers))
            table.AddRow(Markup.Escape(c.CustomerId), c.Monetary.ToString("N2", CultureInfo.InvariantCulture), c.Orders.ToString(CultureInfo.InvariantCulture),
                c.RecentComplaints.ToString(CultureInfo.InvariantCulture), Markup.Escape($"{c.ComplainedAt:yyyy-MM-dd} {c.ProductId} {c.Rating}★ {c.Text}"));
        console.Write(table);
    }

    static void Themes(IAnsiConsole console, string kind, IReadOnlyList<ReviewTheme> themes)
    {
        if (themes.Count == 0)
        {
            console.WriteLine($"{kind}: no n-gram stands out");
            return;
        }
        var table = new Table().Title(kind).AddColumn("theme").AddColumn(new TableColumn("mentions").RightAligned()).AddColumn(new TableColumn("z").RightAligned())
            .AddColumn("monthly share").AddColumn("example");
        foreach (var theme in themes)
        {
            var example = theme.Examples.FirstOrDefault();
            var why = example is { Reasons.Count: > 0 } ? $" [{string.Join(", ", example.Reasons.Select(r => $"{r.Term} {r.LogOdds:+0.00;-0.00}"))}]" : "";
            table.AddRow(Markup.Escape(string.Join(" · ", theme.Terms.Take(4))), $"{theme.Mentions:N0} ({theme.Share:P0})", theme.Z.ToString("F2", CultureInfo.InvariantCulture),
                string.Join(" ", theme.Trend.TakeLast(6).Select(m => m.Share.ToString("P0", CultureInfo.InvariantCulture))),
                Markup.Escape(example is null ? "" : $"{example.Rating}★ {example.Text}{why}"));
        }
        console.Write(table);
    }

    static Command Score()
    {
        var (db, json) = (CommonOptions.Db(), CommonOptions.Json());
        var text = new Option<string>("--text") { Description = "The text to score", Required = true };
        var top = new Option<int>("--top") { Description = "How many n-grams to show", DefaultValueFactory = _ => 5 };
        var command = new Command("score", "P(positive) of a text by the saved sentiment classifier, and the n-grams that moved it") { db, text, top, json };
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenStore(parse.GetValue(db)!);
            var saved = SavedSentiment.TryLoad(store) ?? throw new KeyNotFoundException("no review sentiment is trained: run `shoplens reviews train` first");
            var body = parse.GetValue(text)!;
            var p = saved.Classifier.Probabilities([body])[0];
            var reasons = saved.Classifier.Explain(body, Math.Max(0, parse.GetValue(top)));
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
                Json.Write(stdout, new { text = body, probability = p, reasons = reasons.Select(r => new { term = r.Term, log_odds = r.LogOdds }) });
            else
            {
                stdout.WriteLine($"P(positive) {p:F3}: {(p >= 0.5 ? "positive" : "negative")}");
                foreach (var r in reasons) stdout.WriteLine($"  {r.Term,-16} {r.LogOdds:+0.000;-0.000}");
            }
            return 0;
        });
        return command;
    }
}
