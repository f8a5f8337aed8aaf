'use strict';

// The glue between a stream handle (LibuvStreamWrap: Pipe, TCP, TTY; see
// src/stream_base.h) and the stream.Duplex built over it (net.Socket):
// dispatching writes, turning `onread` calls into push(), and the idle
// timeout of a socket.

const {
  Array,
  Symbol,
} = primordials;

const {
  streamBaseState,
  kReadBytesOrError,
  kArrayBufferOffset,
  kBytesWritten,
  kLastWriteWasAsync,
  WriteWrap,
} = internalBinding('stream_wrap');
const { UV_EOF } = internalBinding('uv');
const { owner_symbol } = internalBinding('symbols');
const { bindRequest } = require('internal/async_hooks');
const {
  ErrnoException,
} = require('internal/errors');
const { FastBuffer } = require('internal/buffer');
const { isUint8Array } = require('internal/util/types');
const {
  Timeout,
  insert,
  clearTimeout,
  getTimerDuration,
  kTimeout,
} = require('internal/timers');
const { validateFunction } = require('internal/validators');

const kMaybeDestroy = Symbol('kMaybeDestroy');
const kUpdateTimer = Symbol('kUpdateTimer');
const kAfterAsyncWrite = Symbol('kAfterAsyncWrite');
const kHandle = Symbol('kHandle');
const kSession = Symbol('kSession');
const kBuffer = Symbol('kBuffer');
const kBufferGen = Symbol('kBufferGen');
const kBufferCb = Symbol('kBufferCb');

let Buffer;
function lazyBuffer() {
  Buffer ??= require('buffer').Buffer;
  return Buffer;
}

function dispatchWrite(req, data, encoding) {
  const { handle } = req;
  switch (encoding) {
    case 'buffer':
      return handle.writeBuffer(req, data);
    case 'utf8':
    case 'utf-8':
      return handle.writeUtf8String(req, data);
    case 'latin1':
    case 'binary':
      return handle.writeLatin1String(req, data);
    case 'ascii':
      return handle.writeAsciiString(req, data);
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le':
      return handle.writeUcs2String(req, data);
    default:
      // base64, hex and friends: encode here.
      return handle.writeBuffer(req, lazyBuffer().from(data, encoding));
  }
}

// req.oncomplete for a write libuv had to queue.
function onWriteComplete(status) {
  const stream = this.handle[owner_symbol];
  if (stream == null || stream.destroyed) {
    if (typeof this.callback === 'function') this.callback(null);
    return;
  }
  if (status < 0) {
    // TLS puts OpenSSL's reason in req.error.
    const err = new ErrnoException(status, 'write', this.error);
    if (typeof this.callback === 'function') {
      this.callback(err);
    } else {
      stream.destroy(err);
    }
    return;
  }
  stream[kUpdateTimer]();
  stream[kAfterAsyncWrite]();
  if (typeof this.callback === 'function') this.callback(null);
}

function createWriteWrap(handle, callback) {
  const req = new WriteWrap();
  req.handle = handle;
  req.oncomplete = bindRequest(req, 'WRITEWRAP', onWriteComplete);
  req.async = false;
  req.bytes = 0;
  req.buffer = null;
  req.callback = callback;
  return req;
}

function afterWriteDispatched(req, err, cb) {
  req.bytes = streamBaseState[kBytesWritten];
  req.async = streamBaseState[kLastWriteWasAsync] !== 0;
  if (err !== 0) {
    return cb(new ErrnoException(err, 'write'));
  }
  if (!req.async && typeof req.callback === 'function') {
    req.callback();
  }
}

function isTextEncoding(encoding) {
  switch (encoding) {
    case 'utf8': case 'utf-8': case 'latin1': case 'binary': case 'ascii':
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le':
    case undefined: case null:
      return true;
  }
  return false;
}

