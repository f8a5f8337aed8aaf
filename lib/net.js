'use strict';

// node:net. A Socket is a stream.Duplex over a stream handle (TCP or Pipe
// from src/tcp_wrap.cc and src/pipe_wrap.cc; the read/write glue is in
// internal/stream_base_commons); a Server owns a listening handle and
// wraps every accepted handle in a Socket.
// Host names are resolved with dns.lookup (read at each use, so that a
// program may replace it). BlockList and SocketAddress live in
// internal/blocklist and internal/socketaddress; the cluster paths are not
// implemented.

const {
  ArrayIsArray,
  ArrayPrototypeIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeSplice,
  Boolean,
  FunctionPrototypeCall,
  Number,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  Symbol,
  SymbolAsyncDispose,
  SymbolDispose = primordials.SymbolFor('nodejs.dispose'),
} = primordials;

const EventEmitter = require('events');
const stream = require('stream');
const {
  isIP,
  isIPv4,
  isIPv6,
  kReinitializeHandle,
  normalizedArgsSymbol,
} = require('internal/net');
const { TCP, TCPConnectWrap, constants: TCPConstants } =
  internalBinding('tcp_wrap');
const { Pipe, PipeConnectWrap, constants: PipeConstants } =
  internalBinding('pipe_wrap');
const { ShutdownWrap } = internalBinding('stream_wrap');
const { owner_symbol } = internalBinding('symbols');
const {
  bindHandle,
  bindRequest,
  bindToHandle,
  initAcceptedHandle,
} = require('internal/async_hooks');
const {
  hasObserver,
  startPerf,
  stopPerf,
} = require('internal/perf/observer_counts');
// The timing of a connect while 'net' entries are observed.
const kPerfConnect = Symbol('kPerfHooksNetConnectContext');
const {
  UV_EADDRINUSE,
  UV_EINVAL,
  UV_ENOTCONN,
  UV_ETIMEDOUT,
} = internalBinding('uv');
const {
  ErrnoException,
  ExceptionWithHostPort,
  NodeAggregateError,
  UVExceptionWithHostPort,
  genericNodeError,
  codes: {
    ERR_INVALID_ADDRESS_FAMILY,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_IP_BLOCKED,
    ERR_INVALID_FD_TYPE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_INVALID_IP_ADDRESS,
    ERR_MISSING_ARGS,
    ERR_NOT_IMPLEMENTED,
    ERR_SERVER_ALREADY_LISTEN,
    ERR_SERVER_NOT_RUNNING,
    ERR_SOCKET_CLOSED,
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateNumber,
  validatePort,
  validateString,
} = require('internal/validators');
const {
  kAfterAsyncWrite,
  kBuffer,
  kBufferCb,
  kBufferGen,
  kHandle,
  kUpdateTimer,
  kTimeout,
  onStreamRead,
  setStreamTimeout,
  setUnrefTimeout,
  writeGeneric,
  writevGeneric,
} = require('internal/stream_base_commons');
const { guessHandleType } = require('internal/util');
const { isUint8Array } = require('internal/util/types');
const { clearTimeout } = require('internal/timers');
const { getDefaultHighWaterMark } = require('internal/streams/state');
const { getOptionValue } = require('internal/options');

let Buffer;
function lazyBuffer() {
  Buffer ??= require('buffer').Buffer;
  return Buffer;
}

const DEFAULT_IPV4_ADDR = '0.0.0.0';
const DEFAULT_IPV6_ADDR = '::';

const kLastWriteQueueSize = Symbol('lastWriteQueueSize');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');
const kBytesRead = Symbol('kBytesRead');
const kBytesWritten = Symbol('kBytesWritten');

// From --[no-]network-family-autoselection[-attempt-timeout], read on first
// use (net may be loaded before the options are known).
let autoSelectFamilyDefault;
let autoSelectFamilyAttemptTimeoutDefault;

function getDefaultAutoSelectFamily() {
  autoSelectFamilyDefault ??=
    getOptionValue('--network-family-autoselection');
  return autoSelectFamilyDefault;
}

function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  autoSelectFamilyDefault = value;
}

function getDefaultAutoSelectFamilyAttemptTimeout() {
  autoSelectFamilyAttemptTimeoutDefault ??=
    getOptionValue('--network-family-autoselection-attempt-timeout');
  return autoSelectFamilyAttemptTimeoutDefault;
}

function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  // Node raises values under 10 ms to 10 ms.
  autoSelectFamilyAttemptTimeoutDefault = value < 10 ? 10 : value;
}

function noop() {}

// dns.lookup, loaded on first use (dns creates its default resolver when
// it loads).
let dns;
function defaultLookup() {
  dns ??= require('dns');
  return dns.lookup;
}

// A non-negative number, or false.
function toNumber(x) {
  return (x = Number(x)) >= 0 ? x : false;
}

function isPipeName(s) {
  return typeof s === 'string' && toNumber(s) === false;
}

// The many call forms of connect() and listen() as [options, callback]:
// (options[, cb]), (path[, cb]), (port[, host][, cb]).
function normalizeArgs(args) {
  let arr;
  if (args.length === 0) {
    arr = [{}, null];
    arr[normalizedArgsSymbol] = true;
    return arr;
  }
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (isPipeName(arg0)) {
    options.path = arg0;
  } else {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') {
      options.host = args[1];
    }
  }
  const cb = args[args.length - 1];
  arr = typeof cb === 'function' ? [options, cb] : [options, null];
  arr[normalizedArgsSymbol] = true;
  return arr;
}

// The diagnostics channels net publishes to, made on first use (so that
// diagnostics_channel stays out of the startup snapshot).
let dcChannels;
function dcChannel(name) {
  if (dcChannels === undefined) {
    const dc = require('diagnostics_channel');
    dcChannels = {
      clientSocket: dc.channel('net.client.socket'),
      serverSocket: dc.channel('net.server.socket'),
      listen: dc.tracingChannel('net.server.listen'),
    };
  }
  return dcChannels[name];
}

// The async_hooks type of a stream handle.
function wrapType(handle) {
  if (handle instanceof TCP) return 'TCPWRAP';
  if (handle instanceof Pipe) return 'PIPEWRAP';
  return 'TTYWRAP';
}

