'use strict';
const common = require('../common');
const assert = require('assert');
const { createServer, listen } = require('../common/websocket-server');

// A server that breaks RFC 6455 fails the connection: the client sends a
// closing frame with Node 24's code and reason, then fires error and close
// (1006, not clean). Cases: invalid UTF-8 in a text message (also split
// across frames), RSV1 without the extension, a masked server frame, an
// unknown opcode, a closing frame with a code no one may send (or a 1-byte
// body, or a reason not in UTF-8), a continuation without a message, a new
// message inside a fragmented one, a fragmented or oversized control frame,
// RSV2, RSV1 on a control frame.

function run(name, onConnection, expectedClose) {
  return new Promise((resolve) => {
    const server = createServer(common.mustCall((conn) => {
      conn.on('frame', common.mustCall((f) => {
        assert.strictEqual(f.opcode, 8);
        assert.strictEqual(f.masked, true);
        assert.strictEqual(f.payload.readUInt16BE(0), expectedClose[0]);
        assert.strictEqual(f.payload.subarray(2).toString(), expectedClose[1]);
      }));
      onConnection(conn);
    }));
    listen(server).then(common.mustCall((url) => {
      const ws = new WebSocket(url);
      const events = [];
      ws.onopen = () => events.push('open');
      ws.onmessage = (e) => events.push(`message ${e.data}`);
      ws.onerror = (e) => events.push(`error ${ws.readyState}`);
      ws.onclose = common.mustCall((e) => {
        events.push(`close ${e.code} ${e.wasClean} ${ws.readyState}`);
        assert.deepStrictEqual(events,
                               ['open', 'error 3', 'close 1006 false 3'], name);
        server.close();
        resolve();
      });
    }));
  });
}

(async () => {
  await run('invalid UTF-8', (c) => c.send(1, Buffer.from([0xff, 0xfe])),
            [1007, 'Received invalid UTF-8 in text frame.']);
  // A code point split between two frames is fine; a truncated one is not.
  await run('truncated UTF-8', (c) => {
    c.send(1, Buffer.from([0xe2, 0x9c]), { fin: false });
    c.send(0, Buffer.from([0x93]), { fin: false });
    c.send(0, Buffer.from([0xe2]));
  }, [1007, 'Received invalid UTF-8 in text frame.']);
  await run('RSV1 without the extension', (c) => c.send(1, 'x', { rsv1: true }),
            [1002, 'Expected RSV1 to be clear.']);
  await run('masked frame', (c) => {
    c.socket.write(Buffer.from([0x81, 0x81, 1, 2, 3, 4, 0x79]));
  }, [1002, 'Frame cannot be masked']);
  await run('unknown opcode', (c) => c.send(3, 'x'),
            [1002, 'Invalid opcode received']);
  await run('close code 1005 on the wire', (c) => c.close(1005),
            [1002, 'Invalid status code']);
  await run('continuation first', (c) => c.send(0, 'x'),
            [1002, 'Unexpected continuation frame']);
  await run('fragmented ping', (c) => c.send(9, 'x', { fin: false }),
            [1002, 'Invalid frame type was fragmented.']);
  await run('ping too large', (c) => c.send(9, Buffer.alloc(126)),
            [1002, 'Control frame either too large or fragmented']);
  await run('new message inside one', (c) => {
    c.send(1, 'a', { fin: false });
    c.send(1, 'b');
  }, [1002, 'Expected continuation frame']);
  await run('1-byte close', (c) => c.send(8, Buffer.from([3])),
            [1002, 'Received close frame with a 1-byte body.']);
  await run('close reason not UTF-8',
            (c) => c.send(8, Buffer.from([3, 0xe8, 0xff])),
            [1007, 'Invalid UTF-8']);
  await run('RSV2', (c) => c.socket.write(Buffer.from([0xa1, 1, 0x41])),
            [1002, 'RSV1, RSV2, RSV3 must be clear']);
  await run('RSV1 on a control frame',
            (c) => c.socket.write(Buffer.from([0xc8, 0])),
            [1002, 'Expected RSV1 to be clear.']);
  await run('payload length of 2^63',
            (c) => c.socket.write(Buffer.from([0x82, 127, 0x80, 0, 0, 0,
                                               0, 0, 0, 0])),
            [1009, 'Received payload length > 2^31 bytes.']);
})().then(common.mustCall());
