#!/usr/bin/env bash
# Side-by-side throughput: rasd's stages and CAMeL Tools on the same repeated corpus,
# one core each, in one run. CAMeL Tools is installed into target/bench-venv (only the
# pure-Python parts it needs; its model downloads are never touched).
#
# usage: bench/run.sh [SAMPLE.jsonl] [MIN_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
sample=${1:-../shared/corpus/dev.jsonl}
[ -f "$sample" ] || sample=examples/articles.jsonl
min_mb=${2:-20}
mkdir -p target/bench
cargo build --release -q -p rasd
corpus=target/bench/corpus.jsonl
taskset_cmd=()
command -v taskset >/dev/null && taskset_cmd=(taskset -c 0)

echo "== rasd (sample: $sample, >= $min_mb MB)"
"${taskset_cmd[@]}" ./target/release/rasd bench --corpus "$sample" --min-mb "$min_mb" \
  --write-corpus "$corpus" --json > target/bench/rasd.json
./target/release/rasd bench --corpus "$sample" --min-mb "$min_mb"

venv=target/bench-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  # camel-tools' declared dependencies include deep-learning stacks that the
  # normalizer and simple tokenizer never import; install just what they do import.
  "$venv/bin/pip" install -q --no-deps camel-tools
  # pip warns that the skipped dependencies are missing; that is the intent.
  "$venv/bin/pip" install -q six emoji regex 2>&1 | grep -v -e "requires" -e "dependency resolver" || true
fi
echo "== CAMeL Tools"
"${taskset_cmd[@]}" "$venv/bin/python" bench/camel_tools_bench.py "$corpus" --json > target/bench/camel.json
cat target/bench/camel.json

python3 - <<'PY'
import json
r = json.load(open("target/bench/rasd.json"))
c = json.load(open("target/bench/camel.json"))
text = r["stages"]["text layer (normalize+tokens+sentences)"]["mb_per_s"]
both = r["stages"]["ingest + text layer"]["mb_per_s"]
print(f"rasd text layer {text:.1f} MB/s, ingest+text {both:.1f} MB/s; "
      f"CAMeL Tools {c['mb_per_s']:.2f} MB/s; ratio {text / c['mb_per_s']:.0f}x (text layer)")
PY
