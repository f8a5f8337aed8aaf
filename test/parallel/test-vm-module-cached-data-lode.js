'use strict';
// Flags: --experimental-vm-modules --no-warnings
// createCachedData() gives V8's code cache as a Buffer; cachedData is used
// by a module of the same source and rejected by another; no cache once
// the module was evaluated.
const common = require('../common');
const assert = require('assert');
const { SourceTextModule } = require('vm');

(async () => {
  const source = 'export function f() { return 42; }';
  const m = new SourceTextModule(source);
  const cachedData = m.createCachedData();
  assert(Buffer.isBuffer(cachedData));
  assert(cachedData.length > 0);

  const again = new SourceTextModule(source, { cachedData });
  await again.link(common.mustNotCall());
  await again.evaluate();
  assert.strictEqual(again.namespace.f(), 42);
  new SourceTextModule(source, { cachedData: new Uint8Array(cachedData) });

  assert.throws(() => new SourceTextModule('export const other = 1;',
                                           { cachedData }), {
    code: 'ERR_VM_MODULE_CACHED_DATA_REJECTED',
    message: 'cachedData buffer was rejected',
  });
  for (const bad of [true, 'x', {}, []]) {
    assert.throws(() => new SourceTextModule(source, { cachedData: bad }), {
      code: 'ERR_INVALID_ARG_TYPE',
      message: /^The "options\.cachedData" property must be an instance of Buffer, TypedArray, or DataView\./,
    });
  }

  await m.link(common.mustNotCall());
  await m.evaluate();
  assert.throws(() => m.createCachedData(), {
    code: 'ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA',
    message: 'Cached data cannot be created for a module which has been evaluated',
  });
})().then(common.mustCall());
