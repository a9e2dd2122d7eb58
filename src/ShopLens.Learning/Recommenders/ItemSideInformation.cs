namespace ShopLens.Learning.Recommenders;

/// <summary>
/// What is known of items besides who has them, for the hybrid's ranker: a group per item (a category: the ranker
/// sees the share of the user's history in the candidate's group) and a number per item (a log price: it sees how
/// far the candidate lies from the user's usual, in the user's own spread). NaN marks an unknown number.
/// </summary>
public sealed record ItemSideInformation(int[] Groups, float[] Values)
{
    /// <exception cref="LearnerInputException">lengths differ from the item count, a negative group or an infinite value</exception>
    public void Check(int items)
    {
        if (Groups.Length != items || Values.Length != items)
            throw new LearnerInputException($"side information for {Groups.Length} groups and {Values.Length} values, not {items} items");
        for (var i = 0; i < items; i++)
        {
            if (Groups[i] < 0) throw new LearnerInputException($"item {i}: group {Groups[i]} is negative");
            if (float.IsInfinity(Values[i])) throw new LearnerInputException($"item {i}: value {Values[i]} is infinite");
        }
    }
}
