namespace ShopLens.Learning.Sequence;

/// <summary>Where training is: after step <see cref="Step"/> of <see cref="Steps"/> in epoch <see cref="Epoch"/>, the epoch's mean loss so far and its speed.</summary>
public readonly record struct SequenceProgress(int Epoch, int Epochs, int Step, int Steps, double Loss, double TokensPerSecond, TimeSpan Elapsed);
