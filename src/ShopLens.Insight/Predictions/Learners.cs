namespace ShopLens.Insight.Predictions;

/// <summary>The learners a prediction task can use, by their names in model cards and on the command line.</summary>
public static class Learners
{
    public const string Gbdt = "gbdt";
    public const string LogisticRegression = "logistic_regression";
}
