#!/usr/bin/env bash
# T6 side by side (../shared/BENCHMARKS.md): review sentiment by ShopLens and by the scikit-learn peer
# (peers/t6_sentiment.py, TF-IDF char 1-3 + logistic regression) on the ChnSentiCorp zip and the label,review CSVs, in
# the same run, alternating, RUNS times each; for a CSV both score the same rows and splits (bench/t6_folds.py draws them
# with scikit-learn's splitters). One JSON line per run. Usage: bench/run_t6.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
data=../shared/datasets/chinese_sentiment
out=${TMPDIR:-/tmp}/shoplens-t6
mkdir -p "$out"
export OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2
dotnet build bench/ShopLens.Bench -c Release -v quiet -nologo >&2
bench=bench/ShopLens.Bench/bin/Release/net10.0/ShopLens.Bench
for csv in waimai_10k ChnSentiCorp_htl_all; do /usr/bin/python3 bench/t6_folds.py "$data/$csv.csv" "$out/$csv.jsonl"; done
for r in $(seq "$runs"); do
  "$bench" T6 "$data/chnsenticorp_ymcui.zip"
  /usr/bin/python3 ../shared/peers/t6_sentiment.py "$data/chnsenticorp_ymcui.zip"
  for csv in waimai_10k ChnSentiCorp_htl_all; do
    "$bench" T6 "$out/$csv.jsonl"
    /usr/bin/python3 ../shared/peers/t6_sentiment.py "$data/$csv.csv"
  done
done
