'use strict';
// An asynchronous WebAssembly compilation finishes on V8's background
// threads: with nothing else keeping the loop alive, the process waits for
// it (and runs what it leaves) instead of exiting first.
const common = require('../common');
const assert = require('assert');

// (module (func (export "add") (param i32 i32) (result i32)
//   local.get 0 local.get 1 i32.add))
const bytes = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x07, 0x01, 0x60,
  0x02, 0x7f, 0x7f, 0x01, 0x7f, 0x03, 0x02, 0x01, 0x00, 0x07, 0x07, 0x01,
  0x03, 0x61, 0x64, 0x64, 0x00, 0x00, 0x0a, 0x09, 0x01, 0x07, 0x00, 0x20,
  0x00, 0x20, 0x01, 0x6a, 0x0b,
]);

for (let i = 0; i < 20; i++) {
  WebAssembly.instantiate(bytes).then(common.mustCall(({ instance }) => {
    assert.strictEqual(instance.exports.add(i, 1), i + 1);
    // A second compilation started from the first one's continuation.
    return WebAssembly.compile(bytes);
  })).then(common.mustCall((module) => {
    assert.ok(module instanceof WebAssembly.Module);
  }));
}
