#!/usr/bin/env bash
# T2 side by side (../shared/BENCHMARKS.md): the peer (peers/t2_propensity.py: its own rows and numpy split), ShopLens
# (T2-score: GBDT, ML.NET LightGBM, ML.NET and ShopLens logistic regression, plus scoring 1M customers; it dumps its
# rows) and the peers again on exactly ShopLens's rows and split (bench/t2_same_data.py), on the same file, in the same
# run, alternating, RUNS times each; one JSON line per run on stdout, then the feature check against the peer's
# construction and the medians. Usage: bench/run_t2.sh EVENTS.csv [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:?events CSV (from ../shared/peers/gen_events.py)}
runs=${2:-3}
peers=$(cd ../shared/peers && pwd)
out=${TMPDIR:-/tmp}/shoplens-t2
mkdir -p "$out"
export OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2
dotnet build bench/ShopLens.Bench -c Release -v quiet -nologo >&2
bench=bench/ShopLens.Bench/bin/Release/net10.0/ShopLens.Bench
lines=$out/t2_lines.jsonl
: > "$lines"
for r in $(seq "$runs"); do
  # The machine is shared: the load average says how far to trust this run's seconds.
  echo "{\"run\": $r, \"loadavg\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}" >&2
  /usr/bin/python3 "$peers/t2_propensity.py" "$input" | tee -a "$lines"
  "$bench" T2-score "$input" "$out/t2_rows.csv" | tee -a "$lines"
  /usr/bin/python3 bench/t2_same_data.py "$out/t2_rows.csv" --million | tee -a "$lines"
done
/usr/bin/python3 bench/t2_check_features.py "$input" "$out/t2_rows.csv" || echo "T2 rows differ from the peer's (see above)" >&2
/usr/bin/python3 - "$lines" <<'EOF'
import json, statistics, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
prefix = {"T2": "peer", "T2-score": "shoplens", "T2-same-data": "same-data"}
rows = {}
for r in runs:
    src = prefix[r["task"]] if r["task"] != "T2" or "shoplens_gbdt" not in r else "shoplens"
    for key in ("read_s", "features_s"):
        if key in r: rows.setdefault(f"{src} rows", {}).setdefault(key, []).append(r[key])
    for model, v in r.items():
        if isinstance(v, dict) and "auc" in v:
            for key, x in v.items(): rows.setdefault(f"{src} {model}", {}).setdefault(key, []).append(x)
cols = ["read_s", "features_s", "fit_s", "refit_s", "predict_s", "predict_1m_s", "auc", "logloss"]
print(f"medians of {len(runs) // 3} runs")
print(f"{'':28}" + "".join(f"{c:>13}" for c in cols))
for name, figures in rows.items():
    print(f"{name:28}" + "".join(f"{statistics.median(figures[c]):>13g}" if c in figures else f"{'':>13}" for c in cols))
EOF
