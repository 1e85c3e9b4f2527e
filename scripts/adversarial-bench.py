#!/usr/bin/env python3
"""Adversarial benchmark: rasd on hostile inputs of 1, 4 and 16 MB.

Each kind of input that once made rasd slow or wrong (issue 20) is generated at each
size, `rasd analyze` is run on it alone, and its wall time and peak memory are measured.
The run passes when, for every kind, time grows at most 5x for each 4x of input and the
peak memory stays under 500 MB.

    python3 scripts/adversarial-bench.py [--rasd target/release/rasd] [--sizes 1,4,16]
        [--timeout 300] [--markdown] [--keep DIR]

Kinds:
- unpunctuated.txt: one article of Arabic prose with no sentence punctuation and no
  line break (the times and event stages were quadratic in it). Over 2 MiB of text an
  article is refused (rasd_ingest::MAX_TEXT_BYTES), so at 4 and 16 MB this is the
  refusal, which must be quick.
- unpunctuated.jsonl: the same prose as articles of 1 MiB each, one per line, so the
  whole input is analyzed at every size.
- figures.jsonl: as above with a distinct casualty figure every few words (the
  casualty stage compared every figure with every other).
- nested.html: a page of N nested <div> around one paragraph (the main-text extractor
  was quadratic in the depth).
- broken-utf8.txt: UTF-8 Arabic with a stray byte every 64 kB (once decoded whole as a
  legacy encoding); over 2 MiB it is decoded, then refused.
- nospace.txt: letters without a single space or punctuation mark.

The prose is made of words of sentences written for this script, shuffled with a fixed
seed; nothing comes from the evaluation sets. rasd runs with one worker thread (-j 1),
so the time measured is the work done. The whole run takes about a minute; it is not
part of the default test run.
"""

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time

MB = 1024 * 1024
RATIO_LIMIT = 5.0
MEMORY_LIMIT_MB = 500
# Times below this are mostly start-up (loading the knowledge base): ratios are taken
# against at least this much, so that noise in tiny times does not fail a run.
TIME_FLOOR_S = 0.25

PROSE = """
اشتبكت قوات الجيش مع مسلحين قرب الحدود الشمالية صباح الأحد وقصفت المدفعية مواقع في
ريف المدينة ونزح مئات السكان نحو القرى المجاورة بعد أن استهدفت طائرات مسيرة محطة الكهرباء
وأعلن المتحدث باسم الحكومة أن وفدا سيتوجه إلى العاصمة لبحث وقف إطلاق النار مع الوسطاء
وقالت منظمات إغاثة إن القوافل لم تتمكن من دخول المخيمات منذ أسابيع بسبب المعارك في
الخرطوم وعدن وغزة وطرابلس ومقديشو وغوما وباماكو وكييف ولاشيو وكشمير وبيروت ودرعا
واعتقلت الشرطة ناشطين في الساحة الرئيسية خلال احتجاج على ارتفاع الأسعار يوم الجمعة الماضي
""".split()


def prose(nbytes, rng, figures=False):
    """Words of PROSE, no punctuation, about `nbytes` bytes of UTF-8."""
    out, size = [], 0
    while size < nbytes:
        if figures and rng.random() < 0.06:
            w = "قتل %d شخصا" % rng.randint(1, 10**6)
        else:
            w = rng.choice(PROSE)
        out.append(w)
        size += len(w.encode()) + 1
    return " ".join(out)


def jsonl_of(nbytes, rng, figures):
    lines, size, k = [], 0, 0
    while size < nbytes:
        k += 1
        text = prose(min(MB, nbytes - size), rng, figures)
        line = json.dumps({"id": "a%d" % k, "published": "2024-03-10", "text": text},
                          ensure_ascii=False)
        lines.append(line)
        size += len(line.encode()) + 1
    return ("\n".join(lines) + "\n").encode()