// The handle for an fd handed to new Socket({ fd }) or listen({ fd }).
function createHandle(fd, isServer) {
  validateInt32(fd, 'fd', 0);
  const type = guessHandleType(fd);
  if (type === 'PIPE') {
    return new Pipe(isServer ? PipeConstants.SERVER : PipeConstants.SOCKET);
  }
  if (type === 'TCP') {
    return new TCP(isServer ? TCPConstants.SERVER : TCPConstants.SOCKET);
  }
  throw new ERR_INVALID_FD_TYPE(type);
}

function connect(...args) {
  const normalized = normalizeArgs(args);
  const options = normalized[0];
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return FunctionPrototypeCall(Socket.prototype.connect, socket, normalized);
}

// ---------------------------------------------------------------------------
// Socket

function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (options?.objectMode) {
    throw new ERR_INVALID_ARG_VALUE('options.objectMode', options.objectMode,
                                    'is not supported');
  } else if (options?.readableObjectMode || options?.writableObjectMode) {
    throw new ERR_INVALID_ARG_VALUE(
      `options.${options.readableObjectMode ? 'readableObjectMode' :
        'writableObjectMode'}`,
      options.readableObjectMode || options.writableObjectMode,
      'is not supported');
  }
  if (options?.keepAliveInitialDelay !== undefined) {
    validateNumber(options.keepAliveInitialDelay,
                   'options.keepAliveInitialDelay');
    if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
  }

  this.connecting = false;
  this._hadError = false;
  this._parent = null;
  this._host = null;
  this[kLastWriteQueueSize] = 0;
  this[kTimeout] = null;
  this[kBuffer] = null;
  this[kBufferCb] = null;
  this[kBufferGen] = null;

  // A null-prototype copy: on V8 10.2 a plain `{ ...options }` that then
  // gets more properties has a new hidden class every time, and every
  // stream constructor reading it misses its inline caches (measured: about
  // 30 cache misses per accepted connection).
  if (typeof options === 'number') {
    options = { __proto__: null, fd: options };
  } else {
    options = { __proto__: null, ...options };
  }

  // Half-open sockets only on request; 'close' is emitted by the handle.
  options.allowHalfOpen = Boolean(options.allowHalfOpen);
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  FunctionPrototypeCall(stream.Duplex, this, options);

  this._handle = null;

  if (options.handle) {
    this._handle = options.handle;
  } else if (options.fd !== undefined) {
    const { fd } = options;
    this._handle = createHandle(fd, false);
    const err = this._handle.open(fd);
    if (err) throw new ErrnoException(err, 'open');
  }

  // options.onread: reads go into the user's buffer, to their callback.
  const onread = options.onread;
  if (onread !== null && typeof onread === 'object' &&
      (isUint8Array(onread.buffer) || typeof onread.buffer === 'function')) {
    validateFunction(onread.callback, 'options.onread.callback');
    if (typeof onread.buffer === 'function') {
      this[kBuffer] = true;
      this[kBufferGen] = onread.buffer;
    } else {
      this[kBuffer] = onread.buffer;
    }
    this[kBufferCb] = onread.callback;
  }

  this.on('end', onReadableStreamEnd);

  initSocketHandle(this);

  this._pendingData = null;
  this._pendingEncoding = '';

  if (this._handle && options.readable !== false) {
    if (options.pauseOnCreate) {
      this._handle.reading = false;
      this._handle.readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }

  if (options.signal) addClientAbortSignalOption(this, options);

  this.server = null;
  this._server = null;

  // Kept for bytesRead/bytesWritten after destroy().
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;

  // Applied to the handle once connected (see afterConnect).
  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kSetKeepAliveInitialDelay] = ~~(options.keepAliveInitialDelay / 1000);
}
ObjectSetPrototypeOf(Socket.prototype, stream.Duplex.prototype);
ObjectSetPrototypeOf(Socket, stream.Duplex);

ObjectDefineProperty(Socket.prototype, kHandle, {
  __proto__: null,
  configurable: true,
  get() { return this._handle; },
});

function addClientAbortSignalOption(self, options) {
  validateAbortSignal(options.signal, 'options.signal');
  const { signal } = options;
  let disposable;
  function onAbort() {
    disposable?.[SymbolDispose]();
    const { AbortError } = require('internal/errors');
    self._aborted = true;
    self.destroy(new AbortError(undefined, { cause: signal.reason }));
  }
  if (signal.aborted) {
    process.nextTick(onAbort);
  } else {
    process.nextTick(() => {
      const { addAbortListener } =
        require('internal/events/abort_listener');
      disposable = addAbortListener(signal, onAbort);
    });
  }
}

// After the other side ended and half-open is off, a write fails.
function onReadableStreamEnd() {
  if (!this.allowHalfOpen) {
    this.write = writeAfterFIN;
  }
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) {
    return FunctionPrototypeCall(stream.Duplex.prototype.write, this, chunk,
                                 encoding, cb);
  }
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const err = genericNodeError('This socket has been ended by the other party',
                               { code: 'EPIPE' });
  if (typeof cb === 'function') process.nextTick(cb, err);
  this.destroy(err);
  return false;
}

function initSocketHandle(self) {
  self._undestroy();
  self._sockname = null;
  if (self._handle) {
    self._handle[owner_symbol] = self;
    self._handle.onread = bindHandle(self._handle, wrapType(self._handle),
                                     onStreamRead);
    let userBuf = self[kBuffer];
    if (userBuf) {
      const gen = self[kBufferGen];
      if (gen !== null) {
        userBuf = gen();
        if (!isUint8Array(userBuf)) return;
        self[kBuffer] = userBuf;
      }
      self._handle.useUserBuffer(userBuf);
    }
  }
}

function tryReadStart(socket) {
  socket._handle.reading = true;
  const err = socket._handle.readStart();
  if (err) socket.destroy(new ErrnoException(err, 'read'));
}

Socket.prototype[kReinitializeHandle] = function reinitializeHandle(handle) {
  this._handle?.close();
  this._handle = handle;
  this._handle[owner_symbol] = this;
  initSocketHandle(this);
};

