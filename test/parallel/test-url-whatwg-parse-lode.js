'use strict';
require('../common');
const assert = require('assert');

// Components of a full special URL: the host is lower-cased, the default
// port dropped, the path, query and fragment percent-encoded by their sets.
const u = new URL('HTTPS://User:P%41ss@EXAMPLE.com:443/a/./b/../c d?q=1 2\'#f`g');
assert.strictEqual(u.href, "https://User:P%41ss@example.com/a/c%20d?q=1%202%27#f%60g");
assert.strictEqual(u.origin, 'https://example.com');
assert.strictEqual(u.protocol, 'https:');
assert.strictEqual(u.username, 'User');
assert.strictEqual(u.password, 'P%41ss');
assert.strictEqual(u.host, 'example.com');
assert.strictEqual(u.port, '');
assert.strictEqual(u.pathname, '/a/c%20d');
assert.strictEqual(u.search, "?q=1%202%27");
assert.strictEqual(u.hash, '#f%60g');

// Hosts: IPv4 in every notation, IPv6 compressed, IDNA.
const hosts = [
  ['http://0x7f.1/', '127.0.0.1'],
  ['http://0177.0.0.1/', '127.0.0.1'],
  ['http://4294967295/', '255.255.255.255'],
  ['http://[0:0:0:0:0:0:0:1]/', '[::1]'],
  ['http://[1:0:0:2:0:0:0:3]/', '[1:0:0:2::3]'],
  ['http://[::ffff:1.2.3.4]/', '[::ffff:102:304]'],
  ['http://ÑANDÚ.com/', 'xn--and-6ma2c.com'],
  ['http://ＡＢＣ.com/', 'abc.com'],
  ['http://ex%41mple.com/', 'example.com'],
  ['sc://ÑA/', '%C3%91A'],
];
for (const [input, host] of hosts) {
  assert.strictEqual(new URL(input).host, host, input);
}

// Relative resolution, including file: drive letters and opaque paths.
assert.strictEqual(new URL('../x?y#z', 'http://h/a/b/c').href, 'http://h/a/x?y#z');
assert.strictEqual(new URL('//other/p', 'https://h/a').href, 'https://other/p');
assert.strictEqual(new URL('C|/x', 'file:///D:/y').href, 'file:///C:/x');
assert.strictEqual(new URL('..', 'file:///C:/').href, 'file:///C:/');
assert.strictEqual(new URL('#f', 'mailto:a@b').href, 'mailto:a@b#f');
assert.strictEqual(new URL('a:b c ?x').href, 'a:b c%20?x');
assert.strictEqual(new URL('non-spec:/.//p').href, 'non-spec:/.//p');
assert.strictEqual(new URL('  http://h/\t\na  ').href, 'http://h/a');

// Failures: a TypeError with the input (and base, when given).
for (const [input, base] of [
  ['http://a b/'], ['http://[::1/'], ['http://1.2.3.256/'], ['http://h:65536/'],
  ['x'], ['x', 'y'], ['http://xn--a/'], ['https://'], ['http://a%00b/'],
]) {
  assert.throws(() => new URL(input, base), (err) => {
    assert.strictEqual(err.name, 'TypeError');
    assert.strictEqual(err.code, 'ERR_INVALID_URL');
    assert.strictEqual(err.message, 'Invalid URL');
    assert.strictEqual(err.input, input);
    assert.strictEqual('base' in err, base !== undefined);
    if (base !== undefined) assert.strictEqual(err.base, base);
    return true;
  });
}
assert.throws(() => new URL(), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "url" argument must be specified',
});

// The statics.
assert.strictEqual(URL.canParse('x'), false);
assert.strictEqual(URL.canParse('x', 'http://h/'), true);
assert.strictEqual(URL.parse('x'), null);
assert.strictEqual(URL.parse('/p', 'http://h').href, 'http://h/p');
assert.strictEqual(JSON.stringify({ u: new URL('http://h') }), '{"u":"http://h/"}');
assert.strictEqual(Object.prototype.toString.call(new URL('http://h')), '[object URL]');
