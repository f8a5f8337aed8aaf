'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');
const { buildAddon } = require('../common/napi');

// process.dlopen and require() of .node files: both registration styles,
// libraries that are no Node-API addon, flags, and --no-addons.

tmpdir.refresh();

// os.constants.dlopen, as Node has them on Linux (no prototype).
{
  const { dlopen } = require('os').constants;
  assert.deepStrictEqual(dlopen, {
    __proto__: null,
    RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0,
    RTLD_DEEPBIND: 8,
  });
}

// Registration from a static constructor (napi_module_register); opening
// the library again (its constructor does not run again) still works.
{
  const file = buildAddon('ctor_register');
  const first = { exports: {} };
  process.dlopen(first, file);
  assert.strictEqual(first.exports.loads, 1);
  const second = { exports: {} };
  process.dlopen(second, file, require('os').constants.dlopen.RTLD_NOW);
  assert.strictEqual(second.exports.loads, 2);
}

// The symbol way (NAPI_MODULE_INIT), through require(), with a returned
// exports object set as module.exports.
{
  const file = buildAddon('basics');
  const copy = path.join(tmpdir.path, 'copy.node');
  fs.copyFileSync(file, copy);
  assert.strictEqual(require(copy).add(1, 2), 3);
  assert.strictEqual(typeof require(copy).Counter, 'function');
  // A flag that is no number is refused as Node does.
  assert.throws(() => process.dlopen({ exports: {} }, copy, Symbol()),
                TypeError);
}

// A library that registers nothing.
{
  const file = buildAddon('noentry');
  assert.throws(() => require(file), {
    code: 'ERR_DLOPEN_FAILED',
    message: `Module did not self-register: '${file}'.`,
  });
}

// A V8/NAN addon: refused with the reason, never run.
{
  const file = buildAddon('legacy');
  assert.throws(() => require(file), {
    code: 'ERR_DLOPEN_FAILED',
    message: new RegExp('is an addon for the V8/NAN C\\+\\+ API ' +
                        '\\(NODE_MODULE_VERSION 108\\)\\. ' +
                        'lode loads Node-API addons only'),
  });
}

// --no-addons.
{
  const file = buildAddon('basics', 'noaddons');
  const child = spawnSync(process.execPath, [
    '--no-addons', '-e', `
      try { require(${JSON.stringify(file)}); } catch (e) {
        console.log(e.code, e.message);
      }`,
  ], { encoding: 'utf8' });
  assert.strictEqual(child.stdout.trim(),
                     'ERR_DLOPEN_DISABLED Cannot load native addon because ' +
                     'loading addons is disabled.');
}
