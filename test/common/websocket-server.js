'use strict';

// A small WebSocket server for the WebSocket client's tests, written by
// hand on http's 'upgrade' event so that the tests do not depend on the
// client code they test. handler(conn, req) runs once the handshake is
// answered; conn.send(opcode, payload, { fin, rsv1 }) writes an unmasked
// frame, conn.frames collects what the client sent (unmasked, each with
// `masked` telling whether the client masked it), conn.on('frame') sees
// each one.

const http = require('http');
const https = require('https');
const crypto = require('crypto');
const EventEmitter = require('events');

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function acceptKey(key) {
  return crypto.createHash('sha1').update(key + GUID).digest('base64');
}

function frame(opcode, payload = Buffer.alloc(0), { fin = true, rsv1 = false } = {}) {
  payload = Buffer.from(payload);
  let header;
  if (payload.length < 126) {
    header = Buffer.from([0, payload.length]);
  } else if (payload.length < 65536) {
    header = Buffer.alloc(4);
    header[1] = 126;
    header.writeUInt16BE(payload.length, 2);
  } else {
    header = Buffer.alloc(10);
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  header[0] = (fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode;
  return Buffer.concat([header, payload]);
}

function closePayload(code, reason = '') {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(code);
  return Buffer.concat([b, Buffer.from(reason)]);
}

class Connection extends EventEmitter {
  constructor(socket, req) {
    super();
    this.socket = socket;
    this.req = req;
    this.frames = [];
    this.buffer = Buffer.alloc(0);
    socket.on('data', (d) => this.onData(d));
    socket.on('error', () => {});
    socket.on('close', () => this.emit('close'));
  }
  onData(d) {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const b = this.buffer;
      if (b.length < 2) return;
      let len = b[1] & 0x7f;
      let off = 2;
      if (len === 126) {
        if (b.length < 4) return;
        len = b.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (b.length < 10) return;
        len = Number(b.readBigUInt64BE(2));
        off = 10;
      }
      const masked = (b[1] & 0x80) !== 0;
      const mask = masked ? b.subarray(off, off + 4) : null;
      if (masked) off += 4;
      if (b.length < off + len) return;
      const payload = Buffer.from(b.subarray(off, off + len));
      if (masked) for (let i = 0; i < len; i++) payload[i] ^= mask[i & 3];
      this.buffer = b.subarray(off + len);
      const f = { fin: (b[0] & 0x80) !== 0, rsv: (b[0] >> 4) & 7,
                  opcode: b[0] & 0x0f, masked, payload };
      this.frames.push(f);
      this.emit('frame', f);
    }
  }
  send(opcode, payload, options) {
    this.socket.write(frame(opcode, payload, options));
  }
  text(s) { this.send(1, Buffer.from(s)); }
  binary(b) { this.send(2, b); }
  close(code, reason) {
    this.send(8, code === undefined ? Buffer.alloc(0) :
      closePayload(code, reason));
  }
}

// options.tls ({ key, cert }) makes it a wss: server;
// options.respond(req, socket) replaces the handshake answer (return true
// to stop there); options.protocol picks the subprotocol answered;
// options.extensions is sent as Sec-WebSocket-Extensions.
function createServer(handler, options = {}) {
  const onRequest = (req, res) => {
    res.writeHead(404);
    res.end('not found');
  };
  const server = options.tls ?
    https.createServer(options.tls, onRequest) :
    http.createServer(onRequest);
  server.secure = !!options.tls;
  server.on('upgrade', (req, socket, head) => {
    if (options.respond && options.respond(req, socket)) return;
    const lines = [
      'HTTP/1.1 101 Switching Protocols',
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Accept: ${acceptKey(req.headers['sec-websocket-key'])}`,
    ];
    const protocol = typeof options.protocol === 'function' ?
      options.protocol(req) : options.protocol;
    if (protocol) lines.push(`Sec-WebSocket-Protocol: ${protocol}`);
    if (options.extensions) {
      lines.push(`Sec-WebSocket-Extensions: ${options.extensions}`);
    }
    socket.write(lines.join('\r\n') + '\r\n\r\n');
    const conn = new Connection(socket, req);
    if (head.length > 0) conn.onData(head);
    handler(conn, req);
  });
  return server;
}

function listen(server) {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const scheme = server.secure ? 'wss' : 'ws';
      resolve(`${scheme}://127.0.0.1:${server.address().port}`);
    });
  });
}

module.exports = { createServer, listen, frame, closePayload, acceptKey };
