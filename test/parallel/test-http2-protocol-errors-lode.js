'use strict';
// Errors a client session takes from a misbehaving peer, as in Node: a
// server that answers in HTTP/1 ends the session and its stream with
// ERR_HTTP2_ERROR "Protocol error"; empty DATA frames that do not end their
// stream count as invalid frames (maxSessionInvalidFrames + 1 are let
// through, one more ends the session with ERR_HTTP2_TOO_MANY_INVALID_FRAMES).
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');
const net = require('net');
const { once } = require('events');

function frame(type, flags, stream, payload = Buffer.alloc(0)) {
  const head = Buffer.alloc(9);
  head.writeUIntBE(payload.length, 0, 3);
  head[3] = type;
  head[4] = flags;
  head.writeUInt32BE(stream, 5);
  return Buffer.concat([head, payload]);
}

// A peer that reads the client's first bytes and answers with `reply`.
async function peer(reply) {
  const server = net.createServer((socket) => {
    socket.on('error', () => {});
    socket.once('data', () => socket.end(reply));
  });
  server.listen(0);
  await once(server, 'listening');
  return server;
}

async function request(server, options) {
  const client = http2.connect(`http://localhost:${server.address().port}`,
                               options);
  const sessionClosed = new Promise((resolve) => client.on('close', resolve));
  const req = client.request();
  const errors = [];
  req.on('error', (err) => errors.push(['stream', err.code, err.message]));
  client.on('error', (err) => errors.push(['session', err.code, err.message]));
  req.resume();
  // (events.once would reject on the stream's 'error'.)
  await new Promise((resolve) => req.on('close', resolve));
  client.close();
  await sessionClosed;
  return errors;
}

(async () => {
  let server = await peer('HTTP/1.1 400 Bad Request\r\n\r\n');
  assert.deepStrictEqual(await request(server), [
    ['stream', 'ERR_HTTP2_ERROR', 'Protocol error'],
    ['session', 'ERR_HTTP2_ERROR', 'Protocol error'],
  ]);
  server.close();

  // SETTINGS, a 200 response (HPACK 0x88), three empty DATA frames, then
  // the body's end.
  const empty = frame(0, 0, 1);
  server = await peer(Buffer.concat([
    frame(4, 0, 0), frame(1, 4, 1, Buffer.from([0x88])),
    empty, empty, empty, frame(0, 1, 1),
  ]));
  assert.deepStrictEqual(
    await request(server, { maxSessionInvalidFrames: 2 }), []);
  const tooMany = ['ERR_HTTP2_TOO_MANY_INVALID_FRAMES',
                   'Too many invalid HTTP/2 frames'];
  assert.deepStrictEqual(
    await request(server, { maxSessionInvalidFrames: 1 }),
    [['stream', ...tooMany], ['session', ...tooMany]]);
  server.close();
})().then(common.mustCall());
