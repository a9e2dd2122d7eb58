#!/usr/bin/python3
"""T2's peers on exactly ShopLens's rows and split (a peer, not product; run with /usr/bin/python3).

Reads the CSV that `ShopLens.Bench T2 EVENTS DUMP.csv` writes (user_id, the 15 features, label, is_test, order) and
fits XGBoost and scikit-learn's logistic regression with the parameters and pipeline of
../shared/peers/t2_propensity.py on ShopLens's train rows, in ShopLens's order, scoring ShopLens's test rows, so that
AUC and log loss differences come from the learners alone. The features are rounded to float32 first: that is what
ShopLens's learners (and ML.NET's) are given. Prints one JSON line.
Usage: t2_same_data.py DUMP.csv [--million]   (--million: also time scoring 1,000,000 rows, the test rows repeated)
"""
import json
import sys
import time

import numpy as np
import pandas as pd
import sklearn
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

FEATURES = ["n_view", "n_cart", "n_purchase", "n_items", "n_categories", "revenue", "first_ts", "last_ts",
            "recency_s", "n_view_7d", "n_cart_7d", "n_purchase_7d", "n_view_30d", "n_cart_30d", "n_purchase_30d"]

src = sys.argv[1]
million = "--million" in sys.argv[2:]
d = pd.read_csv(src).sort_values("order")
X = d[FEATURES].to_numpy(np.float64).astype(np.float32).astype(np.float64)
y = d["label"].to_numpy(np.int32)
te = d["is_test"].to_numpy(bool)
tr = ~te
res = {"task": "T2-same-data", "input": src,
       "versions": {"sklearn": sklearn.__version__, "xgboost": xgb.__version__},
       "users": len(d), "n_train": int(tr.sum()), "n_test": int(te.sum()), "test_pos": int(y[te].sum())}
X_million = np.resize(X[te], (1_000_000, X.shape[1])) if million else None


def report(name, fit, predict):
    t = time.perf_counter(); model = fit()
    fit_s = time.perf_counter() - t
    t = time.perf_counter(); p = predict(model, X[te])
    res[name] = {"fit_s": round(fit_s, 3), "predict_s": round(time.perf_counter() - t, 3),
                 "auc": round(roc_auc_score(y[te], p), 4),
                 "logloss": round(log_loss(y[te], p), 5)}
    if X_million is not None:
        t = time.perf_counter(); predict(model, X_million)
        res[name]["predict_1m_s"] = round(time.perf_counter() - t, 3)


params = {"tree_method": "hist", "max_depth": 6, "eta": 0.1, "nthread": 2,
          "objective": "binary:logistic", "seed": 0}
report("xgboost",
       lambda: xgb.train(params, xgb.DMatrix(X[tr], label=y[tr]), num_boost_round=200),
       lambda m, rows: m.predict(xgb.DMatrix(rows)))
with threadpool_limits(2):
    report("logreg",
           lambda: make_pipeline(StandardScaler(), LogisticRegression(solver="lbfgs", max_iter=1000))
                   .fit(X[tr], y[tr]),
           lambda m, rows: m.predict_proba(rows)[:, 1])
print(json.dumps(res))
