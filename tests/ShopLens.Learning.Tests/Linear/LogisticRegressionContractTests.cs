using ShopLens.Learning.Linear;
using ShopLens.Learning.Supervised;
using ShopLens.Learning.Tests.Contract;

namespace ShopLens.Learning.Tests.Linear;

/// <summary>Logistic regression under the supervised learner contract.</summary>
[Trait("Issue", "4")]
public sealed class LogisticRegressionContractTests : SupervisedLearnerContract<LogisticRegressionTrainer>
{
    protected override LogisticRegressionTrainer CreateTrainer(int seed) => new(new LogisticRegressionOptions { Seed = seed, Threads = 2 });

    protected override ISupervisedModel Fit(LogisticRegressionTrainer trainer, LabeledRows data, CancellationToken cancellationToken) =>
        trainer.Fit(data, cancellationToken);

    protected override ISupervisedModel Load(Stream stream) => LogisticRegressionModel.Load(stream);

    protected override bool IsBinaryClassifier => true;
}
