'use strict';
require('../common');
const assert = require('assert');

// Parsing: '+' is a space, escapes are UTF-8, bad bytes become U+FFFD.
const p = new URLSearchParams('?a=b=c&&d&=e&f=%zz&g=%F0%9F%92%A9&h=%C3%28&+=+');
assert.deepStrictEqual([...p], [
  ['a', 'b=c'], ['d', ''], ['', 'e'], ['f', '%zz'], ['g', '💩'],
  ['h', '\uFFFD('], [' ', ' '],
]);
assert.strictEqual(p.toString(),
                   'a=b%3Dc&d=&=e&f=%25zz&g=%F0%9F%92%A9&h=%EF%BF%BD%28&+=+');
assert.strictEqual(p.size, 7);

// The other initializers: records, pairs, another URLSearchParams.
assert.strictEqual(new URLSearchParams({ a: 1, b: [2, 3] }).toString(), 'a=1&b=2%2C3');
assert.strictEqual(new URLSearchParams([['x', 'y'], new Set(['k', 'v'])]).toString(),
                   'x=y&k=v');
assert.strictEqual(new URLSearchParams(new URLSearchParams('q=1')).toString(), 'q=1');
assert.strictEqual(new URLSearchParams({ '\ud800': 'x', '\ufffd': 'y' }).toString(),
                   '%EF%BF%BD=y');
assert.throws(() => new URLSearchParams([['a']]), {
  code: 'ERR_INVALID_TUPLE',
  message: 'Each query pair must be an iterable [name, value] tuple',
});
assert.throws(() => new URLSearchParams({ [Symbol.iterator]: 1 }), {
  code: 'ERR_ARG_NOT_ITERABLE', message: 'Query pairs must be iterable',
});

// Methods.
const q = new URLSearchParams('z=1&a=2&z=0&b=3&a=1');
assert.strictEqual(q.get('z'), '1');
assert.deepStrictEqual(q.getAll('a'), ['2', '1']);
assert.strictEqual(q.has('a', '1'), true);
assert.strictEqual(q.has('a', '3'), false);
q.sort();
assert.strictEqual(q.toString(), 'a=2&a=1&b=3&z=1&z=0');
q.delete('z', '0');
q.set('a', 'x');
assert.strictEqual(q.toString(), 'a=x&b=3&z=1');
const seen = [];
q.forEach(function(value, key, self) { seen.push([key, value, self === q, this]); }, 'T');
assert.deepStrictEqual(seen, [['a', 'x', true, 'T'], ['b', '3', true, 'T'], ['z', '1', true, 'T']]);
assert.deepStrictEqual([...q.keys()], ['a', 'b', 'z']);
assert.deepStrictEqual([...q.values()], ['x', '3', '1']);

// Argument and receiver checks.
assert.throws(() => q.append('a'), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "name" and "value" arguments must be specified',
});
assert.throws(() => q.get(), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => URLSearchParams.prototype.get.call({}, 'a'), {
  code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of type URLSearchParams',
});
assert.throws(() => q.keys().next.call({}), { code: 'ERR_INVALID_THIS' });
assert.throws(() => q.forEach(), { code: 'ERR_INVALID_ARG_TYPE' });

// The iterator is live and has Node's prototype.
const it = q.entries();
q.append('late', '1');
assert.strictEqual([...it].length, 4);
const proto = Object.getPrototypeOf(q.keys());
assert.deepStrictEqual(Object.getOwnPropertyNames(proto), ['next']);
assert.strictEqual(proto[Symbol.toStringTag], 'URLSearchParams Iterator');
