using System.Diagnostics;
using System.Text.Json;
using ShopLens.Learning.Numerics;

namespace ShopLens.Bench.Tasks;

/// <summary>
/// T5's matmul rates: our GEMM on the sequence model's shapes at SASRec.pytorch's defaults (a full batch of 128 × 200
/// positions, width 50, 23,715 items as in Video.txt), and a 2048³ product, on 2 threads; the median of 5 timed runs
/// after 3 warm-ups, in GFLOP/s. bench/sgemm_t5_peer.py times the same products with numpy's BLAS.
/// </summary>
static class T5Gemm
{
    /// <summary>Name, m, n, k and which operands are read transposed, as the layers call them.</summary>
    public static readonly (string Name, int M, int N, int K, bool TransposeA, bool TransposeB)[] Shapes =
    [
        ("qkv_forward", 25600, 150, 50, false, false),
        ("qkv_grad_input", 25600, 50, 150, false, true),
        ("qkv_grad_weight", 50, 150, 25600, true, false),
        ("ffn_forward", 25600, 50, 50, false, false),
        ("softmax_logits", 256, 23715, 50, false, true),
        ("softmax_grad_hidden", 256, 50, 23715, false, false),
        ("softmax_grad_items", 23715, 50, 256, true, false),
        ("square_2048", 2048, 2048, 2048, false, false),
    ];

    public static string Run(int threads)
    {
        var rates = new Dictionary<string, object>();
        foreach (var (name, m, n, k, ta, tb) in Shapes)
        {
            var rng = new Random(1);
            var a = Enumerable.Range(0, m * k).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
            var b = Enumerable.Range(0, k * n).Select(_ => (float)rng.NextDouble() - 0.5f).ToArray();
            var c = new float[m * n];
            // C = A·B as numpy's matmul computes it (C's old values not read).
            void Once() => Gemm.Multiply(a, ta, b, tb, c, m, n, k, threads: threads, accumulate: false);
            for (var i = 0; i < 3; i++) Once();
            var seconds = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var clock = Stopwatch.StartNew();
                Once();
                seconds.Add(clock.Elapsed.TotalSeconds);
            }
            var median = seconds.Order().ElementAt(2);
            rates[name] = new { m, n, k, transpose_a = ta, transpose_b = tb, ms = Math.Round(median * 1000, 3), gflops = Math.Round(2.0 * m * n * k / median / 1e9, 1) };
        }
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task"] = "T5-GEMM", ["peer"] = "shoplens", ["threads"] = threads, ["vector_width_bits"] = System.Numerics.Vector<byte>.Count * 8, ["shapes"] = rates,
        });
    }
}
