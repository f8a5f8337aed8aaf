// Flags: --expose-internals
'use strict';

// internal/modules/esm/hooks finds out whether it runs in the hooks thread
// when first asked (loading it, which every main script does, loads no
// worker code): never on the main thread, nor in a user's worker.

const common = require('../common');
const assert = require('assert');
const { Worker, isMainThread } = require('worker_threads');
const hooks = require('internal/modules/esm/hooks');

assert.strictEqual(hooks.isHooksThread(), false);
assert.strictEqual(hooks.hooksActive(), false);

if (isMainThread) {
  const w = new Worker(__filename, { execArgv: ['--expose-internals'] });
  w.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
}
