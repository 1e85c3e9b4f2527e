#!/usr/bin/env python3
"""Side accuracy of casualty figures per kind of evidence that set the side.

Matches predicted figures to gold ones as the referee does (count and kind, first of
each), then tallies, for each `side_evidence.basis` the prediction gives (or `none`), how many
matched figures have the gold side. Usage:
    scripts/eval/side_evidence.py GOLD_DIR PRED.jsonl
"""
import collections
import json
import sys
from pathlib import Path


def first_by_key(items):
    out = {}
    for x in items:
        out.setdefault((int(x.get("count", -1)), x.get("kind")), x)
    return out


def main():
    gold_dir, pred_path = sys.argv[1], sys.argv[2]
    gold = {}
    for f in sorted(Path(gold_dir).glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        gold[g.get("id", f.stem)] = g
    tally = collections.defaultdict(lambda: [0, 0])
    with open(pred_path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            p = json.loads(line)
            g = gold.get(str(p.get("id")))
            if g is None:
                continue
            preds, golds = first_by_key(p.get("casualties", [])), first_by_key(g.get("casualties", []))
            for k in set(preds) & set(golds):
                basis = (preds[k].get("side_evidence") or {}).get("basis") or "none"
                tally[basis][1] += 1
                tally[basis][0] += preds[k].get("side") == golds[k].get("side")
    right = sum(r for r, _ in tally.values())
    total = sum(n for _, n in tally.values())
    print(f"{'evidence':<12} right / matched")
    for basis, (r, n) in sorted(tally.items(), key=lambda kv: -kv[1][1]):
        print(f"{basis:<12} {r:>5} / {n}")
    print(f"{'all':<12} {right:>5} / {total}  ({right / max(total, 1):.3f})")


if __name__ == "__main__":
    main()
