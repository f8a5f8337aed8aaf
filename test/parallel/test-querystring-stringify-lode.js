'use strict';
require('../common');
const assert = require('assert');
const qs = require('querystring');

assert.strictEqual(qs.stringify({
  a: 1, b: [1, 2], c: [], d: null, e: undefined, f: true, g: 1e21, h: -1.5,
  i: NaN, j: 10n, k: 'ü €', l: {}, m: () => 1, 'ü k': 'x',
}), 'a=1&b=1&b=2&d=&e=&f=true&g=1e%2B21&h=-1.5&i=&j=10&k=%C3%BC%20%E2%82%AC&l=&m=&%C3%BC%20k=x');
assert.strictEqual(qs.stringify({ a: [1, 2] }, ';', ':'), 'a:1;a:2');
assert.strictEqual(qs.stringify({ a: 'b c' }, null, null,
                                { encodeURIComponent: (s) => `<${s}>` }), '<a>=<b c>');
assert.strictEqual(qs.stringify('x'), '');
assert.strictEqual(qs.stringify(Object.assign(Object.create({ inherited: 1 }), { own: 2 })),
                   'own=2');
assert.strictEqual(qs.encode, qs.stringify);

// escape(): the unreserved characters stay, everything else is UTF-8.
assert.strictEqual(qs.escape("a b&c=d/é~!*'()"), "a%20b%26c%3Dd%2F%C3%A9~!*'()");
assert.strictEqual(qs.escape(5), '5');
assert.strictEqual(qs.escape({}), '%5Bobject%20Object%5D');
assert.strictEqual(qs.escape([1, 2]), '1%2C2');
assert.strictEqual(qs.escape('\udc00x'), '%F0%90%81%B8');
assert.throws(() => qs.escape('\ud800'), {
  name: 'URIError', code: 'ERR_INVALID_URI', message: 'URI malformed',
});
assert.throws(() => qs.stringify({ a: '\ud800' }), { code: 'ERR_INVALID_URI' });

// A replaced escape() is used by stringify().
const saved = qs.escape;
qs.escape = (s) => `(${s})`;
assert.strictEqual(qs.stringify({ k: 'v' }), '(k)=(v)');
qs.escape = saved;
