#!/usr/bin/env bash
# T1 side by side (../shared/BENCHMARKS.md): ShopLens (in-memory path and the store path) and the pandas and
# DuckDB peers on the same file, in the same run, alternating, RUNS times each; one JSON line per run on stdout,
# then the insight queries over the store and the t1_compare.py checks. Usage: bench/run_t1.sh EVENTS.csv [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:?events CSV (from ../shared/peers/gen_events.py)}
runs=${2:-3}
peers=$(cd ../shared/peers && pwd)
out=${TMPDIR:-/tmp}/shoplens-t1
mkdir -p "$out"
export OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2
dotnet build bench/ShopLens.Bench -c Release -v quiet -nologo >&2
bench=bench/ShopLens.Bench/bin/Release/net10.0/ShopLens.Bench
rss() { /usr/bin/time -f '%M' -o "$out/rss" "$@"; echo "{\"peak_rss_kb\": $(cat "$out/rss")}" >&2; }
for r in $(seq "$runs"); do
  rss "$bench" T1 "$input" "$out/t1_shoplens.csv"
  rss node "$peers/t1_duckdb.js" "$input" "$out/t1_duckdb.csv"
  rss /usr/bin/python3 "$peers/t1_pandas.py" "$input" "$out/t1_pandas.csv"
  rss "$bench" T1-store "$input" "$out/t1_store.duckdb"
done
# The insight queries over the store the last T1-store run built (profile, funnel, cohorts, stages; medians of 3).
"$bench" T1-insight "$out/t1_store.duckdb"
/usr/bin/python3 "$peers/t1_compare.py" "$out/t1_pandas.csv" "$out/t1_shoplens.csv"
/usr/bin/python3 "$peers/t1_compare.py" "$out/t1_pandas.csv" "$out/t1_duckdb.csv"
