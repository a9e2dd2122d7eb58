#!/usr/bin/env bash
# T4 side by side (../shared/BENCHMARKS.md): ShopLens's BG/NBD, Gamma-Gamma (and Pareto/NBD) and the lifetimes peer
# (peers/t4_clv.py, lifetimes and autograd at the commits of ../shared/peers/README.md in ~/shoplens-peers/src) on the
# CDNOW 39-week summary, alternating, RUNS times each; one JSON line per run. Usage: bench/run_t4.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
src=${PEER_SRC:-$HOME/shoplens-peers/src}
export OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2
dotnet build bench/ShopLens.Bench -c Release -v quiet -nologo >&2
for r in $(seq "$runs"); do
  bench/ShopLens.Bench/bin/Release/net10.0/ShopLens.Bench T4 ../shared/datasets/cdnow/cdnow_customers_summary_with_transactions.csv
  PYTHONPATH="$src/lifetimes:$src/autograd" /usr/bin/python3 ../shared/peers/t4_clv.py
done
