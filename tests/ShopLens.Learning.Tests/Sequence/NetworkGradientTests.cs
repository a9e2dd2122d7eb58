using ShopLens.Learning.Sequence;
using Xunit.Abstractions;

namespace ShopLens.Learning.Tests.Sequence;

/// <summary>
/// The whole network — embeddings, two blocks, final norm and all three heads — against central differences in
/// double, per parameter tensor, with dropout on (its masks are a fixed function of the key) and with either item loss.
/// </summary>
[Trait("Issue", "8")]
public sealed class NetworkGradientTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(SequenceLoss.SoftmaxCrossEntropy)]
    [InlineData(SequenceLoss.SampledBinaryCrossEntropy)]
    public void Every_parameter_tensor_matches_central_differences(SequenceLoss loss)
    {
        var shape = new SequenceShape(Items: 9, Kinds: 3, GapBuckets: 5, MaxLength: 6, Dim: 8, Heads: 2, Blocks: 2, FeedForward: 12);
        var layout = new SequenceLayout(shape);
        var parameters = Array.ConvertAll(layout.Initial(seed: 1), v => (double)v * 10); // larger than GPT-2's 0.02, so every path carries gradient
        var network = new SequenceNetwork<double>(layout, parameters, threads: 2);
        var batch = Batch(shape);
        double F()
        {
            network.Forward(batch, dropout: 0.25, dropoutKey: 5);
            return network.Backward(batch, loss, kindWeight: 0.7, intentWeight: 0.4).Total;
        }
        F();
        var analytic = (double[])network.Gradients.Clone();

        var names = Names(layout);
        var worst = 0.0;
        foreach (var (name, tensor) in names)
            worst = Math.Max(worst, GradientCheck.Compare(output, name, analytic.AsSpan(tensor.Offset, tensor.Length),
                GradientCheck.Numeric(F, parameters, tensor.Offset, tensor.Length)));
        Assert.True(worst < GradientCheck.Tolerance, $"max relative error {worst:E2}");
    }

    [Fact]
    public void A_network_that_ran_larger_and_smaller_batches_before_gives_what_a_fresh_one_gives()
    {
        // Buffers are kept from batch to batch: stale values from other shapes must not leak into a result.
        var shape = new SequenceShape(Items: 9, Kinds: 3, GapBuckets: 5, MaxLength: 6, Dim: 8, Heads: 2, Blocks: 2, FeedForward: 12);
        var layout = new SequenceLayout(shape);
        var parameters = Array.ConvertAll(layout.Initial(seed: 1), v => (double)v * 10);
        var (used, fresh) = (new SequenceNetwork<double>(layout, parameters, threads: 2), new SequenceNetwork<double>(layout, parameters, threads: 2));
        var data = EventSequences.Create(shape.Items, shape.Kinds, [0, 7, 12, 15],
            [1, 4, 4, 8, 0, 2, 5, 3, 3, 7, 6, 1, 8, 2, 0],
            [0, 1, 2, 0, 0, 1, 2, 0, 2, 1, 0, 0, 1, 2, 0],
            [0, 10, 20, 3000, 3100, 90000, 90001, 5, 6, 70, 80, 9000, 1, 2, 3]);
        SequenceBatch Of(params SequenceWindow[] windows) =>
            SequenceBatch.Of(data, windows, shape.GapBuckets, withTargets: true, intentKind: 2, horizonSeconds: 100, negatives: null);
        foreach (var before in new[] { Of(new(0, 0, 6, 7, 90001), new(1, 0, 4, 5, 9000), new(2, 0, 2, 3, 3)), Of(new SequenceWindow(2, 0, 1, 3, 3)) })
        {
            used.Forward(before, 0.25, 9);
            used.Backward(before, SequenceLoss.SoftmaxCrossEntropy, 0.7, 0.4);
        }
        var batch = Of(new(0, 1, 5, 7, 90001), new(1, 0, 3, 5, 9000));
        var losses = new List<double>();
        foreach (var network in new[] { used, fresh })
        {
            network.Forward(batch, 0.25, 5);
            losses.Add(network.Backward(batch, SequenceLoss.SoftmaxCrossEntropy, 0.7, 0.4).Total);
        }
        Assert.Equal(losses[1], losses[0]);
        Assert.Equal(fresh.Gradients, used.Gradients);
        Assert.Equal(fresh.Hidden.ToArray(), used.Hidden.ToArray());
    }

    /// <summary>Three sequences of lengths 6, 4 and 2 (padded to 6), with targets, negatives and intent labels on some positions.</summary>
    static SequenceBatch Batch(SequenceShape shape)
    {
        var data = EventSequences.Create(shape.Items, shape.Kinds, [0, 7, 12, 15],
            [1, 4, 4, 8, 0, 2, 5, 3, 3, 7, 6, 1, 8, 2, 0],
            [0, 1, 2, 0, 0, 1, 2, 0, 2, 1, 0, 0, 1, 2, 0],
            [0, 10, 20, 3000, 3100, 90000, 90001, 5, 6, 70, 80, 9000, 1, 2, 3]);
        return SequenceBatch.Of(data, [new(0, 0, 6, 7, 90001), new(1, 0, 4, 5, 9000), new(2, 0, 2, 3, 3)], shape.GapBuckets, withTargets: true, intentKind: 2,
            horizonSeconds: 100, negatives: new Random(3));
    }

    static List<(string Name, SequenceLayout.Tensor Tensor)> Names(SequenceLayout layout)
    {
        var names = new List<(string, SequenceLayout.Tensor)>
        {
            ("item embedding", layout.ItemEmbedding), ("kind embedding", layout.KindEmbedding), ("gap embedding", layout.GapEmbedding),
            ("position embedding", layout.PositionEmbedding),
        };
        for (var i = 0; i < layout.Blocks.Length; i++)
        {
            var b = layout.Blocks[i];
            names.AddRange([($"block {i} norm1 w", b.Norm1Weight), ($"block {i} norm1 b", b.Norm1Bias), ($"block {i} qkv W", b.QkvWeight),
                ($"block {i} qkv b", b.QkvBias), ($"block {i} proj W", b.ProjectionWeight), ($"block {i} proj b", b.ProjectionBias),
                ($"block {i} norm2 w", b.Norm2Weight), ($"block {i} norm2 b", b.Norm2Bias), ($"block {i} ff1 W", b.Hidden1Weight),
                ($"block {i} ff1 b", b.Hidden1Bias), ($"block {i} ff2 W", b.Hidden2Weight), ($"block {i} ff2 b", b.Hidden2Bias)]);
        }
        names.AddRange([("final norm w", layout.FinalNormWeight), ("final norm b", layout.FinalNormBias), ("kind head W", layout.KindWeight),
            ("kind head b", layout.KindBias), ("intent head W", layout.IntentWeight), ("intent head b", layout.IntentBias)]);
        Assert.Equal(layout.All.Count, names.Count);
        return names;
    }
}