Socket.prototype._unrefTimer = function _unrefTimer() {
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) s[kTimeout].refresh();
  }
};

Socket.prototype[kUpdateTimer] = Socket.prototype._unrefTimer;

Socket.prototype[kAfterAsyncWrite] = function() {
  this[kLastWriteQueueSize] = 0;
};

Socket.prototype.setTimeout = setStreamTimeout;

Socket.prototype._onTimeout = function() {
  const handle = this._handle;
  const last = this[kLastWriteQueueSize];
  if (last > 0 && handle) {
    // A write is still draining: that is activity, not idleness.
    const { writeQueueSize } = handle;
    if (last !== writeQueueSize) {
      this[kLastWriteQueueSize] = writeQueueSize;
      this._unrefTimer();
      return;
    }
  }
  this.emit('timeout');
};

Socket.prototype.setNoDelay = function setNoDelay(enable) {
  // No argument means true.
  const value = Boolean(enable === undefined ? true : enable);
  if (!this._handle) {
    this[kSetNoDelay] = value;
    return this;
  }
  if (this._handle.setNoDelay && value !== this[kSetNoDelay]) {
    this[kSetNoDelay] = value;
    this._handle.setNoDelay(value);
  }
  return this;
};

Socket.prototype.setKeepAlive = function setKeepAlive(enable, initialDelay) {
  enable = Boolean(enable);
  const delay = ~~(initialDelay / 1000);
  if (!this._handle) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = delay;
    return this;
  }
  if (!this._handle.setKeepAlive) return this;
  if (enable !== this[kSetKeepAlive] ||
      (enable && this[kSetKeepAliveInitialDelay] !== delay)) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = delay;
    this._handle.setKeepAlive(enable, delay);
  }
  return this;
};

Socket.prototype.address = function address() {
  return this._getsockname();
};

ObjectDefineProperty(Socket.prototype, '_connecting', {
  __proto__: null,
  get() { return this.connecting; },
});

ObjectDefineProperty(Socket.prototype, 'pending', {
  __proto__: null,
  configurable: true,
  get() { return !this._handle || this.connecting; },
});

ObjectDefineProperty(Socket.prototype, 'readyState', {
  __proto__: null,
  configurable: true,
  get() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  },
});

ObjectDefineProperty(Socket.prototype, 'bufferSize', {
  __proto__: null,
  configurable: true,
  get() {
    if (this._handle) return this.writableLength;
    return undefined;
  },
});

Socket.prototype._read = function(n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

Socket.prototype.end = function(data, encoding, callback) {
  FunctionPrototypeCall(stream.Duplex.prototype.end, this, data, encoding,
                        callback);
  return this;
};

Socket.prototype.resetAndDestroy = function() {
  if (this._handle) {
    if (!(this._handle instanceof TCP)) throw new ERR_INVALID_HANDLE_TYPE();
    if (this.connecting) {
      this.once('connect', () => this._reset());
    } else {
      this._reset();
    }
  } else {
    this.destroy(new ERR_SOCKET_CLOSED());
  }
  return this;
};

Socket.prototype._reset = function() {
  this.resetAndClosing = true;
  return this.destroy();
};

Socket.prototype.pause = function() {
  if (this[kBuffer] && !this.connecting && this._handle &&
      this._handle.reading) {
    this._handle.reading = false;
    if (!this.destroyed) {
      const err = this._handle.readStop();
      if (err) this.destroy(new ErrnoException(err, 'read'));
    }
  }
  return FunctionPrototypeCall(stream.Duplex.prototype.pause, this);
};

Socket.prototype.resume = function() {
  if (this[kBuffer] && !this.connecting && this._handle &&
      !this._handle.reading) {
    tryReadStart(this);
  }
  return FunctionPrototypeCall(stream.Duplex.prototype.resume, this);
};

Socket.prototype.read = function(n) {
  if (this[kBuffer] && !this.connecting && this._handle &&
      !this._handle.reading) {
    tryReadStart(this);
  }
  return FunctionPrototypeCall(stream.Duplex.prototype.read, this, n);
};

// The writable side is done: shut the connection down for writing.
Socket.prototype._final = function(cb) {
  if (this.connecting) {
    return this.once('connect', () => this._final(cb));
  }
  if (!this._handle) return cb();

  const req = new ShutdownWrap();
  req.oncomplete = bindRequest(req, 'SHUTDOWNWRAP', afterShutdown);
  req.handle = this._handle;
  req.callback = cb;
  const err = this._handle.shutdown(req);
  if (err === 1 || err === UV_ENOTCONN) return cb();
  if (err !== 0) return cb(new ErrnoException(err, 'shutdown'));
};

function afterShutdown(status) {
  // ENOTCONN after the other side went away is not an error here.
  this.callback();
}

Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) {
    this.destroy();
  } else {
    this.once('finish', this.destroy);
  }
};

Socket.prototype._destroy = function(exception, cb) {
  this.connecting = false;
  // Cleared, not dropped: a cleared timer stays cleared when refreshed,
  // and the socket keeps it as Node's does.
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) clearTimeout(s[kTimeout]);
  }

  if (this._handle) {
    const isException = !!exception;
    this[kBytesRead] = this._handle.bytesRead;
    this[kBytesWritten] = this._handle.bytesWritten;

    if (this.resetAndClosing) {
      this.resetAndClosing = false;
      const err = this._handle.reset(() => {
        this.emit('close', isException);
      });
      if (err) this.emit('error', new ErrnoException(err, 'reset'));
    } else {
      this._handle.close(bindToHandle(this._handle, () => {
        this.emit('close', isException);
      }));
    }
    this._handle.onread = noop;
    this._handle = null;
    this._sockname = null;
    cb(exception);
  } else {
    cb(exception);
    process.nextTick(emitCloseNT, this);
  }

  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) {
      this._server._emitCloseIfDrained();
    }
  }
};

Socket.prototype._getpeername = function() {
  if (!this._handle || !this._handle.getpeername || this.connecting) {
    return this._peername || {};
  } else if (!this._peername) {
    const out = {};
    const err = this._handle.getpeername(out);
    if (err) return out;
    this._peername = out;
  }
  return this._peername;
};

