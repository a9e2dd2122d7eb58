using Microsoft.Extensions.Hosting;

namespace ShopLens.Server.Live;

/// <summary>Starts a <see cref="Retraining"/> of the served recommender every <see cref="ServerOptions.RetrainEvery"/>.</summary>
sealed class ScheduledRetraining(ShopState state, Retraining retraining) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (state.Options.RetrainEvery is not { } every) return;
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            retraining.TryStart(state.Snapshot.RecommenderName ?? Insight.Recommendations.RecommenderCatalog.Hybrid, stoppingToken);
    }
}
