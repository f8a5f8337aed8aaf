#!/usr/bin/env bash
# Installs the pinned packages of test/npm into out/npm-check with the
# machine's npm, runs app.js under lode and compares with expected.txt
# (what Node 24.12.0 prints). yargs derives $0 from the executable's name,
# so lode runs here through a link named node, as an installed lode would.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/out/npm-check"
mkdir -p "$work"
cp "$here/package.json" "$here/app.js" "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent >/dev/null)
ln -f "$root/out/Release/lode" "$root/out/Release/node"
trap 'rm -f "$root/out/Release/node"' EXIT
(cd "$work" && "$root/out/Release/node" app.js) > "$work/actual.txt" 2>&1
if diff -u "$here/expected.txt" "$work/actual.txt"; then
  echo "npm packages: output identical to Node 24"
  echo "1 passed, 0 failed"
else
  echo "npm packages: output differs from Node 24 (above)"
  echo "0 passed, 1 failed"
  exit 1
fi
