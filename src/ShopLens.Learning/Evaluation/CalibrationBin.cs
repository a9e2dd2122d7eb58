namespace ShopLens.Learning.Evaluation;

/// <summary>
/// One bin of a reliability diagram: the rows whose predicted probability lies in (<see cref="Lower"/>,
/// <see cref="Upper"/>] (the first bin also takes <see cref="Lower"/> itself), how many there are, their mean
/// prediction and the share of them labelled 1.
/// </summary>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double MeanPredicted, double ObservedRate);
