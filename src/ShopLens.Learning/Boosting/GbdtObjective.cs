namespace ShopLens.Learning.Boosting;

/// <summary>What the boosted trees minimise (LightGBM's <c>objective</c>).</summary>
public enum GbdtObjective
{
    /// <summary>Binary log loss; labels 0/1; predictions are probabilities.</summary>
    Binary,

    /// <summary>Squared error; predictions are values.</summary>
    Regression,

    /// <summary>Tweedie deviance with a log link, for zero-inflated non-negative targets such as spend.</summary>
    Tweedie,

    /// <summary>LambdaRank (NDCG) over query groups; labels are relevance grades 0, 1, 2 …</summary>
    LambdaRank,
}
