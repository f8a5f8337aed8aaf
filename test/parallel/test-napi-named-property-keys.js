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
