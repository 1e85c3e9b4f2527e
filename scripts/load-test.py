#!/usr/bin/env python3
"""Mixed load on a running `rasd serve`: requests per second and latencies.

    python3 scripts/load-test.py [--url http://127.0.0.1:8080] [--concurrency 32]
        [--secs 20] [--hostile FILE] [--words N]

Each of `--concurrency` clients keeps one connection open and asks, in turn, for a page
of incidents, a search, the claims ledger, a page of events and the stats, for `--secs`
seconds. The search is for one common word unless `--words N` (at most 48): then the
searches go through N different words, so that with N above what the server keeps of
its rankings (32 per reading connection) most searches are ranked afresh. With `--hostile FILE`, two clients post FILE to /api/analyze (as text/plain)
over and over meanwhile, and the stats' latency is reported apart: reads must not wait
on analyses. Clients are Python threads, so on a small machine the script itself takes
a core; compare builds on the same machine, not across machines.
"""

import argparse
import http.client
import statistics
import sys
import threading
import time
import urllib.parse

PATHS = [
    "/api/incidents",
    "/api/search?q=",
    "/api/claims",
    "/api/events?limit=50",
    "/api/stats",
]

# Words of news about fighting and talks, common and rare, for --words.
WORDS = """قصف هجوم غارة اشتباكات قتلى جرحى الجيش القوات مسلحين مفاوضات هدنة وقف
إطلاق النار نازحين لاجئين مساعدات صاروخ طائرة مسيرة انفجار عبوة كمين حصار معارك
المدينة القرية الحدود الشرطة المتمردين الميليشيا الحكومة المعارضة الرئيس وزير
الخارجية مجلس الأمن الأمم المتحدة اتفاق محادثات عقوبات احتجاجات مظاهرات اعتقال
اختطاف إعدام""".split()


def client(host, port, stop, lat, errors, offset, words):
    conn = http.client.HTTPConnection(host, port, timeout=60)
    k = offset
    while not stop.is_set():
        path = PATHS[k % len(PATHS)]
        if path.endswith("q="):
            path += urllib.parse.quote(words[(k // len(PATHS)) % len(words)])
        k += 1
        t = time.monotonic()
        try:
            conn.request("GET", path)
            r = conn.getresponse()
            r.read()
            ok = r.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=60)
        lat.append((path.split("?")[0], time.monotonic() - t))
        if not ok:
            errors.append(path)


def poster(host, port, stop, body, done):
    while not stop.is_set():
        conn = http.client.HTTPConnection(host, port, timeout=120)
        try:
            conn.request("POST", "/api/analyze", body=body,
                         headers={"content-type": "text/plain"})
            r = conn.getresponse()
            r.read()
            done.append(r.status)
        except (OSError, http.client.HTTPException):
            done.append("error")
        conn.close()


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))] * 1000 if xs else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--url", default="http://127.0.0.1:8080")
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument("--secs", type=float, default=20)
    ap.add_argument("--hostile", help="a file to post to /api/analyze twice at a time")
    ap.add_argument("--words", type=int, default=1,
                    help="search for this many different words (1-%d)" % len(WORDS))
    args = ap.parse_args()
    words = WORDS[:max(1, min(args.words, len(WORDS)))]
    u = urllib.parse.urlparse(args.url)
    stop = threading.Event()
    lat, errors, posted = [], [], []
    threads = [threading.Thread(target=client,
                                args=(u.hostname, u.port or 80, stop, lat, errors, i, words))
               for i in range(args.concurrency)]
    if args.hostile:
        body = open(args.hostile, "rb").read()
        threads += [threading.Thread(target=poster,
                                     args=(u.hostname, u.port or 80, stop, body, posted))
                    for _ in range(2)]
    started = time.monotonic()
    for t in threads:
        t.start()
    time.sleep(args.secs)
    stop.set()
    for t in threads:
        t.join()
    secs = time.monotonic() - started
    all_lat = [x for _, x in lat]
    print("| endpoint | requests | p50 ms | p99 ms |")
    print("|---|---:|---:|---:|")
    for path in sorted({p for p, _ in lat}):
        xs = [x for p, x in lat if p == path]
        print("| `%s` | %d | %.1f | %.1f |" % (path, len(xs), pct(xs, 0.5), pct(xs, 0.99)))
    print("| all | %d | %.1f | %.1f |" % (len(all_lat), pct(all_lat, 0.5), pct(all_lat, 0.99)))
    print("\n%.0f requests/s at concurrency %d, %d errors%s" % (
        len(all_lat) / secs, args.concurrency, len(errors),
        "; %d hostile posts answered %s" % (len(posted), sorted(set(map(str, posted))))
        if args.hostile else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
