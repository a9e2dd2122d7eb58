using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ShopLens.Learning.Numerics;
using ShopLens.Learning.Recommenders;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// RECS-ALS: the T1 events CSV → user × item interactions (view 1, cart 3, purchase 5, repeats adding up) → implicit ALS
/// with 64 factors on 2 threads, timed per iteration, with the rate of its dense part (the two Gram matrices YᵀY and
/// XᵀX of each iteration, 2 · rows · f² flops each, timed again on the fitted factors) and of the same SGEMM on a
/// 2048³ product, for bench/sgemm_peer.py's OpenBLAS numbers on the same shapes.
/// </summary>
static class RecsAls
{
    const int Factors = 64, Threads = 2, Repeats = 5;

    public static string Run(string input, int iterations)
    {
        var clock = Stopwatch.StartNew();
        var x = Read(input);
        var read = clock.Elapsed.TotalSeconds;
        var model = new AlsTrainer(new AlsOptions { Factors = Factors, Iterations = iterations, Threads = Threads }).Fit(x);
        var fit = clock.Elapsed.TotalSeconds - read;
        var gram = Median(() => Gram(model.UserFactors) + Gram(model.ItemFactors));
        var gramFlops = 2.0 * (x.Users + x.Items) * Factors * Factors;
        const int n = 2048;
        var rng = new Random(1);
        float[] a = [.. Enumerable.Range(0, n * n).Select(_ => rng.NextSingle())], b = [.. Enumerable.Range(0, n * n).Select(_ => rng.NextSingle())];
        var c = new float[n * n];
        Gemm.Multiply(a, false, b, c, n, n, n, threads: Threads);
        var sgemm = Median(() => Time(() => Gemm.Multiply(a, false, b, c, n, n, n, threads: Threads)));
        return JsonSerializer.Serialize(new
        {
            task = "RECS-ALS",
            peer = "shoplens (AlsTrainer, Gram by Gemm SGEMM)",
            input,
            users = x.Users,
            items = x.Items,
            nnz = x.Count,
            factors = Factors,
            iterations,
            threads = Threads,
            avx2_fma = System.Runtime.Intrinsics.X86.Fma.IsSupported,
            read_s = Math.Round(read, 3),
            fit_s = Math.Round(fit, 3),
            iteration_s = Math.Round(fit / iterations, 4),
            gram_s_per_iteration = Math.Round(gram, 5),
            gram_gflops = Math.Round(gramFlops / gram / 1e9, 1),
            sgemm_2048_s = Math.Round(sgemm, 4),
            sgemm_2048_gflops = Math.Round(2.0 * n * n * n / sgemm / 1e9, 1),
        });
    }

    /// <summary>Seconds for YᵀY of one side's factors, as an ALS half-step takes it (f × f from rows × f).</summary>
    static double Gram(ReadOnlySpan<float> factors)
    {
        var y = factors.ToArray();
        var g = new float[Factors * Factors];
        return Time(() => Gemm.Multiply(y, true, y, g, Factors, Factors, y.Length / Factors, threads: Threads));
    }

    static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    static double Median(Func<double> seconds)
    {
        var runs = Enumerable.Range(0, Repeats).Select(_ => seconds()).Order().ToArray();
        return runs[Repeats / 2];
    }

    /// <summary>user_id,item_id,category_id,event_type,timestamp,price → interactions over dense user and item indices.</summary>
    static Interactions Read(string input)
    {
        var (users, items) = (new Dictionary<long, int>(), new Dictionary<long, int>());
        var (u, i, w) = (new List<int>(), new List<int>(), new List<float>());
        var line = 1;
        Span<Range> parts = stackalloc Range[7];
        foreach (var row in File.ReadLines(input).Skip(1))
        {
            line++;
            var fields = row.AsSpan();
            if (fields.Split(parts, ',') != 6) throw new InvalidDataException($"{input}: line {line} does not have 6 fields");
            float weight = fields[parts[3]] switch { "view" => 1, "cart" => 3, "purchase" => 5, _ => 0 };
            if (weight == 0) continue;
            u.Add(Index(users, long.Parse(fields[parts[0]], CultureInfo.InvariantCulture)));
            i.Add(Index(items, long.Parse(fields[parts[1]], CultureInfo.InvariantCulture)));
            w.Add(weight);
        }
        return Interactions.FromTriples(users.Count, items.Count, [.. u], [.. i], [.. w]);
    }

    static int Index(Dictionary<long, int> ids, long id)
    {
        if (!ids.TryGetValue(id, out var index)) ids.Add(id, index = ids.Count);
        return index;
    }
}
