'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');

// Bad header names, values, methods, paths and status codes throw at once
// with Node's codes, classes and messages; nothing reaches the wire.

const badName = (name) => ({
  code: 'ERR_INVALID_HTTP_TOKEN', name: 'TypeError',
  message: `Header name must be a valid HTTP token ["${name}"]`,
});
const badChar = (name) => ({
  code: 'ERR_INVALID_CHAR', name: 'TypeError',
  message: `Invalid character in header content ["${name}"]`,
});

const msg = new http.OutgoingMessage();
assert.throws(() => msg.setHeader('bad name', 'v'), badName('bad name'));
assert.throws(() => msg.setHeader('', 'v'), badName(''));
assert.throws(() => msg.appendHeader('x y', 'v'), badName('x y'));
assert.throws(() => msg.setHeader('x', 'a\nb'), badChar('x'));
assert.throws(() => msg.setHeader('x', ['ok', 'b\r']), badChar('x'));
assert.throws(() => msg.setHeader('x', undefined), {
  code: 'ERR_HTTP_INVALID_HEADER_VALUE', name: 'TypeError',
  message: 'Invalid value "undefined" for header "x"',
});
msg.setHeader('x', 'latin1 \u00ff is fine');
assert.throws(() => http.validateHeaderName('a:b'), badName('a:b'));
assert.throws(() => http.validateHeaderValue('x-y', 'a\rb'), badChar('x-y'));

const target = { host: '127.0.0.1', port: 1 };
assert.throws(() => http.request({ ...target, method: 'GE T' }), {
  code: 'ERR_INVALID_HTTP_TOKEN', name: 'TypeError',
  message: 'Method must be a valid HTTP token ["GE T"]',
});
assert.throws(() => http.request({ ...target, path: '/a b' }), {
  code: 'ERR_UNESCAPED_CHARACTERS', name: 'TypeError',
  message: 'Request path contains unescaped characters',
});
assert.throws(() => http.request({ ...target, headers: { 'x y': 1 } }),
              badName('x y'));
assert.throws(() => http.request({ ...target, headers: { x: 'a\u0100' } }),
              badChar('x'));

const server = http.createServer(common.mustCall((req, res) => {
  assert.throws(() => res.writeHead(99), {
    code: 'ERR_HTTP_INVALID_STATUS_CODE', name: 'RangeError',
    message: 'Invalid status code: 99',
  });
  assert.throws(() => res.writeHead(200, { 'a b': 1 }), badName('a b'));
  assert.throws(() => res.writeHead(200, 'bad\nmessage'), {
    code: 'ERR_INVALID_CHAR', name: 'TypeError',
    message: 'Invalid character in statusMessage',
  });
  // The rejected message stays behind (as in Node): say it again.
  res.statusMessage = 'OK';
  assert.strictEqual(res.headersSent, false);
  res.writeHead(200, { 'X-Fine': 'yes' });
  res.flushHeaders();
  assert.throws(() => res.setHeader('x-late', '1'), {
    code: 'ERR_HTTP_HEADERS_SENT', name: 'Error',
    message: 'Cannot set headers after they are sent to the client',
  });
  res.end('done');
}));

server.listen(0, common.mustCall(() => {
  http.get({ port: server.address().port }, common.mustCall((res) => {
    assert.strictEqual(res.statusCode, 200);
    assert.strictEqual(res.headers['x-fine'], 'yes');
    assert.strictEqual(res.headers['x-late'], undefined);
    res.resume().on('end', common.mustCall(() => server.close()));
  }));
}));
