#!/usr/bin/env bash
# Re-fetch the vendored front-end assets from npm (npm pack, no install, no build step) and copy the files
# FlameBlue serves into src/flameblue/static/vendor/. Pinned versions; bump them here and in
# src/flameblue/static/vendor/README.md together.
set -euo pipefail

BOOTSTRAP=5.3.9
HTMX=2.0.11
TOMSELECT=2.6.2
ECHARTS=5.6.0

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENDOR="$ROOT/src/flameblue/static/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

unpack() {  # unpack <package> <version> -> prints the unpacked directory
    local pkg="$1" version="$2" dir="$WORK/$1"
    mkdir -p "$dir"
    (cd "$dir" && npm pack --silent "$pkg@$version" >/dev/null && tar -xzf ./*.tgz)
    echo "$dir/package"
}

copy() {  # copy <source> <destination>
    mkdir -p "$(dirname "$2")"
    cp "$1" "$2"
}

src="$(unpack bootstrap "$BOOTSTRAP")"
rm -rf "$VENDOR/bootstrap"
copy "$src/dist/css/bootstrap.min.css" "$VENDOR/bootstrap/css/bootstrap.min.css"
copy "$src/dist/js/bootstrap.bundle.min.js" "$VENDOR/bootstrap/js/bootstrap.bundle.min.js"
copy "$src/LICENSE" "$VENDOR/bootstrap/LICENSE"

src="$(unpack htmx.org "$HTMX")"
rm -rf "$VENDOR/htmx"
copy "$src/dist/htmx.min.js" "$VENDOR/htmx/htmx.min.js"
copy "$src/LICENSE" "$VENDOR/htmx/LICENSE"

src="$(unpack tom-select "$TOMSELECT")"
rm -rf "$VENDOR/tom-select"
copy "$src/dist/css/tom-select.bootstrap5.min.css" "$VENDOR/tom-select/css/tom-select.bootstrap5.min.css"
copy "$src/dist/js/tom-select.complete.min.js" "$VENDOR/tom-select/js/tom-select.complete.min.js"
copy "$src/LICENSE" "$VENDOR/tom-select/LICENSE"

src="$(unpack echarts "$ECHARTS")"
rm -rf "$VENDOR/echarts"
copy "$src/dist/echarts.min.js" "$VENDOR/echarts/echarts.min.js"
copy "$src/LICENSE" "$VENDOR/echarts/LICENSE"

echo "vendored: bootstrap $BOOTSTRAP, htmx.org $HTMX, tom-select $TOMSELECT, echarts $ECHARTS -> $VENDOR"
