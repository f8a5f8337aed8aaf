'use strict';
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const { buildAddon } = require('../common/napi');

// napi_{set,get,has}_named_property take the name as UTF-8 text; the addon
// passes every name in the same buffer, so each call must read the text
// anew (lode caches the internalized keys by their text, not by address).

tmpdir.refresh();
const addon = require(buildAddon('keys'));

const names = [
  'x', 'y', 'x', 'xy', 'yx', '', 'a'.repeat(30), 'a'.repeat(31),
  'b'.repeat(29) + 'c', 'é', 'e\u0301', '日本語', '\u{1F600}', 'length',
  '0', '12', 'constructor', 'a'.repeat(200),
];
// Enough different names to wrap a small cache around several times.
for (let i = 0; i < 300; i++) names.push(`k${i}`, `k${i}`);

const obj = {};
addon.setNamed(obj, names);
const expected = {};
names.forEach((name, i) => { expected[name] = i; });
assert.deepStrictEqual(obj, expected);

const missing = ['z', 'x ', 'a'.repeat(32), 'é\u0301', 'k300'];
const got = addon.getNamed(obj, [...names, ...missing]);
names.forEach((name, i) => {
  assert.deepStrictEqual(got[i], [true, expected[name]], name);
});
missing.forEach((name, i) => {
  assert.deepStrictEqual(got[names.length + i], [false, undefined], name);
});

// A setter on the prototype still runs: the key is only a key.
const seen = [];
const proto = {
  set x(v) { seen.push(['x', v]); },
  set y(v) { seen.push(['y', v]); },
};
const child = Object.create(proto);
addon.setNamed(child, ['x', 'y', 'x']);
assert.deepStrictEqual(seen, [['x', 0], ['y', 1], ['x', 2]]);
assert.deepStrictEqual(Object.keys(child), []);

// A throwing setter: the exception reaches JS.
const throwing = Object.create({ set x(v) { throw new Error('no ' + v); } });
assert.throws(() => addon.setNamed(throwing, ['x']), { message: 'no 0' });

// Receivers that are not ordinary objects take ToObject() and V8's generic
// path: a proxy's trap sees each name, a primitive is wrapped (the store
// is lost), ToObject's TypeError for null and undefined reaches JS, and a
// frozen object keeps its properties (sloppy-mode assignment).
{
  const trapped = [];
  const proxy = new Proxy({}, {
    set(target, key, value) { trapped.push([key, value]); return true; },
  });
  addon.setNamed(proxy, ['x', 'k7', 'x']);
  assert.deepStrictEqual(trapped, [['x', 0], ['k7', 1], ['x', 2]]);
  addon.setNamed(42, ['x']);
  addon.setNamed('str', ['y']);
  for (const nothing of [undefined, null]) {
    assert.throws(() => addon.setNamed(nothing, ['x']), {
      name: 'TypeError',
      message: 'Cannot convert undefined or null to object',
    });
  }
  const frozen = Object.freeze({ x: 'kept' });
  addon.setNamed(frozen, ['x', 'y']);
  assert.deepStrictEqual(frozen, { x: 'kept' });
}

// A setter that sets many other names through the addon while the outer
// call is under way: the outer call's later names still land right.
{
  const inner = {};
  const many = [];
  for (let i = 0; i < 200; i++) many.push(`n${i}`);
  const outer = Object.create({
    set x(v) { addon.setNamed(inner, many); },
  });
  addon.setNamed(outer, ['x', 'y', 'k5', 'z']);
  assert.deepStrictEqual(Object.keys(outer), ['y', 'k5', 'z']);
  assert.deepStrictEqual([outer.y, outer.k5, outer.z], [1, 2, 3]);
  assert.strictEqual(Object.keys(inner).length, 200);
  assert.strictEqual(inner.n199, 199);
}
