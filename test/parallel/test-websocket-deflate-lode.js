'use strict';
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');
const {
  createServer, listen, frame, closePayload,
} = require('../common/websocket-server');

// permessage-deflate (RFC 7692), which Node 24's client offers and accepts:
// compressed text and binary messages, the server's context kept across
// messages (back references into the previous one), a compressed message
// split into frames, uncompressed messages between compressed ones (still
// delivered in order), and the client's messages sent uncompressed (as
// Node's are). `extensions` is the server's answer as given. Data that
// does not inflate fails the connection.

const extensions = 'permessage-deflate; client_max_window_bits=15';

// One compressed message with the server's shared deflate stream: the
// output of a sync flush without its final 00 00 ff ff.
function compress(deflate, data) {
  return new Promise((resolve) => {
    const chunks = [];
    const onData = (c) => chunks.push(c);
    deflate.on('data', onData);
    deflate.write(data);
    deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => {
      deflate.removeListener('data', onData);
      const out = Buffer.concat(chunks);
      assert.strictEqual(out.subarray(-4).toString('hex'), '0000ffff');
      resolve(out.subarray(0, -4));
    });
  });
}

const text = 'the same words again and again, the same words again. ';
const expected = [
  text, text, 'plain', `${text}✓`, 'split', Buffer.from([1, 2, 3, 4]),
];

const server = createServer(common.mustCall(async (conn) => {
  conn.on('frame', common.mustCall((f) => {
    if (f.opcode === 1) {
      assert.strictEqual(f.rsv, 0);  // not compressed
      assert.strictEqual(f.payload.toString(), 'from client');
    } else {
      assert.strictEqual(f.opcode, 8);
      conn.send(8, f.payload);
      conn.socket.end();
    }
  }, 2));
  const deflate = zlib.createDeflateRaw();
  const first = await compress(deflate, text);
  const second = await compress(deflate, text);
  // The second message refers back to the first.
  assert(second.length < first.length / 2);
  conn.send(1, first, { rsv1: true });
  conn.send(1, second, { rsv1: true });
  conn.text('plain');
  conn.send(1, await compress(deflate, `${text}✓`), { rsv1: true });
  const split = await compress(deflate, 'split');
  conn.send(1, split.subarray(0, 2), { rsv1: true, fin: false });
  conn.send(0, split.subarray(2));
  conn.send(2, await compress(deflate, Buffer.from([1, 2, 3, 4])),
            { rsv1: true });
}), { extensions });

const next = () => listen(server).then(common.mustCall((url) => {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  const received = [];
  ws.onopen = common.mustCall(() => {
    assert.strictEqual(ws.extensions, extensions);
    ws.send('from client');
  });
  ws.onerror = common.mustNotCall();
  ws.onmessage = common.mustCall((e) => {
    received.push(typeof e.data === 'string' ? e.data : Buffer.from(e.data));
    if (received.length === expected.length) {
      assert.deepStrictEqual(received, expected);
      ws.close();
    }
  }, expected.length);
  ws.onclose = common.mustCall((e) => {
    assert.strictEqual(e.wasClean, true);
    server.close(badData);
  });
}));
next();

// Data zlib cannot inflate fails the connection with 1007 and zlib's
// message as the reason; the message after it is not delivered.
function badData() {
  const bad = createServer(common.mustCall((conn) => {
    conn.on('frame', common.mustCall((f) => {
      assert.strictEqual(f.opcode, 8);
      assert.strictEqual(f.payload.readUInt16BE(0), 1007);
      assert.strictEqual(f.payload.subarray(2).toString(), 'invalid block type');
    }));
    conn.send(1, Buffer.from([0xff, 0xff, 0xff, 0xff, 1]), { rsv1: true });
    conn.text('after');
  }), { extensions: 'permessage-deflate' });
  listen(bad).then(common.mustCall((url) => {
    const ws = new WebSocket(url);
    ws.onmessage = common.mustNotCall();
    ws.onerror = common.mustCall();
    ws.onclose = common.mustCall((e) => {
      assert.strictEqual(e.code, 1006);
      bad.close();
      afterMessage();
    });
  }));
}

function deflateSync(text) {
  const data = zlib.deflateRawSync(Buffer.from(text),
                                   { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return data.subarray(0, data.length - 4);
}

// A compressed message is delivered before what follows it in the same
// chunk is looked at: a bad frame then fails the connection after the
// message (as in Node 24), and of two closing frames the first counts.
const afterCases = [
  [frame(3, Buffer.alloc(0)), 1006, ''],
  [frame(8, closePayload(1004)), 1006, ''],
  [Buffer.concat([frame(8, closePayload(1000, 'a')),
                  frame(8, closePayload(3000, 'b'))]), 1000, 'a'],
];
const afterMessage = common.mustCall(() => {
  const test = afterCases.shift();
  if (test === undefined) return;
  const [after, code, reason] = test;
  const server = createServer(common.mustCall((conn) => {
    conn.on('frame', (f) => { if (f.opcode === 8) conn.socket.end(); });
    conn.socket.write(Buffer.concat([
      frame(1, deflateSync('hello'), { rsv1: true }), after,
    ]));
  }), { extensions: 'permessage-deflate' });
  listen(server).then(common.mustCall((url) => {
    const ws = new WebSocket(url);
    const events = [];
    ws.onmessage = common.mustCall((e) => events.push(`message ${e.data}`));
    ws.onerror = () => events.push('error');
    ws.onclose = common.mustCall((e) => {
      events.push(`close ${e.code} ${e.reason}`);
      const expected = ['message hello'];
      if (code === 1006) expected.push('error');
      expected.push(`close ${code} ${reason}`);
      assert.deepStrictEqual(events, expected);
      server.close();
      afterMessage();
    });
  }));
}, afterCases.length + 1);
