#!/usr/bin/env bash
# Browser tests of the page `rasd serve` serves, in real headless Chromium.
#
# Installs what is missing (Debian's chromium and an Arabic font with apt-get, then
# playwright-core with `npm ci` in tests/browser), builds target/release/rasd, ingests the
# dev corpus (../shared/corpus/dev.jsonl, else the bundled examples/articles.jsonl) into a
# temporary SQLite database, starts `rasd serve` on a free loopback port, runs the tests
# (node --test) and always stops the server. Screenshots: target/screenshots/*.png.
#
#   scripts/browser-tests.sh
#   RASD_BIN=/path/to/rasd scripts/browser-tests.sh    # use this binary, do not build
#   RASD_CORPUS=examples/articles.jsonl scripts/browser-tests.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
say() { echo "browser-tests: $*"; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        say "need root (or sudo) to run: $*" >&2; return 1; fi
}

# apt-get install, running `apt-get update` first only when the package lists lack them.
apt_install() {
    export DEBIAN_FRONTEND=noninteractive
    if ! as_root apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1; then
        say "apt-get update"
        as_root apt-get update >/dev/null
        as_root apt-get install -y --no-install-recommends "$@" >/dev/null
    fi
}

# 1. What the tests run on.
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
need=()
[ -x "$CHROMIUM" ] || need+=(chromium)
command -v fc-list >/dev/null && [ -n "$(fc-list :lang=ar 2>/dev/null | grep -i noto || true)" ] || need+=(fonts-noto-core)
command -v node >/dev/null || need+=(nodejs npm)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]}"
    apt_install "${need[@]}"
fi
"$CHROMIUM" --version 2>/dev/null

pinned="$(node -p "require('./tests/browser/package.json').devDependencies['playwright-core']")"
installed="$(node -p "try { require('./tests/browser/node_modules/playwright-core/package.json').version } catch { '' }")"
if [ "$pinned" != "$installed" ]; then
    say "npm ci in tests/browser"
    (cd tests/browser && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
fi

# 2. The binary.
if [ -n "${RASD_BIN:-}" ]; then
    rasd="$RASD_BIN"
else
    target="${CARGO_TARGET_DIR:-$root/target}"
    say "cargo build --release --bin rasd"
    cargo build --release --bin rasd --quiet
    rasd="$target/release/rasd"
fi
[ -x "$rasd" ] || { say "no rasd binary at $rasd" >&2; exit 1; }

# 3. A temporary record of the corpus.
corpus="${RASD_CORPUS:-$root/../shared/corpus/dev.jsonl}"
if [ ! -f "$corpus" ]; then
    say "../shared/corpus/dev.jsonl is not there: using the bundled examples/articles.jsonl instead"
    corpus="$root/examples/articles.jsonl"
fi
tmp="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

db="$tmp/rasd.db"
say "ingesting $corpus"
"$rasd" ingest --quiet --db "$db" "$corpus"

# 4. The server, on a free loopback port.
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
url="http://127.0.0.1:$port"
# A throwaway token, so that a test can store an article of its own over the API.
RASD_TOKEN="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export RASD_TOKEN
"$rasd" serve --db "$db" --addr "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do
    if curl -sf "$url/api/stats" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$server" 2>/dev/null; then
        say "rasd serve exited:" >&2; cat "$tmp/serve.log" >&2; exit 1
    fi
    sleep 0.2
done
curl -sf "$url/api/stats" >/dev/null || { say "rasd serve did not answer on $url" >&2; cat "$tmp/serve.log" >&2; exit 1; }
say "rasd serve on $url"

# 5. The tests.
mkdir -p "$root/target/screenshots"
status=0
RASD_URL="$url" SCREENSHOT_DIR="$root/target/screenshots" CHROMIUM="$CHROMIUM" \
    node --test --test-concurrency=1 --test-reporter=spec tests/browser/page.test.mjs || status=$?
if [ "$status" != 0 ]; then
    say "server log:"; tail -n 50 "$tmp/serve.log" || true
fi
say "screenshots in target/screenshots/: $(cd "$root/target/screenshots" && ls *.png 2>/dev/null | tr '\n' ' ')"
exit "$status"
