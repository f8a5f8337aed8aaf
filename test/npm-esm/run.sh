#!/usr/bin/env bash
# Installs the pinned ESM-only (chalk 5, nanoid 5, execa 9) and dual (uuid 11,
# date-fns 4) packages of test/npm-esm into out/npm-esm-check with the
# machine's npm, runs esm.mjs (import) and cjs.cjs (require(esm), require of
# the dual packages) under lode with FORCE_COLOR=1 and compares with
# expected.txt (what Node 24.12.0 prints).
# LODE=path overrides the binary (default out/Release/lode);
# RECORD=path/to/node rewrites expected.txt with that node instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runtime="${RECORD:-${LODE:-$root/out/Release/lode}}"
work="$root/out/npm-esm-check"
mkdir -p "$work"
cp "$here/package.json" "$here"/*.mjs "$here"/*.cjs "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent >/dev/null)
run() {
  for program in esm.mjs cjs.cjs; do
    echo "== $program"
    (cd "$work" && FORCE_COLOR=1 timeout 120 "$runtime" "$program" 2>&1) ||
      echo "exit status $?"
  done
}
if [ -n "${RECORD:-}" ]; then
  run > "$here/expected.txt"
  echo "recorded expected.txt with $("$RECORD" --version)"
  exit 0
fi
run > "$work/actual.txt"
if diff -u "$here/expected.txt" "$work/actual.txt"; then
  echo "npm ES modules: import and require(esm) of chalk, nanoid, execa, uuid, date-fns as under Node 24"
  echo "1 passed, 0 failed"
else
  echo "npm ES modules: output differs from Node 24 (above)"
  echo "0 passed, 1 failed"
  exit 1
fi