// `data` is the list Writable hands to _writev: { chunk, encoding } entries
// with `allBuffers` set when every chunk is a Buffer.
function writevGeneric(self, data, cb) {
  // Only one chunk has bytes (an HTTP response's head and body in one
  // string, then end()'s empty write): a plain write of it, without the
  // array and the per-chunk encoding lookups of the native writev.
  const only = onlyNonEmptyChunk(data);
  if (only !== -1) {
    const { chunk, encoding } = data[only];
    return writeGeneric(self, chunk,
                        typeof chunk === 'string' ? encoding : 'buffer', cb);
  }
  const req = createWriteWrap(self[kHandle], cb);
  const allBuffers = data.allBuffers;
  let chunks;
  if (allBuffers) {
    chunks = new Array(data.length);
    for (let i = 0; i < data.length; i++) chunks[i] = data[i].chunk;
  } else {
    chunks = new Array(data.length * 2);
    for (let i = 0; i < data.length; i++) {
      let { chunk, encoding } = data[i];
      // The native writev encodes only the text encodings; hex and base64
      // strings are decoded here.
      if (typeof chunk === 'string' && !isTextEncoding(encoding)) {
        chunk = lazyBuffer().from(chunk, encoding);
        encoding = 'buffer';
      }
      chunks[i * 2] = chunk;
      chunks[i * 2 + 1] = encoding;
    }
  }
  const err = req.handle.writev(req, chunks, allBuffers);
  afterWriteDispatched(req, err, cb);
  return req;
}

// The index of the one chunk of `data` that is not empty, or -1 (none or
// several).
function onlyNonEmptyChunk(data) {
  let found = -1;
  for (let i = 0; i < data.length; i++) {
    const chunk = data[i].chunk;
    if ((typeof chunk === 'string' ? chunk.length : chunk.byteLength) !== 0) {
      if (found !== -1) return -1;
      found = i;
    }
  }
  return found;
}

function writeGeneric(self, data, encoding, cb) {
  const req = createWriteWrap(self[kHandle], cb);
  const err = dispatchWrite(req, data, encoding);
  afterWriteDispatched(req, err, cb);
  return req;
}

// handle.onread: `this` is the handle, the byte count (or an error, UV_EOF
// at the end) is in streamBaseState.
function onStreamRead(arrayBuffer) {
  const nread = streamBaseState[kReadBytesOrError];
  const handle = this;
  const stream = this[owner_symbol];
  if (stream == null) return;

  stream[kUpdateTimer]();

  if (nread > 0 && !stream.destroyed) {
    let next;
    let more;
    const userBuf = stream[kBuffer];
    if (userBuf) {
      // The data is in the user's buffer (handle.useUserBuffer()); their
      // callback returning false pauses reading.
      more = stream[kBufferCb](nread, userBuf) !== false;
      const gen = stream[kBufferGen];
      if (gen != null) {
        const nextBuf = gen();
        if (isUint8Array(nextBuf)) stream[kBuffer] = next = nextBuf;
      }
    } else {
      const offset = streamBaseState[kArrayBufferOffset];
      more = stream.push(new FastBuffer(arrayBuffer, offset, nread));
    }
    if (!more) {
      handle.reading = false;
      if (!stream.destroyed) {
        const err = handle.readStop();
        if (err) stream.destroy(new ErrnoException(err, 'read'));
      }
    }
    return next;
  }

  if (nread === 0 || nread > 0) return;

  if (nread !== UV_EOF) {
    // ECONNRESET and friends end the stream with an error.
    stream.destroy(new ErrnoException(nread, 'read'));
    return;
  }

  // The other side ended: no more data.
  handle.reading = false;
  if (stream._readableState.endEmitted) {
    if (stream[kMaybeDestroy]) stream[kMaybeDestroy]();
  } else {
    if (stream[kMaybeDestroy]) stream.on('end', stream[kMaybeDestroy]);
    stream.push(null);
    stream.read(0);
  }
}

// socket.setTimeout(msecs[, callback]).
function setStreamTimeout(msecs, callback) {
  if (this.destroyed) return this;

  this.timeout = msecs;
  msecs = getTimerDuration(msecs, 'msecs');

  if (this[kTimeout]) {
    clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }

  if (msecs === 0) {
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.removeListener('timeout', callback);
    }
  } else {
    this[kTimeout] = setUnrefTimeout(this._onTimeout.bind(this), msecs);
    if (this[kSession]) this[kSession][kUpdateTimer]();
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
  }
  return this;
}

// A timer that does not keep the loop alive.
function setUnrefTimeout(callback, after) {
  const timer = new Timeout(callback, after, undefined, false, false);
  insert(timer, timer._idleTimeout);
  return timer;
}

module.exports = {
  writevGeneric,
  writeGeneric,
  onStreamRead,
  kAfterAsyncWrite,
  kMaybeDestroy,
  kUpdateTimer,
  kHandle,
  kSession,
  kTimeout,
  setStreamTimeout,
  setUnrefTimeout,
  kBuffer,
  kBufferCb,
  kBufferGen,
};
