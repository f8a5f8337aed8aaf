// Flags: --expose-gc
'use strict';
// Deep equality remembers per object shape (map) whether objects of that
// shape have own symbol keys. Objects that share a shape until a symbol is
// added, dictionary-mode objects, Maps and Sets with symbols, and shapes
// met again after GCs (which empty that memory) must all still be told
// apart by their symbol keys.
require('../common');
const assert = require('assert');
const { isDeepStrictEqual } = require('util');

const s = Symbol('s');
const t = Symbol('t');

function check(a, b, expected) {
  assert.strictEqual(isDeepStrictEqual(a, b), expected);
  assert.strictEqual(isDeepStrictEqual(b, a), expected);
  if (expected) {
    assert.deepStrictEqual(a, b);
  } else {
    assert.throws(() => assert.deepStrictEqual(a, b),
                  { code: 'ERR_ASSERTION' });
  }
  // Loose mode ignores symbol keys.
  assert.deepEqual(a, b);
}

for (let round = 0; round < 3; round++) {
  // The shape of { a } is met first without symbols, then with one.
  check({ a: 1 }, { a: 1 }, true);
  const withSymbol = { a: 1 };
  withSymbol[s] = 1;
  check({ a: 1 }, withSymbol, false);
  const otherSymbol = { a: 1 };
  otherSymbol[t] = 1;
  check(withSymbol, otherSymbol, false);
  const sameSymbol = { a: 1 };
  sameSymbol[s] = 1;
  check(withSymbol, sameSymbol, true);
  sameSymbol[s] = 2;
  assert.strictEqual(isDeepStrictEqual(withSymbol, sameSymbol), false);

  // A non-enumerable symbol key takes no part in the comparison.
  const hidden = { a: 1 };
  Object.defineProperty(hidden, s, { value: 1, enumerable: false });
  check(hidden, { a: 1 }, true);

  // Dictionary-mode objects share maps: each is asked for itself.
  const dict1 = { x: 1, y: 2, z: 3 };
  delete dict1.x;
  const dict2 = { x: 1, y: 2, z: 3 };
  delete dict2.x;
  check(dict1, dict2, true);
  dict2[s] = 1;
  check(dict1, dict2, false);
  const bare = Object.create(null);
  bare.y = 2;
  const bareSymbol = Object.create(null);
  bareSymbol.y = 2;
  bareSymbol[s] = 1;
  check(bare, bareSymbol, false);

  // Maps and Sets with symbol keys of their own.
  const map = new Map([[1, 2]]);
  const mapSymbol = new Map([[1, 2]]);
  mapSymbol[s] = 1;
  check(new Map([[1, 2]]), map, true);
  check(map, mapSymbol, false);
  const set = new Set([1]);
  const setSymbol = new Set([1]);
  setSymbol[s] = 1;
  check(new Set([1]), set, true);
  check(set, setSymbol, false);

  // Nested: the difference is one level down.
  check({ inner: { a: 1 } }, { inner: withSymbol }, false);

  // Many shapes (more than any cache holds), a symbol on every seventh.
  for (let i = 0; i < 1000; i++) {
    const key = `k${i}`;
    const a = { [key]: i };
    if (i % 7 === 0) a[s] = i;
    assert.strictEqual(isDeepStrictEqual(a, { [key]: i }), i % 7 !== 0);
    if (i % 250 === 0) globalThis.gc();
  }
  globalThis.gc();
}
