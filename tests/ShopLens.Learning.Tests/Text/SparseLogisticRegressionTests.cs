using ShopLens.Learning.Text;

namespace ShopLens.Learning.Tests.Text;

/// <summary>Dual coordinate descent logistic regression: against scikit-learn's liblinear and the primal's optimality condition.</summary>
[Trait("Issue", "9")]
public sealed class SparseLogisticRegressionTests
{
    static readonly float[][] Dense =
    [
        [0.6f, 0, 0.8f], [0, 1, 0], [0.5f, 0.5f, 0.7071f], [0, 0, 0], [0.2f, 0.9f, 0], [0.9f, 0.1f, 0.3f],
    ];

    static readonly bool[] Labels = [true, false, true, false, false, true];

    static SparseRows Rows(float[][] dense)
    {
        List<int> start = [0], columns = [];
        List<float> values = [];
        foreach (var row in dense)
        {
            for (var j = 0; j < row.Length; j++)
                if (row[j] != 0) (columns, values) = (columns.Append(j).ToList(), values.Append(row[j]).ToList());
            start.Add(columns.Count);
        }
        return new SparseRows(dense[0].Length, [.. start], [.. columns], [.. values]);
    }

    [Fact]
    public void It_finds_the_weights_scikit_learns_liblinear_finds()
    {
        // LogisticRegression(solver="liblinear", dual=True, C=2.5, tol=1e-10, intercept_scaling=1) on the same rows,
        // scikit-learn 1.2.1: coef_ [1.18659121, -0.79721615, 1.21057945], intercept_ -0.35528795.
        var model = SparseLogisticRegression.Fit(Rows(Dense), Labels, c: 2.5, tolerance: 1e-10);
        Assert.Equal(1.18659121, model.Weights[0], 5);
        Assert.Equal(-0.79721615, model.Weights[1], 5);
        Assert.Equal(1.21057945, model.Weights[2], 5);
        Assert.Equal(-0.35528795, model.Bias, 5);
    }

    [Fact]
    public void At_the_solution_the_primal_gradient_vanishes()
    {
        const double c = 0.7;
        var model = SparseLogisticRegression.Fit(Rows(Dense), Labels, c, tolerance: 1e-10);
        // ∇ = w + C Σ −yᵢ σ(−yᵢ zᵢ) xᵢ, the bias a column of 1.
        var w = new[] { model.Weights[0], model.Weights[1], model.Weights[2], model.Bias };
        var gradient = (double[])w.Clone();
        for (var i = 0; i < Dense.Length; i++)
        {
            var y = Labels[i] ? 1.0 : -1.0;
            var z = w[3] + Enumerable.Range(0, 3).Sum(j => w[j] * Dense[i][j]);
            var slope = -y * c / (1 + Math.Exp(y * z));
            for (var j = 0; j < 3; j++) gradient[j] += slope * Dense[i][j];
            gradient[3] += slope;
        }
        Assert.All(gradient, g => Assert.InRange(g, -1e-6, 1e-6));
    }

    [Fact]
    public void Scores_are_the_log_odds_of_the_probabilities()
    {
        var rows = Rows(Dense);
        var model = SparseLogisticRegression.Fit(rows, Labels, c: 1);
        var p = model.Probabilities(rows);
        for (var r = 0; r < rows.Rows; r++) Assert.Equal(Math.Log(p[r] / (1 - p[r])), model.Score(rows, r), 9);
        Assert.True(model.Passes > 0);
    }

    [Fact]
    public void One_class_or_mismatched_labels_are_refused()
    {
        Assert.Throws<LearnerInputException>(() => SparseLogisticRegression.Fit(Rows(Dense), [true, true, true, true, true, true]));
        Assert.Throws<LearnerInputException>(() => SparseLogisticRegression.Fit(Rows(Dense), [true, false]));
    }
}
