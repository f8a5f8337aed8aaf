'use strict';
// --inspect=0: the debugger front end's server. A child runs a busy loop
// (so what the debugger sends must interrupt running JavaScript); this test
// reads the URL from its stderr, checks the HTTP endpoints, upgrades to a
// WebSocket session with a client of its own, evaluates an expression
// (also sent as fragments, with a ping in between) and checks that
// malformed input only closes the connection that sent it.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');
const http = require('http');
const net = require('net');
const { spawn } = require('child_process');

const child = spawn(process.execPath, [
  '--inspect=0', '-e', 'globalThis.answer = 41; for (;;);',
]);
process.on('exit', () => child.kill());

let stderr = '';
child.stderr.setEncoding('utf8');
const listening = new Promise((resolve) => {
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    const match = /Debugger listening on ws:\/\/127\.0\.0\.1:(\d+)\/([-0-9a-f]{36})\n/.exec(stderr);
    if (match) resolve({ port: +match[1], id: match[2] });
  });
});

function get(port, path) {
  return new Promise((resolve, reject) => {
    http.get({ port, host: '127.0.0.1', path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => body += d);
      res.on('end', () => resolve({ status: res.statusCode, body }));
    }).on('error', reject);
  });
}

// A client frame: masked, as RFC 6455 requires.
function frame(opcode, payload, fin = true) {
  const data = Buffer.from(payload);
  assert(data.length < 126);
  const mask = crypto.randomBytes(4);
  const masked = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i++) masked[i] = data[i] ^ mask[i % 4];
  return Buffer.concat([
    Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | data.length]),
    mask, masked]);
}

function connect(port, id) {
  const socket = net.connect(port, '127.0.0.1');
  const key = crypto.randomBytes(16).toString('base64');
  socket.write(`GET /${id} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
               'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
               `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
  const frames = [];
  const waiters = [];
  let buffer = Buffer.alloc(0);
  let handshake = null;
  socket.on('data', (data) => {
    buffer = Buffer.concat([buffer, data]);
    if (handshake === null) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      handshake = buffer.subarray(0, end).toString();
      buffer = buffer.subarray(end + 4);
      const accept = crypto.createHash('sha1')
        .update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
      assert.match(handshake, /^HTTP\/1\.1 101 Switching Protocols\r\n/);
      assert(handshake.includes(`Sec-WebSocket-Accept: ${accept}`), handshake);
    }
    while (buffer.length >= 2) {
      let length = buffer[1] & 0x7f;
      let offset = 2;
      if (length === 126) {
        length = buffer.readUInt16BE(2);
        offset = 4;
      }
      if (buffer.length < offset + length) break;
      frames.push({ opcode: buffer[0] & 0x0f,
                    payload: buffer.subarray(offset, offset + length) });
      buffer = buffer.subarray(offset + length);
    }
    while (waiters.length && frames.length) waiters.shift()(frames.shift());
  });
  const next = () => new Promise((resolve) => {
    if (frames.length) resolve(frames.shift());
    else waiters.push(resolve);
  });
  return { socket, next };
}

(async () => {
  const { port, id } = await listening;

  const list = await get(port, '/json/list');
  assert.strictEqual(list.status, 200);
  const [target] = JSON.parse(list.body);
  assert.strictEqual(target.id, id);
  assert.strictEqual(target.type, 'node');
  assert.strictEqual(target.description, 'node.js instance');
  assert.strictEqual(target.url, 'file://');
  assert.strictEqual(target.webSocketDebuggerUrl,
                     `ws://127.0.0.1:${port}/${id}`);
  assert.strictEqual(target.devtoolsFrontendUrl,
                     'devtools://devtools/bundled/js_app.html?experiments=' +
                     `true&v8only=true&ws=127.0.0.1:${port}/${id}`);
  const version = JSON.parse((await get(port, '/json/version')).body);
  assert.deepStrictEqual(version, { 'Browser': `node.js/${process.version}`,
                                    'Protocol-Version': '1.1' });
  assert.deepStrictEqual(await get(port, '/nope'), {
    status: 400, body: 'WebSockets request was expected\r\n',
  });

  const session = connect(port, id);
  const evaluate = JSON.stringify({
    id: 1, method: 'Runtime.evaluate', params: { expression: 'answer + 1' },
  });
  session.socket.write(frame(1, evaluate));
  let reply = await session.next();
  assert.strictEqual(reply.opcode, 1);
  assert.deepStrictEqual(JSON.parse(reply.payload).result.result,
                         { type: 'number', value: 42, description: '42' });
  // The child writes it to stderr, a pipe of its own: it may come after the
  // reply on the socket.
  while (!/\nDebugger attached\.\n/.test(stderr)) {
    await new Promise((resolve) => child.stderr.once('data', resolve));
  }

  // The same message in two fragments, a ping between them.
  const again = evaluate.replace('"id":1', '"id":2');
  session.socket.write(frame(1, again.slice(0, 20), false));
  session.socket.write(frame(9, 'hi'));
  session.socket.write(frame(0, again.slice(20)));
  const pong = await session.next();
  assert.strictEqual(pong.opcode, 10);
  assert.strictEqual(pong.payload.toString(), 'hi');
  reply = await session.next();
  assert.strictEqual(JSON.parse(reply.payload).id, 2);

  // Malformed input closes that connection only.
  for (const bad of [
    Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]),  // not masked
    Buffer.from([0x8f, 0x80, 0, 0, 0, 0]),  // reserved opcode
    Buffer.from([0x89, 0xfe, 0, 200, 0, 0, 0, 0]),  // long ping
    Buffer.from([0x80, 0x80, 0, 0, 0, 0]),  // continuation of nothing
    Buffer.from([0x81, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
  ]) {
    const other = connect(port, id);
    other.socket.write(bad);
    await new Promise((resolve) => other.socket.on('close', resolve));
  }
  for (const request of ['garbage\r\n\r\n', 'GET /json HTTP/1.1\r\nHost: ' +
                         'example.com\r\n\r\n', 'POST /json HTTP/1.1\r\n\r\n',
                         `GET /${id} HTTP/1.1\r\nUpgrade: websocket\r\n\r\n`]) {
    const socket = net.connect(port, '127.0.0.1');
    socket.end(request);
    let response = '';
    socket.on('data', (d) => response += d);
    await new Promise((resolve) => socket.on('close', resolve));
    assert.match(response, /^HTTP\/1\.0 400 Bad Request\r\n/);
  }
  session.socket.write(frame(1, evaluate.replace('"id":1', '"id":3')));
  reply = await session.next();
  assert.strictEqual(JSON.parse(reply.payload).id, 3);
  session.socket.destroy();
  child.kill();
})().then(common.mustCall());
