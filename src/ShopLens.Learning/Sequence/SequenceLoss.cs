namespace ShopLens.Learning.Sequence;

/// <summary>How the next item is scored in training.</summary>
public enum SequenceLoss
{
    /// <summary>Cross-entropy under a softmax over the whole catalogue (the default; Klenitskiy &amp; Vasilev 2023).</summary>
    SoftmaxCrossEntropy,

    /// <summary>SASRec's logistic loss of the next item against one sampled item the user never touched.</summary>
    SampledBinaryCrossEntropy,
}
