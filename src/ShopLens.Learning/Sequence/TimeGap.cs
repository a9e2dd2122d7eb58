namespace ShopLens.Learning.Sequence;

/// <summary>The time since the previous event as a bucket: 0 for a sequence's first event, then 1 + ⌊log₂(1 + seconds)⌋, capped.</summary>
static class TimeGap
{
    public static int Bucket(long seconds, bool first, int buckets) =>
        first ? 0 : 1 + Math.Min(buckets - 2, (int)Math.Floor(Math.Log2(1 + Math.Max(0, seconds))));
}
