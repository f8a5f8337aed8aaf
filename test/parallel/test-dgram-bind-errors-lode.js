'use strict';
const common = require('../common');
const assert = require('assert');
const dgram = require('dgram');

// Binding twice throws at once; an address in use is an 'error' event with
// errno, code, syscall, address and port; reuseAddr lets two sockets share
// a port.

const first = dgram.createSocket('udp4');
first.bind(0, '127.0.0.1', common.mustCall(() => {
  assert.throws(() => first.bind(0), {
    code: 'ERR_SOCKET_ALREADY_BOUND',
    name: 'Error',
    message: 'Socket is already bound',
  });
  const port = first.address().port;

  const second = dgram.createSocket('udp4');
  second.bind(port, '127.0.0.1', common.mustNotCall());
  second.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EADDRINUSE');
    assert.strictEqual(err.errno, -98);
    assert.strictEqual(err.syscall, 'bind');
    assert.strictEqual(err.address, '127.0.0.1');
    assert.strictEqual(err.port, port);
    assert.strictEqual(err.message, `bind EADDRINUSE 127.0.0.1:${port}`);
    // The failed bind leaves the socket unbound: it may try again.
    second.bind(0, '127.0.0.1', common.mustCall(() => {
      second.close();
      first.close();
    }));
  }));
}));

const a = dgram.createSocket({ type: 'udp4', reuseAddr: true });
a.bind(0, '127.0.0.1', common.mustCall(() => {
  const b = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  b.bind(a.address().port, '127.0.0.1', common.mustCall(() => {
    assert.strictEqual(b.address().port, a.address().port);
    a.close();
    b.close();
  }));
}));

// A bind that fails its lookup reports the lookup error.
const badHost = dgram.createSocket('udp4');
badHost.bind(0, 'nowhere.invalid');
badHost.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOTFOUND');
  badHost.close();
}));
