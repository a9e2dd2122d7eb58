using System.Text.Json;
using DuckDB.NET.Data;
using ShopLens.Core.Store;
using ShopLens.Insight.Predictions;
using ShopLens.Learning.Text;

namespace ShopLens.Insight.Reviews;

/// <summary>
/// The store's <c>review_models</c> and <c>review_sentiment</c> tables: the newest review sentiment classifier with its
/// card, and the probability it gives each stored review's text of being positive (what the customer profile's
/// <c>review_sentiment</c> averages). Saving replaces both in one transaction.
/// </summary>
public static class SavedSentiment
{
    /// <summary>Saves the classifier and card, and scores every stored review with text; returns how many were scored.</summary>
    public static int Save(ShopStore store, TrainedSentiment trained)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(trained);
        var reviews = StoredReviews.Load(store).Where(r => r.Text.Length > 0).ToList();
        var probabilities = trained.Classifier.Probabilities([.. reviews.Select(r => r.Text)]);
        using var bytes = new MemoryStream();
        trained.Classifier.Save(bytes);
        using var tx = store.Connection.BeginTransaction();
        store.Execute("DELETE FROM review_models");
        store.Execute("DELETE FROM review_sentiment");
        using (var insert = store.Connection.CreateCommand())
        {
            insert.CommandText = "INSERT INTO review_models (created_at, card, model) VALUES ($1, $2, $3)";
            insert.Parameters.Add(new DuckDBParameter(trained.Card.CreatedAt));
            insert.Parameters.Add(new DuckDBParameter(JsonSerializer.Serialize(trained.Card, CardJson.Options)));
            insert.Parameters.Add(new DuckDBParameter(bytes.ToArray()));
            insert.ExecuteNonQuery();
        }
        using (var appender = store.Connection.CreateAppender("review_sentiment"))
        {
            for (var i = 0; i < reviews.Count; i++)
            {
                var row = appender.CreateRow();
                row = reviews[i].ReviewId is { } id ? row.AppendValue(id) : row.AppendNullValue();
                row.AppendValue(reviews[i].CustomerKey).AppendValue(reviews[i].ProductKey).AppendValue(reviews[i].Time)
                    .AppendValue(probabilities[i]).EndRow();
            }
        }
        tx.Commit();
        return reviews.Count;
    }

    /// <summary>The saved classifier and its card, or null when none has been trained.</summary>
    public static TrainedSentiment? TryLoad(IShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var reader = store.Query("SELECT card, model FROM review_models");
        if (!reader.Read()) return null;
        var card = JsonSerializer.Deserialize<SentimentCard>(reader.GetString(0), CardJson.Options)
            ?? throw new InvalidDataException("an empty review sentiment card");
        using var model = reader.GetStream(1);
        using var copy = new MemoryStream();
        model.CopyTo(copy);
        copy.Position = 0;
        return new TrainedSentiment(TextClassifier.Load(copy), card);
    }

    /// <summary>The saved probability of each review, keyed as <see cref="Key"/> keys them.</summary>
    public static Dictionary<(string?, int, int, DateTime), double> Scores(IShopStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var scores = new Dictionary<(string?, int, int, DateTime), double>();
        using var reader = store.Query("SELECT review_id, customer_key, product_key, ts, probability FROM review_sentiment");
        while (reader.Read())
            scores[(reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2),
                DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc))] = reader.GetDouble(4);
        return scores;
    }

    /// <summary>A review's identity in <c>review_sentiment</c>.</summary>
    public static (string?, int, int, DateTime) Key(StoredReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return (review.ReviewId, review.CustomerKey, review.ProductKey, review.Time);
    }
}
