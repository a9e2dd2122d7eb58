using Spectre.Console;

namespace ShopLens.Cli.Output;

/// <summary>The one place that draws for people: tables and progress go to the given writer (stderr for progress).</summary>
static class Screen
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal = (writer == Console.Out && !Console.IsOutputRedirected) || (writer == Console.Error && !Console.IsErrorRedirected);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Files and pipes get full-width tables rather than 80 columns.
        if (!terminal) console.Profile.Width = 200;
        return console;
    }

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
