'use strict';
const common = require('../common');
const assert = require('assert');

// process.getBuiltinModule(id): a public builtin's exports, or undefined.
for (const bad of [1, undefined, null, {}, Symbol('x')]) {
  assert.throws(() => process.getBuiltinModule(bad),
                { code: 'ERR_INVALID_ARG_TYPE' });
}
assert.strictEqual(process.getBuiltinModule('fs'), require('fs'));
assert.strictEqual(process.getBuiltinModule('node:fs'), require('fs'));
for (const id of ['nope', 'sea', 'test', 'internal/util']) {
  assert.strictEqual(process.getBuiltinModule(id), undefined);
}

// node:sea outside a single executable application.
const sea = process.getBuiltinModule('node:sea');
assert.strictEqual(sea, require('node:sea'));
assert.strictEqual(sea.isSea(), false);
for (const fn of [() => sea.getAssetKeys(), () => sea.getAsset('a'),
                  () => sea.getRawAsset('a'), () => sea.getAssetAsBlob('a')]) {
  assert.throws(fn, { code: 'ERR_NOT_IN_SINGLE_EXECUTABLE_APPLICATION' });
}
assert.throws(() => sea.getAsset(1), { code: 'ERR_INVALID_ARG_TYPE' });

// _stream_wrap is deprecated (DEP0125).
common.expectWarning('DeprecationWarning',
                     'The _stream_wrap module is deprecated.', 'DEP0125');
require('_stream_wrap');
