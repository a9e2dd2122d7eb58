namespace ShopLens.Learning.Recommenders;

/// <summary>
/// A fitted recommender: a score for every item for one user, higher is better. Item-based models score from the
/// user's history alone; factor models use the factors they learned for <c>user</c> (a row of the training
/// <see cref="Interactions"/>) and fold in the history for users they did not see.
/// </summary>
public interface IRecommender
{
    /// <summary>The model's name on the command line and in tables.</summary>
    string Name { get; }

    int Items { get; }

    /// <summary>
    /// Writes a score for each of the <see cref="Items"/> items into <paramref name="scores"/>.
    /// <paramref name="user"/> is −1 for a user the model was not trained on.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="scores"/> does not have <see cref="Items"/> entries</exception>
    void Score(int user, ReadOnlySpan<int> historyItems, ReadOnlySpan<float> historyWeights, Span<float> scores);

    /// <summary>
    /// Writes the fitted model, so that a model is fitted once and scores elsewhere: <see cref="RecommenderFile.Load"/>
    /// (or the kind's own <c>Load</c>) gives back one whose scores are the same bits, and saving that again gives the
    /// same bytes. The stream is left open.
    /// </summary>
    void Save(Stream stream);
}
