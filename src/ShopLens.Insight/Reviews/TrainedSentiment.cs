using ShopLens.Learning.Text;

namespace ShopLens.Insight.Reviews;

/// <summary>A review sentiment classifier refitted on every labelled text, with the card of its held-out evaluation.</summary>
public sealed record TrainedSentiment(TextClassifier Classifier, SentimentCard Card);
