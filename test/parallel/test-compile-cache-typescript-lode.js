'use strict';
// With the compile cache on, the JavaScript made of a TypeScript file is
// kept too (per mode: stripped, transformed, transformed with a source
// map), so that a later run does not transpile it again; a changed file or
// another mode misses the kept copy, and the program's output is the same
// either way.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const cacheDir = path.join(tmpdir.path, 'cache');
const script = path.join(tmpdir.path, 'program.ts');
fs.writeFileSync(script,
                 'const n: number = 40;\nconsole.log(`answer ${n + 2}`);\n');

function run(expected, ...flags) {
  const child = spawnSync(process.execPath, [...flags, script], {
    env: { ...process.env, NODE_COMPILE_CACHE: cacheDir,
           NODE_DEBUG_NATIVE: 'COMPILE_CACHE' },
    encoding: 'utf8',
  });
  assert.strictEqual(child.status, 0, child.stderr);
  assert.strictEqual(child.stdout, expected);
  return child.stderr;
}

// A line of the debug log about program.ts (named there in full).
function logged(log, before, after = '') {
  assert.match(log, new RegExp(`${before} .*program\\.ts${after}`));
}

let log = run('answer 42\n', '--no-warnings');
logged(log, 'no transpile cache for StrippedTypeScript');
logged(log, 'saving transpilation cache for StrippedTypeScript');
logged(log, 'writing cache for StrippedTypeScript', '.*success');

log = run('answer 42\n', '--no-warnings');
logged(log, 'retrieving transpile cache for StrippedTypeScript',
       '\\.\\.\\.success');
assert.doesNotMatch(log, /saving transpilation cache/);
logged(log, 'skip persisting StrippedTypeScript',
       ' because cache was the same');

log = run('answer 42\n', '--no-warnings', '--experimental-transform-types',
          '--no-enable-source-maps');
logged(log, 'no transpile cache for TransformedTypeScript');
log = run('answer 42\n', '--no-warnings', '--experimental-transform-types');
logged(log, 'no transpile cache for TransformedTypeScriptWithSourceMaps');

// The file changes: what was kept for its old text is not used.
fs.writeFileSync(script,
                 'const n: number = 41;\nconsole.log(`answer ${n + 2}`);\n');
log = run('answer 43\n', '--no-warnings');
logged(log, 'no transpile cache for StrippedTypeScript');
logged(log, 'writing cache for StrippedTypeScript', '.*success');
