#!/usr/bin/env bash
# T5 side by side (../shared/BENCHMARKS.md): seconds per epoch of ShopLens's sequence Transformer and of SASRec.pytorch
# (peers/t5_sasrec.py, pmixer/SASRec.pytorch@fde8a9c in ~/shoplens-peers/src, torch from peers/setup.sh) on Video.txt
# with SASRec.pytorch's defaults (hidden 50, 2 blocks, 1 head, max length 200, batch 128, lr 1e-3, dropout 0.2), one
# epoch each; ours with the peer's sampled BCE loss and with our default full softmax, RUNS times each; then the
# matmul rates of both on the model's shapes. One JSON line per run. Usage: bench/run_t5.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
data=../shared/datasets/sasrec_sequences/Video.txt
export OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2
dotnet build bench/ShopLens.Bench -c Release -v quiet -nologo >&2
bench=bench/ShopLens.Bench/bin/Release/net10.0/ShopLens.Bench
mkdir -p ~/shoplens-peers/data/out  # the peer script logs there
/usr/bin/time -v /usr/bin/python3 ../shared/peers/t5_sasrec.py --dataset Video --epochs 1 2> >(grep -E "Maximum resident|Elapsed" >&2)
for r in $(seq "$runs"); do
  for loss in sampled softmax; do
    /usr/bin/time -v "$bench" T5 "$data" epochs=1 maxlen=200 dropout=0.2 loss=$loss threads=2 2> >(grep -E "Maximum resident|Elapsed" >&2)
  done
done
"$bench" T5-GEMM 2
/usr/bin/python3 bench/sgemm_t5_peer.py
