using ShopLens.Learning.Sequence;
using Xunit.Abstractions;

namespace ShopLens.Learning.Tests.Sequence;

/// <summary>
/// Each layer's backward pass against central differences in double: for a layer y = L(x, θ) the checked function is
/// Σ r ⊙ y for a fixed random r, whose gradient is the backward pass of dy = r; loss layers are checked on the loss.
/// </summary>
[Trait("Issue", "8")]
public sealed class LayerGradientTests(ITestOutputHelper output)
{
    const int Threads = 2;

    [Fact]
    public void Linear_layer()
    {
        const int n = 5, inDim = 7, outDim = 4;
        var (x, w, b, r) = (GradientCheck.Random(n * inDim, 1), GradientCheck.Random(inDim * outDim, 2), GradientCheck.Random(outDim, 3), GradientCheck.Random(n * outDim, 4));
        var y = new double[n * outDim];
        double F()
        {
            ShopLens.Learning.Sequence.Linear.Forward<double>(x, w, b, y, n, inDim, outDim, Threads);
            return GradientCheck.Dot(y, r);
        }
        var (dx, dw, db) = (new double[x.Length], new double[w.Length], new double[b.Length]);
        ShopLens.Learning.Sequence.Linear.Backward<double>(r, x, w, dx, dw, db, n, inDim, outDim, Threads);

        Check(("linear dx", dx, GradientCheck.Numeric(F, x)), ("linear dW", dw, GradientCheck.Numeric(F, w)), ("linear db", db, GradientCheck.Numeric(F, b)));
    }

