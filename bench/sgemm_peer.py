#!/usr/bin/env python3
"""RECS-ALS's SGEMM peer: numpy's float32 matmul, i.e. the system BLAS, on the shapes ShopLens.Bench RECS-ALS times.

A 2048^3 product and the ALS Gram matrices (rows x 64)^T (rows x 64) for the user and item counts given, medians of
5 runs after a warm-up; one JSON line with the BLAS library numpy loaded. Set OPENBLAS_NUM_THREADS=2 (run_recs.sh does).
Usage: /usr/bin/python3 bench/sgemm_peer.py [USERS ITEMS]
"""
import ctypes
import json
import os
import statistics
import sys
import time

import numpy as np

FACTORS, N, REPEATS = 64, 2048, 5


def median_seconds(f):
    f()
    runs = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        f()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def blas_library():
    """The BLAS shared object mapped into this process, resolved through the alternatives symlinks, and its config."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    path = next((os.path.realpath(p) for p in sorted(paths) if "libblas" in p or "openblas" in p), None)
    config = None
    if path:
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_config.restype = ctypes.c_char_p
            config = lib.openblas_get_config().decode()
        except (OSError, AttributeError):
            pass
    return path, config


def main():
    users, items = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (158460, 50000)
    rng = np.random.default_rng(1)
    a = rng.random((N, N), dtype=np.float32)
    b = rng.random((N, N), dtype=np.float32)
    sgemm = median_seconds(lambda: a @ b)
    x = rng.random((users, FACTORS), dtype=np.float32)
    y = rng.random((items, FACTORS), dtype=np.float32)
    gram = median_seconds(lambda: (x.T @ x, y.T @ y))
    path, config = blas_library()
    print(json.dumps({
        "task": "RECS-ALS",
        "peer": "numpy float32 matmul",
        "numpy": np.__version__,
        "blas": path,
        "blas_config": config,
        "openblas_num_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
        "users": users,
        "items": items,
        "gram_s_per_iteration": round(gram, 5),
        "gram_gflops": round(2.0 * (users + items) * FACTORS * FACTORS / gram / 1e9, 1),
        "sgemm_2048_s": round(sgemm, 4),
        "sgemm_2048_gflops": round(2.0 * N ** 3 / sgemm / 1e9, 1),
    }))


if __name__ == "__main__":
    main()
