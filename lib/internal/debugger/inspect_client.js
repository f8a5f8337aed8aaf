'use strict';

// The protocol client of `lode inspect`: asks the target's HTTP endpoint
// (/json/list) for its WebSocket URL, upgrades a connection to it and
// exchanges JSON messages in WebSocket frames (the client masks what it
// sends, the server does not). callMethod() returns a promise of the
// result; notifications are emitted under their method name.

const {
  ArrayPrototypePush,
  JSONParse,
  JSONStringify,
  Promise,
  SafeMap,
} = primordials;

const { Buffer } = require('buffer');
const EventEmitter = require('events');
const http = require('http');
const { randomBytes } = require('crypto');
const { ERR_DEBUGGER_ERROR } = require('internal/errors').codes;
const {
  acceptKey,
  decodeFrame,
  encodeFrame,
  kOpBinary,
  kOpClose,
  kOpContinuation,
  kOpPing,
  kOpPong,
  kOpText,
} = require('internal/websocket/frames');


function httpGet(host, port, path, headers) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port, path, headers });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (chunk) => ArrayPrototypePush(chunks, chunk));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('upgrade', (res, socket, head) => resolve({ res, socket, head }));
    req.on('error', reject);
  });
}

class Client extends EventEmitter {
  constructor() {
    super();
    this._socket = null;
    this._pending = new SafeMap();
    this._lastId = 0;
    this._buffer = Buffer.alloc(0);
    this._fragments = [];
    this._host = undefined;
    this._port = undefined;
  }

  async _discover() {
    const { res, body } =
      await httpGet(this._host, this._port, '/json/list', {});
    if (res.statusCode !== 200) {
      throw new ERR_DEBUGGER_ERROR(
        `Unexpected status code ${res.statusCode} from /json/list`);
    }
    let targets;
    try {
      targets = JSONParse(body.toString());
    } catch {
      throw new ERR_DEBUGGER_ERROR(
        `Invalid JSON from /json/list: ${body.toString()}`);
    }
    const target = targets?.[0];
    if (!target || typeof target.webSocketDebuggerUrl !== 'string') {
      throw new ERR_DEBUGGER_ERROR('No debuggable target found');
    }
    return new URL(target.webSocketDebuggerUrl).pathname;
  }

  async connect(port, host) {
    this._host = host;
    this._port = port;
    const path = await this._discover();
    const key = randomBytes(16).toString('base64');
    const { res, socket, head } = await httpGet(host, port, path, {
      'Connection': 'Upgrade',
      'Upgrade': 'websocket',
      'Sec-WebSocket-Key': key,
      'Sec-WebSocket-Version': '13',
    });
    if (socket === undefined) {
      throw new ERR_DEBUGGER_ERROR(
        `Unexpected status code ${res.statusCode} for the WebSocket upgrade`);
    }
    const expected = acceptKey(key);
    if (res.headers['sec-websocket-accept'] !== expected) {
      socket.destroy();
      throw new ERR_DEBUGGER_ERROR('WebSocket secret mismatch');
    }
    this._socket = socket;
    socket.on('data', (chunk) => this._onData(chunk));
    socket.on('close', () => this._onClose());
    socket.on('error', () => {});
    if (head && head.length > 0) this._onData(head);
    this.emit('ready');
  }

  _onData(chunk) {
    this._buffer = this._buffer.length === 0 ?
      chunk : Buffer.concat([this._buffer, chunk]);
    for (;;) {
      const frame = decodeFrame(this._buffer);
      if (frame === null) break;
      this._buffer = this._buffer.subarray(frame.size);
      this._onFrame(frame);
      if (this._socket === null) break;
    }
  }

  _onFrame({ fin, opcode, payload }) {
    switch (opcode) {
      case kOpText:
      case kOpBinary:
      case kOpContinuation:
        ArrayPrototypePush(this._fragments, payload);
        if (fin) {
          const text = Buffer.concat(this._fragments).toString();
          this._fragments = [];
          this._onMessage(text);
        }
        break;
      case kOpPing:
        this._socket.write(encodeFrame(kOpPong, payload));
        break;
      case kOpClose:
        this.reset();
        break;
      default:
        break;
    }
  }

  _onMessage(text) {
    let message;
    try {
      message = JSONParse(text);
    } catch {
      return;
    }
    const { id, method, params, result, error } = message;
    if (id !== undefined) {
      const pending = this._pending.get(id);
      if (pending === undefined) return;
      this._pending.delete(id);
      if (error) {
        const err = new ERR_DEBUGGER_ERROR(error.message);
        err.code = error.code;
        pending.reject(err);
      } else {
        pending.resolve(result);
      }
    } else if (method) {
      this.emit('debugEvent', method, params);
      this.emit(method, params);
    }
  }

  _onClose() {
    if (this._socket === null) return;
    this._socket = null;
    this._buffer = Buffer.alloc(0);
    this._fragments = [];
    for (const { reject } of this._pending.values()) {
      reject(new ERR_DEBUGGER_ERROR('Session was closed'));
    }
    this._pending.clear();
    this.emit('close');
  }

  callMethod(method, params) {
    return new Promise((resolve, reject) => {
      if (this._socket === null) {
        reject(new ERR_DEBUGGER_ERROR('Use `run` to start the app again.'));
        return;
      }
      const id = ++this._lastId;
      this._pending.set(id, { resolve, reject });
      const data = JSONStringify({ id, method, params });
      this._socket.write(encodeFrame(kOpText, Buffer.from(data)));
    });
  }

  reset() {
    if (this._socket !== null) {
      const socket = this._socket;
      this._onClose();
      socket.destroy();
    }
  }
}

module.exports = { Client };
