namespace ShopLens.Insight.Recommendations;

/// <summary>How interactions are held out to judge a recommender.</summary>
public enum SplitProtocol
{
    /// <summary>Each customer's products shuffled, a share held out (microsoft/recommenders' stratified split).</summary>
    PerUserRandom,

    /// <summary>Each customer's last product held out (SASRec's and RecBole's leave-one-out).</summary>
    LeaveLastOut,

    /// <summary>Everything after a moment held out: the latest share of all acts, for customers seen before it.</summary>
    Time,
}
