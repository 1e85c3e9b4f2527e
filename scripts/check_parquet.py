#!/usr/bin/env python3
"""Checks that `rasd export --format parquet` is readable by pyarrow (and DuckDB when it is
installed) with the documented columns and the expected rows.

    python3 scripts/check_parquet.py [--rasd target/release/rasd] [FILE.parquet]

Without FILE it builds a small record first: the bundled examples and the synthetic
analyzed articles (crates/rasd-store/tests/fixtures/synthetic.jsonl) go into a temporary
SQLite file, which is exported as Parquet and as PLOVER JSON Lines; the Parquet file
must hold exactly the events of the JSON Lines export. pyarrow is installed into a
virtual environment under target/pyenv when the running Python lacks it.
Exit status 0 when every check passes.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "target", "pyenv")

COLUMNS = [
    "incident_id", "doc_id", "event_idx", "url", "title", "published", "event_type",
    "event_mode", "actors", "targets", "locations", "countries", "event_date", "claimant",
    "stance", "trigger", "trigger_start", "trigger_end", "evidence", "confidence", "place",
    "latitude", "longitude", "acled_event_type", "acled_sub_event_type",
]


def ensure_pyarrow():
    try:
        import pyarrow  # noqa: F401
        return
    except ImportError:
        pass
    if os.environ.get("RASD_CHECK_PARQUET_IN_VENV"):
        sys.exit("pyarrow is still missing inside target/pyenv")
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        print("check_parquet: creating target/pyenv", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    has = subprocess.run([python, "-c", "import pyarrow"], capture_output=True).returncode == 0
    if not has:
        print("check_parquet: installing pyarrow into target/pyenv", file=sys.stderr)
        subprocess.run([python, "-m", "pip", "install", "-q", "pyarrow"], check=True)
    env = dict(os.environ, RASD_CHECK_PARQUET_IN_VENV="1")
    os.execve(python, [python, os.path.abspath(__file__), *sys.argv[1:]], env)


def rasd(binary, *args):
    r = subprocess.run([binary, *args], cwd=ROOT, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"rasd {' '.join(args)} failed:\n{r.stderr}")
    return r


def build(binary, tmp):
    db = os.path.join(tmp, "check.db")
    rasd(binary, "ingest", "-q", "--db", db, "examples/")
    rasd(binary, "ingest", "-q", "--db", db, "--documents",
         "crates/rasd-store/tests/fixtures/synthetic.jsonl")
    pq = os.path.join(tmp, "events.parquet")
    jl = os.path.join(tmp, "events.jsonl")
    rasd(binary, "export", "-q", "--db", db, "--format", "parquet", "-o", pq)
    rasd(binary, "export", "-q", "--db", db, "--format", "plover-jsonl", "-o", jl)
    with open(jl, encoding="utf-8") as f:
        events = [json.loads(line) for line in f if line.strip()]
    return pq, events


def check(path, events):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    assert table.column_names == COLUMNS, f"columns: {table.column_names}"
    assert table.num_rows > 0, "no rows"
    schema = table.schema
    assert schema.field("event_idx").type == pa.int64()
    assert schema.field("confidence").type == pa.float64()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("actors").type == pa.list_(pa.string())
    rows = table.to_pylist()
    if events is not None:
        assert len(rows) == len(events), f"{len(rows)} rows, {len(events)} events exported"
        want = {(e["source"]["doc_id"], e["trigger"]["text"]) for e in events}
        got = {(r["doc_id"], r["trigger"]) for r in rows}
        assert got == want, f"rows differ from the JSONL export: {sorted(got ^ want)[:5]}"
        lachin = [r for r in rows if r["doc_id"] == "syn-nk-2410"]
        assert lachin and lachin[0]["event_type"] == "ASSAULT", lachin
        assert lachin[0]["actors"] == ["AZE"] and lachin[0]["place"] == "Lachin", lachin[0]
        assert lachin[0]["acled_sub_event_type"] == "Shelling/artillery/missile attack"
        assert abs(lachin[0]["longitude"] - 46.5469) < 1e-6
        assert lachin[0]["trigger"] == "قصفت", "Arabic text survives the round trip"
    for r in rows:
        assert r["doc_id"] and r["event_type"], r
        assert r["trigger_start"] < r["trigger_end"], r
    counts = {}
    for r in rows:
        counts[r["event_type"]] = counts.get(r["event_type"], 0) + 1
    print(f"check_parquet: pyarrow {pa.__version__} read {table.num_rows} rows, "
          f"{table.num_columns} columns from {path}; by type: {dict(sorted(counts.items()))}")
    try:
        import duckdb
    except ImportError:
        return
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0]
    assert n == table.num_rows, f"duckdb counts {n}"
    print(f"check_parquet: duckdb {duckdb.__version__} counts {n} rows")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", help="a Parquet file from `rasd export` (default: build one)")
    ap.add_argument("--rasd", default=os.path.join(ROOT, "target", "release", "rasd"),
                    help="the rasd binary (default: target/release/rasd)")
    args = ap.parse_args()
    ensure_pyarrow()
    if args.file:
        check(args.file, None)
        return
    if not os.path.exists(args.rasd):
        sys.exit(f"no rasd binary at {args.rasd}: build it (cargo build --release) or pass --rasd")
    with tempfile.TemporaryDirectory() as tmp:
        path, events = build(os.path.abspath(args.rasd), tmp)
        check(path, events)
    print("check_parquet: ok")


if __name__ == "__main__":
    main()
