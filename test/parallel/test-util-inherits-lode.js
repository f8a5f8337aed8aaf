'use strict';
require('../common');
const assert = require('assert');
const { inherits } = require('util');

function Base() {}
Base.prototype.hello = function() { return 'hello'; };
function Child() { Base.call(this); }
inherits(Child, Base);

assert.strictEqual(new Child().hello(), 'hello');
assert.strictEqual(Child.super_, Base);
assert.strictEqual(Object.getPrototypeOf(Child.prototype), Base.prototype);
assert.ok(new Child() instanceof Base);
// super_ is writable and configurable but not enumerable.
const desc = Object.getOwnPropertyDescriptor(Child, 'super_');
assert.deepStrictEqual(
  { writable: desc.writable, enumerable: desc.enumerable,
    configurable: desc.configurable },
  { writable: true, enumerable: false, configurable: true });

// Existing prototype members stay.
function Other() {}
Other.prototype.own = 1;
inherits(Other, Base);
assert.strictEqual(Other.prototype.own, 1);

assert.throws(() => inherits(null, Base), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "ctor" argument must be of type function. Received null',
});
assert.throws(() => inherits(Child, undefined), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "superCtor" argument must be of type function. ' +
           'Received undefined',
});
assert.throws(() => inherits(Child, {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "superCtor.prototype" property must be of type object. ' +
           'Received undefined',
});