def nested(nbytes):
    para = "<p>قصفت المدفعية أطراف البلدة صباح اليوم وقتل ثلاثة مدنيين في الهجوم.</p>"
    n = max(1, (nbytes - len(para.encode())) // len("<div></div>"))
    return ("<html><body>" + "<div>" * n + para + "</div>" * n + "</body></html>").encode()


def broken_utf8(nbytes, rng):
    b = bytearray(prose(nbytes, rng).encode())
    for at in range(1000, len(b), 64 * 1024):
        b[at:at] = b"\xff"
    return bytes(b)


def nospace(nbytes):
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    return (letters * (nbytes // len(letters.encode()) + 1)).encode()[: nbytes // 2 * 2]


def generate(kind, size_mb, seed):
    rng = random.Random(seed)
    n = size_mb * MB
    if kind == "unpunctuated.txt":
        return prose(n, rng).encode()
    if kind == "unpunctuated.jsonl":
        return jsonl_of(n, rng, figures=False)
    if kind == "figures.jsonl":
        return jsonl_of(n, rng, figures=True)
    if kind == "nested.html":
        return nested(n)
    if kind == "broken-utf8.txt":
        return broken_utf8(n, rng)
    if kind == "nospace.txt":
        return nospace(n)
    raise ValueError(kind)


KINDS = ["unpunctuated.txt", "unpunctuated.jsonl", "figures.jsonl", "nested.html",
         "broken-utf8.txt", "nospace.txt"]


def run(rasd, path, timeout):
    """Wall seconds, peak RSS in MB, exit status (None on timeout) of one analysis."""
    started = time.monotonic()
    # One worker thread: the time measured is the work done, not how it spread.
    p = subprocess.Popen([rasd, "analyze", path, "-j", "1", "-q", "-o", os.devnull],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            secs = time.monotonic() - started
            # ru_maxrss is in kilobytes on Linux.
            return secs, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            p.kill()
            _, _, usage = os.wait4(p.pid, 0)
            return timeout, usage.ru_maxrss / 1024, None
        time.sleep(0.01)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rasd", default="target/release/rasd")
    ap.add_argument("--sizes", default="1,4,16")
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--keep", help="write the inputs here and keep them")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    workdir = args.keep or tempfile.mkdtemp(prefix="rasd-adv-")
    os.makedirs(workdir, exist_ok=True)
    rows, failures = [], []
    for kind in args.kinds.split(","):
        prev = None
        for size in sizes:
            path = os.path.join(workdir, "%dmb-%s" % (size, kind))
            with open(path, "wb") as f:
                f.write(generate(kind, size, seed=size))
            secs, rss, code = run(args.rasd, path, args.timeout)
            if not args.keep:
                os.remove(path)
            ratio = None
            if prev is not None:
                ratio = max(secs, TIME_FLOOR_S) / max(prev[1], TIME_FLOOR_S)
                ratio **= 1 / max(1e-9, math.log(size / prev[0], 4))
            outcome = {0: "ok", 1: "refused", None: "timeout"}.get(code, "exit %s" % code)
            ok = (code is not None and rss < MEMORY_LIMIT_MB
                  and (ratio is None or ratio <= RATIO_LIMIT))
            if not ok:
                failures.append("%s at %d MB" % (kind, size))
            rows.append((kind, size, secs, rss, ratio, outcome, ok))
            prev = (size, secs)
            print("%-20s %3d MB %8.2f s %7.0f MB %s %s" % (
                kind, size, secs, rss, "" if ratio is None else "x%.2f" % ratio, outcome),
                file=sys.stderr)
    if args.markdown:
        print("| input | size | time | peak memory | time ratio per 4x | rasd says |")
        print("|---|---:|---:|---:|---:|---|")
        for kind, size, secs, rss, ratio, outcome, ok in rows:
            r = "" if ratio is None else "%.1f" % ratio
            print("| `%s` | %d MB | %.2f s | %.0f MB | %s | %s%s |" % (
                kind, size, secs, rss, r, outcome, "" if ok else " **FAIL**"))
    if failures:
        print("FAILED: " + ", ".join(failures), file=sys.stderr)
        return 1
    print("all inputs linear and under %d MB" % MEMORY_LIMIT_MB, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
