'use strict';
const common = require('../common');
const assert = require('assert');
const net = require('net');

// listen() forms: (), (port), ({ port: 0 }), (port, host, backlog, cb),
// listen(handle) is covered by 'connection' on an accepted socket; the
// wildcard address is '::' when IPv6 works, '0.0.0.0' otherwise.

function check(server, family) {
  const address = server.address();
  assert.strictEqual(typeof address.port, 'number');
  assert.ok(address.port > 0);
  if (family) assert.strictEqual(address.family, family);
  server.close(common.mustCall());
}

const a = net.createServer();
a.listen(common.mustCall(() => check(a)));

const b = net.createServer();
b.listen({ port: 0 }, common.mustCall(() => check(b)));

const c = net.createServer();
c.listen(0, '127.0.0.1', 10, common.mustCall(() => check(c, 'IPv4')));

const d = net.createServer();
d.on('listening', common.mustCall(() => check(d)));
d.listen({ port: 0, host: 'localhost' });

// The server stays out of the way of process exit once unref()ed.
const e = net.createServer().listen(0);
e.unref();

// getConnections() and maxConnections.
const f = net.createServer(common.mustCall((sock) => {
  f.getConnections(common.mustSucceed((n) => {
    assert.strictEqual(n, 1);
    sock.end();
    f.close();
  }));
}));
f.maxConnections = 1;
f.listen(0, common.mustCall(() => {
  net.connect(f.address().port).resume();
}));
