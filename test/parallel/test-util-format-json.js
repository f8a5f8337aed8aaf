'use strict';
// util.format's %j writes plain objects itself: the text must be
// JSON.stringify's, and getters and toJSON must run as often, and in the
// same order, as under JSON.stringify.
require('../common');
const assert = require('assert');
const { format } = require('util');

function same(value) {
  assert.strictEqual(format('%j', value), JSON.stringify(value));
}

same({ x: 1 });
same({});
same({ a: 'b', c: true, d: false, e: null, f: undefined, g: Symbol('s') });
same({ fn() {}, arrow: () => 1 });
same({ 'q"uote': 'back\\slash', nl: 'a\nb', ctl: '\u0001\u001f', del: '\u007f' });
same({ lone: '\ud800', low: '\udc00', pair: '\ud83d\ude00', sep: '\u2028' });
same({ long: 'x'.repeat(1000), ['k'.repeat(300)]: 1 });
same({ zero: -0, nan: NaN, inf: Infinity, ninf: -Infinity, f: 1.5 });
same({ big: 1e21, small: 1e-7, max: Number.MAX_VALUE });
same({ 1: 'one', 0: 'zero', b: 2, a: 1 });
same({ ['__proto__']: 5, a: 1 });
same({ nested: { a: [1, { b: 2 }] }, d: new Date(0) });
same({ num: new Number(3), str: new String('s'), bool: new Boolean(false) });
same({ toJSON: 5, a: 1 });
same({ toJSON() { return { y: 2 }; } });
same(Object.create(null));
same(Object.create({ inherited: 1 }));
same(new Proxy({ a: 1 }, {}));
(function() { same(arguments); })(1, 'a');

// Keys are written as JSON writes them, whichever object they came in first.
for (let i = 0; i < 3000; i++) same({ [`k${i}`]: i, 'a"b': i });

assert.throws(() => format('%j', { big: 1n }),
              { name: 'TypeError', message: /BigInt/ });

// Getters run once each, in key order, also when a later value is an object.
{
  const seen = [];
  const value = {
    get a() { seen.push('a'); return 1; },
    b: 'x',
    get c() { seen.push('c'); return { d: [1] }; },
    e: { toJSON(key) { seen.push(`toJSON ${key}`); return key; } },
    get f() { seen.push('f'); return () => {}; },
  };
  assert.strictEqual(format('%j', value),
                     '{"a":1,"b":"x","c":{"d":[1]},"e":"e"}');
  assert.deepStrictEqual(seen.splice(0), ['a', 'c', 'toJSON e', 'f']);
  JSON.stringify(value);
  assert.deepStrictEqual(seen, ['a', 'c', 'toJSON e', 'f']);
}

// A cycle back to the object, after a getter ran: '[Circular]', getter once.
{
  let calls = 0;
  const value = { get g() { calls++; return 1; }, o: {} };
  value.o.back = value;
  assert.strictEqual(format('%j', value), '[Circular]');
  assert.strictEqual(calls, 1);
}
{
  const value = { a: 1 };
  value.self = value;
  assert.strictEqual(format('%j', value), '[Circular]');
}

// toJSON inherited from Object.prototype is honoured, a getter of it runs
// once.
{
  let calls = 0;
  Object.defineProperty(Object.prototype, 'toJSON', {
    configurable: true,
    get() { calls++; return undefined; },
  });
  assert.strictEqual(format('%j', { x: 1 }), '{"x":1}');
  assert.strictEqual(calls, 1);
  delete Object.prototype.toJSON;
  // eslint-disable-next-line no-extend-native
  Object.prototype.toJSON = function() { return 'proto'; };
  assert.strictEqual(format('%j', { x: 1 }), '"proto"');
  delete Object.prototype.toJSON;
}

// A Proxy's traps run as under JSON.stringify: no getPrototypeOf.
{
  const traps = [];
  const handler = {};
  for (const trap of ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor',
                      'getPrototypeOf']) {
    handler[trap] = (...args) => {
      traps.push(trap);
      return Reflect[trap](...args);
    };
  }
  const proxy = new Proxy({ a: 1 }, handler);
  assert.strictEqual(format('%j', proxy), '{"a":1}');
  const viaJSON = traps.splice(0);
  JSON.stringify(proxy);
  assert.deepStrictEqual(viaJSON, traps);
}

// Exotic objects given Object.prototype are still JSON.stringify's.
for (const value of [new Number(1), new String('s'), new Boolean(true), [1, 2],
                     new Uint8Array(2), new Map([[1, 2]])]) {
  Object.setPrototypeOf(value, Object.prototype);
  same(value);
}
assert.throws(() => format('%j', Object.setPrototypeOf(Object(1n),
                                                       Object.prototype)),
              { name: 'TypeError', message: /BigInt/ });

// A Proxy up the prototype chain: only its get trap runs, as under
// JSON.stringify.
{
  const traps = [];
  const proto = new Proxy({}, {
    get(target, key, receiver) {
      traps.push(`get ${String(key)}`);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      traps.push(`has ${String(key)}`);
      return Reflect.has(target, key);
    },
  });
  const value = Object.create(proto);
  value.a = 1;
  assert.strictEqual(format('%j', value), '{"a":1}');
  assert.deepStrictEqual(traps, ['get toJSON']);
}
