'use strict';
require('../common');
const assert = require('assert');
const vm = require('vm');
const { inspect } = require('util');

// inspect reads the items of an ordinary array directly; what it prints must
// stay what the items' descriptors say, also when formatting an item changes
// the array (expected strings are Node's).

// Packed and holey arrays, holes, undefined items.
assert.strictEqual(inspect([1, 'a', undefined, null]),
                   "[ 1, 'a', undefined, null ]");
assert.strictEqual(inspect([1, , 3]), '[ 1, <1 empty item>, 3 ]');
const filled = Array.from({ length: 3 }, (_, i) => ({ i }));
assert.strictEqual(inspect(filled), '[ { i: 0 }, { i: 1 }, { i: 2 } ]');

// An item turned accessor, non-enumerable or extra keys by earlier code.
const getter = [1, 2, 3];
Object.defineProperty(getter, 1, { get() { return 42; }, enumerable: true });
assert.strictEqual(inspect(getter), '[ 1, [Getter], 3 ]');
const hidden = [1, 2, 3];
Object.defineProperty(hidden, 1, { value: 9, enumerable: false });
assert.strictEqual(inspect(hidden), '[ 1, 9, 3 ]');

// Items' custom inspect functions changing the array while it is printed.
const shrunk = [1, 2, 3, 4];
shrunk[1] = { [inspect.custom]() { shrunk.length = 2; return 'M'; } };
assert.strictEqual(inspect(shrunk), '[ 1, M ]');

const holed = [1, 2, 3, 4];
holed[0] = { [inspect.custom]() { delete holed[2]; return 'D'; } };
assert.strictEqual(inspect(holed), '[ D, 2, <1 empty item>, 4 ]');

const accessor = ['a', 'b', 'c'];
accessor[0] = {
  [inspect.custom]() {
    Object.defineProperty(accessor, 2, {
      get() { throw new Error('must not be called'); },
      enumerable: true,
      configurable: true,
    });
    return 'X';
  },
};
assert.strictEqual(inspect(accessor), "[ X, 'b', [Getter] ]");

// A user stylize runs for every item and may change the array too.
const styled = [1, 2, 3];
let calls = 0;
const text = inspect(styled, {
  stylize(str) {
    if (++calls === 1) {
      Object.defineProperty(styled, 2, {
        get() { throw new Error('must not be called'); },
        enumerable: true,
      });
    }
    return str;
  },
});
assert.strictEqual(text, '[ 1, 2, [Getter] ]');

// Arrays of another context and subclasses take the descriptor path.
assert.strictEqual(inspect(vm.runInNewContext('[1, [2], { a: 3 }]')),
                   '[ 1, [ 2 ], { a: 3 } ]');
class List extends Array {}
assert.strictEqual(inspect(List.from([1, 2])), 'List(2) [ 1, 2 ]');

// Objects whose prototype is Object.prototype or Array.prototype, with and
// without an own `constructor`.
assert.strictEqual(inspect({ constructor: 1, a: 2 }),
                   '{ constructor: 1, a: 2 }');
function Named() {}
assert.strictEqual(inspect({ constructor: Named, a: 2 }),
                   '{ constructor: [Function: Named], a: 2 }');
assert.strictEqual(inspect(Object.setPrototypeOf([1], Object.prototype)),
                   "{ '0': 1 }");
assert.strictEqual(inspect(new Proxy([1, 2], {})), '[ 1, 2 ]');
