#!/usr/bin/env bash
# RECS-ALS side by side: ShopLens.Bench's ALS (64 factors, 2 threads) with its Gram and 2048³ SGEMM rates, and numpy's
# float32 matmul through the system BLAS (bench/sgemm_peer.py) on the same shapes, alternating, RUNS times each; one
# JSON line per run. Usage: bench/run_recs.sh [RUNS] [EVENTS] [ITERATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
events=${2:-/tmp/events_5M.csv}
iterations=${3:-15}
export OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2
if [ ! -f "$events" ]; then
  /usr/bin/python3 ../shared/peers/gen_events.py --users 200000 --items 50000 --events 5000000 --seed 42 --out "$events" >&2
fi
dotnet build bench/ShopLens.Bench -c Release -v quiet -nologo >&2
for r in $(seq "$runs"); do
  line=$(bench/ShopLens.Bench/bin/Release/net10.0/ShopLens.Bench RECS-ALS "$events" "$iterations")
  echo "$line"
  shape=$(echo "$line" | /usr/bin/python3 -c 'import json, sys; r = json.load(sys.stdin); print(r["users"], r["items"])')
  # shellcheck disable=SC2086
  /usr/bin/python3 bench/sgemm_peer.py $shape
done
