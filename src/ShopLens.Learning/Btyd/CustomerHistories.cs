using System.Globalization;

namespace ShopLens.Learning.Btyd;

/// <summary>
/// Per-customer purchase histories in the BTYD summary form: <c>Frequency</c> x (repeat purchases), <c>Recency</c>
/// t_x (time of the last repeat purchase since the first) and <c>Age</c> T (time since the first purchase), all in one
/// time unit. Customer i is index i of each array.
/// </summary>
public sealed record CustomerHistories(double[] Frequency, double[] Recency, double[] Age)
{
    public int Count => Frequency?.Length ?? 0;

    /// <summary>
    /// Checks equal lengths and, per customer, finite values, integer x ≥ 0, 0 ≤ t_x ≤ T, T &gt; 0 and t_x = 0 when x = 0.
    /// </summary>
    /// <exception cref="LearnerInputException">empty input, unequal lengths or a bad value, named by customer and field</exception>
    public void Check(string what)
    {
        if (Frequency is null || Recency is null || Age is null)
            throw new LearnerInputException($"{what}: frequency, recency and age are all required");
        if (Frequency.Length == 0) throw new LearnerInputException($"{what}: no customers");
        if (Recency.Length != Frequency.Length || Age.Length != Frequency.Length)
            throw new LearnerInputException(
                $"{what}: {Frequency.Length} frequencies, {Recency.Length} recencies and {Age.Length} ages; they must be equal");
        for (var i = 0; i < Frequency.Length; i++)
            CheckCustomer(string.Create(CultureInfo.InvariantCulture, $"{what}: customer {i}'s"), Frequency[i], Recency[i], Age[i]);
    }

    /// <summary>Checks one customer's (x, t_x, T); <paramref name="whose"/> starts the message ("training data: customer 7's").</summary>
    /// <exception cref="LearnerInputException">a value that breaks the summary form, named by customer and field</exception>
    internal static void CheckCustomer(string whose, double x, double tx, double t)
    {
        if (!double.IsFinite(x) || x < 0 || x != Math.Floor(x)) throw Bad(whose, "frequency", x, "a whole number ≥ 0");
        if (!double.IsFinite(t) || t <= 0) throw Bad(whose, "age", t, "finite and > 0");
        if (!double.IsFinite(tx) || tx < 0 || tx > t) throw Bad(whose, "recency", tx, $"finite and in [0, age = {Format(t)}]");
        if (x == 0 && tx != 0) throw Bad(whose, "recency", tx, "0 when frequency is 0");
    }

    private static LearnerInputException Bad(string whose, string field, double value, string rule) =>
        new($"{whose} {field} is {Format(value)}; it must be {rule}");

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
