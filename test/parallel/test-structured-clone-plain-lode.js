'use strict';
// structuredClone() of plain data (copied without the serializer) gives what
// the serializer gives, and hands everything else to it untouched: getters
// run once, in order; no setter of a prototype runs; errors are the same.
require('../common');
const assert = require('assert');

// Plain objects and arrays: structure, sharing and cycles.
{
  const shared = { z: 1 };
  const value = { a: 1, b: 'two', c: [1, 2.5, -0, null, undefined, true, 3n],
                  d: { e: shared }, f: [shared, shared] };
  value.self = value;
  value.c.push(value.c);
  const copy = structuredClone(value);
  assert.notStrictEqual(copy, value);
  assert.strictEqual(copy.self, copy);
  assert.strictEqual(copy.c[7], copy.c);
  assert.strictEqual(copy.d.e, copy.f[0]);
  assert.strictEqual(copy.f[0], copy.f[1]);
  assert.notStrictEqual(copy.d.e, shared);
  assert.ok(Object.is(copy.c[2], -0));
  assert.deepStrictEqual(Object.keys(copy), ['a', 'b', 'c', 'd', 'f', 'self']);
  assert.strictEqual(copy.c[6], 3n);
}

// Key order (indices first), own enumerable string keys only, prototypes
// dropped, '__proto__' an own property.
{
  class A {
    #hidden = 1;
    constructor() { this.x = 1; }
    get y() { return 2; }
  }
  const a = new A();
  Object.defineProperty(a, 'n', { value: 1, enumerable: false });
  a[Symbol('s')] = 1;
  const copy = structuredClone(a);
  assert.strictEqual(Object.getPrototypeOf(copy), Object.prototype);
  assert.deepStrictEqual(Reflect.ownKeys(copy), ['x']);

  const o = {};
  o.b = 1;
  o[5] = 2;
  o.a = 3;
  o[0] = 4;
  assert.deepStrictEqual(Object.keys(structuredClone(o)), ['0', '5', 'b', 'a']);

  const p = structuredClone(JSON.parse('{"__proto__": {"a": 1}}'));
  assert.strictEqual(Object.getPrototypeOf(p), Object.prototype);
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(p, '__proto__'), {
    value: { a: 1 }, writable: true, enumerable: true, configurable: true,
  });

  const n = structuredClone(Object.assign(Object.create(null), { q: 1 }));
  assert.strictEqual(Object.getPrototypeOf(n), Object.prototype);
  assert.deepStrictEqual(n, { q: 1 });

  const arr = [1, 2];
  arr.extra = 'e';
  const arrCopy = structuredClone(arr);
  assert.ok(Array.isArray(arrCopy));
  assert.deepStrictEqual(Object.keys(arrCopy), ['0', '1', 'extra']);

  const frozen = structuredClone(Object.freeze({ a: [1] }));
  assert.strictEqual(Object.isFrozen(frozen), false);
}

// Holes stay holes.
{
  // eslint-disable-next-line no-sparse-arrays
  const copy = structuredClone([1, , 3]);
  assert.strictEqual(copy.length, 3);
  assert.strictEqual(1 in copy, false);
  const big = [];
  big[100000] = 1;
  assert.strictEqual(structuredClone(big).length, 100001);
}

// Getters run once each, in order, even when the clone then fails.
{
  const log = [];
  const value = {
    a: 1,
    get b() { log.push('b'); return { c: 2 }; },
    d: [1, 2],
  };
  Object.defineProperty(value.d, 1, {
    get() { log.push('d1'); return 3; }, enumerable: true,
  });
  assert.deepStrictEqual(structuredClone(value), { a: 1, b: { c: 2 },
                                                   d: [1, 3] });
  assert.deepStrictEqual(log, ['b', 'd1']);

  log.length = 0;
  const failing = { get a() { log.push('a'); return 1; }, f() {} };
  assert.throws(() => structuredClone(failing), {
    name: 'DataCloneError',
    message: 'f() {} could not be cloned.',
  });
  assert.deepStrictEqual(log, ['a']);
}

// Values that cannot be cloned fail as they do through the serializer.
{
  assert.throws(() => structuredClone({ a: [1, () => 1] }), {
    name: 'DataCloneError',
    message: '() => 1 could not be cloned.',
  });
  assert.throws(() => structuredClone([Symbol('q')]), {
    name: 'DataCloneError',
    message: 'Symbol(q) could not be cloned.',
  });
  assert.throws(() => structuredClone({ p: new Proxy({}, {}) }), {
    name: 'DataCloneError',
    message: '#<Object> could not be cloned.',
  });
  let deep = {};
  for (let i = 0; i < 100000; i++) deep = { deep };
  assert.throws(() => structuredClone(deep), RangeError);
}

