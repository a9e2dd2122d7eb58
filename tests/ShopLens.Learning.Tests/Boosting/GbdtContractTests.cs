using ShopLens.Learning.Boosting;
using ShopLens.Learning.Supervised;
using ShopLens.Learning.Tests.Contract;

namespace ShopLens.Learning.Tests.Boosting;

/// <summary>The LightGBM wrapper under the supervised learner contract, with bagging and column sampling on so the seed matters.</summary>
[Trait("Issue", "4")]
public sealed class GbdtContractTests : SupervisedLearnerContract<GbdtTrainer>
{
    protected override GbdtTrainer CreateTrainer(int seed) => new(new GbdtOptions
    {
        Rounds = 30, Leaves = 15, RowFraction = 0.8, BaggingFrequency = 1, ColumnFraction = 0.8, Threads = 1, Seed = seed,
    });

    protected override ISupervisedModel Fit(GbdtTrainer trainer, LabeledRows data, CancellationToken cancellationToken) =>
        trainer.Fit(data, ct: cancellationToken);

    protected override ISupervisedModel Load(Stream stream) => GbdtModel.Load(stream);

    protected override bool IsBinaryClassifier => true;

    protected override bool AcceptsMissing => true;
}
