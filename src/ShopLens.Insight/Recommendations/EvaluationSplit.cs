using ShopLens.Learning.Recommenders;

namespace ShopLens.Insight.Recommendations;

/// <summary>
/// A training and a test matrix over the same customers and products, by one of the <see cref="SplitProtocol"/>s.
/// Test items a customer already has in training are dropped: they are never recommended, so they could not be hit.
/// </summary>
public static class EvaluationSplit
{
    /// <summary>The two matrices, and which of the log's acts went to training (for what needs their times).</summary>
    public static (Interactions Train, Interactions Test, bool[] TrainRows) Make(InteractionLog log, SplitProtocol protocol, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!(testFraction > 0 && testFraction < 1)) throw new ArgumentException($"--test-fraction must be in (0, 1) (got {testFraction})");
        if (protocol == SplitProtocol.PerUserRandom)
        {
            var (randomTrain, randomTest) = InteractionSplit.PerUserRandom(log.Matrix(_ => true), testFraction, seed);
            return (randomTrain, randomTest, [.. Enumerable.Range(0, log.Rows).Select(r => randomTrain.ItemsOf(log.User[r]).BinarySearch(log.Item[r]) >= 0)]);
        }
        bool[] inTest;
        if (protocol == SplitProtocol.LeaveLastOut)
        {
            // The product of each customer's last act, held out with every act on it, when they have another product.
            var last = new Dictionary<int, int>();
            for (var r = 0; r < log.Rows; r++) last[log.User[r]] = log.Item[r];
            var products = new Dictionary<int, HashSet<int>>();
            for (var r = 0; r < log.Rows; r++)
            {
                if (!products.TryGetValue(log.User[r], out var set)) products[log.User[r]] = set = [];
                set.Add(log.Item[r]);
            }
            inTest = [.. Enumerable.Range(0, log.Rows).Select(r => products[log.User[r]].Count > 1 && last[log.User[r]] == log.Item[r])];
        }
        else
        {
            // The log is in time order: the cut is the moment at the (1 − fraction) quantile of all acts.
            var cut = log.Time[Math.Clamp((int)(log.Rows * (1 - testFraction)), 0, log.Rows - 1)];
            inTest = [.. log.Time.Select(t => t >= cut)];
        }
        var train = log.Matrix(r => !inTest[r]);
        var test = log.Matrix(r => inTest[r] && train.RowStart[log.User[r] + 1] > train.RowStart[log.User[r]] && train.ItemsOf(log.User[r]).BinarySearch(log.Item[r]) < 0);
        return (train, test, [.. inTest.Select(t => !t)]);
    }
}
