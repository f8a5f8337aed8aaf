'use strict';
// structuredClone never flattens a web stream or a Blob into `{}`: a stream
// must be transferred (DataCloneError otherwise, as in Node) and Blob
// cloning is not implemented in lode yet (a clear error instead).
require('../common');
const assert = require('assert');

assert.throws(() => structuredClone({ nested: [new ReadableStream()] }), {
  name: 'DataCloneError',
  message: 'Object that needs transfer was found in message but not ' +
           'listed in transferList',
});
assert.throws(() => structuredClone(new WritableStream()),
              { name: 'DataCloneError' });
assert.throws(() => structuredClone(new Map([[1, new Blob(['x'])]])),
              { code: 'ERR_NOT_IMPLEMENTED' });

// Ordinary values are unaffected, and a Proxy's traps do not run.
let trapped = false;
const proxy = new Proxy({}, { get() { trapped = true; } });
assert.throws(() => structuredClone({ proxy }), { name: 'DataCloneError' });
assert.strictEqual(trapped, false);
assert.deepStrictEqual(structuredClone({ a: [1, { b: new Set([2]) }] }),
                       { a: [1, { b: new Set([2]) }] });
