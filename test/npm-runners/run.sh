#!/usr/bin/env bash
# Installs the pinned mocha, jest and vitest of test/npm-runners/project
# into out/npm-runners-check with the machine's npm, runs each runner's CLI
# under lode on the project's passing tests and, separately, on its failing
# ones, and compares exit codes and results (test names, counts, the
# failure's message and source location; not timings) with expected.txt
# (what Node 24.12.0 prints).
# LODE=path overrides the binary (default out/Release/lode).
# UPDATE=1 RUNTIME=node24 writes expected.txt from another runtime instead.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lode="${RUNTIME:-${LODE:-$root/out/Release/lode}}"
work="$root/out/npm-runners-check"
rm -rf "$work/test" "$work/failing" "$work/src"
mkdir -p "$work"
cp -r "$here/project/." "$work/"
(cd "$work" && npm install --no-audit --no-fund --silent >/dev/null 2>&1) || {
  echo "npm install failed"; echo "0 passed, 1 failed"; exit 1; }
unset NODE_OPTIONS

# The lines that say what ran and how it ended, without timings.
normalize() {
  sed -E 's/\x1b\[[0-9;]*m//g' |
    grep -E '✓|✔|✕|×|passing|failing|pending|Tests:|Test Suites:|Tests +[0-9]|Test Files|Error|Expected|Received|expected|^ *at .*(test|spec|mocha)\.|^ *❯ .*:[0-9]|^ *[0-9]+\)' |
    grep -v 'node:internal' |
    sed -E 's/ *\([0-9.]+ ?m?s\)//g; s/ [0-9]+m?s$//; s/\(([0-9]+) tests?( \| [0-9]+ failed)?\) *[0-9]+ms/(\1 tests\2)/; s/^ +//'
}

run() {  # name, then the command line after the runtime
  local name="$1"; shift
  local out status
  out="$(cd "$work" && NO_COLOR=1 FORCE_COLOR=0 CI=1 timeout 300 "$lode" "$@" 2>&1)"
  status=$?
  echo "== $name: exit $status"
  printf '%s\n' "$out" | normalize | LC_ALL=C sort
}

{
  run "mocha" node_modules/mocha/bin/mocha.js 'test/*.mocha.*'
  run "mocha failing" node_modules/mocha/bin/mocha.js failing/fail.mocha.cjs
  run "jest" node_modules/jest/bin/jest.js --ci test/
  run "jest failing" node_modules/jest/bin/jest.js --ci failing/
  run "jest 2 workers" node_modules/jest/bin/jest.js --ci -w 2 --no-cache
  run "vitest forks" node_modules/vitest/vitest.mjs run --pool=forks test/text.spec.mjs
  run "vitest threads" node_modules/vitest/vitest.mjs run --pool=threads test/text.spec.mjs
  # The vm pools compile each file in a vm context, from a code cache once
  # a file has been seen: two files, so that the cache is used.
  run "vitest vmThreads" node_modules/vitest/vitest.mjs run --pool=vmThreads test/text.spec.mjs failing/fail.spec.mjs
  run "vitest vmForks" node_modules/vitest/vitest.mjs run --pool=vmForks test/text.spec.mjs failing/fail.spec.mjs
  run "vitest failing" node_modules/vitest/vitest.mjs run failing/fail.spec.mjs
} > "$work/actual.txt"

if [ "${UPDATE:-}" = 1 ]; then
  cp "$work/actual.txt" "$here/expected.txt"
  echo "wrote $here/expected.txt"
  exit 0
fi
if diff -u "$here/expected.txt" "$work/actual.txt"; then
  echo "npm test runners: mocha, jest and vitest report as under Node 24"
  echo "1 passed, 0 failed"
else
  echo "npm test runners: results differ from Node 24 (above)"
  echo "0 passed, 1 failed"
  exit 1
fi
