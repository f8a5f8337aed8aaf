'use strict';
// util.inspect() and deep equality find the named properties of arrays
// (getOwnNonIndexProperties answers at once for arrays that still have an
// initial array map: every way of giving an array more keys is covered).
require('../common');
const assert = require('assert');
const util = require('util');
const vm = require('vm');

function check(array, shown, hidden) {
  assert.strictEqual(util.inspect(array), shown);
  assert.strictEqual(util.inspect(array, { showHidden: true }), hidden);
}

check([1, 2], '[ 1, 2 ]', '[ 1, 2, [length]: 2 ]');
check([1.5, , 'a'], "[ 1.5, <1 empty item>, 'a' ]",  // eslint-disable-line no-sparse-arrays
      "[ 1.5, <1 empty item>, 'a', [length]: 3 ]");

const named = [1, 2];
named.x = 1;
check(named, '[ 1, 2, x: 1 ]', '[ 1, 2, [length]: 2, x: 1 ]');

const symbol = [1.5];
symbol[Symbol('s')] = 2;
check(symbol, '[ 1.5, Symbol(s): 2 ]', '[ 1.5, [length]: 1, Symbol(s): 2 ]');

const hidden = ['a'];
Object.defineProperty(hidden, 'h', { value: 1, enumerable: false });
check(hidden, "[ 'a' ]", "[ 'a', [length]: 1, [h]: 1 ]");

check(Object.freeze([1, 2]), '[ 1, 2 ]', '[ 1, 2, [length]: 2 ]');

const other = vm.runInNewContext('const q = [1, 2]; q.y = 3; q');
check(other, '[ 1, 2, y: 3 ]', '[ 1, 2, [length]: 2, y: 3 ]');

// A key added after the array was printed once is still seen.
const later = [{}, {}];
assert.strictEqual(util.inspect(later), '[ {}, {} ]');
later.z = true;
assert.strictEqual(util.inspect(later), '[ {}, {}, z: true ]');

// Deep equality compares the named keys too.
assert(util.isDeepStrictEqual([1, 2], [1, 2]));
assert(!util.isDeepStrictEqual(named, [1, 2]));
assert(!util.isDeepStrictEqual([1, 2], named));
assert(!util.isDeepStrictEqual(symbol, [1.5]));
assert(util.isDeepStrictEqual(hidden, ['a']));
assert(util.isDeepStrictEqual(other, structuredClone(other)) === false);
const copy = [1, 2];
copy.x = 1;
assert(util.isDeepStrictEqual(named, copy));
assert.deepStrictEqual(named, copy);
assert.throws(() => assert.deepStrictEqual(named, [1, 2]),
              { code: 'ERR_ASSERTION' });
