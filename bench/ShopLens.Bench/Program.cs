using ShopLens.Bench.Tasks;

// Side-by-side benchmark tasks of ../shared/BENCHMARKS.md: each prints one JSON line with the peer's keys.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: ShopLens.Bench TASK INPUT [OUT or SEED]   tasks: T1 (features in memory), T1-store (import + profile through the store), T3 (k-means on the T1 output CSV; SEED default 0), T1-insight (profile, funnel, cohorts and stages over a store, e.g. T1-store's), T2 (propensity; OUT: optional CSV of the rows and split for bench/t2_same_data.py), T2-score (T2 plus scoring 1M customers with each model), T4 (BG/NBD and Gamma-Gamma on the CDNOW summary with transactions), RECS-latency (time to recommend for one customer, per model, on a store), RECS-ALS (ALS with 64 factors on the T1 events, Gram and 2048³ SGEMM rates; ITERATIONS default 15), T5-GEMM THREADS (matmul rates on the sequence model's shapes), T5 (sequence Transformer on a SASRec file, leave-one-out: T5 FILE [epochs=N maxlen=L dropout=P loss=softmax|sampled eval-every=N threads=N …]), T6 (review sentiment: the ChnSentiCorp zip, or the JSON lines bench/t6_folds.py writes from a label,review CSV), SERVE (load on a running `shoplens serve`: SERVE URL READ_KEY INGEST_KEY DATA_DIR [RATE]; bench/run_serve.sh runs it)");
    return 2;
}
var line = args[0].ToUpperInvariant() switch
{
    "T1" => T1Features.Run(args[1], args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "t1_shoplens.csv")),
    "T1-STORE" => T1Store.Run(args[1], args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "t1_store.duckdb")),
    "T1-INSIGHT" => InsightQueries.Run(args[1]),
    "T2" => T2Propensity.Run(args[1], args.Length > 2 ? args[2] : null, scoreMillion: false),
    "T2-SCORE" => T2Propensity.Run(args[1], args.Length > 2 ? args[2] : null, scoreMillion: true),
    "T4" => T4Clv.Run(args[1]),
    "RECS-LATENCY" => RecsLatency.Run(args[1]),
    "RECS-ALS" => RecsAls.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 15),
    "SERVE" => args.Length >= 5 ? ServeLoad.Run(args[1], args[2], args[3], args[4], args.Length > 5 ? int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture) : 2000) : null,
    "T5" => T5Sequence.Run(args[1], args[2..]),
    "T5-GEMM" => T5Gemm.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)),
    "T6" => T6Sentiment.Run(args[1]),
    "T3" => T3KMeans.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0),
    _ => null,
};
if (line is null)
{
    Console.Error.WriteLine($"unknown task {args[0]}");
    return 2;
}
Console.WriteLine(line);
return 0;
