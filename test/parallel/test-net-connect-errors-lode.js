'use strict';
const common = require('../common');
const assert = require('assert');
const net = require('net');

// Errors of connect() and listen(): Node's codes, messages and properties.

assert.throws(() => net.connect({}), {
  code: 'ERR_MISSING_ARGS',
  name: 'TypeError',
  message: 'The "options" or "port" or "path" argument must be specified',
});
assert.throws(() => net.connect({ port: 65536 }), {
  code: 'ERR_SOCKET_BAD_PORT',
  name: 'RangeError',
});
assert.throws(() => net.connect({ port: 80, localAddress: 'x' }), {
  code: 'ERR_INVALID_IP_ADDRESS',
});
assert.throws(() => new net.Socket({ objectMode: true }), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => net.createServer().listen({}), {
  code: 'ERR_INVALID_ARG_VALUE',
});

// Nothing listens on port 1.
const refused = net.connect(1, '127.0.0.1');
refused.on('error', common.mustCall((err) => {
  assert.strictEqual(err.message, 'connect ECONNREFUSED 127.0.0.1:1');
  assert.strictEqual(err.code, 'ECONNREFUSED');
  assert.strictEqual(err.syscall, 'connect');
  assert.strictEqual(err.address, '127.0.0.1');
  assert.strictEqual(err.port, 1);
}));
refused.on('close', common.mustCall((hadError) => {
  assert.strictEqual(hadError, true);
}));

// A host name that cannot resolve.
net.connect(80, 'does-not-exist.invalid').on('error', common.mustCall((e) => {
  assert.strictEqual(e.code, 'ENOTFOUND');
  assert.strictEqual(e.syscall, 'getaddrinfo');
  assert.strictEqual(e.hostname, 'does-not-exist.invalid');
}));

// EADDRINUSE from a second listen() on the same port.
const first = net.createServer().listen(0, common.mustCall(() => {
  const { port } = first.address();
  const second = net.createServer().listen(port);
  second.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.syscall, 'listen');
    assert.strictEqual(err.port, port);
    assert.match(err.message, /^listen EADDRINUSE: address already in use/);
    first.close();
  }));
  assert.throws(() => first.listen(0), { code: 'ERR_SERVER_ALREADY_LISTEN' });
}));

// close() of a server that is not listening.
net.createServer().close(common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_SERVER_NOT_RUNNING');
}));
