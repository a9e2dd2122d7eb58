using System.Text;

namespace ShopLens.Learning.Boosting;

/// <summary>The boosting loop: one LightGBM round at a time, watching the validation metric to stop early.</summary>
static unsafe class BoosterRounds
{
    /// <summary>The round kept (1-based count of trees) and the validation metric after every round run.</summary>
    public readonly record struct History(int BestRound, IReadOnlyList<double> ValidationLoss);

    public static BoosterHandle Create(NativeDataset train, NativeDataset? validation, string parameters)
    {
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterCreate(train.Handle, parameters, out var handle));
        var booster = new BoosterHandle(handle);
        if (validation is not null)
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterAddValidData(handle, validation.Handle));
        return booster;
    }

    public static History Run(BoosterHandle booster, GbdtOptions options, bool watch, CancellationToken ct)
    {
        var handle = booster.DangerousGetHandle();
        var losses = new List<double>();
        var higherIsBetter = options.Objective == GbdtObjective.LambdaRank;
        var (best, bestLoss, rounds) = (0, double.NaN, 0);
        while (rounds < options.Rounds)
        {
            ct.ThrowIfCancellationRequested();
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterUpdateOneIter(handle, out var finished));
            if (finished != 0) break; // no split gains anything any more: further rounds would add empty trees
            rounds++;
            if (!watch)
            {
                best = rounds;
                continue;
            }
            var loss = ValidationMetric(handle);
            losses.Add(loss);
            if (best == 0 || (higherIsBetter ? loss > bestLoss : loss < bestLoss)) (best, bestLoss) = (rounds, loss);
            else if (options.EarlyStoppingRounds > 0 && rounds - best >= options.EarlyStoppingRounds) break;
        }
        if (!watch || options.EarlyStoppingRounds == 0) best = rounds;
        return new History(Math.Max(best, 1), losses);
    }

    static double ValidationMetric(IntPtr booster)
    {
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterGetEvalCounts(booster, out var count));
        var values = stackalloc double[Math.Max(count, 1)];
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterGetEval(booster, 1, out _, values));
        return values[0];
    }

    /// <summary>LightGBM's text model of the first <paramref name="rounds"/> trees.</summary>
    public static string ModelText(BoosterHandle booster, int rounds)
    {
        var handle = booster.DangerousGetHandle();
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterSaveModelToString(handle, 0, rounds, LightGbmNative.ImportanceSplit, 0, out var length, null));
        var bytes = new byte[length];
        fixed (byte* p = bytes)
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterSaveModelToString(handle, 0, rounds, LightGbmNative.ImportanceSplit, length, out _, p));
        return Encoding.UTF8.GetString(bytes, 0, (int)length - 1); // the length counts the closing NUL
    }

    /// <summary>A booster from LightGBM's text model.</summary>
    public static BoosterHandle Load(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text + "\0");
        fixed (byte* p = bytes)
        {
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterLoadModelFromString(p, out _, out var handle));
            return new BoosterHandle(handle);
        }
    }
}
