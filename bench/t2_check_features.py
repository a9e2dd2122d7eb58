#!/usr/bin/python3
"""Checks ShopLens's T2 rows against the peer's (a peer, not product; run with /usr/bin/python3).

Builds the peer's feature matrix and labels exactly as ../shared/peers/t2_propensity.py does (its features.py) and
compares them with the CSV that `ShopLens.Bench T2 EVENTS DUMP.csv` writes: the same users, every feature equal
(revenue to 1e-9 relative: both sum float64 prices, maybe in another order), the same labels. Prints one JSON line;
exits 1 on any mismatch. Usage: t2_check_features.py EVENTS.csv DUMP.csv
"""
import json
import os
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "peers"))
from features import EVENTS, read_events, user_features  # noqa: E402

DAY = 86400
events, dump = sys.argv[1], sys.argv[2]

# The peer's construction, line for line (t2_propensity.py).
ev = read_events(events)
cutoff = int(ev["timestamp"].max()) - 14 * DAY
pre, post = ev[ev["timestamp"] < cutoff], ev[ev["timestamp"] >= cutoff]
X = user_features(pre, ref_ts=cutoff)
for days in (7, 30):
    w = pre[pre["timestamp"] >= cutoff - days * DAY]
    c = (w.groupby(["user_id", "event_type"]).size().unstack(fill_value=0)
         .reindex(columns=EVENTS, fill_value=0))
    X = X.join(c.add_prefix("n_").add_suffix(f"_{days}d"), how="left")
X = X.fillna(0).astype(np.float64)
buyers = post.loc[post["event_type"] == "purchase", "user_id"].unique()
y = X.index.isin(buyers).astype(np.int32)

ours = pd.read_csv(dump).set_index("user_id")
res = {"check": "T2 features", "events": events, "dump": dump, "cutoff": cutoff,
       "users_peer": len(X), "users_shoplens": len(ours),
       "only_peer": int((~X.index.isin(ours.index)).sum()), "only_shoplens": int((~ours.index.isin(X.index)).sum()),
       "same_order": bool(list(X.index) == list(ours.index))}
common = X.index.intersection(ours.index)
mismatched = {}
for col in X.columns:
    a, b = X.loc[common, col].to_numpy(), ours.loc[common, col].to_numpy(np.float64)
    bad = ~np.isclose(a, b, rtol=1e-9, atol=0) if col == "revenue" else a != b
    if bad.any():
        mismatched[col] = {"rows": int(bad.sum()), "max_abs_diff": float(np.abs(a - b).max()),
                           "first_user": int(common[bad][0])}
res["columns"] = list(X.columns)
res["mismatched"] = mismatched
res["label_mismatches"] = int((pd.Series(y, index=X.index).loc[common].to_numpy()
                               != ours.loc[common, "label"].to_numpy()).sum())
res["pos_rate_peer"] = round(float(y.mean()), 4)
ok = res["only_peer"] == 0 and res["only_shoplens"] == 0 and not mismatched and res["label_mismatches"] == 0
res["ok"] = bool(ok)
print(json.dumps(res))
sys.exit(0 if ok else 1)
