#!/usr/bin/env bash
# Load on `shoplens serve` over loopback (issue 7's targets): builds the CLI and the bench in Release, makes the demo
# shop with a hybrid recommender and two keys, starts the server, runs the SERVE task from a second process and
# prints its JSON line. Both processes share the machine's cores, as a shop's server and its clients would not.
#   bench/run_serve.sh [RATE]   (requests per second for the fixed-rate runs; default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-2000}
work=${SERVE_BENCH_DIR:-/tmp/shoplens-serve-bench}
port=${SERVE_BENCH_PORT:-5087}
mkdir -p "$work"
dotnet publish src/ShopLens.Cli -c Release -o "$work/cli" -v q >/dev/null
dotnet build bench/ShopLens.Bench -c Release -v q >/dev/null
cli="dotnet $work/cli/shoplens.dll"
# The demo shop and its hybrid recommender are made once; each run serves a fresh copy, so runs compare.
pristine="$work/shoplens-demo/shop.duckdb"
if [ ! -f "$pristine" ]; then
  (cd "$work" && $cli demo >/dev/null)
  $cli train recs --db "$pristine" --model hybrid >/dev/null
fi
db="$work/run/shop.duckdb"
rm -rf "$work/run" && mkdir -p "$work/run" && cp "$pristine" "$db"
read_key=$($cli keys create --db "$db" --role analyst --name bench --json | jq -r .key)
ingest_key=$($cli keys create --db "$db" --role ingest --name bench --json | jq -r .key)
$cli serve --db "$db" --urls "http://127.0.0.1:$port" --rate-limit 100000 >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null && break
  sleep 0.1
done
dotnet bench/ShopLens.Bench/bin/Release/net10.0/ShopLens.Bench.dll SERVE "http://127.0.0.1:$port" "$read_key" "$ingest_key" "$work/shoplens-demo/data" "$rate"
