'use strict';

// JSStreamSocket: a net.Socket over any Duplex, through a JSStream handle
// (src/js_stream.cc) whose reads and writes are done here. It lets code
// that needs a stream handle (TLS) work on a stream that has none.
//
// The handle calls back with `this` set to itself; `this[owner_symbol]` is
// the JSStreamSocket. One write (and one shutdown) is in flight at a time;
// a shutdown asked for during a write waits for it.

const {
  Symbol,
} = primordials;

const { setImmediate } = require('timers');
const { Socket } = require('net');
const { JSStream } = internalBinding('js_stream');
const uv = internalBinding('uv');
const { owner_symbol } = internalBinding('symbols');
const {
  codes: {
    ERR_STREAM_WRAP,
  },
} = require('internal/errors');

const kCurrentWrite = Symbol('kCurrentWriteRequest');
const kCurrentShutdown = Symbol('kCurrentShutdownRequest');
const kPendingShutdown = Symbol('kPendingShutdownRequest');
const kPendingClose = Symbol('kPendingClose');

function onreadstart() { return this[owner_symbol].readStart(); }
function onreadstop() { return this[owner_symbol].readStop(); }
function onshutdown(req) { return this[owner_symbol].doShutdown(req); }
function onwrite(req, bufs) { return this[owner_symbol].doWrite(req, bufs); }
function isClosing() { return this[owner_symbol].isClosing(); }

class JSStreamSocket extends Socket {
  constructor(stream) {
    const handle = new JSStream();
    handle.close = (cb) => this.doClose(cb);
    handle.isClosing = isClosing;
    handle.onreadstart = onreadstart;
    handle.onreadstop = onreadstop;
    handle.onshutdown = onshutdown;
    handle.onwrite = onwrite;

    stream.pause();
    stream.on('error', (err) => this.emit('error', err));
    const ondata = (chunk) => {
      // Only bytes can go through a stream handle.
      if (typeof chunk === 'string' || stream.readableObjectMode === true) {
        stream.pause();
        stream.removeListener('data', ondata);
        this.emit('error', new ERR_STREAM_WRAP());
        return;
      }
      if (this._handle) this._handle.readBuffer(chunk);
    };
    stream.on('data', ondata);
    stream.once('end', () => {
      if (this._handle) this._handle.emitEOF();
    });
    // Not every stream says whether it closed with an error; errors were
    // relayed above already.
    stream.once('close', () => this.destroy());

    super({ handle, manualStart: true });
    this.stream = stream;
    this[kCurrentWrite] = null;
    this[kCurrentShutdown] = null;
    this[kPendingShutdown] = null;
    this[kPendingClose] = false;
    this.readable = stream.readable;
    this.writable = stream.writable;

    this.read(0);
  }

  // Older tests reach it as require('internal/js_stream_socket').StreamWrap.
  static get StreamWrap() {
    return JSStreamSocket;
  }

  isClosing() {
    return !this.readable || !this.writable;
  }

  readStart() {
    this.stream.resume();
    return 0;
  }

  readStop() {
    this.stream.pause();
    return 0;
  }

  doShutdown(req) {
    // TLS may end the stream while its last write is in flight.
    if (this[kCurrentWrite] !== null) {
      this[kPendingShutdown] = req;
      return 0;
    }
    this[kCurrentShutdown] = req;
    // After doClose() the stream is gone; doClose() cancels the request.
    if (this[kPendingClose]) return 0;
    const handle = this._handle;
    process.nextTick(() => {
      this.stream.end(() => this.finishShutdown(handle, 0));
    });
    return 0;
  }

  // `handle` is this._handle, except from doClose().
  finishShutdown(handle, status) {
    const req = this[kCurrentShutdown];
    if (req === null) return;
    this[kCurrentShutdown] = null;
    handle.finishShutdown(req, status);
  }

  doWrite(req, bufs) {
    if (this[kPendingClose]) {
      // doClose() cancels it shortly.
      this[kCurrentWrite] = req;
      return 0;
    }
    if (this._handle === null) return 0;
    const handle = this._handle;
    let pending = bufs.length;
    const done = (err) => {
      if (!err && --pending !== 0) return;
      pending = 0;
      const status = err ? (uv[`UV_${err.code}`] || uv.UV_EPIPE) : 0;
      // Always after the write() calls returned.
      setImmediate(() => this.finishWrite(handle, status));
    };
    this.stream.cork();
    for (let i = 0; i < bufs.length; i++) this.stream.write(bufs[i], done);
    this.stream.uncork();
    // Set only once the writes were accepted (write() may throw).
    this[kCurrentWrite] = req;
    return 0;
  }

  // `handle` is this._handle, except from doClose().
  finishWrite(handle, status) {
    const req = this[kCurrentWrite];
    if (req === null) return;
    this[kCurrentWrite] = null;
    handle.finishWrite(req, status);
    const shutdown = this[kPendingShutdown];
    if (shutdown) {
      this[kPendingShutdown] = null;
      this.doShutdown(shutdown);
    }
  }

  doClose(cb) {
    this[kPendingClose] = true;
    const handle = this._handle;
    // The wrapped stream ends too (its other side sees 'end' and 'close').
    this.stream.destroy();
    setImmediate(() => {
      this.finishWrite(handle, uv.UV_ECANCELED);
      this.finishShutdown(handle, uv.UV_ECANCELED);
      this[kPendingClose] = false;
      cb();
    });
  }
}

module.exports = JSStreamSocket;
