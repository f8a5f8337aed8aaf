// Flags: --expose-internals
'use strict';
// session.socket and req.socket are proxies of the connection's socket:
// reading and writing it directly throws ERR_HTTP2_NO_SOCKET_MANIPULATION,
// setTimeout() sets the session's own idle timer, 'in' req.socket looks at
// the socket, and once the session closed the proxy is unbound.
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');
const net = require('net');
const { kTimeout } = require('internal/timers');

const server = http2.createServer(common.mustCall((req, res) => {
  const session = req.stream.session;
  const socket = session.socket;
  assert.ok(socket instanceof net.Socket);
  assert.ok('remotePort' in req.socket);
  assert.throws(() => socket.write,
                { code: 'ERR_HTTP2_NO_SOCKET_MANIPULATION' });
  assert.throws(() => req.socket.read(),
                { code: 'ERR_HTTP2_NO_SOCKET_MANIPULATION' });
  socket.setTimeout(1234);
  assert.strictEqual(session[kTimeout]._idleTimeout, 1234);
  socket.setTimeout(0);
  assert.strictEqual(req.socket, res.socket);
  assert.strictEqual(req.socket.destroyed, false);
  res.end('ok');
}));

server.listen(0, common.mustCall(() => {
  const client = http2.connect(`http://localhost:${server.address().port}`);
  const socket = client.socket;
  const req = client.request();
  req.resume();
  req.on('close', common.mustCall(() => {
    client.close(common.mustCall(() => {
      assert.strictEqual(client.socket, undefined);
      assert.throws(() => socket.remotePort,
                    { code: 'ERR_HTTP2_SOCKET_UNBOUND' });
      server.close();
    }));
  }));
}));
