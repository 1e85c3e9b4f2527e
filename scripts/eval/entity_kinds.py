#!/usr/bin/env python3
"""Entity recall and precision per kind, on the referee's own matching rule.

usage: entity_kinds.py GOLD_DIR PREDICTIONS.jsonl [--misses KIND]

Recall of a kind counts the gold entities of that kind that some prediction matches;
precision of a kind counts the predictions of that kind that match some gold entity.
The matching itself is imported from the referee (score.py), never re-implemented, so
the totals equal its `entities` row.
"""
import argparse
import importlib.util
import json
from collections import Counter
from pathlib import Path

SCORE = Path("/work/shared/tools/score.py")
KINDS = ("country", "place", "person", "org", "group")


def referee():
    spec = importlib.util.spec_from_file_location("score", SCORE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--misses", help="list the misses and spurious items of this kind")
    args = ap.parse_args()
    score = referee()
    preds = {}
    for line in open(args.pred, encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            preds[d["id"]] = d
    gold_n, gold_hit, pred_n, pred_hit = Counter(), Counter(), Counter(), Counter()
    for path in sorted(Path(args.gold).glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        p = preds.get(g["id"], {})
        pe, ge = p.get("entities", []), g.get("entities", [])
        for x in ge:
            hit = any(score.entity_matches(y, x) for y in pe)
            gold_n[x["kind"]] += 1
            gold_hit[x["kind"]] += hit
            if not hit and args.misses == x["kind"]:
                print(f"{g['id']}: missed {x.get('names')} {x.get('ar')}")
        for y in pe:
            hit = any(score.entity_matches(y, x) for x in ge)
            pred_n[y["kind"]] += 1
            pred_hit[y["kind"]] += hit
            if not hit and args.misses == y["kind"]:
                print(f"{g['id']}: spurious {y.get('id')} {y.get('name_ar')}")
    print(f"{'kind':8} {'P':>6} {'R':>6} {'pred':>5} {'gold':>5}")
    for k in KINDS + ("all",):
        if k == "all":
            pn, ph, gn, gh = (sum(c.values()) for c in (pred_n, pred_hit, gold_n, gold_hit))
        else:
            pn, ph, gn, gh = pred_n[k], pred_hit[k], gold_n[k], gold_hit[k]
        p = ph / pn if pn else 1.0
        r = gh / gn if gn else 1.0
        print(f"{k:8} {p:6.3f} {r:6.3f} {pn:5d} {gn:5d}")


if __name__ == "__main__":
    main()
