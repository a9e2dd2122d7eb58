namespace ShopLens.Server;

/// <summary>How <c>shoplens serve</c> runs: the store, the limits it enforces, and how it guards personal data.</summary>
public sealed record ServerOptions
{
    /// <summary>The store file the server reads and writes.</summary>
    public required string Db { get; init; }

    /// <summary>Requests per second each API key may make on average; bursts of twice that pass.</summary>
    public int RequestsPerSecondPerKey { get; init; } = 5_000;

    /// <summary>Most events in one <c>POST /v1/events</c>.</summary>
    public int MaxEventsPerRequest { get; init; } = 10_000;

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// When set, analysts see and address customers only by a keyed HMAC of their id (<see cref="Access.CustomerPseudonyms"/>);
    /// the key never leaves the server's configuration.
    /// </summary>
    public string? PseudonymKey { get; init; }

    /// <summary>The saved recommender to serve (default: the hybrid if saved, else the first saved).</summary>
    public string? Recommender { get; init; }

    /// <summary>Refit the served recommender this often (null: only on demand).</summary>
    public TimeSpan? RetrainEvery { get; init; }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Db)) throw new ArgumentException("the server needs a store file (--db)");
        if (RequestsPerSecondPerKey < 1) throw new ArgumentException($"the rate limit must be at least 1 request per second (got {RequestsPerSecondPerKey})");
        if (MaxEventsPerRequest < 1) throw new ArgumentException($"a request must be allowed at least 1 event (got {MaxEventsPerRequest})");
        if (MaxRequestBytes < 1024) throw new ArgumentException($"the request size limit must be at least 1 KiB (got {MaxRequestBytes})");
        if (RetrainEvery is { } every && every < TimeSpan.FromMinutes(1)) throw new ArgumentException($"retraining more often than once a minute is not a schedule (got {every})");
        if (PseudonymKey is { Length: < 16 }) throw new ArgumentException("the pseudonym key must be at least 16 characters");
    }
}
