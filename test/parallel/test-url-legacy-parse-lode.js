'use strict';
require('../common');
const assert = require('assert');
const url = require('url');

process.noDeprecation = true;

function parsed(input, ...args) {
  return { ...url.parse(input, ...args) };
}

assert.deepStrictEqual(parsed('HTTP://user:pa%20ss@Host.COM:8080/p/a/t/h?query=string#hash'), {
  protocol: 'http:', slashes: true, auth: 'user:pa ss', host: 'host.com:8080',
  port: '8080', hostname: 'host.com', hash: '#hash', search: '?query=string',
  query: 'query=string', pathname: '/p/a/t/h', path: '/p/a/t/h?query=string',
  href: 'http://user:pa%20ss@host.com:8080/p/a/t/h?query=string#hash',
});

// Query parsing into a null-prototype object.
const q = url.parse('/p?a=1&a=2&b', true).query;
assert.strictEqual(Object.getPrototypeOf(q), null);
assert.deepStrictEqual({ ...q }, { a: ['1', '2'], b: '' });
assert.deepStrictEqual({ ...url.parse('/p', true).query }, {});

// Simple paths keep their whitespace-free form; hosts need slashes.
assert.strictEqual(url.parse('//a/b').host, null);
assert.strictEqual(url.parse('//a/b', false, true).host, 'a');
assert.strictEqual(url.parse('mailto:foo@bar.com?subject=hi').href,
                   'mailto:foo@bar.com?subject=hi');
assert.strictEqual(url.parse('javascript:alert("x y")').pathname, 'alert("x y")');

// Auto-escaping, IDNA and the host cut at the first non-host character.
assert.strictEqual(url.parse('http://x.com/a b<c>"d`{|}^\'').href,
                   'http://x.com/a%20b%3Cc%3E%22d%60%7B%7C%7D%5E%27');
assert.strictEqual(url.parse('http://www.Äffchen.com/').hostname, 'www.xn--ffchen-9ta.com');
assert.strictEqual(url.parse('http://x.y.com+a/b/c').href, 'http://x.y.com+a/b/c');
assert.strictEqual(url.parse('http://a@b@c/').auth, 'a@b');
assert.strictEqual(url.parse('http://[::1]:8/x').hostname, '::1');
assert.strictEqual(url.parse('http:\\\\a\\b?c\\d').href, 'http://a/b?c%5Cd');

// Invalid hosts throw, invalid ports only warn (DEP0170).
assert.throws(() => url.parse('http://xn--a/'), {
  name: 'TypeError', code: 'ERR_INVALID_URL', input: 'http://xn--a/',
});
assert.throws(() => url.parse('http://[::1%]/'), { code: 'ERR_INVALID_URL' });
assert.strictEqual(url.parse('http://a:b/x').pathname, '/:b/x');
assert.throws(() => url.parse(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "url" argument must be of type string. Received type number (5)',
});

// A Url passes through.
const u = url.parse('http://a/');
assert.strictEqual(url.parse(u), u);
assert.ok(u instanceof url.Url);
assert.deepStrictEqual(Object.keys(new url.Url()), [
  'protocol', 'slashes', 'auth', 'host', 'port', 'hostname', 'hash', 'search',
  'query', 'pathname', 'path', 'href',
]);
