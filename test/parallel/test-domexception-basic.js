'use strict';
require('../common');
const assert = require('assert');
const { inspect } = require('util');

const e = new DOMException('boom', 'AbortError');
assert.ok(e instanceof Error);
assert.strictEqual(e.name, 'AbortError');
assert.strictEqual(e.message, 'boom');
assert.strictEqual(e.code, 20);
assert.strictEqual(DOMException.ABORT_ERR, 20);
assert.strictEqual(DOMException.prototype.DATA_CLONE_ERR, 25);
assert.strictEqual(Object.prototype.toString.call(e), '[object DOMException]');
assert.strictEqual(String(e), 'AbortError: boom');
assert.match(inspect(e), /^DOMException \[AbortError\]: boom\n {4}at /);
assert.deepStrictEqual(Object.keys(e), []);

const plain = new DOMException();
assert.strictEqual(plain.name, 'Error');
assert.strictEqual(plain.message, '');
assert.strictEqual(plain.code, 0);

const withCause = new DOMException('m', { name: 'DataCloneError', cause: 1 });
assert.strictEqual(withCause.code, 25);
assert.strictEqual(withCause.cause, 1);

assert.throws(() => DOMException.prototype.name, {
  code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of DOMException',
});
assert.throws(() => DOMException(), TypeError);

class Sub extends DOMException {}
assert.strictEqual(new Sub('m', 'NotFoundError').code, 8);

const desc = Object.getOwnPropertyDescriptor(globalThis, 'DOMException');
assert.strictEqual(desc.enumerable, false);
assert.strictEqual(desc.writable, true);
