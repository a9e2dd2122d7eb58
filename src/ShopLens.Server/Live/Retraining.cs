using ShopLens.Insight.Recommendations;

namespace ShopLens.Server.Live;

/// <summary>
/// Refits the served recommender in the background — on demand or on a schedule — and swaps the new one in: the
/// store is held only to read the interactions and to save the fit, so ingest and requests go on meanwhile. One fit
/// at a time.
/// </summary>
public sealed class Retraining(ShopState state)
{
    readonly Lock _lock = new();
    Task? _running;

    /// <summary>What the last fit did: when it ended, the model and setting, seconds, or the error.</summary>
    public sealed record Outcome(DateTime EndedAt, string Model, string? Setting, double Seconds, string? Error);

    public Outcome? Last { get; private set; }

    public bool Running
    {
        get
        {
            lock (_lock) return _running is { IsCompleted: false };
        }
    }

    /// <summary>Starts a fit of <paramref name="model"/> unless one is running; false when one is.</summary>
    public bool TryStart(string model, CancellationToken ct = default)
    {
        lock (_lock)
        {
            if (_running is { IsCompleted: false }) return false;
            _running = Task.Run(() => Run(model, ct), ct);
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

    void Run(string model, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var data = state.Gate.Use(RecommenderTraining.Read);
            var fitted = RecommenderTraining.Fit(data, model, seed: 1, threads: Environment.ProcessorCount, ct);
            state.Gate.Use(store =>
            {
                RecommenderTraining.Save(store, model, data, fitted);
                return 0;
            });
            (fitted.Model as IDisposable)?.Dispose();
            state.Reload();
            Last = new Outcome(DateTime.UtcNow, model, fitted.Setting, clock.Elapsed.TotalSeconds, null);
        }
#pragma warning disable CA1031 // a failed background fit is reported on GET /v1/models, never crashes the server
        catch (Exception e)
#pragma warning restore CA1031
        {
            Last = new Outcome(DateTime.UtcNow, model, null, clock.Elapsed.TotalSeconds, e.Message);
        }
    }
}