    [Fact]
    public void Layer_norm()
    {
        const int n = 4, d = 6;
        var (x, w, b, r) = (GradientCheck.Random(n * d, 5, 3), GradientCheck.Random(d, 6), GradientCheck.Random(d, 7), GradientCheck.Random(n * d, 8));
        var (y, mean, rstd) = (new double[n * d], new double[n], new double[n]);
        double F()
        {
            LayerNorm.Forward<double>(x, w, b, y, mean, rstd, n, d);
            return GradientCheck.Dot(y, r);
        }
        F();
        var (dx, dw, db) = (new double[x.Length], new double[d], new double[d]);
        LayerNorm.Backward<double>(r, x, w, mean, rstd, dx, dw, db, n, d);

        Check(("layernorm dx", dx, GradientCheck.Numeric(F, x)), ("layernorm dw", dw, GradientCheck.Numeric(F, w)), ("layernorm db", db, GradientCheck.Numeric(F, b)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Causal_self_attention(int heads)
    {
        const int b = 2, t = 5, d = 6;
        var (qkv, r) = (GradientCheck.Random(b * t * 3 * d, 9), GradientCheck.Random(b * t * d, 10));
        var (y, weights) = (new double[b * t * d], new double[b * heads * t * t]);
        double F()
        {
            CausalSelfAttention.Forward<double>(qkv, y, weights, b, t, d, heads, Threads);
            return GradientCheck.Dot(y, r);
        }
        F();
        var dqkv = new double[qkv.Length];
        CausalSelfAttention.Backward<double>(r, qkv, weights, dqkv, b, t, d, heads, Threads);

        Check(($"attention ({heads} heads) dqkv", dqkv, GradientCheck.Numeric(F, qkv)));
    }

    [Fact]
    public void Attention_is_causal_and_its_weights_sum_to_one()
    {
        const int b = 1, t = 4, d = 4;
        var qkv = GradientCheck.Random(b * t * 3 * d, 11);
        var (y, weights) = (new double[b * t * d], new double[t * t]);
        CausalSelfAttention.Forward<double>(qkv, y, weights, b, t, d, 1, 1);
        var changed = (double[])qkv.Clone();
        for (var k = 0; k < 3 * d; k++) changed[3 * 3 * d + k] += 1; // the last position's q, k, v
        var y2 = new double[y.Length];
        CausalSelfAttention.Forward<double>(changed, y2, new double[t * t], b, t, d, 1, 1);

        Assert.Equal(y[..(3 * d)], y2[..(3 * d)]);
        for (var i = 0; i < t; i++) Assert.Equal(1, weights.Skip(i * t).Take(i + 1).Sum(), 12);
    }

    [Fact]
    public void Relu_and_dropout()
    {
        var (x, r) = (GradientCheck.Random(40, 12), GradientCheck.Random(40, 13));
        var (y, mask) = (new double[40], new double[40]);
        double Activation()
        {
            Relu.Forward<double>(x, y);
            return GradientCheck.Dot(y, r);
        }
        double Dropped()
        {
            Dropout.Forward<double>(x, y, mask, 0.3, key: 77);
            return GradientCheck.Dot(y, r);
        }
        var (dRelu, dDropout) = (new double[40], new double[40]);
        Relu.Backward<double>(r, x, dRelu);
        Dropped();
        Dropout.Backward<double>(r, mask, dDropout);

        Check(("relu dx", dRelu, GradientCheck.Numeric(Activation, x)), ("dropout dx", dDropout, GradientCheck.Numeric(Dropped, x)));
        Assert.InRange(mask.Count(m => m == 0), 4, 24);
        Assert.All(mask, m => Assert.True(m == 0 || Math.Abs(m - 1 / 0.7) < 1e-12));
    }

    [Fact]
    public void Embedding_lookup()
    {
        const int rows = 5, d = 3;
        int[] ids = [4, 0, 4, 2];
        var (table, r) = (GradientCheck.Random(rows * d, 14), GradientCheck.Random(ids.Length * d, 15));
        var y = new double[ids.Length * d];
        double F()
        {
            Array.Clear(y);
            EmbeddingLookup.Forward<double>(table, ids, y, d, 1.5);
            return GradientCheck.Dot(y, r);
        }
        var dTable = new double[table.Length];
        EmbeddingLookup.Backward<double>(r, ids, dTable, d, 1.5);

        Check(("embedding dtable", dTable, GradientCheck.Numeric(F, table)));
    }

    [Fact]
    public void Full_softmax_cross_entropy_over_tied_item_embeddings()
    {
        const int n = 7, d = 5, items = 300;
        int[] targets = [3, -1, 299, 0, 150, -1, 3];
        var (hidden, table) = (GradientCheck.Random(n * d, 16), GradientCheck.Random(items * d, 17));
        double F() => TiedSoftmaxCrossEntropy.ForwardBackward<double>(hidden, table, targets, new double[n * d], new double[items * d], d, 0.2, Threads) * 0.2;
        var (dh, de) = (new double[n * d], new double[items * d]);
        TiedSoftmaxCrossEntropy.ForwardBackward<double>(hidden, table, targets, dh, de, d, 0.2, Threads);

        Check(("softmax CE dhidden", dh, GradientCheck.Numeric(F, hidden)), ("softmax CE ditems", de, GradientCheck.Numeric(F, table)));
        Assert.All(dh.Skip(d).Take(d), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Full_softmax_cross_entropy_is_the_log_of_the_item_count_at_equal_scores_and_spans_chunks()
    {
        const int n = TiedSoftmaxCrossEntropy.ChunkRows + 3, d = 2, items = 11;
        var targets = Enumerable.Range(0, n).Select(i => i % items).ToArray();

        var loss = TiedSoftmaxCrossEntropy.ForwardBackward<double>(new double[n * d], GradientCheck.Random(items * d, 18), targets, new double[n * d],
            new double[items * d], d, 1, Threads);

        Assert.Equal(n * Math.Log(items), loss, 9);
    }

    [Fact]
    public void Sampled_binary_cross_entropy()
    {
        const int n = 4, d = 3, items = 9;
        int[] targets = [1, 8, -1, 1], negatives = [2, 0, 5, 7];
        var (hidden, table) = (GradientCheck.Random(n * d, 19), GradientCheck.Random(items * d, 20));
        double F() => SampledBinaryCrossEntropy.ForwardBackward<double>(hidden, table, targets, negatives, new double[n * d], new double[items * d], d, 1);
        var (dh, de) = (new double[n * d], new double[items * d]);
        SampledBinaryCrossEntropy.ForwardBackward<double>(hidden, table, targets, negatives, dh, de, d, 1);

        Check(("sampled BCE dhidden", dh, GradientCheck.Numeric(F, hidden)), ("sampled BCE ditems", de, GradientCheck.Numeric(F, table)));
    }

    [Fact]
    public void Next_kind_and_intent_losses()
    {
        const int n = 5, classes = 4;
        int[] kinds = [0, 3, -1, 2, 2];
        sbyte[] labels = [1, 0, -1, 1, 0];
        var (logits, intent) = (GradientCheck.Random(n * classes, 21, 3), GradientCheck.Random(n, 22, 3));
        double Kind() => ClassCrossEntropy.ForwardBackward<double>(logits, kinds, new double[n * classes], classes, 1);
        double Intent() => BinaryCrossEntropy.ForwardBackward<double>(intent, labels, new double[n], 1);
        var (dKind, dIntent) = (new double[n * classes], new double[n]);
        ClassCrossEntropy.ForwardBackward<double>(logits, kinds, dKind, classes, 1);
        BinaryCrossEntropy.ForwardBackward<double>(intent, labels, dIntent, 1);

        Check(("next-kind CE dlogits", dKind, GradientCheck.Numeric(Kind, logits)), ("intent BCE dlogits", dIntent, GradientCheck.Numeric(Intent, intent)));
    }

    void Check(params (string Name, double[] Analytic, double[] Numeric)[] tensors)
    {
        var worst = tensors.Max(t => GradientCheck.Compare(output, t.Name, t.Analytic, t.Numeric));
        Assert.True(worst < GradientCheck.Tolerance, $"max relative error {worst:E2}");
    }
}
