using Spectre.Console;

namespace ShopLens.Cli.Output;

/// <summary>The one place that draws for people: tables and progress go to the given writer (stderr for progress).</summary>
static class Screen
{
    public static IAnsiConsole For(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = writer == Console.Out || writer == Console.Error ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = writer == Console.Out || writer == Console.Error ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });

    /// <summary>Runs work with a progress bar on stderr when it is a terminal; otherwise silently.</summary>
    public static T WithProgress<T>(string title, Func<Action<double, string>, T> work)
    {
        if (Console.IsErrorRedirected) return work((_, _) => { });
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(title, maxValue: 1.0);
                var result = work((fraction, label) =>
                {
                    task.Value = Math.Clamp(fraction, 0, 1);
                    task.Description = Markup.Escape(label);
                });
                task.Value = 1.0;
                return result;
            });
    }

    public static string Number(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
