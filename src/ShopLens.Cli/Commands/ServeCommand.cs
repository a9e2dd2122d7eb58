using System.CommandLine;
using ShopLens.Server;

namespace ShopLens.Cli.Commands;

/// <summary><c>shoplens serve</c>: the HTTP API (and its OpenAPI document) over one store until stopped.</summary>
static class ServeCommand
{
    /// <summary>The environment variable that holds the key for customer pseudonyms (never a command-line argument: `ps` shows those).</summary>
    public const string PseudonymKeyVariable = "SHOPLENS_PSEUDONYM_KEY";

    public static Command Build()
    {
        var db = CommonOptions.Db();
        var urls = new Option<string>("--urls") { Description = "Where to listen, separated by ';'", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var recommender = new Option<string?>("--recommender") { Description = "The saved recommender to serve (default: the hybrid if saved, else the first)" };
        var rate = new Option<int>("--rate-limit") { Description = "Requests per second each API key may make (bursts of twice that pass)", DefaultValueFactory = _ => 5_000 };
        var retrain = new Option<string?>("--retrain-every") { Description = "Refit the recommender on this schedule, in days or weeks (1d, 2w); default: only on POST /v1/models/retrain" };
        var command = new Command("serve", $"Serve the HTTP API over the store (keys from `shoplens keys create`; analysts see pseudonyms when ${PseudonymKeyVariable} is set)")
        {
            db, urls, recommender, rate, retrain,
        };
        command.SetAction(parse =>
        {
            var every = parse.GetValue(retrain) is { } text ? TimeSpan.FromDays(CommonOptions.ParseDays(text, "--retrain-every")) : (TimeSpan?)null;
            var options = new ServerOptions
            {
                Db = parse.GetValue(db)!,
                Recommender = parse.GetValue(recommender),
                RequestsPerSecondPerKey = parse.GetValue(rate),
                PseudonymKey = Environment.GetEnvironmentVariable(PseudonymKeyVariable),
                RetrainEvery = every,
            };
            using var app = ShopServer.Build(options, parse.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            app.Lifetime.ApplicationStarted.Register(() =>
                parse.InvocationConfiguration.Output.WriteLine($"serving {options.Db} on {string.Join(", ", app.Urls)} (OpenAPI at /openapi/v1.json); Ctrl+C stops"));
            app.Run();
            return 0;
        });
        return command;
    }
}
