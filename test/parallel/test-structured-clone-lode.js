'use strict';
// structuredClone(): options conversion, transfer checks, DOMException and
// SharedArrayBuffer clones.
require('../common');
const assert = require('assert');

const prefix = "Failed to execute 'structuredClone'";
for (const options of ['', 1, true, Symbol('x')]) {
  assert.throws(() => structuredClone(1, options), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: `${prefix}: Options cannot be converted to a dictionary`,
  });
}
for (const transfer of [null, 1, '', {}, { length: 0 }]) {
  assert.throws(() => structuredClone(1, { transfer }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: `${prefix}: transfer in Options can not be converted to sequence.`,
  });
}
assert.throws(() => structuredClone(1, { transfer: [1] }), {
  code: 'ERR_INVALID_ARG_TYPE', message: 'Value is not an object',
});
assert.strictEqual(structuredClone(1, null), 1);
assert.strictEqual(structuredClone(1, () => {}), 1);
assert.strictEqual(structuredClone(1, { transfer: undefined }), 1);

// Any iterable is a transfer list.
{
  const ab = new ArrayBuffer(4);
  const copy = structuredClone(ab, { transfer: new Set([ab]) });
  assert.strictEqual(ab.byteLength, 0);
  assert.strictEqual(copy.byteLength, 4);
}

function dataCloneError(message) {
  return { name: 'DataCloneError', code: 25, message };
}
{
  const ab = new ArrayBuffer(8);
  assert.throws(() => structuredClone(ab, { transfer: [ab, ab] }),
                dataCloneError('Transfer list contains duplicate ArrayBuffer'));
  assert.strictEqual(ab.byteLength, 8);
  structuredClone(ab, { transfer: [ab] });
  assert.throws(() => structuredClone(ab, { transfer: [ab] }),
                dataCloneError('Cannot transfer object of unsupported type.'));
}
{
  // The pool of Buffer.from() is shared by other Buffers.
  const pool = Buffer.from('x').buffer;
  assert.throws(() => structuredClone(pool, { transfer: [pool] }),
                dataCloneError('Cannot transfer object of unsupported type.'));
}
for (const value of [{}, new Uint8Array(4), new DOMException('x')]) {
  assert.throws(() => structuredClone(1, { transfer: [value] }),
                dataCloneError('Found invalid value in transferList.'));
}

// DOMExceptions stay DOMExceptions, also nested, with their own stack.
{
  const e = new DOMException('msg', 'AbortError');
  const copy = structuredClone(e);
  assert.ok(copy instanceof DOMException);
  assert.strictEqual(copy.name, 'AbortError');
  assert.strictEqual(copy.message, 'msg');
  assert.strictEqual(copy.code, 20);
  assert.strictEqual(copy.stack, e.stack);
  assert.deepStrictEqual(Object.getOwnPropertyNames(copy), ['stack']);

  const tree = structuredClone({ list: [e, { e }], map: new Map([[1, e]]) });
  assert.ok(tree.list[0] instanceof DOMException);
  assert.strictEqual(tree.list[1].e, tree.list[0]);
  assert.strictEqual(tree.map.get(1), tree.list[0]);

  const withCause = structuredClone(new DOMException('c', { name: 'X', cause: 1 }));
  assert.strictEqual(withCause.name, 'X');
  assert.strictEqual(withCause.cause, undefined);

  const fake = Object.setPrototypeOf({}, DOMException.prototype);
  assert.ok(!(structuredClone(fake) instanceof DOMException));
}

// A SharedArrayBuffer clone is a new object over the same memory.
{
  const sab = new SharedArrayBuffer(4);
  const copy = structuredClone({ a: sab, b: sab });
  assert.notStrictEqual(copy.a, sab);
  assert.strictEqual(copy.a, copy.b);
  new Uint8Array(copy.a)[0] = 7;
  assert.strictEqual(new Uint8Array(sab)[0], 7);
}

// The web globals are plain data properties, as in Node.
for (const [name, enumerable] of [['URL', false], ['URLSearchParams', false],
                                  ['atob', true], ['btoa', true],
                                  ['structuredClone', true]]) {
  const desc = Object.getOwnPropertyDescriptor(globalThis, name);
  assert.strictEqual(desc.writable, true, name);
  assert.strictEqual(desc.enumerable, enumerable, name);
  assert.strictEqual(desc.configurable, true, name);
}
