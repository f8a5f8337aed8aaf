'use strict';
const common = require('../common');
const assert = require('assert');
const { createServer, listen } = require('../common/websocket-server');

// Messages both ways against a hand-written server: text, binary as Blob
// and as ArrayBuffer, every kind of data send() takes (sent in order, Blobs
// included), masking of what the client sends, payload lengths of each
// header size, fragmented messages with a ping in between (answered by a
// pong with its payload), and bufferedAmount.

const sizes = [0, 125, 126, 65535, 65536, 200000];

const server = createServer(common.mustCall((conn) => {
  conn.on('frame', (f) => {
    // Every client frame is masked (the helper unmasks it).
    assert.strictEqual(f.masked, true);
    assert.strictEqual(f.fin, true);
    assert.strictEqual(f.rsv, 0);
    if (f.opcode === 1 || f.opcode === 2) {
      conn.send(f.opcode, f.payload);
    } else if (f.opcode === 10) {
      conn.pongs = (conn.pongs || 0) + 1;
      assert.strictEqual(f.payload.toString(), 'are you there');
    } else if (f.opcode === 8) {
      assert.strictEqual(conn.pongs, 1);
      conn.send(8, f.payload);
      conn.socket.end();
    }
  });
  // A fragmented text message with a ping between its frames, a
  // fragmented binary one, then the echo test starts.
  conn.send(1, 'frag', { fin: false });
  conn.send(9, 'are you there');
  conn.send(0, 'men', { fin: false });
  conn.send(0, 'ted ✓');
  conn.send(2, Buffer.from([9]), { fin: false });
  conn.send(0, Buffer.from([8, 7]));
}));

listen(server).then(common.mustCall((url) => {
  const ws = new WebSocket(`${url}/echo`);
  const received = [];
  ws.onopen = common.mustCall((e) => {
    assert.strictEqual(e.type, 'open');
    assert.strictEqual(ws.readyState, WebSocket.OPEN);
  });
  ws.onerror = common.mustNotCall();
  ws.onmessage = common.mustCall((e) => {
    assert(e instanceof MessageEvent);
    assert.strictEqual(e.origin, new URL(url).origin);
    assert.strictEqual(e.lastEventId, '');
    received.push(e.data);
    if (received.length === 2) startEcho();
    if (received.length === 10) startSizes();
    if (received.length === 10 + sizes.length) check();
  }, 10 + sizes.length);

  function startEcho() {
    assert.strictEqual(received[0], 'fragmented ✓');
    assert(received[1] instanceof Blob);
    assert.strictEqual(received[1].size, 3);
    assert.strictEqual(received[1].type, '');
    ws.send('héllo');
    ws.send(new Uint8Array([1, 2, 3]).subarray(1));
    ws.send(new Blob(['blob']));
    ws.send(new Uint16Array([0x0102]));
    ws.send(new DataView(new ArrayBuffer(3), 1));
    const ab = new ArrayBuffer(2);
    ws.send(ab);
    new Uint8Array(ab)[0] = 5;  // send() took a copy
    ws.send(12);
    // A SharedArrayBuffer is not binary data: it goes out as its string.
    ws.send(new SharedArrayBuffer(4));
    // Other values are strings; a lone surrogate goes out as U+FFFD.
    assert.throws(() => ws.send(Symbol('x')), {
      name: 'TypeError', message: 'Cannot convert a Symbol value to a string',
    });
    // 6 + 2 + 4 + 2 + 2 + 2 + 2 + 26 bytes wait (the Blob's bytes come
    // later, yet it counts at once, and what follows it waits for it).
    assert.strictEqual(ws.bufferedAmount, 46);
  }

  let sizesSent = false;
  function startSizes() {
    sizesSent = true;
    ws.binaryType = 'arraybuffer';
    for (const size of sizes) ws.send(new Uint8Array(size).fill(size & 255));
  }

  function check() {
    assert(sizesSent);
    assert.strictEqual(received[2], 'héllo');
    assert.strictEqual(received[8], '12');
    assert.strictEqual(received[9], '[object SharedArrayBuffer]');
    // binaryType was 'blob' when these arrived.
    Promise.all(received.slice(3, 8).map((b) => {
      assert(b instanceof Blob);
      return b.arrayBuffer();
    })).then(common.mustCall((buffers) => {
      assert.deepStrictEqual(buffers.map((b) => [...new Uint8Array(b)]), [
        [2, 3], [98, 108, 111, 98], [2, 1], [0, 0], [0, 0],
      ]);
      const arrays = received.slice(10);
      for (let i = 0; i < sizes.length; i++) {
        assert(arrays[i] instanceof ArrayBuffer);
        assert.strictEqual(arrays[i].byteLength, sizes[i]);
        assert(new Uint8Array(arrays[i]).every((v) => v === (sizes[i] & 255)));
      }
      ws.close(1000);
    }));
  }

  ws.onclose = common.mustCall((e) => {
    assert.strictEqual(e.wasClean, true);
    assert.strictEqual(e.code, 1000);
    assert.strictEqual(ws.bufferedAmount, 0);
    server.close();
  });
}));

// Strings as UTF-8 (lone surrogates become U+FFFD), other values through
// their string conversion, as Node 24 sends them.
{
  const got = [];
  const textServer = createServer(common.mustCall((conn) => {
    conn.on('frame', (f) => {
      if (f.opcode === 8) {
        assert.deepStrictEqual(got, ['61efbfbd62', '6f626a', '6e756c6c']);
        conn.send(8, f.payload);
        conn.socket.end();
        return;
      }
      assert.strictEqual(f.opcode, 1);
      got.push(f.payload.toString('hex'));
    });
  }));
  listen(textServer).then(common.mustCall((url) => {
    const ws = new WebSocket(url);
    ws.onopen = common.mustCall(() => {
      ws.send('a\uD800b');
      ws.send({ toString() { return 'obj'; } });
      ws.send(null);
      ws.close();
    });
    ws.onclose = common.mustCall(() => textServer.close());
  }));
}
