'use strict';
// Two values whose Object.prototype.toString tag is '[object Object]' are
// compared by their keys alone, as in Node: an object with Error.prototype,
// or an Error, Date or boxed number whose Symbol.toStringTag says 'Object',
// is not refused for what it really is.
require('../common');
const assert = require('assert');
const { isDeepStrictEqual } = require('util');

class E extends Error {}
assert.strictEqual(isDeepStrictEqual(Object.create(Error.prototype),
                                     Object.create(Error.prototype)), true);
assert.strictEqual(isDeepStrictEqual(Object.setPrototypeOf({}, E.prototype),
                                     Object.setPrototypeOf({}, E.prototype)),
                   true);
assert.deepEqual({}, Object.create(Error.prototype));
assert.deepEqual(Object.create(Error.prototype), {});

const withMessage = (message) =>
  Object.assign(Object.create(Error.prototype), { message });
assert.strictEqual(isDeepStrictEqual(withMessage('x'), withMessage('x')),
                   true);
assert.strictEqual(isDeepStrictEqual(withMessage('x'), withMessage('y')),
                   false);

// Real errors that say 'Object': their message is an own non-enumerable
// property, so it is not compared.
const e1 = new Error('x');
e1[Symbol.toStringTag] = 'Object';
const e2 = new Error('y');
e2[Symbol.toStringTag] = 'Object';
assert.strictEqual(isDeepStrictEqual(e1, e2), true);
assert.deepEqual(e1, {});
assert.deepEqual({}, e1);

const date = new Date(0);
Object.defineProperty(date, Symbol.toStringTag, { value: 'Object' });
assert.deepEqual({}, date);
assert.deepEqual(date, {});
const number = new Number(3);
number[Symbol.toStringTag] = 'Object';
assert.deepEqual({}, number);
assert.deepEqual(number, {});

// A real error against an object with Error.prototype: the tags differ.
assert.throws(() => assert.deepEqual(new Error('a'),
                                     Object.create(Error.prototype)),
              { code: 'ERR_ASSERTION' });
assert.throws(() => assert.deepEqual(Object.create(Error.prototype),
                                     new Error('a')),
              { code: 'ERR_ASSERTION' });
