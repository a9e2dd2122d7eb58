namespace ShopLens.Learning.Sequence;

/// <summary>
/// One thing to predict: the item of event <see cref="Inputs"/> of sequence <see cref="Sequence"/>, from the events
/// before it (its last <see cref="SequenceOptions.MaxLength"/> of them are read).
/// </summary>
public readonly record struct SequenceCase(int Sequence, int Inputs);
