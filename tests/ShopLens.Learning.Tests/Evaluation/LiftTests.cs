using ShopLens.Learning.Evaluation;

namespace ShopLens.Learning.Tests.Evaluation;

/// <summary>Lift at the top and by decile: analytic cases, the tie order, and bad input.</summary>
public sealed class LiftTests
{
    // 20 rows, scores 20 down to 1; the 4 positives rank 1, 2, 5 and 12. Base rate 0.2.
    static readonly float[] Labels = [1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    static readonly double[] Scores = Enumerable.Range(0, 20).Select(i => 20.0 - i).ToArray();

    [Fact]
    public void The_top_rows_rate_over_the_base_rate()
    {
        Assert.Equal(5.0, Lift.AtTop(Labels, Scores, 0.1));          // 2 of 2 / 0.2
        Assert.Equal(3.0, Lift.AtTop(Labels, Scores, 0.25), 14);     // ⌈0.25·20⌉ = 5 rows, 3 positives: 0.6 / 0.2
        Assert.Equal(1.0, Lift.AtTop(Labels, Scores, 1.0));
    }

    [Fact]
    public void The_top_count_is_rounded_up_and_0_1_of_30_rows_is_3()
    {
        var labels = new float[30];
        labels[3] = 1;
        var scores = Enumerable.Range(0, 30).Select(i => 30.0 - i).ToArray();

        // 0.1·30 is 3.0000000000000004 in float64; the top 3 rows hold no positive, the top 4 would.
        Assert.Equal(0.0, Lift.AtTop(labels, scores, 0.1));
        Assert.Equal(30.0 / 4, Lift.AtTop(labels, scores, 0.11), 14);   // ⌈3.3⌉ = 4 rows, 1 positive: 0.25 / (1/30)
        Assert.Equal(0.0, Lift.AtTop(labels, scores, 0.001));           // ⌈0.03⌉ = 1 row, not a positive
    }

    [Fact]
    public void Tied_scores_keep_their_input_order()
    {
        float[] labels = [0, 1, 0, 0, 1, 0, 0, 0, 0, 0];
        var scores = new double[10];

        Assert.Equal(0.0, Lift.AtTop(labels, scores, 0.1));   // row 0 ranks first
        Assert.Equal(2.5, Lift.AtTop(labels, scores, 0.2));   // rows 0 and 1: 0.5 / 0.2
        Assert.Equal(0.0, Lift.AtTop([0, 1], [0.5, 0.5], 0.5));
        Assert.Equal(2.0, Lift.AtTop([1, 0], [0.5, 0.5], 0.5));
    }

    [Fact]
    public void Deciles_count_rate_lift_and_capture()
    {
        var deciles = Lift.Deciles(Labels, Scores);

        Assert.Equal(Enumerable.Range(1, 10), deciles.Select(d => d.Decile));
        Assert.All(deciles, d => Assert.Equal(2, d.Count));
        Assert.Equal([2, 0, 1, 0, 0, 1, 0, 0, 0, 0], deciles.Select(d => d.Positives));
        Assert.Equal([1.0, 0, 0.5, 0, 0, 0.5, 0, 0, 0, 0], deciles.Select(d => d.Rate));
        Assert.Equal([5.0, 0, 2.5, 0, 0, 2.5, 0, 0, 0, 0], deciles.Select(d => d.Lift));
        Assert.Equal([0.5, 0.5, 0.75, 0.75, 0.75, 1, 1, 1, 1, 1], deciles.Select(d => d.CumulativeCapture));
    }

    [Fact]
    public void Decile_d_ends_at_row_ceil_d_n_over_10()
    {
        var labels = Enumerable.Range(0, 15).Select(i => i % 3 == 0 ? 1f : 0f).ToArray();
        var scores = Enumerable.Range(0, 15).Select(i => (double)-i).ToArray();
        var deciles = Lift.Deciles(labels, scores);

        Assert.Equal([2, 1, 2, 1, 2, 1, 2, 1, 2, 1], deciles.Select(d => d.Count));
        Assert.Equal(1.0, deciles[^1].CumulativeCapture);
        // The deciles down to d are the top ⌈d·n/10⌉ rows: their lift is AtTop(d/10).
        for (var d = 1; d <= 10; d++)
        {
            var top = deciles.Take(d);
            var cumulativeLift = (double)top.Sum(x => x.Positives) / top.Sum(x => x.Count) / (5.0 / 15);
            Assert.Equal(cumulativeLift, Lift.AtTop(labels, scores, d / 10.0), 14);
        }
    }

    [Fact]
    public void Bad_input_is_a_typed_error()
    {
        Assert.Throws<LearnerInputException>(() => Lift.AtTop([0, 0], [0.1, 0.2], 0.5));
        Assert.Throws<LearnerInputException>(() => Lift.Deciles([1, 0, 0], [0.1, 0.2, 0.3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lift.AtTop([1, 0], [0.1, 0.2], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lift.AtTop([1, 0], [0.1, 0.2], 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Lift.AtTop([1, 0], [0.1, 0.2], double.NaN));
    }
}
