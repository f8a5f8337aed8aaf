'use strict';
const common = require('../common');
const assert = require('assert');
const { createServer, listen } = require('../common/websocket-server');

// The closing handshake, each case checked against Node 24: a server's
// close with a code and reason (the client answers with the code alone,
// the close event is clean), a server's close without a code (1005), a
// client's close(code, reason) (the event carries the server's answer), a
// connection dropped without a closing frame (error, then close 1006), and
// the readyState at each step.

function run(name, onConnection, onOpen, expected) {
  return new Promise((resolve) => {
    const server = createServer(common.mustCall(onConnection));
    listen(server).then(common.mustCall((url) => {
      const ws = new WebSocket(url);
      const events = [];
      ws.onopen = common.mustCall(() => {
        events.push(`open ${ws.readyState}`);
        onOpen?.(ws, events);
      });
      ws.onmessage = (e) => events.push(`message ${e.data}`);
      ws.onerror = (e) => events.push(`error ${ws.readyState}`);
      ws.onclose = common.mustCall((e) => {
        events.push(`close ${e.code} ${e.reason} ${e.wasClean} ${ws.readyState}`);
        assert.deepStrictEqual(events, expected, name);
        server.close(resolve);
      });
    }));
  });
}

// Answers a closing frame with its own code (and the server's reason), and
// records what the client sent.
function echoClose(conn, record) {
  conn.on('frame', (f) => {
    if (f.opcode !== 8) return;
    record.push(f.payload.toString('hex'));
    conn.send(8, f.payload);
    conn.socket.end();
  });
}

(async () => {
  let sent = [];
  await run('server close', (conn) => {
    echoClose(conn, sent);
    conn.close(4002, 'server says bye');
  }, null, ['open 1', 'close 4002 server says bye true 3']);
  assert.deepStrictEqual(sent, ['0fa2']);

  sent = [];
  await run('server close, no code', (conn) => {
    echoClose(conn, sent);
    conn.close();
  }, null, ['open 1', 'close 1005  true 3']);
  assert.deepStrictEqual(sent, ['']);

  sent = [];
  await run('client close', (conn) => {
    conn.on('frame', (f) => {
      assert.strictEqual(f.opcode, 8);
      sent.push(f.payload.toString('hex'));
      conn.close(4001, 'ok');
      conn.socket.end();
    });
  }, (ws, events) => {
    ws.close(4001, 'bye');
    events.push(`closing ${ws.readyState}`);
    ws.close(4003);  // no second closing frame
    // Data sent once closing is dropped.
    ws.send('late');
    assert.strictEqual(ws.bufferedAmount, 0);
  }, ['open 1', 'closing 2', 'close 4001 ok true 3']);
  assert.deepStrictEqual(sent, ['0fa1627965']);

  sent = [];
  await run('client close, reason only', (conn) => {
    echoClose(conn, sent);
  }, (ws) => ws.close(undefined, 'abc'),
  ['open 1', 'close 1000 abc true 3']);
  assert.deepStrictEqual(sent, ['03e8616263']);

  sent = [];
  await run('client close, no arguments', (conn) => {
    echoClose(conn, sent);
  }, (ws) => ws.close(), ['open 1', 'close 1005  true 3']);
  assert.deepStrictEqual(sent, ['']);

  await run('dropped', (conn) => {
    conn.text('x');
    setTimeout(() => conn.socket.destroy(), 20);
  }, null, ['open 1', 'message x', 'error 3', 'close 1006  false 3']);

  // Messages after the server's closing frame are not delivered.
  await run('data after close', (conn) => {
    conn.close(1000);
    conn.text('after');
    conn.on('frame', () => conn.socket.end());
  }, null, ['open 1', 'close 1000  true 3']);

  // A text message loses one leading BOM (TextDecoder's decoding), a close
  // reason up to two, as in Node 24.
  await run('byte order marks', (conn) => {
    conn.on('frame', () => conn.socket.end());
    conn.text('\uFEFFhi');
    conn.text('\uFEFF\uFEFFtwo');
    conn.text('a\uFEFF');
    conn.close(1000, '\uFEFF\uFEFF\uFEFFbye');
  }, null, ['open 1', 'message hi', 'message \uFEFFtwo', 'message a\uFEFF',
            'close 1000 \uFEFFbye true 3']);

  // A ping after the client's close is still answered, until the server's
  // closing frame comes (as Node 24 does).
  sent = [];
  await run('ping after the client closed', (conn) => {
    conn.on('frame', (f) => {
      sent.push(f.opcode);
      if (f.opcode !== 8) return;
      conn.send(9, Buffer.from('p'));
      setTimeout(() => { conn.close(1000); conn.socket.end(); }, 50);
    });
  }, (ws) => ws.close(), ['open 1', 'close 1000  true 3']);
  assert.deepStrictEqual(sent, [8, 10]);
})().then(common.mustCall());
