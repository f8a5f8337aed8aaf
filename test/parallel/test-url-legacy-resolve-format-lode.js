'use strict';
require('../common');
const assert = require('assert');
const url = require('url');

process.noDeprecation = true;

// RFC 3986 section 5.4 examples, as url.resolve() answers them.
const base = 'http://a/b/c/d;p?q';
for (const [rel, expected] of [
  ['g:h', 'g:h'], ['g', 'http://a/b/c/g'], ['./g', 'http://a/b/c/g'],
  ['g/', 'http://a/b/c/g/'], ['/g', 'http://a/g'], ['//g', 'http://g/'],
  ['?y', 'http://a/b/c/d;p?y'], ['g?y', 'http://a/b/c/g?y'],
  ['#s', 'http://a/b/c/d;p?q#s'], ['', 'http://a/b/c/d;p?q'],
  ['.', 'http://a/b/c/'], ['..', 'http://a/b/'], ['../..', 'http://a/'],
  ['../../../g', 'http://a/g'], ['/./g', 'http://a/g'], ['g.', 'http://a/b/c/g.'],
  ['g;x=1/../y', 'http://a/b/c/y'], ['http:g', 'http://a/b/c/g'],
]) {
  assert.strictEqual(url.resolve(base, rel), expected, rel);
}
assert.strictEqual(url.resolve('/foo/bar/baz', '../../../../quux'), '/quux');
assert.strictEqual(url.resolve('foo/bar', '../../../baz'), '../../baz');
assert.strictEqual(url.resolve('mailto:a@b.com', 'x'), 'mailto:a@x');
assert.strictEqual(url.resolve('http://localhost', 'file:///Users/foo'), 'file:///Users/foo');
assert.strictEqual(url.resolve('http://u@a/b', '//c/d'), 'http://c/d');
const obj = url.resolveObject('http://a/b', 'c?d');
assert.strictEqual(obj.href, 'http://a/c?d');
assert.strictEqual(obj.path, '/c?d');
assert.strictEqual(url.resolveObject('', 'x'), 'x');

// format() from objects.
assert.strictEqual(url.format({ protocol: 'http', host: 'a.com', pathname: 'x' }),
                   'http://a.com/x');
assert.strictEqual(url.format({ hostname: '::1', port: 80 }), '[::1]:80');
assert.strictEqual(url.format({ query: { a: 1, b: [2, 3] } }), '?a=1&b=2&b=3');
assert.strictEqual(url.format({ pathname: '/a?b#c', search: '?x#y' }), '/a%3Fb%23c?x%23y');
assert.strictEqual(url.format({ protocol: 'file', pathname: '/x' }), 'file:///x');
assert.strictEqual(url.format({ auth: 'ü:é!*', host: 'h' }), '%C3%BC:%C3%A9!*@h');
assert.strictEqual(url.format('HTTP://A.com/a b'), 'http://a.com/a%20b');
assert.throws(() => url.format(null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "urlObject" argument must be one of type object or string. Received null',
});

// format() from a WHATWG URL, with its options.
const whatwg = new URL('http://u:p@xn--espaol-zwa.com/a?b#c');
assert.strictEqual(url.format(whatwg), 'http://u:p@xn--espaol-zwa.com/a?b#c');
assert.strictEqual(url.format(whatwg, { unicode: true, auth: false, search: false,
                                        fragment: false }), 'http://español.com/a');
assert.throws(() => url.format(whatwg, 'x'), { code: 'ERR_INVALID_ARG_TYPE' });
