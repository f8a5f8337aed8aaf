'use strict';
const common = require('../common');
const assert = require('assert');
const { createServer, listen } = require('../common/websocket-server');

// The opening handshake: the request Node 24's client sends (checked by
// capturing it), subprotocol selection, and the answers that fail the
// connection (error, then close 1006, never open): a 404, a wrong
// Sec-WebSocket-Accept, a subprotocol not offered, an extension not offered,
// a refused connection. Options' headers are sent.

function expectFailure(name, options, protocols) {
  return new Promise((resolve) => {
    // The server's side may complete; the client must refuse the answer.
    const server = createServer(() => {}, options);
    listen(server).then(common.mustCall((url) => {
      const ws = new WebSocket(url, protocols);
      const events = [];
      ws.onopen = common.mustNotCall(name);
      ws.onerror = common.mustCall((e) => {
        assert.strictEqual(e.message, '');
        assert(e.error instanceof TypeError);
        events.push(`error ${ws.readyState}`);
      });
      ws.onclose = common.mustCall((e) => {
        events.push(`close ${e.code} ${e.wasClean} ${ws.readyState}`);
        assert.deepStrictEqual(events, ['error 3', 'close 1006 false 3'], name);
        server.close();
        resolve();
      });
    }));
  });
}

function answer(lines) {
  return (req, socket) => {
    socket.end(lines.join('\r\n') + '\r\n\r\n');
    return true;
  };
}

(async () => {
  // The request, and subprotocol selection.
  await new Promise((resolve) => {
    const server = createServer(common.mustCall((conn, req) => {
      assert.strictEqual(req.method, 'GET');
      assert.strictEqual(req.url, '/p?q=1');
      const h = req.headers;
      assert.deepStrictEqual(req.rawHeaders.filter((v, i) => i % 2 === 0), [
        'host', 'connection', 'upgrade', 'x-extra', 'Accept',
        'sec-websocket-key', 'sec-websocket-version', 'sec-websocket-protocol',
        'sec-websocket-extensions', 'accept-language', 'sec-fetch-mode',
        'user-agent', 'pragma', 'cache-control', 'accept-encoding',
      ]);
      assert.strictEqual(h.host, `127.0.0.1:${server.address().port}`);
      assert.strictEqual(h.connection, 'upgrade');
      assert.strictEqual(h.upgrade, 'websocket');
      assert.strictEqual(Buffer.from(h['sec-websocket-key'], 'base64').length,
                         16);
      assert.strictEqual(h['sec-websocket-version'], '13');
      assert.strictEqual(h['sec-websocket-protocol'], 'a, b');
      assert.strictEqual(h['sec-websocket-extensions'],
                         'permessage-deflate; client_max_window_bits');
      assert.strictEqual(h['user-agent'], 'node');
      assert.strictEqual(h['x-extra'], 'yes');
      assert.strictEqual(h.accept, 'x');
      conn.close(1000);
      conn.on('frame', () => conn.socket.end());
    }), { protocol: 'b' });
    listen(server).then(common.mustCall((url) => {
      const ws = new WebSocket(`${url}/p?q=1#`.slice(0, -1), {
        protocols: ['a', 'b'], headers: { 'x-extra': 'yes', 'Accept': 'x' },
      });
      ws.onopen = common.mustCall(() => {
        assert.strictEqual(ws.protocol, 'b');
        assert.strictEqual(ws.extensions, '');
      });
      ws.onclose = common.mustCall((e) => {
        assert.strictEqual(e.code, 1000);
        assert.strictEqual(ws.protocol, 'b');
        server.close(resolve);
      });
    }));
  });

  await expectFailure('404', { respond: answer([
    'HTTP/1.1 404 Not Found', 'Content-Length: 0',
  ]) });
  await expectFailure('bad accept', { respond: answer([
    'HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket',
    'Connection: Upgrade', 'Sec-WebSocket-Accept: AAAA',
  ]) });
  await expectFailure('no upgrade header', { respond: (req, socket) => {
    const { acceptKey } = require('../common/websocket-server');
    return answer([
      'HTTP/1.1 101 Switching Protocols', 'Connection: Upgrade',
      `Sec-WebSocket-Accept: ${acceptKey(req.headers['sec-websocket-key'])}`,
    ])(req, socket);
  } });
  await expectFailure('protocol not offered', { protocol: 'z' }, ['a', 'b']);
  // Node 24 throws an uncaught TypeError here; lode fails the connection.
  await expectFailure('protocol when none offered', { protocol: 'z' });
  await expectFailure('extension not offered',
                      { extensions: 'x-unknown' });

  // A refused connection.
  await new Promise((resolve) => {
    const net = require('net');
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}`);
        ws.onopen = common.mustNotCall();
        ws.onerror = common.mustCall();
        ws.onclose = common.mustCall((e) => {
          assert.strictEqual(e.code, 1006);
          assert.strictEqual(e.wasClean, false);
          resolve();
        });
      });
    });
  });
})().then(common.mustCall());
