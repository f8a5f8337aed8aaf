'use strict';
// module.registerHooks() resolve hooks run for require(), not for
// require.resolve(); their default step goes through Module._resolveFilename,
// which a program may have replaced. As in Node 24.
require('../common');
const assert = require('assert');
const path = require('path');
const Module = require('module');
const os = require('os');

const seen = [];
let patched = 0;
const original = Module._resolveFilename;
Module._resolveFilename = function(...args) {
  patched++;
  return original.apply(this, args);
};
const hooks = Module.registerHooks({
  resolve(specifier, context, next) {
    seen.push(specifier);
    return next(specifier, context);
  },
});
try {
  assert.strictEqual(require.resolve('fs'), 'fs');
  assert.strictEqual(require.resolve('../common'),
                     path.join(__dirname, '..', 'common', 'index.js'));
  assert.deepStrictEqual(seen, []);
  assert.strictEqual(patched, 2);
  assert.strictEqual(require('os'), os);
  assert.deepStrictEqual(seen, ['os']);
  assert.strictEqual(patched, 3);
} finally {
  hooks.deregister();
  Module._resolveFilename = original;
}

// A main entry run after a -r preload that registers a resolve hook is
// resolved through the hook once.
{
  const { spawnSync } = require('child_process');
  const tmpdir = require('../common/tmpdir');
  const fs = require('fs');
  tmpdir.refresh();
  const preload = path.join(tmpdir.path, 'preload.cjs');
  fs.writeFileSync(preload, `
const path = require('path');
require('module').registerHooks({
  resolve(s, c, next) {
    process._rawDebug('resolve ' + path.basename(s));
    return next(s, c);
  },
});
`);
  const main = path.join(tmpdir.path, 'main.js');
  fs.writeFileSync(main, 'console.log("main ran");');
  const { status, stdout, stderr } = spawnSync(
    process.execPath, ['-r', preload, main], { encoding: 'utf8' });
  assert.strictEqual(status, 0, stderr);
  assert.strictEqual(stdout, 'main ran\n');
  assert.strictEqual(stderr, 'resolve main.js\n');
}
