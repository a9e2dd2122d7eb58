namespace ShopLens.Learning.Btyd;

/// <summary>Argument checks shared by the BG/NBD and MBG/NBD options and models.</summary>
internal static class BgNbdValidation
{
    internal static void Validate(int starts, int maxIterations, double gradientTolerance, double l2)
    {
        if (starts < 1) throw new ArgumentException($"Starts must be at least 1 (got {starts})");
        if (maxIterations < 1) throw new ArgumentException($"MaxIterations must be at least 1 (got {maxIterations})");
        if (!(gradientTolerance > 0) || double.IsInfinity(gradientTolerance))
            throw new ArgumentException($"GradientTolerance must be finite and > 0 (got {gradientTolerance})");
        if (!(l2 >= 0) || double.IsInfinity(l2)) throw new ArgumentException($"L2Penalty must be finite and ≥ 0 (got {l2})");
    }

    /// <exception cref="ArgumentOutOfRangeException">a time that is not finite and ≥ 0</exception>
    internal static void Time(double t, string name)
    {
        if (!double.IsFinite(t) || t < 0) throw new ArgumentOutOfRangeException(name, t, "a time span must be finite and ≥ 0");
    }

    /// <exception cref="LearnerInputException">a history that breaks the summary form</exception>
    internal static void Customer(double x, double tx, double t) => CustomerHistories.CheckCustomer("the history's", x, tx, t);
}
