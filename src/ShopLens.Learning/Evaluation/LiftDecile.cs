namespace ShopLens.Learning.Evaluation;

/// <summary>
/// One tenth of the rows by descending score (<see cref="Decile"/> 1 holds the highest): its size, its positives, their
/// rate, that rate over the overall rate (the lift), and the share of all positives in this and the higher deciles.
/// </summary>
public sealed record LiftDecile(int Decile, int Count, int Positives, double Rate, double Lift, double CumulativeCapture);
