// Flags: --expose-gc
'use strict';
// A server session lives on when its peer half-closes the connection: the
// socket's 'end' listeners still find the session and its open stream (the
// session ends with the socket's 'close', as in Node). Once destroyed, the
// session is not kept alive by its socket, even when user code still holds
// the socket.
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');
const net = require('net');

const server = http2.createServer();
let heldSocket;
const registry = new FinalizationRegistry(common.mustCall((name) => {
  assert.strictEqual(name, 'session');
}));
let openStream;

server.on('session', common.mustCall((session) => {
  registry.register(session, 'session');
  session.once('close', common.mustCall());
}));

// Registered after the server's own 'connection' listener, so this 'end'
// listener runs after the session's.
server.on('connection', common.mustCall((socket) => {
  heldSocket = socket;
  socket.on('end', common.mustCall(() => {
    assert.strictEqual(openStream.destroyed, false);
    assert.strictEqual(openStream.closed, false);
    const session = openStream.session;
    assert.strictEqual(session.destroyed, false);
    socket.destroy();
    session.destroy();
    assert.strictEqual(openStream.session, undefined);
    openStream = null;
    setImmediate(common.mustCall(() => {
      // The socket is still referenced (heldSocket); the session must be
      // collected all the same (the registry's callback is checked at exit).
      globalThis.gc();
      globalThis.gc();
      assert.ok(heldSocket);
      server.close();
    }));
  }));
}));

server.on('stream', common.mustCall((stream) => {
  openStream = stream;
  stream.respond();
  stream.write('partial');
}));

server.listen(0, common.mustCall(() => {
  // A client that sends one request (HEADERS with END_STREAM) and then
  // half-closes its side of the connection.
  const client = net.connect(server.address().port, () => {
    const preface = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
    const settings = Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0]);
    // HPACK: :method GET (0x82), :scheme http (0x86), :path / (0x84),
    // :authority "a" (literal without indexing, name index 1).
    const block = Buffer.from([0x82, 0x86, 0x84, 0x01, 0x01, 0x61]);
    const headers = Buffer.concat([
      Buffer.from([0, 0, block.length, 1, 0x05, 0, 0, 0, 1]), block,
    ]);
    client.end(Buffer.concat([preface, settings, headers]));
  });
  client.resume();
  client.on('error', () => {});
}));
