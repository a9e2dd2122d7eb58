using System.Globalization;
using ShopLens.Insight.Recommendations;
using ShopLens.Insight.Sequences;
using ShopLens.Learning.Sequence;

namespace ShopLens.Server.Live;

/// <summary>
/// Refits the served recommender or the sequence model (or both, one after the other) in the background — on demand
/// or on a schedule — and swaps the new ones in: the store is held only to read the data and to save the fit, so
/// ingest and requests go on meanwhile. One run at a time.
/// </summary>
public sealed class Retraining(ShopState state)
{
    /// <summary>The sequence Transformer's name beside the recommenders' (<see cref="RecommenderCatalog.Names"/>).</summary>
    public const string Sequence = "sequence";

    readonly Lock _lock = new();
    Task? _running;

    /// <summary>
    /// What the last run did: when it ended, the models and their settings (joined with " + " when it fitted more than
    /// one), seconds, or the first error, naming its model.
    /// </summary>
    public sealed record Outcome(DateTime EndedAt, string Model, string? Setting, double Seconds, string? Error);

    public Outcome? Last { get; private set; }

    public bool Running
    {
        get
        {
            lock (_lock) return _running is { IsCompleted: false };
        }
    }

    /// <summary>A recommender's name or <see cref="Sequence"/>.</summary>
    public static bool Knows(string model) => model == Sequence || RecommenderCatalog.Names.Contains(model);

    /// <summary>Starts fitting <paramref name="models"/> in order unless a run is going; false when one is.</summary>
    public bool TryStart(IReadOnlyList<string> models, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.FirstOrDefault(m => !Knows(m)) is { } unknown) throw new ArgumentException($"unknown model '{unknown}'", nameof(models));
        lock (_lock)
        {
            if (_running is { IsCompleted: false }) return false;
            _running = Task.Run(() => Run(models, ct), ct);
            return true;
        }
    }

    /// <summary>Waits for the running fit, if any (tests, shutdown).</summary>
    public Task Completion
    {
        get
        {
            lock (_lock) return _running ?? Task.CompletedTask;
        }
    }

    void Run(IReadOnlyList<string> models, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var settings = new List<string>();
        string? error = null;
        foreach (var model in models)
        {
            try
            {
                settings.Add(model == Sequence ? RefitSequence(ct) : RefitRecommender(model, ct));
                state.Reload();
            }
#pragma warning disable CA1031 // a failed background fit is reported on GET /v1/models, never crashes the server
            catch (Exception e)
#pragma warning restore CA1031
            {
                error ??= $"{model}: {e.Message}";
            }
        }
        Last = new Outcome(DateTime.UtcNow, string.Join(" + ", models), settings.Count == 0 ? null : string.Join(" + ", settings),
            clock.Elapsed.TotalSeconds, error);
    }

    string RefitRecommender(string model, CancellationToken ct)
    {
        var data = state.Gate.Use(RecommenderTraining.Read);
        var fitted = RecommenderTraining.Fit(data, model, seed: 1, threads: Environment.ProcessorCount, ct);
        state.Gate.Use(store =>
        {
            RecommenderTraining.Save(store, model, data, fitted);
            return 0;
        });
        (fitted.Model as IDisposable)?.Dispose();
        return fitted.Setting;
    }

    /// <summary>With the served model's settings (the defaults when none is served), on every event the store holds now.</summary>
    string RefitSequence(CancellationToken ct)
    {
        var options = (state.Snapshot.Sequences?.Model.Model.Options ?? new SequenceOptions()) with { Threads = Environment.ProcessorCount };
        var events = state.Gate.Use(store => ShopSequenceModel.Read(store, options));
        var fitted = ShopSequenceModel.Fit(events, options, ct: ct);
        state.Gate.Use(store =>
        {
            fitted.Save(store);
            return 0;
        });
        return string.Create(CultureInfo.InvariantCulture,
            $"sequence dim {options.Dim} blocks {options.Blocks} heads {options.Heads} max length {options.MaxLength} epochs {options.Epochs}");
    }
}
