'use strict';
// Messages of plain data (primitives, ordinary objects, dense arrays) are
// read by the port without V8's deserializer: what arrives must be what
// V8 would have made of them (and what structuredClone() makes), within a
// port's thread and across threads, and making the objects must run no
// code of Object.prototype.
const common = require('../common');
const assert = require('assert');
const util = require('util');
const { MessageChannel, Worker } = require('worker_threads');

const shared = { a: 1 };
const cyclic = { name: 'c' };
cyclic.self = cyclic;

function values() {
  return [
    null, undefined, true, false, 0, -0, 1, -1, 2 ** 31 - 1, -(2 ** 31),
    2 ** 31, 2 ** 32, 1.5, NaN, Infinity, -Infinity, 1e300,
    '', 'x', 'ping', 'caf\u00e9', '\u0127ello', '\u{1f600}', 'a'.repeat(1000),
    '\ud800',
    {}, { a: 1 }, { id: 7, kind: 'ping', payload: [7, 'x'] },
    [], [1, 2, 3], [[]], [{}], [{ a: [{ b: {} }] }],
    { __proto__: null, x: 1 }, { ['__proto__']: 5 },
    { constructor: 1, toString: 2, hasOwnProperty: 3 },
    { 'kl\u00fc\u00e7': 'v', 'k\u{1f600}': 1 }, { 1: 'a', b: 2 },
    [1, , 3], Object.assign([1, 2], { extra: 1 }),
    { d: new Date(0) }, new Map([[1, 2]]),
    { nested: { deep: { deeper: [1, [2, [3, { x: 'y' }]]] } } },
    { x: shared, y: shared }, cyclic,
    { big: 10n }, new Uint8Array([1, 2]), { u: undefined, n: null },
    Array.from({ length: 5000 }, (_, i) => i),
    { a: [{ b: 1 }, { c: [{ d: 2 }] }], e: { f: { g: 3 } } },
    { type: 't', chunks: [{ chunk: 'c', encoding: 'utf8' }] },
    { list: [[{ x: 1 }], 2] }, [{ a: 1 }, [{ b: 2 }]],
    Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i])),
  ];
}

function check(got, want) {
  const clone = structuredClone(want);
  assert.ok(util.isDeepStrictEqual(got, clone),
            `${util.inspect(got)} !== ${util.inspect(clone)}`);
  if (Object.is(want, -0)) assert.ok(Object.is(got, -0));
  if (typeof got === 'object' && got !== null) {
    assert.strictEqual(Object.getPrototypeOf(got),
                       Object.getPrototypeOf(clone));
    assert.deepStrictEqual(Reflect.ownKeys(got), Reflect.ownKeys(clone));
  }
}

{
  // In one thread.
  const list = values();
  const { port1, port2 } = new MessageChannel();
  let i = 0;
  port2.on('message', common.mustCall((got) => {
    check(got, list[i]);
    if (++i === list.length) port2.close();
  }, list.length));
  for (const value of list) port1.postMessage(value);
}

{
  // Shared references and cycles survive.
  const { port1, port2 } = new MessageChannel();
  port2.on('message', common.mustCall((got) => {
    if (got.name === 'c') {
      assert.strictEqual(got.self, got);
    } else {
      assert.strictEqual(got.x, got.y);
      port2.close();
    }
  }, 2));
  port1.postMessage(cyclic);
  port1.postMessage({ x: shared, y: shared });
}

{
  // Properties are defined: setters and read-only properties of
  // Object.prototype do not get in the way.
  let setterRan = 0;
  Object.defineProperty(Object.prototype, 'trap', {
    set() { setterRan++; }, get() { return 'proto'; }, configurable: true,
  });
  Object.defineProperty(Object.prototype, 'ro', {
    value: 1, writable: false, configurable: true,
  });
  const { port1, port2 } = new MessageChannel();
  port2.once('message', common.mustCall((got) => {
    delete Object.prototype.trap;
    delete Object.prototype.ro;
    assert.strictEqual(setterRan, 0);
    const data = { value: 2, writable: true, enumerable: true,
                   configurable: true };
    assert.deepStrictEqual(Object.getOwnPropertyDescriptor(got, 'trap'), data);
    assert.deepStrictEqual(Object.getOwnPropertyDescriptor(got, 'ro'),
                           { ...data, value: 3 });
    assert.deepStrictEqual(Object.keys(got), ['a', 'trap', 'ro', 'inner']);
    assert.strictEqual(Object.getOwnPropertyDescriptor(got.inner, 'trap').value,
                       4);
    assert.strictEqual(Object.getPrototypeOf(JSON.parse('{"__proto__":1}')),
                       Object.prototype);
    port2.close();
  }));
  port1.postMessage(JSON.parse('{"a":1,"trap":2,"ro":3,"inner":{"trap":4}}'));
}

{
  // Across threads: the worker sends the same values back, and gets them
  // as they were.
  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    parentPort.on('message', (m) => {
      if (m === 'done') parentPort.close();
      else parentPort.postMessage(m);
    });
  `, { eval: true });
  const list = values();
  let i = 0;
  w.on('message', common.mustCall((got) => {
    check(got, list[i]);
    if (typeof got === 'object' && got !== null) {
      // Made in this thread's realm.
      assert.ok(Array.isArray(got) || got instanceof Object ||
                Object.getPrototypeOf(got) === null);
    }
    if (++i === list.length) w.postMessage('done');
  }, list.length));
  w.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
  for (const value of list) w.postMessage(value);
}