function protoGetter(name, getter) {
  ObjectDefineProperty(Socket.prototype, name, {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get: getter,
  });
}

protoGetter('bytesRead', function bytesRead() {
  return this._handle ? this._handle.bytesRead : this[kBytesRead];
});

protoGetter('remoteAddress', function remoteAddress() {
  return this._getpeername().address;
});

protoGetter('remoteFamily', function remoteFamily() {
  return this._getpeername().family;
});

protoGetter('remotePort', function remotePort() {
  return this._getpeername().port;
});

Socket.prototype._getsockname = function() {
  if (!this._handle || !this._handle.getsockname) {
    return {};
  } else if (!this._sockname) {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) return {};
    this._sockname = out;
  }
  return this._sockname;
};

protoGetter('localAddress', function localAddress() {
  return this._getsockname().address;
});

protoGetter('localPort', function localPort() {
  return this._getsockname().port;
});

protoGetter('localFamily', function localFamily() {
  return this._getsockname().family;
});

Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  // Writes before the connection is up wait for it.
  if (this.connecting) {
    this._pendingData = data;
    this._pendingEncoding = encoding;
    function onClose() {
      cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
    }
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb);
    });
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';

  if (!this._handle) {
    cb(new ERR_SOCKET_CLOSED());
    return false;
  }

  this._unrefTimer();

  const req = writev ? writevGeneric(this, data, cb) :
    writeGeneric(this, data, encoding, cb);
  if (req.async) this[kLastWriteQueueSize] = req.bytes;
};

Socket.prototype._writev = function(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};

Socket.prototype._write = function(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb);
};

protoGetter('bytesWritten', function bytesWritten() {
  let bytes = this._handle ? this._handle.bytesWritten : this[kBytesWritten];
  const B = lazyBuffer();
  const buffered = this.writableBuffer;
  if (!buffered) return undefined;
  for (let i = 0; i < buffered.length; i++) {
    const el = buffered[i];
    bytes += el.chunk instanceof B ? el.chunk.length :
      B.byteLength(el.chunk, el.encoding);
  }
  const data = this._pendingData;
  const encoding = this._pendingEncoding;
  if (ArrayIsArray(data)) {
    for (let i = 0; i < data.length; i++) {
      const el = data[i];
      bytes += el.chunk instanceof B ? el.chunk.length :
        B.byteLength(el.chunk, el.encoding);
    }
  } else if (data) {
    bytes += typeof data === 'string' ? B.byteLength(data, encoding) :
      data.length;
  }
  return bytes;
});

// ---------------------------------------------------------------------------
// connect

Socket.prototype.connect = function(...args) {
  let normalized;
  if (ArrayIsArray(args[0]) && args[0][normalizedArgsSymbol]) {
    normalized = args[0];
  } else {
    normalized = normalizeArgs(args);
  }
  const options = normalized[0];
  const cb = normalized[1];

  if (cb !== null) this.once('connect', cb);

  if (this._parent && this._parent.connecting) return this;

  const clientSocketChannel = dcChannel('clientSocket');
  if (clientSocketChannel.hasSubscribers) {
    clientSocketChannel.publish({ socket: this });
  }

  if (this.write !== Socket.prototype.write) {
    this.write = Socket.prototype.write;
  }

  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this._undestroy();
  }

  const { path } = options;
  const pipe = !!path;

  if (options.port === undefined && path == null) {
    throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
  }

  if (!this._handle) {
    this._handle = pipe ?
      new Pipe(PipeConstants.SOCKET) :
      new TCP(TCPConstants.SOCKET);
    initSocketHandle(this);
  }

  this._unrefTimer();
  this.connecting = true;

  if (pipe) {
    validateString(path, 'options.path');
    internalConnect(this, path);
  } else {
    lookupAndConnect(this, options);
  }
  return this;
};

function socketToDnsFamily(family) {
  switch (family) {
    case 'IPv4':
      return 4;
    case 'IPv6':
      return 6;
  }
  return family;
}

