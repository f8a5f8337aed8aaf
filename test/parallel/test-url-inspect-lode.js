'use strict';
require('../common');
const assert = require('assert');
const util = require('util');

const url = new URL('https://u:p@h.com:8080/a?x=1&y=2#f');
assert.strictEqual(util.inspect(url), `URL {
  href: 'https://u:p@h.com:8080/a?x=1&y=2#f',
  origin: 'https://h.com:8080',
  protocol: 'https:',
  username: 'u',
  password: 'p',
  host: 'h.com:8080',
  hostname: 'h.com',
  port: '8080',
  pathname: '/a',
  search: '?x=1&y=2',
  searchParams: URLSearchParams { 'x' => '1', 'y' => '2' },
  hash: '#f'
}`);
assert.match(util.inspect(url, { depth: 0 }), /searchParams: \[Object\],/);
class MyURL extends URL {}
assert.match(util.inspect(new MyURL('http://a')), /^MyURL \{\n {2}href: 'http:\/\/a\/',/);
assert.match(util.inspect(url, { showHidden: true }), /Symbol\(context\): URLContext \{\n {4}href: 'https:\/\/u:p@h\.com:8080\/a\?x=1&y=2#f',\n {4}protocol_end: 6,\n {4}username_end: 9,\n {4}host_start: 11,\n {4}host_end: 17,/);

// URLSearchParams and its iterators.
assert.strictEqual(util.inspect(new URLSearchParams()), 'URLSearchParams {}');
assert.strictEqual(util.inspect(new URLSearchParams('a=1&b=2&a=3')),
                   "URLSearchParams { 'a' => '1', 'b' => '2', 'a' => '3' }");
assert.strictEqual(util.inspect(new URLSearchParams('a=1&b=2'), { breakLength: 5 }),
                   "URLSearchParams {\n  'a' => '1',\n  'b' => '2' }");
const sp = new URLSearchParams('a=1&b=2');
assert.strictEqual(util.inspect(sp.keys()), "URLSearchParams Iterator { 'a', 'b' }");
assert.strictEqual(util.inspect(sp.values()), "URLSearchParams Iterator { '1', '2' }");
const entries = sp.entries();
assert.strictEqual(util.inspect(entries),
                   "URLSearchParams Iterator { [ 'a', '1' ], [ 'b', '2' ] }");
entries.next();
entries.next();
assert.strictEqual(util.inspect(entries), 'URLSearchParams Iterator {  }');
assert.strictEqual(util.inspect({ a: { b: { c: sp } } }, { depth: 1 }),
                   '{ a: { b: [Object] } }');
