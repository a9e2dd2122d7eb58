namespace ShopLens.Insight.Reviews;

/// <summary>
/// Whether a review complains or praises, by its stars: 1-2 complain, 4-5 praise, 3 is neither. The customer's own
/// rating is the firmest label a review has; a classifier trained on 1-2 against 4-5 has never seen a neutral text, so
/// its probability is not used to sort 3-star reviews ("中规中矩，没有惊喜" scores as praise).
/// </summary>
public static class ReviewMood
{
    public static bool IsComplaint(StoredReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Rating <= 2;
    }

    public static bool IsPraise(StoredReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Rating >= 4;
    }
}