function lookupAndConnect(self, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port, autoSelectFamily } = options;

  validateString(host, 'options.host');
  if (options.blockList !== undefined) {
    self.blockList = validateBlockList(options.blockList, 'options.blockList');
  }

  if (localAddress && !isIP(localAddress)) {
    throw new ERR_INVALID_IP_ADDRESS(localAddress);
  }
  if (localPort) validateNumber(localPort, 'options.localPort');

  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'],
                                     port);
    }
    validatePort(port);
  }
  port |= 0;

  if (autoSelectFamily != null) {
    validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
  } else {
    autoSelectFamily = getDefaultAutoSelectFamily();
  }
  if (options.autoSelectFamilyAttemptTimeout != null) {
    validateInt32(options.autoSelectFamilyAttemptTimeout,
                  'options.autoSelectFamilyAttemptTimeout', 1);
  }

  // An IP address needs no lookup.
  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (self.connecting) {
        internalConnect(self, host, port, addressType, localAddress,
                        localPort);
      }
    });
    return;
  }

  if (options.lookup != null) validateFunction(options.lookup,
                                               'options.lookup');

  const dnsopts = {
    family: socketToDnsFamily(options.family),
    hints: options.hints || 0,
  };
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && dnsopts.hints === 0) {
    dnsopts.hints = TCPConstants.AI_ADDRCONFIG;
  }

  self._host = host;
  const lookup = options.lookup || defaultLookup();

  if (dnsopts.family !== 4 && dnsopts.family !== 6 && !localAddress &&
      autoSelectFamily) {
    dnsopts.all = true;
    lookup(host, dnsopts, function emitLookup(err, addresses) {
      if (!self.connecting) return;
      if (err) {
        self.emit('lookup', err, undefined, undefined, host);
        process.nextTick(connectErrorNT, self, err);
        return;
      }
      const valid = [];
      for (let i = 0; i < addresses.length; i++) {
        const { address, family } = addresses[i];
        let bad;
        if (!isIP(address)) {
          bad = new ERR_INVALID_IP_ADDRESS(address);
        } else if (family !== 4 && family !== 6) {
          bad = new ERR_INVALID_ADDRESS_FAMILY(family, options.host,
                                               options.port);
        }
        if (bad) {
          process.nextTick(connectErrorNT, self, bad);
          return;
        }
        self.emit('lookup', null, address, family, host);
        ArrayPrototypePush(valid, addresses[i]);
      }
      if (!self.connecting) return;
      if (valid.length === 0) {
        process.nextTick(connectErrorNT, self,
                         new ERR_INVALID_IP_ADDRESS(undefined));
        return;
      }
      if (valid.length === 1) {
        self._unrefTimer();
        internalConnect(self, valid[0].address, port, valid[0].family,
                        localAddress, localPort);
        return;
      }
      const v4 = [];
      const v6 = [];
      for (let i = 0; i < valid.length; i++) {
        ArrayPrototypePush(valid[i].family === 6 ? v6 : v4, valid[i]);
      }
      // Alternating, starting with the family of the first answer.
      const first = valid[0].family === 6 ? v6 : v4;
      const second = first === v6 ? v4 : v6;
      const ordered = [];
      for (let i = 0; i < v4.length || i < v6.length; i++) {
        if (i < first.length) ArrayPrototypePush(ordered, first[i]);
        if (i < second.length) ArrayPrototypePush(ordered, second[i]);
      }
      self.autoSelectFamilyAttemptedAddresses = [];
      self._unrefTimer();
      internalConnectMultiple({
        self,
        addresses: ordered,
        port,
        index: 0,
        attempts: 0,
        errors: [],
        timer: null,
        timeout: options.autoSelectFamilyAttemptTimeout ??
          getDefaultAutoSelectFamilyAttemptTimeout(),
      });
    });
    return;
  }

  lookup(host, dnsopts, function emitLookup(err, ip, addressType) {
    self.emit('lookup', err, ip, addressType, host);
    if (!self.connecting) return;
    if (err) {
      process.nextTick(connectErrorNT, self, err);
    } else if (typeof ip !== 'string' || !isIP(ip)) {
      // A custom lookup may answer with anything (an array of addresses).
      process.nextTick(connectErrorNT, self, new ERR_INVALID_IP_ADDRESS(ip));
    } else if (addressType !== 4 && addressType !== 6) {
      process.nextTick(connectErrorNT, self,
                       new ERR_INVALID_ADDRESS_FAMILY(addressType,
                                                      options.host,
                                                      options.port));
    } else {
      self._unrefTimer();
      internalConnect(self, ip, port, addressType, localAddress, localPort);
    }
  });
}

function connectErrorNT(self, err) {
  self.destroy(err);
}

function internalConnect(self, address, port, addressType, localAddress,
                         localPort, flags) {
  let err;

  if (localAddress || localPort) {
    if (addressType === 4) {
      localAddress ||= DEFAULT_IPV4_ADDR;
      err = self._handle.bind(localAddress, localPort);
    } else {
      localAddress ||= DEFAULT_IPV6_ADDR;
      err = self._handle.bind6(localAddress, localPort, flags);
    }
    if (err) {
      self.destroy(new ExceptionWithHostPort(err, 'bind', localAddress,
                                             localPort));
      return;
    }
  }

  if ((addressType === 6 || addressType === 4) &&
      self.blockList?.check(address, `ipv${addressType}`)) {
    self.destroy(new ERR_IP_BLOCKED(address));
    return;
  }

  if (addressType === 6 || addressType === 4) {
    const req = new TCPConnectWrap();
    req.oncomplete = bindRequest(req, 'TCPCONNECTWRAP', afterConnect);
    req.address = address;
    req.port = port;
    req.localAddress = localAddress;
    req.localPort = localPort;
    req.addressType = addressType;
    err = addressType === 4 ?
      self._handle.connect(req, address, port) :
      self._handle.connect6(req, address, port);
  } else {
    const req = new PipeConnectWrap();
    req.address = address;
    req.oncomplete = bindRequest(req, 'PIPECONNECTWRAP', afterConnect);
    err = self._handle.connect(req, address);
  }

  if (err) {
    self.destroy(new ExceptionWithHostPort(err, 'connect', address, port));
  } else if ((addressType === 6 || addressType === 4) &&
             hasObserver('net')) {
    startPerf(self, kPerfConnect, {
      type: 'net', name: 'connect', detail: { host: address, port },
    });
  }
}

// Happy eyeballs (autoSelectFamily): the addresses are tried one at a time,
// IPv6 and IPv4 alternating; an attempt that has not connected after the
// attempt timeout is dropped for the next one. All failing gives an
// AggregateError of every attempt's error.
function internalConnectMultiple(context) {
  const { self, addresses, port } = context;
  clearTimeout(context.timer);
  context.timer = null;
  if (!self.connecting) return;
  if (context.index >= addresses.length) {
    const { errors } = context;
    self.destroy(errors.length === 1 ? errors[0] :
      new NodeAggregateError(errors, ''));
    return;
  }
  const { address, family } = addresses[context.index++];
  if (self.blockList?.check(address, `ipv${family}`)) {
    ArrayPrototypePush(context.errors, new ERR_IP_BLOCKED(address));
    internalConnectMultiple(context);
    return;
  }
  ArrayPrototypePush(self.autoSelectFamilyAttemptedAddresses,
                     `${address}:${port}`);
  if (context.attempts++ > 0) {
    const fresh = new TCP(TCPConstants.SOCKET);
    // The connect request reports to the handle's owner.
    fresh[owner_symbol] = self;
    self[kReinitializeHandle](fresh);
  }
  const handle = self._handle;
  const req = new TCPConnectWrap();
  req.address = address;
  req.port = port;
  req.addressType = family;
  req.oncomplete = bindRequest(req, 'TCPCONNECTWRAP', function(status, h, r,
                                                               readable,
                                                               writable) {
    clearTimeout(context.timer);
    context.timer = null;
    if (status !== 0 && self._handle === handle && !self.destroyed) {
      ArrayPrototypePush(context.errors,
                         new ExceptionWithHostPort(status, 'connect',
                                                   address, port));
      self._handle = null;
      handle.close();
      internalConnectMultiple(context);
      return;
    }
    if (status === 0 && hasObserver('net')) {
      startPerf(self, kPerfConnect, {
        type: 'net', name: 'connect', detail: { host: address, port },
      });
    }
    FunctionPrototypeCall(afterConnect, this, status, h, r, readable,
                          writable);
  });
  const err = family === 4 ?
    handle.connect(req, address, port) :
    handle.connect6(req, address, port);
  if (err) {
    ArrayPrototypePush(context.errors,
                       new ExceptionWithHostPort(err, 'connect', address,
                                                 port));
    self._handle = null;
    handle.close();
    internalConnectMultiple(context);
    return;
  }
  if (context.index < addresses.length) {
    context.timer = setUnrefTimeout(() => {
      context.timer = null;
      req.oncomplete = noop;
      ArrayPrototypePush(context.errors,
                         new ExceptionWithHostPort(UV_ETIMEDOUT, 'connect',
                                                   address, port));
      if (self._handle === handle) self._handle = null;
      handle.close();
      internalConnectMultiple(context);
    }, context.timeout);
  }
}

