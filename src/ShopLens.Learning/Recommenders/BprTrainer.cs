namespace ShopLens.Learning.Recommenders;

/// <summary>
/// Bayesian personalised ranking (Rendle, Freudenthaler, Gantner and Schmidt-Thieme 2009): matrix factorisation with
/// item biases fitted so that each user's items score above the rest, by SGD on ln σ(x̂ᵤᵢ − x̂ᵤⱼ) over sampled triples
/// of a user u, one of their items i (an interaction drawn uniformly, so active users weigh more) and an item j drawn
/// uniformly among those u does not have, as the <c>implicit</c> library's <c>BayesianPersonalizedRanking</c>. Only
/// which pairs are observed counts, not their weights.
/// </summary>
public sealed class BprTrainer(BprOptions options)
{
    readonly BprOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <exception cref="LearnerInputException">no interactions, or every user has every item (no negatives to sample)</exception>
    /// <exception cref="ArgumentException">an option out of range</exception>
    public BprModel Fit(Interactions interactions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        _options.Validate();
        var x = interactions;
        if (x.Count == 0) throw new LearnerInputException($"BPR needs at least one interaction; the {x.Users} × {x.Items} matrix has none");
        if (x.Count == (long)x.Users * x.Items) throw new LearnerInputException($"BPR needs items a user does not have; all {x.Users} users have all {x.Items} items");
        var o = _options;
        var f = o.Factors;
        var rng = new Random(o.Seed);
        // implicit's start: uniform on [−0.5, 0.5) / factors, users then items; biases 0.
        var users = new float[checked(x.Users * f)];
        var items = new float[checked(x.Items * f)];
        var biases = new float[x.Items];
        for (var k = 0; k < users.Length; k++) users[k] = (float)((rng.NextDouble() - 0.5) / f);
        for (var k = 0; k < items.Length; k++) items[k] = (float)((rng.NextDouble() - 0.5) / f);
        var sgd = new BprSgd(x, users, items, biases, (float)o.LearningRate, (float)o.Regularization);
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            ct.ThrowIfCancellationRequested();
            if (o.Threads == 1)
            {
                sgd.Run(rng, x.Count, ct);
                continue;
            }
            var seeds = Enumerable.Range(0, o.Threads).Select(_ => rng.Next()).ToArray();
            Parallel.For(0, o.Threads, new ParallelOptions { MaxDegreeOfParallelism = o.Threads, CancellationToken = ct },
                t => sgd.Run(new Random(seeds[t]), x.Count / o.Threads + (t < x.Count % o.Threads ? 1 : 0), ct));
        }
        return new BprModel(f, users, items, biases);
    }
}
