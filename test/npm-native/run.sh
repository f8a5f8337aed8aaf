#!/usr/bin/env bash
# Installs the pinned rollup, @swc/core, lightningcss and sharp of
# test/npm-native (their addons are prebuilt binaries, npm packages too) into
# out/npm-native-check with the machine's npm, runs each *-app.js under lode
# and compares what they print with expected.txt (what Node 24.12.0 prints).
# LODE=path overrides the binary (default out/Release/lode).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lode="${LODE:-$root/out/Release/lode}"
work="$root/out/npm-native-check"
mkdir -p "$work"
cp -r "$here/package.json" "$here"/*-app.js "$here/project" "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent >/dev/null)
: > "$work/actual.txt"
for app in rollup swc lightningcss sharp; do
  echo "== $app" >> "$work/actual.txt"
  (cd "$work" && "$lode" "$app-app.js" >> "$work/actual.txt" 2>&1) ||
    echo "exit status $?" >> "$work/actual.txt"
done
if diff -u "$here/expected.txt" "$work/actual.txt"; then
  echo "npm native addons: rollup, @swc/core, lightningcss, sharp work as under Node 24"
  echo "1 passed, 0 failed"
else
  echo "npm native addons: output differs from Node 24 (above)"
  echo "0 passed, 1 failed"
  exit 1
fi
