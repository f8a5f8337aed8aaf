'use strict';
require('../common');
const assert = require('assert');

// String.prototype.isWellFormed/toWellFormed, ArrayBuffer.prototype.transfer,
// transferToFixedLength and detached, Error.isError, RegExp.escape.

assert.strictEqual('ab'.isWellFormed(), true);
assert.strictEqual('\ud83d\ude00'.isWellFormed(), true);
assert.strictEqual('a\ud800'.isWellFormed(), false);
assert.strictEqual('\udc00\ud800'.toWellFormed(), '\ufffd\ufffd');
assert.strictEqual('x\ud83d\ude00\udfff'.toWellFormed(), 'x\ud83d\ude00\ufffd');
assert.throws(() => String.prototype.toWellFormed.call(null), TypeError);
assert.strictEqual(String.prototype.isWellFormed.call(12), true);

const buffer = new ArrayBuffer(4);
new Uint8Array(buffer).set([1, 2, 3, 4]);
const view = new Uint8Array(buffer);
assert.strictEqual(buffer.detached, false);
const moved = buffer.transfer();
assert.strictEqual(buffer.detached, true);
assert.strictEqual(buffer.byteLength, 0);
assert.strictEqual(view.length, 0);
assert.deepStrictEqual(new Uint8Array(moved), new Uint8Array([1, 2, 3, 4]));
assert.throws(() => buffer.transfer(), TypeError);
assert.deepStrictEqual(new Uint8Array(moved.transfer(6)),
                       new Uint8Array([1, 2, 3, 4, 0, 0]));
assert.deepStrictEqual(
  new Uint8Array(new ArrayBuffer(3).transferToFixedLength(1)),
  new Uint8Array(1));
assert.throws(() => new ArrayBuffer(1).transfer(-1), RangeError);
assert.throws(
  () => ArrayBuffer.prototype.transfer.call(new SharedArrayBuffer(1)),
  TypeError);
const detached =
  Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'detached');
assert.strictEqual(detached.get.name, 'get detached');
assert.strictEqual(detached.set, undefined);
assert.throws(() => detached.get.call(new SharedArrayBuffer(1)), TypeError);
assert.strictEqual(ArrayBuffer.prototype.transfer.length, 0);

assert.strictEqual(Error.isError(new TypeError()), true);
assert.strictEqual(Error.isError(new (class extends Error {})()), true);
assert.strictEqual(Error.isError(Object.create(Error.prototype)), false);
assert.strictEqual(Error.isError(new Proxy(new Error(), {})), false);
assert.strictEqual(Error.isError.length, 1);

assert.strictEqual(RegExp.escape('a.b*c'), '\\x61\\.b\\*c');
assert.strictEqual(RegExp.escape('1 + 1'), '\\x31\\x20\\+\\x201');
assert.strictEqual(RegExp.escape('-,\n\ud800'), '\\x2d\\x2c\\n\\ud800');
assert.strictEqual(RegExp.escape('\ud83d\ude00'), '\ud83d\ude00');
assert.ok(new RegExp(`^${RegExp.escape('(a)[b]{c}')}$`).test('(a)[b]{c}'));
assert.throws(() => RegExp.escape(1), TypeError);
