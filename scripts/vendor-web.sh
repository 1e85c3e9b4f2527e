#!/usr/bin/env bash
# Puts the web page's third-party libraries into crates/rasd-serve/assets/vendor/.
#
# Installs pinned versions with npm into a temporary folder and copies each package's
# distribution files and its licence. The result is committed, so building rasd never
# needs npm or a network; run this again only to change a version (then update
# crates/rasd-serve/assets/vendor/README.md, which records versions and sources).
#
#   scripts/vendor-web.sh
set -euo pipefail

LEAFLET=1.9.4
UPLOT=1.6.32
TOPOJSON_CLIENT=3.1.0
WORLD_ATLAS=2.0.2

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/crates/rasd-serve/assets/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

command -v npm >/dev/null || { echo "vendor-web.sh: npm is needed" >&2; exit 1; }

cd "$tmp"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts --save-exact \
    "leaflet@$LEAFLET" "uplot@$UPLOT" "topojson-client@$TOPOJSON_CLIENT" \
    "world-atlas@$WORLD_ATLAS" >/dev/null
nm="$tmp/node_modules"

rm -rf "$dest/leaflet" "$dest/uplot" "$dest/topojson-client" "$dest/world-atlas"
mkdir -p "$dest/leaflet/images" "$dest/uplot" "$dest/topojson-client" "$dest/world-atlas"

# Leaflet: the minified build, its stylesheet and the default marker images.
cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$dest/leaflet/"
cp "$nm/leaflet/dist/images/"*.png "$dest/leaflet/images/"
cp "$nm/leaflet/LICENSE" "$dest/leaflet/LICENSE"

# uPlot: the browser (IIFE) build and its stylesheet.
cp "$nm/uplot/dist/uPlot.iife.min.js" "$nm/uplot/dist/uPlot.min.css" "$dest/uplot/"
cp "$nm/uplot/LICENSE" "$dest/uplot/LICENSE"

# topojson-client: the UMD build (defines the global `topojson`).
cp "$nm/topojson-client/dist/topojson-client.min.js" "$dest/topojson-client/"
cp "$nm/topojson-client/LICENSE" "$dest/topojson-client/LICENSE"

# world-atlas: Natural Earth country boundaries at 1:50m, as TopoJSON.
cp "$nm/world-atlas/countries-50m.json" "$dest/world-atlas/"
cp "$nm/world-atlas/LICENSE" "$dest/world-atlas/LICENSE"

for p in leaflet uplot topojson-client world-atlas; do
    v="$(node -p "require('$nm/$p/package.json').version")"
    echo "$p $v"
done
echo "vendor-web.sh: copied into $dest"
