#!/usr/bin/env bash
# Installs the pinned express and fastify of test/npm-http into
# out/npm-http-check with the machine's npm, serves each app under lode,
# sends it the requests of check.py (express-als-app.js: 20 at once, the
# request id kept in AsyncLocalStorage across awaits) and compares status,
# headers (not Date) and bodies with expected.txt (what Node 24.12.0
# answers).
# LODE=path overrides the binary (default out/Release/lode).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lode="${LODE:-$root/out/Release/lode}"
work="$root/out/npm-http-check"
mkdir -p "$work"
cp "$here/package.json" "$here"/*-app.js "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent >/dev/null)
python3 "$here/check.py" --runtime "$lode" --dir "$work" > "$work/actual.txt"
if diff -u "$here/expected.txt" "$work/actual.txt"; then
  echo "npm http apps: express (also with AsyncLocalStorage) and fastify answer as under Node 24"
  echo "1 passed, 0 failed"
else
  echo "npm http apps: answers differ from Node 24 (above)"
  echo "0 passed, 1 failed"
  exit 1
fi