function afterConnect(status, handle, req, readable, writable) {
  const self = handle[owner_symbol];
  if (self == null || self.destroyed) return;

  self.connecting = false;
  self._sockname = null;

  if (status === 0) {
    if (self.readable && !readable) {
      self.push(null);
      self.read();
    }
    if (self.writable && !writable) {
      self.end();
    }
    self._unrefTimer();

    if (self[kSetNoDelay] && self._handle.setNoDelay) {
      self._handle.setNoDelay(true);
    }
    if (self[kSetKeepAlive] && self._handle.setKeepAlive) {
      self._handle.setKeepAlive(true, self[kSetKeepAliveInitialDelay]);
    }

    self.emit('connect');
    self.emit('ready');

    // Start reading (or learn of an immediate EOF) unless paused.
    if (readable && !self.isPaused()) self.read(0);
    if (hasObserver('net')) stopPerf(self, kPerfConnect);
  } else {
    let details;
    if (req.localAddress && req.localPort) {
      details = req.localAddress + ':' + req.localPort;
    }
    const ex = new ExceptionWithHostPort(status, 'connect', req.address,
                                         req.port, details);
    if (details) {
      ex.localAddress = req.localAddress;
      ex.localPort = req.localPort;
    }
    self.destroy(ex);
  }
}

Socket.prototype.ref = function() {
  if (!this._handle) {
    this.once('connect', this.ref);
    return this;
  }
  if (typeof this._handle.ref === 'function') this._handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  if (!this._handle) {
    this.once('connect', this.unref);
    return this;
  }
  if (typeof this._handle.unref === 'function') this._handle.unref();
  return this;
};

function emitCloseNT(self) {
  self.emit('close');
}

// ---------------------------------------------------------------------------
// Server

function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);

  FunctionPrototypeCall(EventEmitter, this);

  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
    this.on('connection', connectionListener);
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
    if (typeof connectionListener === 'function') {
      this.on('connection', connectionListener);
    }
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  if (options.keepAliveInitialDelay !== undefined) {
    validateNumber(options.keepAliveInitialDelay,
                   'options.keepAliveInitialDelay');
    if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
  }
  if (options.blockList !== undefined) {
    this.blockList = validateBlockList(options.blockList,
                                       'options.blockList');
  }
  if (options.highWaterMark !== undefined) {
    validateNumber(options.highWaterMark, 'options.highWaterMark');
    if (options.highWaterMark < 0) {
      options.highWaterMark = getDefaultHighWaterMark();
    }
  }

  this._connections = 0;
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this._listeningId = 1;

  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.highWaterMark = options.highWaterMark ?? getDefaultHighWaterMark();
}
ObjectSetPrototypeOf(Server.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Server, EventEmitter);

function toNumberOrFalse(x) {
  return toNumber(x);
}

