#!/usr/bin/env bash
# Builds rasd with profile-guided optimization (PGO): a first, instrumented build runs the
# whole pipeline over the bundled examples (our own writing, never the dev or test
# articles), and the second build lays out and inlines the code by what that run did.
# On the 2-core build machine this makes `rasd analyze` about 8 % faster per core than
# the plain release build, with byte-identical output.
#
# Installs what is missing: rustup's llvm-tools component, for llvm-profdata (it must
# match rustc's LLVM, so Debian's llvm packages will not do). Two release builds, about
# ten minutes on two cores. The binary lands in target/pgo/rasd.
#
#   scripts/build-pgo.sh
#   target/pgo/rasd bench --corpus ../shared/corpus/dev.jsonl --min-mb 20
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
say() { echo "build-pgo: $*"; }

find_profdata() {
    find "$(rustc --print sysroot)" -name llvm-profdata -type f 2>/dev/null | head -n 1
}

profdata="$(find_profdata)"
if [ -z "$profdata" ]; then
    command -v rustup >/dev/null || { say "llvm-profdata is missing and rustup is not installed" >&2; exit 1; }
    say "installing rustup component llvm-tools"
    rustup component add llvm-tools >/dev/null
    profdata="$(find_profdata)"
    [ -n "$profdata" ] || { say "llvm-tools installed but llvm-profdata not found" >&2; exit 1; }
fi

out="$root/target/pgo"
data="$out/profiles"
mkdir -p "$out"

say "instrumented build"
RUSTFLAGS="-Cprofile-generate=$data" cargo build --release --quiet -p rasd --target-dir "$out/gen"
# The build scripts of the instrumented build wrote profiles too; only the runs below count.
rm -rf "$data"

say "training run on examples/"
gen="$out/gen/release/rasd"
"$gen" analyze examples/ -o /dev/null --quiet
"$gen" bench --corpus examples/articles.jsonl --min-mb 4 >/dev/null
"$profdata" merge -o "$out/merged.profdata" "$data"
# Named by its content: cargo rebuilds every crate when RUSTFLAGS change, and only then,
# so a new profile must change them.
sum="$(sha256sum "$out/merged.profdata" | cut -c1-16)"
rm -f "$out"/rasd-*.profdata
mv "$out/merged.profdata" "$out/rasd-$sum.profdata"

say "optimized build"
RUSTFLAGS="-Cprofile-use=$out/rasd-$sum.profdata -Cllvm-args=-pgo-warn-missing-function=false" \
    cargo build --release --quiet -p rasd --target-dir "$out/use"
cp "$out/use/release/rasd" "$out/rasd"
say "built $out/rasd"
