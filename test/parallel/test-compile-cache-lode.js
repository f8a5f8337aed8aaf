'use strict';
// The on-disk compile cache: a first run writes one file per compiled
// CommonJS and ES module, a second run has V8 accept them (import() still
// works from restored code), and a damaged cache file is only a miss: the
// module is compiled again and the file rewritten.
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');
const { enableCompileCache, getCompileCacheDir, constants } = require('module');

assert.deepStrictEqual({ ...constants.compileCacheStatus },
                       { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2,
                         DISABLED: 3 });
assert(Object.isFrozen(constants.compileCacheStatus));
assert.strictEqual(getCompileCacheDir(), undefined);
for (const bad of [0, null, true, Symbol('x')]) {
  assert.throws(() => enableCompileCache(bad),
                { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
}

tmpdir.refresh();
const cacheDir = path.join(tmpdir.path, 'cache');
fs.writeFileSync(path.join(tmpdir.path, 'dep.js'), 'module.exports = 20;');
fs.writeFileSync(path.join(tmpdir.path, 'esm.mjs'),
                 'export const value = 22;');
fs.writeFileSync(path.join(tmpdir.path, 'main.js'), `
  const dep = require('./dep.js');
  import('./esm.mjs').then((ns) => console.log('result', dep + ns.value));
`);

function run() {
  const child = spawnSync(process.execPath,
                          [path.join(tmpdir.path, 'main.js')], {
                            env: { ...process.env,
                                   NODE_COMPILE_CACHE: cacheDir,
                                   NODE_DEBUG_NATIVE: 'COMPILE_CACHE' },
                            encoding: 'utf8',
                          });
  assert.strictEqual(child.status, 0, child.stderr);
  assert.strictEqual(child.stdout, 'result 42\n');
  return child.stderr;
}

let log = run();
for (const name of ['main.js', 'dep.js', 'esm.mjs']) {
  assert.match(log, new RegExp(`${name} was not initialized, initializing`));
  assert.match(log, new RegExp(`writing cache for .*${name}.*success`));
}
const [tagDir] = fs.readdirSync(cacheDir);
const files = fs.readdirSync(path.join(cacheDir, tagDir));
assert.strictEqual(files.length, 3);

log = run();
for (const name of ['main.js', 'dep.js', 'esm.mjs']) {
  assert.match(log, new RegExp(`${name} was accepted, keeping`));
  assert.match(log, new RegExp(`skip persisting .*${name} because cache ` +
                               'was the same'));
}

// Damage every file in a different way: garbage, truncated, empty.
const full = files.map((f) => path.join(cacheDir, tagDir, f));
fs.writeFileSync(full[0], Buffer.alloc(fs.statSync(full[0]).size, 0xab));
fs.truncateSync(full[1], Math.floor(fs.statSync(full[1]).size / 2));
fs.writeFileSync(full[2], '');
log = run();
assert.doesNotMatch(log, /was accepted/);
assert.strictEqual((log.match(/writing cache for .*success/g) || []).length,
                   3);
log = run();
assert.strictEqual((log.match(/was accepted, keeping/g) || []).length, 3);

// The payload flipped but the header intact: still refused before V8.
const data = fs.readFileSync(full[0]);
data[data.length - 1] ^= 0xff;
fs.writeFileSync(full[0], data);
log = run();
assert.match(log, /cache hash mismatch/);