// A listening handle, or a negative errno.
function createServerHandle(address, port, addressType, fd, flags) {
  let err = 0;
  let handle;
  let isTCP = false;
  if (typeof fd === 'number' && fd >= 0) {
    try {
      handle = createHandle(fd, true);
    } catch {
      return UV_EINVAL;
    }
    err = handle.open(fd);
    if (err) return err;
  } else if (port === -1 && addressType === -1) {
    handle = new Pipe(PipeConstants.SERVER);
  } else {
    handle = new TCP(TCPConstants.SERVER);
    isTCP = true;
  }

  if (address || port || isTCP) {
    if (!address) {
      // The IPv6 wildcard first; IPv4 when the system has no IPv6.
      err = handle.bind6(DEFAULT_IPV6_ADDR, port, flags);
      if (err) {
        handle.close();
        return createServerHandle(DEFAULT_IPV4_ADDR, port);
      }
    } else if (addressType === 6) {
      err = handle.bind6(address, port, flags);
    } else {
      err = handle.bind(address, port);
    }
  }

  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

function publishListenError(server, error) {
  const listenChannel = dcChannel('listen');
  if (listenChannel.hasSubscribers) {
    listenChannel.error.publish({ server, error });
  }
}

function setupListenHandle(address, port, addressType, backlog, fd, flags) {
  if (!this._handle) {
    let rval = null;
    if (!address && typeof fd !== 'number') {
      rval = createServerHandle(DEFAULT_IPV6_ADDR, port, 6, fd, flags);
      if (typeof rval === 'number') {
        rval = null;
        address = DEFAULT_IPV4_ADDR;
        addressType = 4;
      } else {
        address = DEFAULT_IPV6_ADDR;
        addressType = 6;
      }
    }
    if (rval === null) {
      rval = createServerHandle(address, port, addressType, fd, flags);
    }
    if (typeof rval === 'number') {
      const error = new UVExceptionWithHostPort(rval, 'listen', address, port);
      publishListenError(this, error);
      process.nextTick(emitErrorNT, this, error);
      return;
    }
    this._handle = rval;
  }

  this._handle.onconnection = bindHandle(
    this._handle,
    this._handle instanceof TCP ? 'TCPSERVERWRAP' : 'PIPESERVERWRAP',
    onconnection);
  this._handle[owner_symbol] = this;

  // 511: the kernel rounds backlog + 1 up to a power of two.
  const err = this._handle.listen(backlog || 511);
  if (err) {
    const ex = new UVExceptionWithHostPort(err, 'listen', address, port);
    this._handle.close();
    this._handle = null;
    publishListenError(this, ex);
    process.nextTick(emitErrorNT, this, ex);
    return;
  }

  this._connectionKey = addressType + ':' + address + ':' + port;

  if (this._unref) this.unref();

  const listenChannel = dcChannel('listen');
  if (listenChannel.hasSubscribers) {
    listenChannel.asyncEnd.publish({ server: this });
  }

  process.nextTick(emitListeningNT, this);
}

Server.prototype._listen2 = setupListenHandle;

function emitErrorNT(self, err) {
  self.emit('error', err);
}

function emitListeningNT(self) {
  if (self._handle) self.emit('listening');
}

let cluster;
// In a cluster worker a server listens on a handle the primary gives it
// (unless `exclusive`); everywhere else on its own.
function listenInCluster(server, address, port, addressType, backlog, fd,
                         exclusive, flags, options) {
  cluster ??= require('cluster');
  if (cluster.isPrimary || exclusive) {
    server._listen2(address, port, addressType, backlog, fd, flags);
    return;
  }
  const query = {
    address,
    port,
    addressType,
    fd,
    flags,
    backlog,
    ...options,
  };
  const listeningId = server._listeningId;
  cluster._getServer(server, query, (err, handle) => {
    // close() came first.
    if (listeningId !== server._listeningId) {
      handle?.close();
      return;
    }
    err = checkBindError(err, port, handle);
    if (err) {
      server.emit('error', new ExceptionWithHostPort(err, 'bind', address,
                                                     port));
      return;
    }
    server._handle = handle;
    server._listen2(address, port, addressType, backlog, fd, flags);
  });
}

// A handle the primary bound to another port than the one asked for means
// the port was taken.
function checkBindError(err, port, handle) {
  if (err === 0 && port > 0 && handle.getsockname) {
    const out = {};
    err = handle.getsockname(out);
    if (err === 0 && port !== out.port) err = UV_EADDRINUSE;
  }
  return err;
}

function getFlags(ipv6Only) {
  return ipv6Only === true ? TCPConstants.UV_TCP_IPV6ONLY : 0;
}

function addServerAbortSignalOption(self, options) {
  if (options?.signal === undefined) return;
  validateAbortSignal(options.signal, 'options.signal');
  const { signal } = options;
  const onAborted = () => self.close();
  if (signal.aborted) {
    process.nextTick(onAborted);
  } else {
    const { addAbortListener } = require('internal/events/abort_listener');
    const disposable = addAbortListener(signal, onAborted);
    self.once('close', disposable[SymbolDispose]);
  }
}

Server.prototype.listen = function(...args) {
  const normalized = normalizeArgs(args);
  let options = normalized[0];
  const cb = normalized[1];

  if (this._handle) throw new ERR_SERVER_ALREADY_LISTEN();

  const listenChannel = dcChannel('listen');
  if (listenChannel.hasSubscribers) {
    listenChannel.asyncStart.publish({ server: this, options });
  }

  if (cb !== null) this.once('listening', cb);

  const backlogFromArgs =
    toNumberOrFalse(args.length > 1 && args[1]) ||
    toNumberOrFalse(args.length > 2 && args[2]);

  options = options._handle || options.handle || options;
  const flags = getFlags(options.ipv6Only);
  this._listeningId++;

  // listen(handle[, backlog][, cb])
  if (options instanceof TCP || options instanceof Pipe) {
    this._handle = options;
    listenInCluster(this, null, -1, -1, backlogFromArgs, undefined, true);
    return this;
  }

  addServerAbortSignalOption(this, options);

  // listen({ fd }[, backlog][, cb])
  if (typeof options.fd === 'number' && options.fd >= 0) {
    listenInCluster(this, null, null, null, backlogFromArgs, options.fd);
    return this;
  }

  // listen(), listen(cb), listen(null), listen({ port: undefined }): any port.
  if (args.length === 0 || typeof args[0] === 'function' ||
      (typeof options.port === 'undefined' && 'port' in options) ||
      options.port === null) {
    options.port = 0;
  }

  let backlog;
  if (typeof options.port === 'number' || typeof options.port === 'string') {
    validatePort(options.port, 'options.port');
    backlog = options.backlog || backlogFromArgs;
    if (options.reusePort === true) {
      throw new ERR_NOT_IMPLEMENTED('server.listen() with reusePort');
    }
    if (options.host) {
      lookupAndListen(this, options.port | 0, options.host, backlog,
                      options.exclusive, flags);
    } else {
      listenInCluster(this, null, options.port | 0, 4, backlog, undefined,
                      options.exclusive);
    }
    return this;
  }

  // listen(path[, backlog][, cb]) or listen({ path })
  if (options.path && isPipeName(options.path)) {
    // An abstract socket has no file whose mode could change (Node's
    // message, typo included).
    if (options.path[0] === '\0' &&
        (options.readableAll || options.writableAll)) {
      throw new ERR_INVALID_ARG_VALUE(
        'options', options,
        'can not set readableAll or writableAllt to true when path is ' +
        'abstract unix socket');
    }
    const pipeName = this._pipeName = options.path;
    backlog = options.backlog || backlogFromArgs;
    listenInCluster(this, pipeName, -1, -1, backlog, undefined,
                    options.exclusive);
    if (!this._handle) return this;

    let mode = 0;
    if (options.readableAll === true) mode |= PipeConstants.UV_READABLE;
    if (options.writableAll === true) mode |= PipeConstants.UV_WRITABLE;
    if (mode !== 0) {
      const err = this._handle.fchmod(mode);
      if (err) {
        this._handle.close();
        this._handle = null;
        throw new ErrnoException(err, 'uv_pipe_chmod');
      }
    }
    return this;
  }

  if (!('port' in options || 'path' in options)) {
    throw new ERR_INVALID_ARG_VALUE('options', options,
                                    'must have the property "port" or "path"');
  }
  throw new ERR_INVALID_ARG_VALUE('options', options);
};

function lookupAndListen(self, port, address, backlog, exclusive, flags) {
  const listeningId = self._listeningId;
  defaultLookup()(address, {}, function doListen(err, ip, addressType) {
    if (listeningId !== self._listeningId) return;
    if (err) {
      self.emit('error', err);
      return;
    }
    addressType = ip ? addressType : 4;
    listenInCluster(self, ip, port, addressType, backlog, undefined,
                    exclusive, flags);
  });
}

ObjectDefineProperty(Server.prototype, 'listening', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return !!(this._handle && this._connectionKey);
  },
});

