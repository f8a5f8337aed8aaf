'use strict';
require('../common');
const assert = require('assert');

function set(href, prop, value) {
  const u = new URL(href);
  u[prop] = value;
  return u.href;
}

// Setters follow the state overrides of the URL Standard.
assert.strictEqual(set('http://h/', 'protocol', 'https'), 'https://h/');
assert.strictEqual(set('http://h/', 'protocol', 'sc'), 'http://h/');
assert.strictEqual(set('http://h:443/', 'protocol', 'https:'), 'https://h/');
assert.strictEqual(set('http://u@h/', 'protocol', 'file'), 'http://u@h/');
assert.strictEqual(set('http://h/', 'username', 'a b:@'), 'http://a%20b%3A%40@h/');
assert.strictEqual(set('file:///x', 'username', 'a'), 'file:///x');
assert.strictEqual(set('http://h/', 'password', 'p'), 'http://:p@h/');
assert.strictEqual(set('http://h:1/p', 'host', 'x.com:2'), 'http://x.com:2/p');
assert.strictEqual(set('http://h:1/p', 'host', 'x.com:bad'), 'http://x.com:1/p');
assert.strictEqual(set('http://h/', 'host', ''), 'http://h/');
assert.strictEqual(set('sc:/p', 'host', ''), 'sc:/p');
assert.strictEqual(set('http://h/', 'hostname', 'x:9'), 'http://h/');
assert.strictEqual(set('http://h/', 'port', '8080abc'), 'http://h:8080/');
assert.strictEqual(set('http://h:8/', 'port', ''), 'http://h/');
assert.strictEqual(set('http://h/', 'port', '65536'), 'http://h/');
assert.strictEqual(set('http://h/', 'port', '80'), 'http://h/');
assert.strictEqual(set('http://h/a', 'pathname', 'b/../c d?#'), 'http://h/c%20d%3F%23');
assert.strictEqual(set('mailto:x', 'pathname', 'y'), 'mailto:x');
assert.strictEqual(set('http://h/', 'search', 'a=b c'), 'http://h/?a=b%20c');
assert.strictEqual(set('http://h/?x', 'search', ''), 'http://h/');
assert.strictEqual(set('http://h/', 'hash', '#a b'), 'http://h/#a%20b');
assert.strictEqual(set('a:b  #f', 'hash', ''), 'a:b %20');
assert.throws(() => set('http://h/', 'href', 'bad'), {
  code: 'ERR_INVALID_URL', input: 'bad',
});

// searchParams stays linked to its URL, both ways.
const u = new URL('http://h/p?a=1&b=2#x');
const sp = u.searchParams;
assert.strictEqual(u.searchParams, sp);
sp.append('c', '3 4');
assert.strictEqual(u.href, 'http://h/p?a=1&b=2&c=3+4#x');
sp.delete('a');
sp.set('b', 'ü');
assert.strictEqual(u.search, '?b=%C3%BC&c=3+4');
u.search = '?z=9';
assert.deepStrictEqual([...sp], [['z', '9']]);
u.href = 'http://h/?k=v';
assert.strictEqual(sp.get('k'), 'v');
sp.delete('k');
assert.strictEqual(u.href, 'http://h/');
const opaque = new URL('sc:op   ?a=1');
opaque.searchParams.delete('a');
assert.strictEqual(opaque.href, 'sc:op  %20');
