using ShopLens.Learning.Linear;
using ShopLens.Learning.Supervised;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// T2's "shoplens_logreg": ShopLens's logistic regression with the peer's settings (standardised features, L2 = 1 as
/// scikit-learn's C = 1).
/// </summary>
static class T2ShopLensLogReg
{
    public static LogisticRegressionModel Fit(float[] rows, float[] labels) =>
        new LogisticRegressionTrainer(new LogisticRegressionOptions { L2 = 1, Standardize = true, Threads = 2 })
            .Fit(new LabeledRows(rows, T2Data.Columns, labels), CancellationToken.None);

    public static double[] Predict(LogisticRegressionModel model, float[] rows) => model.Predict(rows);
}