Server.prototype.address = function() {
  if (this._handle && this._handle.getsockname) {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) throw new ErrnoException(err, 'address');
    return out;
  } else if (this._pipeName) {
    return this._pipeName;
  }
  return null;
};

function onconnection(err, clientHandle) {
  const handle = this;
  const self = handle[owner_symbol];

  if (err) {
    self.emit('error', new ErrnoException(err, 'accept'));
    return;
  }

  // A peer the server's blockList names is dropped at once.
  if (self.blockList && typeof clientHandle.getpeername === 'function') {
    const remote = { __proto__: null };
    clientHandle.getpeername(remote);
    const type = isIP(remote.address);
    if (type !== 0 && self.blockList.check(remote.address, `ipv${type}`)) {
      clientHandle.close();
      return;
    }
  }

  if (self.maxConnections != null &&
      self._connections >= self.maxConnections) {
    if (clientHandle.getsockname || clientHandle.getpeername) {
      const data = { __proto__: null };
      if (clientHandle.getsockname) {
        const local = { __proto__: null };
        clientHandle.getsockname(local);
        data.localAddress = local.address;
        data.localPort = local.port;
        data.localFamily = local.family;
      }
      if (clientHandle.getpeername) {
        const remote = { __proto__: null };
        clientHandle.getpeername(remote);
        data.remoteAddress = remote.address;
        data.remotePort = remote.port;
        data.remoteFamily = remote.family;
      }
      self.emit('drop', data);
    } else {
      self.emit('drop');
    }
    clientHandle.close();
    return;
  }

  initAcceptedHandle(clientHandle, wrapType(clientHandle), handle);
  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: self.allowHalfOpen,
    pauseOnCreate: self.pauseOnConnect,
    readable: true,
    writable: true,
    highWaterMark: self.highWaterMark,
  });

  if (self.noDelay && clientHandle.setNoDelay) {
    socket[kSetNoDelay] = true;
    clientHandle.setNoDelay(true);
  }
  if (self.keepAlive && clientHandle.setKeepAlive) {
    socket[kSetKeepAlive] = true;
    socket[kSetKeepAliveInitialDelay] = self.keepAliveInitialDelay;
    clientHandle.setKeepAlive(true, self.keepAliveInitialDelay);
  }

  self._connections++;
  socket.server = self;
  socket._server = self;
  self.emit('connection', socket);
  const serverSocketChannel = dcChannel('serverSocket');
  if (serverSocketChannel.hasSubscribers) {
    serverSocketChannel.publish({ socket });
  }
}

// Connections sent to other processes (child.send(msg, socket)) are counted
// there: each socket list (internal/socket_list) is asked.
Server.prototype.getConnections = function(cb) {
  const self = this;

  function end(err, connections) {
    process.nextTick(cb, err, connections);
  }

  if (!this._usingWorkers) {
    end(null, this._connections);
    return this;
  }

  let left = this._workers.length;
  let total = this._connections;

  function oncount(err, count) {
    if (err) {
      left = -1;
      return end(err);
    }
    total += count;
    if (--left === 0) return end(null, total);
  }

  for (let n = 0; n < this._workers.length; n++) {
    this._workers[n].getConnections(oncount);
  }

  return this;
};

// Called by child_process when a connection of this server is first sent
// to another process over `socketList`'s channel.
Server.prototype._setupWorker = function(socketList) {
  this._usingWorkers = true;
  ArrayPrototypePush(this._workers, socketList);
  socketList.once('exit', (list) => {
    const index = ArrayPrototypeIndexOf(this._workers, list);
    if (index !== -1) ArrayPrototypeSplice(this._workers, index, 1);
  });
};

Server.prototype.close = function(cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function close() {
        cb(new ERR_SERVER_NOT_RUNNING());
      });
    } else {
      this.once('close', cb);
    }
  }

  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  // A listen() still waiting for its host name lookup is off.
  this._listeningId++;

  if (this._usingWorkers) {
    // 'close' once every process that got connections has closed them.
    let left = this._workers.length;
    const onWorkerClose = () => {
      if (--left !== 0) return;
      this._connections = 0;
      this._emitCloseIfDrained();
    };
    // Held until the workers answer, so 'close' comes once.
    this._connections++;
    for (let n = 0; n < this._workers.length; n++) {
      this._workers[n].close(onWorkerClose);
    }
  } else {
    this._emitCloseIfDrained();
  }
  return this;
};

Server.prototype[SymbolAsyncDispose] = function() {
  if (!this._handle) return;
  const { promisify } = require('internal/util');
  return FunctionPrototypeCall(promisify(this.close), this);
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle || this._connections) return;
  process.nextTick(emitCloseNT, this);
};

Server.prototype[EventEmitter.captureRejectionSymbol] = function(
  err, event, sock) {
  switch (event) {
    case 'connection':
      sock.destroy(err);
      break;
    default:
      this.emit('error', err);
  }
};

Server.prototype.ref = function() {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function() {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

function validateBlockList(value, name) {
  if (!module.exports.BlockList.isBlockList(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'net.BlockList', value);
  }
  return value;
}

let BlockList;
let SocketAddress;
module.exports = {
  _createServerHandle: createServerHandle,
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts: noop,
  get BlockList() {
    BlockList ??= require('internal/blocklist').BlockList;
    return BlockList;
  },
  get SocketAddress() {
    SocketAddress ??= require('internal/socketaddress').SocketAddress;
    return SocketAddress;
  },
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
};
