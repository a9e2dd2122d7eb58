using Microsoft.Extensions.Hosting;

namespace ShopLens.Server.Live;

/// <summary>
/// Starts a <see cref="Retraining"/> every <see cref="ServerOptions.RetrainEvery"/>: the served recommender (the hybrid
/// when none is), then the sequence model when one is served.
/// </summary>
sealed class ScheduledRetraining(ShopState state, Retraining retraining) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (state.Options.RetrainEvery is not { } every) return;
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var snapshot = state.Snapshot;
            string[] sequence = snapshot.Sequences is null ? [] : [Retraining.Sequence];
            retraining.TryStart([snapshot.RecommenderName ?? Insight.Recommendations.RecommenderCatalog.Hybrid, .. sequence], stoppingToken);
        }
    }
}
