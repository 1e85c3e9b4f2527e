#!/usr/bin/env python3
"""Times F1 and speed of dateparser's search_dates against rasd-times, on the dev set.

How to run (from the repository root):

    python3 -m venv target/bench-venv-dateparser
    target/bench-venv-dateparser/bin/pip install dateparser
    cargo build --release -p rasd-times --example score_times
    target/bench-venv-dateparser/bin/python bench/dateparser_bench.py \
        --rasd-cmd "target/release/examples/score_times {corpus}"

(with CARGO_TARGET_DIR set, the example binary is under that directory instead).
Options:

    --gold DIR         gold annotations (default ../shared/gold/dev)
    --corpus FILE      JSON Lines with id, published, text (default ../shared/corpus/dev.jsonl)
    --rasd OUT.jsonl   score an existing rasd output (rasd.document/1) instead of running one
    --rasd-cmd CMD     run CMD (it must write rasd.document/1 JSON Lines to stdout; "{corpus}"
                       is replaced by the corpus path), score its output and time it
    --repeat N         pass over the corpus N times when timing (default 20 for rasd, which
                       is fast enough that process start-up would dominate one pass; dateparser
                       always makes a single pass and is timed on it)
    --period           also score dateparser with each match formatted at the granularity its
                       own parser reports (day, week, month, year) instead of always a day
    --json             print one JSON summary line

What is compared: for each document, the set of time values (the referee's rule in
../shared/tools/score.py: values only, null values ignored, micro-averaged P/R/F1 over
documents). dateparser runs as
    search_dates(text, languages=['ar'],
                 settings={'RELATIVE_BASE': published, 'PREFER_DATES_FROM': 'past'})
and each datetime it finds becomes a day value "YYYY-MM-DD", so it cannot match month,
year, week or duration values; --period shows how much of the gap that explains.
Speed is articles per second of wall-clock time on one process (dateparser: the calls
only; rasd: the whole command, start-up and JSON output included).
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path


def load_gold(gold_dir):
    gold = {}
    for f in sorted(Path(gold_dir).glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        gold[g.get("id", f.stem)] = {t["value"] for t in g.get("times", []) if t.get("value")}
    return gold


def load_corpus(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(pred, gold):
    """Micro P/R/F1 over documents of the sets of values, as score.py does."""
    tp = npred = ngold = 0
    for doc_id, gv in gold.items():
        pv = pred.get(doc_id, set())
        tp += len(pv & gv)
        npred += len(pv)
        ngold += len(gv)
    p = tp / npred if npred else (1.0 if not ngold else 0.0)
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "pred": npred, "gold": ngold}


def run_dateparser(docs, period):
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    day_values, period_values = {}, {}
    per_text_parser = DateDataParser(languages=["ar"]) if period else None
    # The first call loads dateparser's language data; keep that out of the timing.
    search_dates("وصل الوفد أمس", languages=["ar"])
    start = time.perf_counter()
    found = {}
    for d in docs:
        base = datetime.fromisoformat(d["published"]) if d.get("published") else datetime.now()
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        found[d["id"]] = (search_dates(d["text"], languages=["ar"], settings=settings) or [], settings)
    secs = time.perf_counter() - start
    for doc_id, (matches, settings) in found.items():
        day_values[doc_id] = {dt.strftime("%Y-%m-%d") for _, dt in matches}
        if period:
            vals = set()
            for text, dt in matches:
                data = per_text_parser.get_date_data(text)
                kind = getattr(data, "period", None) or "day"
                if kind == "year":
                    vals.add(f"{dt.year:04d}")
                elif kind == "month":
                    vals.add(f"{dt.year:04d}-{dt.month:02d}")
                elif kind == "week":
                    y, w, _ = dt.isocalendar()
                    vals.add(f"{y:04d}-W{w:02d}")
                else:
                    vals.add(dt.strftime("%Y-%m-%d"))
            period_values[doc_id] = vals
    return day_values, period_values, secs


def read_rasd(path):
    pred = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                pred[str(d.get("id"))] = {t["value"] for t in d.get("times", []) if t.get("value")}
    return pred


def run_rasd(cmd, corpus_path, docs, repeat):
    """Scores one pass of `cmd`, times `repeat` passes over a repeated corpus."""
    out = subprocess.run(shlex.split(cmd.replace("{corpus}", corpus_path)),
                         capture_output=True, text=True, check=True)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
        tmp.write(out.stdout)
        scored = tmp.name
    pred = read_rasd(scored)
    os.unlink(scored)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as big:
        for _ in range(repeat):
            for d in docs:
                big.write(json.dumps(d, ensure_ascii=False) + "\n")
        big_path = big.name
    start = time.perf_counter()
    subprocess.run(shlex.split(cmd.replace("{corpus}", big_path)),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    secs = time.perf_counter() - start
    os.unlink(big_path)
    return pred, len(docs) * repeat / secs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default="../shared/gold/dev")
    ap.add_argument("--corpus", default="../shared/corpus/dev.jsonl")
    ap.add_argument("--rasd")
    ap.add_argument("--rasd-cmd")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--period", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    gold = load_gold(args.gold)
    docs = [d for d in load_corpus(args.corpus) if d.get("id") in gold]
    if not docs:
        sys.exit("dateparser_bench.py: no corpus document has a gold file")

    summary = {"documents": len(docs)}
    try:
        day_values, period_values, secs = run_dateparser(docs, args.period)
        summary["dateparser"] = {**score(day_values, gold), "articles_per_s": round(len(docs) / secs, 2)}
        if args.period:
            summary["dateparser_period"] = score(period_values, gold)
    except ImportError:
        print("dateparser is not installed in this Python; see the top of this script", file=sys.stderr)

    if args.rasd_cmd:
        pred, speed = run_rasd(args.rasd_cmd, args.corpus, docs, args.repeat)
        summary["rasd"] = {**score(pred, gold), "articles_per_s": round(speed, 1)}
    elif args.rasd:
        summary["rasd"] = {**score(read_rasd(args.rasd), gold), "articles_per_s": None}

    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
        return
    print(f"times on {len(docs)} documents (values per document, micro-averaged)")
    print(f"{'tool':<22}{'P':>7}{'R':>7}{'F1':>7}{'pred':>6}{'gold':>6}{'articles/s':>12}")
    names = {"dateparser": "dateparser (days)", "dateparser_period": "dateparser (periods)", "rasd": "rasd-times"}
    for key, label in names.items():
        m = summary.get(key)
        if m:
            speed = m.get("articles_per_s")
            speed = f"{speed:>12}" if speed is not None else f"{'-':>12}"
            print(f"{label:<22}{m['p']:>7.3f}{m['r']:>7.3f}{m['f1']:>7.3f}{m['pred']:>6}{m['gold']:>6}{speed}")


if __name__ == "__main__":
    main()