// Objects of other kinds inside plain data still clone.
{
  const key = { k: 1 };
  const value = { m: new Map([[key, { v: key }]]), d: new Date(5),
                  s: new Set([1]), r: /x/g, u: new Uint8Array([1, 2]) };
  const copy = structuredClone(value);
  const [copyKey] = copy.m.keys();
  assert.strictEqual(copy.m.get(copyKey).v, copyKey);
  assert.strictEqual(copy.d.getTime(), 5);
  assert.deepStrictEqual(copy.s, new Set([1]));
  assert.strictEqual(String(copy.r), '/x/g');
  assert.deepStrictEqual(copy.u, new Uint8Array([1, 2]));
}

// No setter of Object.prototype or Array.prototype runs, and read-only
// properties there do not stop the copy.
{
  const calls = [];
  Object.defineProperty(Object.prototype, 'polluted', {
    set(v) { calls.push(v); }, configurable: true,
  });
  Object.defineProperty(Object.prototype, 'fixed', {
    value: 0, writable: false, configurable: true,
  });
  Object.defineProperty(Array.prototype, 0, {
    set(v) { calls.push(v); }, configurable: true,
  });
  Object.defineProperty(Object.prototype, 1, {
    set(v) { calls.push(v); }, configurable: true,
  });
  try {
    // Objects only first: no array in the way.
    const plain = structuredClone({ polluted: 1, fixed: 2,
                                    o: { polluted: 3 } });
    const valueOf = (object, key) =>
      Object.getOwnPropertyDescriptor(object, key).value;
    assert.strictEqual(valueOf(plain, 'polluted'), 1);
    assert.strictEqual(valueOf(plain, 'fixed'), 2);
    assert.strictEqual(valueOf(plain.o, 'polluted'), 3);
    const copy = structuredClone({ polluted: 1, fixed: 2, list: ['a', 'b'] });
    assert.deepStrictEqual(Object.getOwnPropertyDescriptor(copy, 'polluted'),
                           { value: 1, writable: true, enumerable: true,
                             configurable: true });
    assert.strictEqual(Object.getOwnPropertyDescriptor(copy, 'fixed').value,
                       2);
    assert.deepStrictEqual(Object.getOwnPropertyDescriptor(copy.list, 0),
                           { value: 'a', writable: true, enumerable: true,
                             configurable: true });
    assert.strictEqual(Object.getOwnPropertyDescriptor(copy.list, 1).value,
                       'b');
    assert.deepStrictEqual(calls, []);
  } finally {
    delete Object.prototype.polluted;
    delete Object.prototype.fixed;
    delete Array.prototype[0];
    delete Object.prototype[1];
  }
}

// Maps and Sets are read and filled without their (replaceable) methods.
{
  const map = new Map([[1, { a: 1 }]]);
  const set = new Set(['x']);
  const saved = [Map.prototype.set, Map.prototype.entries,
                 Set.prototype.add, Set.prototype.values];
  const calls = [];
  Map.prototype.set = Map.prototype.entries = Set.prototype.add =
    Set.prototype.values = function() { calls.push(this); };
  try {
    const copy = structuredClone({ map, set, d: new Date(9) });
    assert.deepStrictEqual(calls, []);
    assert.strictEqual(copy.map.size, 1);
    assert.strictEqual(copy.set.size, 1);
    assert.strictEqual(copy.d.getTime(), 9);
  } finally {
    [Map.prototype.set, Map.prototype.entries,
     Set.prototype.add, Set.prototype.values] = saved;
  }
  assert.deepStrictEqual(structuredClone(map), map);
  assert.deepStrictEqual(structuredClone(set), set);
}

// An accessor without a getter reads as undefined; its setter never runs.
{
  const value = { set x(v) { throw new Error('setter ran'); }, y: 1 };
  assert.deepStrictEqual(structuredClone(value), { x: undefined, y: 1 });
  const list = [1, 2, 3];
  Object.defineProperty(list, 1, { set(v) {}, enumerable: true });
  assert.deepStrictEqual(structuredClone(list), [1, undefined, 3]);
  const read = [1, 2];
  Object.defineProperty(read, 0, { value: 5, writable: false });
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(structuredClone(read),
                                                         0),
                         { value: 5, writable: true, enumerable: true,
                           configurable: true });
}
