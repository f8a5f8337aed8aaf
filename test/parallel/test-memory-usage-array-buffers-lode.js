// Flags: --expose-internals
'use strict';
// process.memoryUsage().arrayBuffers counts the ArrayBuffer memory the
// allocator holds (not V8's external memory, which also counts external
// strings such as the builtins' sources); internal/util's
// constructSharedArrayBuffer; the constants binding's null prototypes.
require('../common');
const assert = require('assert');
const { constructSharedArrayBuffer } = require('internal/util');
const { internalBinding } = require('internal/test/binding');

const before = process.memoryUsage().arrayBuffers;
require('os');  // Loading a builtin adds no ArrayBuffer memory.
const buffer = new ArrayBuffer(1 << 20);
assert.strictEqual(process.memoryUsage().arrayBuffers - before, 1 << 20);
assert.strictEqual(buffer.byteLength, 1 << 20);

const sab = constructSharedArrayBuffer(16);
assert.ok(require('util').types.isSharedArrayBuffer(sab));
assert.strictEqual(sab.byteLength, 16);
assert.strictEqual(constructSharedArrayBuffer().byteLength, 0);
for (const length of [-1, 2 ** 53, -Infinity]) {
  assert.throws(() => constructSharedArrayBuffer(length), {
    name: 'RangeError', message: 'Invalid array buffer length',
  });
}

const constants = internalBinding('constants');
assert.strictEqual(Object.getPrototypeOf(constants), null);
assert.deepStrictEqual(constants.internal, {
  __proto__: null,
  EXTENSIONLESS_FORMAT_JAVASCRIPT: 0,
  EXTENSIONLESS_FORMAT_WASM: 1,
});
assert.strictEqual('EXTENSIONLESS_FORMAT_WASM' in constants.fs, false);

// The bytes fs.readFile and fs.promises.readFile return are counted too
// (their stores are made outside the allocator), a large file (a block of
// its own) as well as a small one.
{
  const common = require('../common');
  const fs = require('fs');
  const path = require('path');
  const tmpdir = require('../common/tmpdir');
  tmpdir.refresh();
  const sizes = [100 * 1024, 5 * 1024 * 1024];
  const files = sizes.map((size, i) => {
    const file = path.join(tmpdir.path, `ab${i}.bin`);
    fs.writeFileSync(file, Buffer.alloc(size, 1));
    return file;
  });
  const held = [];
  (async () => {
    for (const file of files) {
      let start = process.memoryUsage().arrayBuffers;
      const data = await fs.promises.readFile(file);
      held.push(data);
      assert.ok(process.memoryUsage().arrayBuffers - start >= data.length);
      start = process.memoryUsage().arrayBuffers;
      const again = await new Promise((resolve, reject) => {
        fs.readFile(file, (err, d) => (err ? reject(err) : resolve(d)));
      });
      held.push(again);
      assert.ok(process.memoryUsage().arrayBuffers - start >= again.length);
    }
  })().then(common.mustCall());
}
