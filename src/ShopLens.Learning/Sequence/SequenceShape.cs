namespace ShopLens.Learning.Sequence;

/// <summary>The sizes that fix the network's parameters: catalogue, kinds, gap buckets, length, width, heads, blocks, feed-forward width.</summary>
readonly record struct SequenceShape(int Items, int Kinds, int GapBuckets, int MaxLength, int Dim, int Heads, int Blocks, int FeedForward)
{
    public static SequenceShape Of(SequenceOptions options, int items, int kinds) =>
        new(items, kinds, options.GapBuckets, options.MaxLength, options.Dim, options.Heads, options.Blocks, options.FeedForwardWidth);
}
