#!/usr/bin/env python3
"""T5's matmul peer: numpy's float32 matmul (the system BLAS, OpenBLAS from ../shared/peers/setup.sh) on the products
ShopLens.Bench T5-GEMM times: the sequence model's shapes at SASRec.pytorch's defaults and a 2048^3 product. Transposed
operands are numpy views, which BLAS reads without copying. Median of 5 runs after 3 warm-ups; one JSON line.
Set OPENBLAS_NUM_THREADS=2 (bench/run_t5.sh does). Usage: /usr/bin/python3 bench/sgemm_t5_peer.py
"""
import json
import statistics
import time

import numpy as np

SHAPES = [
    ("qkv_forward", 25600, 150, 50, False, False),
    ("qkv_grad_input", 25600, 50, 150, False, True),
    ("qkv_grad_weight", 50, 150, 25600, True, False),
    ("ffn_forward", 25600, 50, 50, False, False),
    ("softmax_logits", 256, 23715, 50, False, True),
    ("softmax_grad_hidden", 256, 50, 23715, False, False),
    ("softmax_grad_items", 23715, 50, 256, True, False),
    ("square_2048", 2048, 2048, 2048, False, False),
]

rng = np.random.default_rng(1)
rates = {}
for name, m, n, k, ta, tb in SHAPES:
    a = (rng.random((k, m) if ta else (m, k), dtype=np.float32) - 0.5)
    b = (rng.random((n, k) if tb else (k, n), dtype=np.float32) - 0.5)
    a_op, b_op = (a.T if ta else a), (b.T if tb else b)
    c = np.empty((m, n), dtype=np.float32)
    for _ in range(3):
        np.matmul(a_op, b_op, out=c)
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        np.matmul(a_op, b_op, out=c)
        runs.append(time.perf_counter() - start)
    median = statistics.median(runs)
    rates[name] = {"m": m, "n": n, "k": k, "ms": round(median * 1000, 3), "gflops": round(2.0 * m * n * k / median / 1e9, 1)}
print(json.dumps({"task": "T5-GEMM", "peer": f"numpy {np.__version__}", "shapes": rates}))
