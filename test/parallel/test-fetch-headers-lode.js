'use strict';
// Headers: case-insensitive names, combined values, Set-Cookie kept apart,
// sorted iteration, validation messages and the immutable guard.
require('../common');
const assert = require('assert');
const { inspect } = require('util');

const headers = new Headers({ 'X-B': '1', a: ' two\t' });
headers.append('x-b', '3');
headers.append('Set-Cookie', 'k=1');
headers.append('set-cookie', 'j=2');
assert.strictEqual(headers.get('x-B'), '1, 3');
assert.strictEqual(headers.get('A'), 'two');
assert.strictEqual(headers.get('missing'), null);
assert.strictEqual(headers.get('set-cookie'), 'k=1, j=2');
assert.deepStrictEqual(headers.getSetCookie(), ['k=1', 'j=2']);
assert.deepStrictEqual([...headers], [
  ['a', 'two'], ['set-cookie', 'k=1'], ['set-cookie', 'j=2'], ['x-b', '1, 3'],
]);
assert.deepStrictEqual([...headers.keys()],
                       ['a', 'set-cookie', 'set-cookie', 'x-b']);
assert.strictEqual(Headers.prototype[Symbol.iterator],
                   Headers.prototype.entries);
assert.strictEqual(
  inspect(headers),
  "Headers { 'X-B': '1, 3', a: 'two', 'Set-Cookie': 'k=1, j=2' }");

// Iterators are live.
const live = new Headers([['a', '1'], ['c', '3']]);
const it = live.keys();
assert.strictEqual(Object.prototype.toString.call(it),
                   '[object Headers Iterator]');
assert.strictEqual(it.next().value, 'a');
live.append('b', '2');
assert.strictEqual(it.next().value, 'b');
headers.delete('X-b');
assert.strictEqual(headers.has('x-b'), false);

const seen = [];
new Headers({ b: '2', a: '1' }).forEach(function(value, name, object) {
  seen.push([name, value, object instanceof Headers, this]);
}, 'T');
assert.deepStrictEqual(seen, [['a', '1', true, 'T'], ['b', '2', true, 'T']]);

assert.throws(() => new Headers({ 'a b': 'x' }), {
  name: 'TypeError',
  message: 'Headers.append: "a b" is an invalid header name.',
});
assert.throws(() => new Headers().set('a', 'x\ny'), {
  name: 'TypeError',
  message: 'Headers.set: "x\ny" is an invalid header value.',
});
assert.throws(() => new Headers([['a']]), {
  message: 'Headers constructor: expected name/value pair to be length 2, ' +
    'found 1.',
});
assert.throws(() => new Headers(1), {
  message: 'Headers constructor: Argument 1 could not be converted to one ' +
    'of: sequence<sequence<ByteString>>, record<ByteString, ByteString>.',
});
assert.throws(() => new Headers().append('a'), {
  message: 'Headers.append: 2 arguments required, but only 1 found.',
});
assert.throws(() => new Headers({ a: '\u0100' }), { name: 'TypeError' });
assert.throws(() => Headers.prototype.get.call({}, 'a'), {
  name: 'TypeError', code: 'ERR_INVALID_THIS', message: 'Illegal invocation',
});

// Guards: a Response.error()'s headers are immutable, a Response's are not.
assert.throws(() => Response.error().headers.set('a', 'b'), {
  name: 'TypeError', message: 'immutable',
});
const response = new Response();
response.headers.set('set-cookie', 'x=1');
assert.deepStrictEqual(response.headers.getSetCookie(), ['x=1']);
