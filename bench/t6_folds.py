#!/usr/bin/python3
"""T6 same-data helper: reads a label,review CSV exactly as ../shared/peers/t6_sentiment.py does and writes one JSON line per
row with its text, label, scikit-learn's fold (StratifiedKFold(5, shuffle=True, random_state=0)) and whether the peer's
stratified 80/20 split (train_test_split(test_size=0.2, random_state=0)) tests it — so ShopLens's T6 scores the very same
splits. Usage: t6_folds.py INPUT.csv OUT.jsonl"""
import json, sys
import numpy as np
import pandas as pd
from sklearn.model_selection import StratifiedKFold, train_test_split

df = pd.read_csv(sys.argv[1])
x, y = df["review"].fillna("").astype(str), df["label"].values
_, test_idx = train_test_split(np.arange(len(y)), test_size=0.2, random_state=0, stratify=y)
held = np.zeros(len(y), dtype=bool)
held[test_idx] = True
fold = np.zeros(len(y), dtype=int)
for k, (_, te) in enumerate(StratifiedKFold(5, shuffle=True, random_state=0).split(x, y)):
    fold[te] = k
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(len(y)):
        out.write(json.dumps({"text": x.iloc[i], "label": int(y[i]), "fold": int(fold[i]), "test80": bool(held[i])}, ensure_ascii=False) + "\n")
