'use strict';

// dgram.Socket over internalBinding('udp_wrap').UDP. lib/dgram.js only
// exports what is here.
//
// A socket's state lives in this[kStateSymbol]: its handle (null once
// closed), whether it is bound (unbound, binding while the address is
// looked up, bound) and connected, and `queue`, the sends, connects and
// closes asked for before the bind finished, run in order once it has.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  FunctionPrototypeBind,
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  ReflectApply,
  Symbol,
  SymbolAsyncDispose,
  SymbolDispose,
} = primordials;

const {
  UDP,
  SendWrap,
  constants: { UV_UDP_IPV6ONLY, UV_UDP_REUSEADDR, UV_UDP_REUSEPORT },
} = internalBinding('udp_wrap');
const { UV_EINVAL } = internalBinding('uv');
const {
  ErrnoException,
  ExceptionWithHostPort,
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_IP_BLOCKED,
    ERR_INVALID_FD_TYPE,
    ERR_MISSING_ARGS,
    ERR_SOCKET_ALREADY_BOUND,
    ERR_SOCKET_BAD_BUFFER_SIZE,
    ERR_SOCKET_BAD_TYPE,
    ERR_SOCKET_BUFFER_SIZE,
    ERR_SOCKET_DGRAM_IS_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_RUNNING,
  },
} = require('internal/errors');
const {
  isInt32,
  validateAbortSignal,
  validateFunction,
  validateNumber,
  validatePort,
  validateString,
  validateUint32,
} = require('internal/validators');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { isArrayBufferView } = require('internal/util/types');
const { deprecate, guessHandleType, promisify } = require('internal/util');
const {
  bindHandle,
  bindRequest,
  owner_symbol,
} = require('internal/async_hooks');
const EventEmitter = require('events');

const kStateSymbol = Symbol('state symbol');

const kUnbound = 0;
const kBinding = 1;
const kBound = 2;

const kDisconnected = 0;
const kConnecting = 1;
const kConnected = 2;

const kRecvBuffer = true;
const kSendBuffer = false;

const kBufferTypes = ['Buffer', 'TypedArray', 'DataView', 'string'];

// --- Host name lookup ------------------------------------------------------

// dns.lookup once lode has a dns module (read at each socket's creation, so
// that a program may replace it); until then the system lookup net uses,
// which takes its family in an options object.
let dns;
function systemLookup(host, family, callback) {
  return require('internal/net').lookup(host, { family }, callback);
}
function defaultLookup() {
  if (dns === undefined) {
    const { BuiltinModule } = require('internal/bootstrap/realm');
    dns = BuiltinModule.exists('dns') ? require('dns') : null;
  }
  return dns !== null ? dns.lookup : systemLookup;
}

// handle.lookup(address, callback): an empty address means the loopback
// address of the socket's family.
function lookupIPv4(lookup, address, callback) {
  return lookup(address || '127.0.0.1', 4, callback);
}

function lookupIPv6(lookup, address, callback) {
  return lookup(address || '::1', 6, callback);
}

// A UDP handle for 'udp4' or 'udp6': the IPv6 one calls the *6 methods under
// the plain names.
function newHandle(type, lookup) {
  if (lookup === undefined) {
    lookup = defaultLookup();
  } else {
    validateFunction(lookup, 'lookup');
  }
  if (type === 'udp4') {
    const handle = new UDP();
    handle.lookup = FunctionPrototypeBind(lookupIPv4, handle, lookup);
    return handle;
  }
  if (type === 'udp6') {
    const handle = new UDP();
    handle.lookup = FunctionPrototypeBind(lookupIPv6, handle, lookup);
    handle.bind = handle.bind6;
    handle.connect = handle.connect6;
    handle.send = handle.send6;
    return handle;
  }
  throw new ERR_SOCKET_BAD_TYPE();
}

// A bound (or opened) handle, or a negative errno; for cluster primaries.
function _createSocketHandle(address, port, addressType, fd, flags) {
  const handle = newHandle(addressType);
  let err = 0;
  if (isInt32(fd) && fd > 0) {
    err = guessHandleType(fd) === 'UDP' ? handle.open(fd) : UV_EINVAL;
  } else if (port || address) {
    err = handle.bind(address, port || 0, flags);
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

// --- Socket ----------------------------------------------------------------

let udpSocketChannel;

function Socket(type, listener) {
  FunctionPrototypeCall(EventEmitter, this);
  let options;
  let lookup;
  let recvBufferSize;
  let sendBufferSize;
  let receiveBlockList;
  let sendBlockList;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
    if (options.recvBufferSize) {
      validateUint32(options.recvBufferSize, 'options.recvBufferSize');
    }
    if (options.sendBufferSize) {
      validateUint32(options.sendBufferSize, 'options.sendBufferSize');
    }
    recvBufferSize = options.recvBufferSize;
    sendBufferSize = options.sendBufferSize;
    // Peers a socket will not send to / receive from (net.BlockList).
    const { BlockList } = require('net');
    if (options.receiveBlockList) {
      if (!BlockList.isBlockList(options.receiveBlockList)) {
        throw new ERR_INVALID_ARG_TYPE('options.receiveBlockList',
                                       'net.BlockList',
                                       options.receiveBlockList);
      }
      receiveBlockList = options.receiveBlockList;
    }
    if (options.sendBlockList) {
      if (!BlockList.isBlockList(options.sendBlockList)) {
        throw new ERR_INVALID_ARG_TYPE('options.sendBlockList',
                                       'net.BlockList', options.sendBlockList);
      }
      sendBlockList = options.sendBlockList;
    }
  }

  const handle = newHandle(type, lookup);
  handle[owner_symbol] = this;
  this.type = type;
  if (typeof listener === 'function') this.on('message', listener);

  this[kStateSymbol] = {
    handle,
    receiving: false,
    bindState: kUnbound,
    connectState: kDisconnected,
    queue: undefined,
    reuseAddr: options?.reuseAddr,
    reusePort: options?.reusePort,
    ipv6Only: options?.ipv6Only,
    recvBufferSize,
    sendBufferSize,
    receiveBlockList,
    sendBlockList,
  };

  if (options?.signal !== undefined) {
    const { signal } = options;
    validateAbortSignal(signal, 'options.signal');
    const onAbort = () => {
      if (this[kStateSymbol].handle) this.close();
    };
    if (signal.aborted) {
      onAbort();
    } else {
      const { addAbortListener } = require('internal/events/abort_listener');
      const disposable = addAbortListener(signal, onAbort);
      this.once('close', disposable[SymbolDispose]);
    }
  }

  udpSocketChannel ??= require('diagnostics_channel').channel('udp.socket');
  if (udpSocketChannel.hasSubscribers) {
    udpSocketChannel.publish({ socket: this });
  }
}
ObjectSetPrototypeOf(Socket.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Socket, EventEmitter);

function createSocket(type, listener) {
  return new Socket(type, listener);
}

function healthCheck(socket) {
  if (!socket[kStateSymbol].handle) throw new ERR_SOCKET_DGRAM_NOT_RUNNING();
}

function startListening(socket) {
  const state = socket[kStateSymbol];
  const { handle } = state;
  handle.onmessage = bindHandle(handle, 'UDPWRAP', onMessage);
  handle.onerror = onError;
  handle.recvStart();
  state.receiving = true;
  state.bindState = kBound;
  if (state.recvBufferSize) {
    bufferSize(socket, state.recvBufferSize, kRecvBuffer);
  }
  if (state.sendBufferSize) {
    bufferSize(socket, state.sendBufferSize, kSendBuffer);
  }
  socket.emit('listening');
}

function stopReceiving(socket) {
  const state = socket[kStateSymbol];
  if (!state.receiving) return;
  state.handle.recvStop();
  state.receiving = false;
}

// Puts a handle made elsewhere (another process sent it) in place of the
// socket's own.
function replaceHandle(socket, handle) {
  const state = socket[kStateSymbol];
  const old = state.handle;
  if (!old.hasRef() && typeof handle.unref === 'function') handle.unref();
  handle.lookup = old.lookup;
  handle.bind = old.bind;
  handle.connect = old.connect;
  handle.send = old.send;
  handle[owner_symbol] = socket;
  old.close();
  state.handle = handle;
}

// Whether `blockList` (if any) names the IP address `ip`.
function isBlocked(blockList, ip) {
  if (blockList === undefined || typeof ip !== 'string') return false;
  const type = require('internal/net').isIP(ip);
  return type !== 0 && blockList.check(ip, `ipv${type}`);
}

function onMessage(nread, handle, buf, rinfo) {
  const self = handle[owner_symbol];
  if (nread < 0) {
    self.emit('error', new ErrnoException(nread, 'recvmsg'));
    return;
  }
  if (isBlocked(self[kStateSymbol].receiveBlockList, rinfo.address)) return;
  const message = new FastBuffer(buf.buffer, buf.byteOffset, buf.byteLength);
  rinfo.size = message.length;
  self.emit('message', message, rinfo);
}

function onError(nread, handle, error) {
  handle[owner_symbol].emit('error', error);
}

function bufferSize(socket, size, isRecv) {
  if (size >>> 0 !== size) throw new ERR_SOCKET_BAD_BUFFER_SIZE();
  const ctx = {};
  const ret = socket[kStateSymbol].handle.bufferSize(size, isRecv, ctx);
  if (ret === undefined) throw new ERR_SOCKET_BUFFER_SIZE(ctx);
  return ret;
}

// Work asked for before the bind finished waits in state.queue; a failed
// bind drops it.
function enqueue(socket, fn) {
  const state = socket[kStateSymbol];
  if (state.queue === undefined) {
    state.queue = [];
    socket.once(EventEmitter.errorMonitor, onBindFailed);
    socket.once('listening', onBound);
  }
  ArrayPrototypePush(state.queue, fn);
}

function onBound() {
  this.removeListener(EventEmitter.errorMonitor, onBindFailed);
  const state = this[kStateSymbol];
  const queue = state.queue;
  state.queue = undefined;
  for (let i = 0; i < queue.length; i++) queue[i]();
}

function onBindFailed() {
  this.removeListener('listening', onBound);
  this[kStateSymbol].queue = undefined;
}

Socket.prototype.bind = function bind(port_, address_ /* , callback */) {
  let port = port_;
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.bindState !== kUnbound) throw new ERR_SOCKET_ALREADY_BOUND();
  state.bindState = kBinding;

  // The callback runs on 'listening', and is forgotten if 'error' comes
  // first.
  const cb = arguments.length && arguments[arguments.length - 1];
  if (typeof cb === 'function') {
    const forget = () => {
      this.removeListener('error', forget);
      this.removeListener('listening', onListening);
    };
    const onListening = () => {
      forget();
      FunctionPrototypeCall(cb, this);
    };
    this.on('error', forget);
    this.on('listening', onListening);
  }

  // A UDP handle (one sent by another process).
  if (port !== null && typeof port === 'object' &&
      typeof port.recvStart === 'function') {
    replaceHandle(this, port);
    startListening(this);
    return this;
  }

  // An existing descriptor.
  if (port !== null && typeof port === 'object' &&
      isInt32(port.fd) && port.fd > 0) {
    const type = guessHandleType(port.fd);
    if (type !== 'UDP') throw new ERR_INVALID_FD_TYPE(type);
    const err = state.handle.open(port.fd);
    if (err) throw new ErrnoException(err, 'open');
    startListening(this);
    return this;
  }

  let address;
  let exclusive = false;
  if (port !== null && typeof port === 'object') {
    address = port.address || '';
    exclusive = !!port.exclusive;
    port = port.port;
  } else {
    address = typeof address_ === 'function' ? '' : address_;
  }
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';

  state.handle.lookup(address, (err, ip) => {
    // Closed in the meantime.
    if (!state.handle) return;
    if (err) {
      state.bindState = kUnbound;
      this.emit('error', err);
      return;
    }
    let flags = 0;
    if (state.reuseAddr) flags |= UV_UDP_REUSEADDR;
    if (state.ipv6Only) flags |= UV_UDP_IPV6ONLY;
    if (state.reusePort) flags |= UV_UDP_REUSEPORT;
    cluster ??= require('cluster');
    // A reusePort socket binds in the worker: the kernel balances them.
    if (cluster.isWorker && !exclusive && !state.reusePort) {
      bindInCluster(this, ip, port, flags);
      return;
    }
    // As in Node, a port that is no valid number is made one (a bad one
    // binds to a random port, 65536 to 0, -1 to 65535).
    const bindErr = state.handle.bind(ip, ((port || 0) >>> 0) & 0xffff,
                                      flags);
    if (bindErr) {
      state.bindState = kUnbound;
      this.emit('error', new ExceptionWithHostPort(bindErr, 'bind', ip, port));
      return;
    }
    startListening(this);
  });
  return this;
};

let cluster;
// A cluster worker's socket shares the primary's handle (unless bound
// `exclusive` or with reusePort).
function bindInCluster(socket, ip, port, flags) {
  const state = socket[kStateSymbol];
  const query = {
    address: ip,
    port: ((port || 0) >>> 0) & 0xffff,
    addressType: socket.type,
    fd: -1,
    flags,
  };
  cluster._getServer(socket, query, (err, handle) => {
    // Closed while the primary was answering.
    if (!state.handle) {
      handle?.close();
      return;
    }
    if (err) {
      state.bindState = kUnbound;
      socket.emit('error', new ExceptionWithHostPort(err, 'bind', ip, port));
      return;
    }
    replaceHandle(socket, handle);
    startListening(socket);
  });
}

Socket.prototype.connect = function connect(port, address, callback) {
  port = validatePort(port, 'Port', false);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }
  validateString(address, 'address');

  const state = this[kStateSymbol];
  if (state.connectState !== kDisconnected) {
    throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  }
  state.connectState = kConnecting;
  if (state.bindState === kUnbound) this.bind({ port: 0, exclusive: true });
  if (state.bindState !== kBound) {
    enqueue(this, FunctionPrototypeBind(startConnect, this, port, address,
                                        callback));
    return;
  }
  ReflectApply(startConnect, this, [port, address, callback]);
};

function startConnect(port, address, callback) {
  const state = this[kStateSymbol];
  if (callback) this.once('connect', callback);
  state.handle.lookup(address, (ex, ip) => {
    finishConnect(ex, this, ip, address, port, callback);
  });
}

function finishConnect(ex, socket, ip, address, port, callback) {
  const state = socket[kStateSymbol];
  if (!state.handle) return;
  if (!ex && isBlocked(state.sendBlockList, ip)) {
    ex = new ERR_IP_BLOCKED(ip);
  }
  if (!ex) {
    const err = state.handle.connect(ip, port);
    if (err) ex = new ExceptionWithHostPort(err, 'connect', address, port);
  }
  if (ex) {
    state.connectState = kDisconnected;
    process.nextTick(() => {
      if (callback) {
        socket.removeListener('connect', callback);
        callback(ex);
      } else {
        socket.emit('error', ex);
      }
    });
    return;
  }
  state.connectState = kConnected;
  process.nextTick(() => socket.emit('connect'));
}

Socket.prototype.disconnect = function disconnect() {
  const state = this[kStateSymbol];
  if (state.connectState !== kConnected) {
    throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  }
  const err = state.handle.disconnect();
  if (err) throw new ErrnoException(err, 'connect');
  state.connectState = kDisconnected;
};

// The older form of send with every argument given.
Socket.prototype.sendto = function sendto(buffer, offset, length, port,
                                          address, callback) {
  validateNumber(offset, 'offset');
  validateNumber(length, 'length');
  validateNumber(port, 'port');
  validateString(address, 'address');
  this.send(buffer, offset, length, port, address, callback);
};

// `length` bytes of `buffer` from `offset`, as a Buffer over the same
// memory.
function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', kBufferTypes, buffer);
  }
  offset >>>= 0;
  length >>>= 0;
  if (offset > buffer.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (offset + length > buffer.byteLength) {
    throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
  }
  return new FastBuffer(buffer.buffer, buffer.byteOffset + offset, length);
}

// The chunks of a list as Buffers, or null when one is of another type.
function toBufferList(list) {
  const out = [];
  for (let i = 0; i < list.length; i++) {
    const chunk = list[i];
    if (typeof chunk === 'string') {
      ArrayPrototypePush(out, Buffer.from(chunk));
    } else if (isArrayBufferView(chunk)) {
      ArrayPrototypePush(out, new FastBuffer(chunk.buffer, chunk.byteOffset,
                                             chunk.byteLength));
    } else {
      return null;
    }
  }
  return out;
}

// Unconnected: send(msg, [offset, length,] port[, address][, callback]);
// connected: send(msg, [offset, length,][callback]).
Socket.prototype.send = function send(buffer, offset, length, port, address,
                                      callback) {
  const state = this[kStateSymbol];
  const connected = state.connectState === kConnected;
  if (!connected) {
    if (address || (port && typeof port !== 'function')) {
      buffer = sliceBuffer(buffer, offset, length);
    } else {
      callback = port;
      port = offset;
      address = length;
    }
  } else {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }
    if (port || address) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  }

  let list;
  if (ArrayIsArray(buffer)) {
    list = toBufferList(buffer);
    if (list === null) {
      throw new ERR_INVALID_ARG_TYPE('buffer list arguments', kBufferTypes,
                                     buffer);
    }
  } else if (typeof buffer === 'string') {
    list = [Buffer.from(buffer)];
  } else if (isArrayBufferView(buffer)) {
    list = [buffer];
  } else {
    throw new ERR_INVALID_ARG_TYPE('buffer', kBufferTypes, buffer);
  }

  if (!connected) port = validatePort(port, 'Port', false);
  if (typeof callback !== 'function') callback = undefined;
  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null) {
    validateString(address, 'address');
  }

  healthCheck(this);
  if (state.bindState === kUnbound) this.bind({ port: 0, exclusive: true });
  if (list.length === 0) ArrayPrototypePush(list, Buffer.alloc(0));

  if (state.bindState !== kBound) {
    enqueue(this, FunctionPrototypeBind(this.send, this, list, port, address,
                                        callback));
    return;
  }

  if (connected) {
    sendNow(null, this, null, list, address, port, callback);
  } else {
    state.handle.lookup(address, (ex, ip) => {
      sendNow(ex, this, ip, list, address, port, callback);
    });
  }
};

function sendNow(ex, socket, ip, list, address, port, callback) {
  const state = socket[kStateSymbol];
  if (!ex && isBlocked(state.sendBlockList, ip)) ex = new ERR_IP_BLOCKED(ip);
  if (ex) {
    if (callback) {
      process.nextTick(callback, ex);
    } else {
      process.nextTick(() => socket.emit('error', ex));
    }
    return;
  }
  if (!state.handle) return;

  const req = new SendWrap();
  req.list = list;
  req.address = address;
  req.port = port;
  if (callback) {
    req.callback = callback;
    req.oncomplete = bindRequest(req, 'UDPSENDWRAP', afterSend);
  }
  const err = port ?
    state.handle.send(req, list, list.length, port, ip, !!callback) :
    state.handle.send(req, list, list.length, !!callback);
  // Sent at once: the binding returns the size + 1.
  if (err >= 1) {
    if (callback) process.nextTick(callback, null, err - 1);
    return;
  }
  // A failed send is only reported to a callback.
  if (err && callback) {
    process.nextTick(callback,
                     new ExceptionWithHostPort(err, 'send', address, port));
  }
}

function afterSend(status, sent) {
  const err = status ?
    new ExceptionWithHostPort(status, 'send', this.address, this.port) :
    null;
  this.callback(err, sent);
}

Socket.prototype.close = function close(callback) {
  const state = this[kStateSymbol];
  if (typeof callback === 'function') this.on('close', callback);
  // After the queued work of a bind still going on.
  if (state.queue !== undefined) {
    ArrayPrototypePush(state.queue, FunctionPrototypeBind(this.close, this));
    return this;
  }
  healthCheck(this);
  stopReceiving(this);
  state.handle.close();
  state.handle = null;
  process.nextTick(emitClose, this);
  return this;
};

function emitClose(socket) {
  socket.emit('close');
}

Socket.prototype[SymbolAsyncDispose] = async function() {
  if (!this[kStateSymbol].handle) return;
  return FunctionPrototypeCall(promisify(this.close), this);
};

Socket.prototype.address = function address() {
  healthCheck(this);
  const out = {};
  const err = this[kStateSymbol].handle.getsockname(out);
  if (err) throw new ErrnoException(err, 'getsockname');
  return out;
};

Socket.prototype.remoteAddress = function remoteAddress() {
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.connectState !== kConnected) {
    throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  }
  const out = {};
  const err = state.handle.getpeername(out);
  if (err) throw new ErrnoException(err, 'getpeername');
  return out;
};

Socket.prototype.setBroadcast = function setBroadcast(arg) {
  const err = this[kStateSymbol].handle.setBroadcast(arg ? 1 : 0);
  if (err) throw new ErrnoException(err, 'setBroadcast');
};

Socket.prototype.setTTL = function setTTL(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setTTL(ttl);
  if (err) throw new ErrnoException(err, 'setTTL');
  return ttl;
};

Socket.prototype.setMulticastTTL = function setMulticastTTL(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setMulticastTTL(ttl);
  if (err) throw new ErrnoException(err, 'setMulticastTTL');
  return ttl;
};

Socket.prototype.setMulticastLoopback = function setMulticastLoopback(arg) {
  const err = this[kStateSymbol].handle.setMulticastLoopback(arg ? 1 : 0);
  if (err) throw new ErrnoException(err, 'setMulticastLoopback');
  return arg;
};

Socket.prototype.setMulticastInterface =
  function setMulticastInterface(interfaceAddress) {
    healthCheck(this);
    validateString(interfaceAddress, 'interfaceAddress');
    const err =
      this[kStateSymbol].handle.setMulticastInterface(interfaceAddress);
    if (err) throw new ErrnoException(err, 'setMulticastInterface');
  };

Socket.prototype.addMembership = function addMembership(multicastAddress,
                                                        interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
  const err = this[kStateSymbol].handle.addMembership(multicastAddress,
                                                      interfaceAddress);
  if (err) throw new ErrnoException(err, 'addMembership');
};

Socket.prototype.dropMembership = function dropMembership(multicastAddress,
                                                          interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
  const err = this[kStateSymbol].handle.dropMembership(multicastAddress,
                                                       interfaceAddress);
  if (err) throw new ErrnoException(err, 'dropMembership');
};

Socket.prototype.addSourceSpecificMembership =
  function addSourceSpecificMembership(sourceAddress, groupAddress,
                                       interfaceAddress) {
    healthCheck(this);
    validateString(sourceAddress, 'sourceAddress');
    validateString(groupAddress, 'groupAddress');
    const err = this[kStateSymbol].handle.addSourceSpecificMembership(
      sourceAddress, groupAddress, interfaceAddress);
    if (err) throw new ErrnoException(err, 'addSourceSpecificMembership');
  };

Socket.prototype.dropSourceSpecificMembership =
  function dropSourceSpecificMembership(sourceAddress, groupAddress,
                                        interfaceAddress) {
    healthCheck(this);
    validateString(sourceAddress, 'sourceAddress');
    validateString(groupAddress, 'groupAddress');
    const err = this[kStateSymbol].handle.dropSourceSpecificMembership(
      sourceAddress, groupAddress, interfaceAddress);
    if (err) throw new ErrnoException(err, 'dropSourceSpecificMembership');
  };

Socket.prototype.ref = function ref() {
  this[kStateSymbol].handle?.ref();
  return this;
};

Socket.prototype.unref = function unref() {
  this[kStateSymbol].handle?.unref();
  return this;
};

Socket.prototype.setRecvBufferSize = function setRecvBufferSize(size) {
  bufferSize(this, size, kRecvBuffer);
};

Socket.prototype.setSendBufferSize = function setSendBufferSize(size) {
  bufferSize(this, size, kSendBuffer);
};

Socket.prototype.getRecvBufferSize = function getRecvBufferSize() {
  return bufferSize(this, 0, kRecvBuffer);
};

Socket.prototype.getSendBufferSize = function getSendBufferSize() {
  return bufferSize(this, 0, kSendBuffer);
};

Socket.prototype.getSendQueueSize = function getSendQueueSize() {
  return this[kStateSymbol].handle.getSendQueueSize();
};

Socket.prototype.getSendQueueCount = function getSendQueueCount() {
  return this[kStateSymbol].handle.getSendQueueCount();
};

// The private fields of old versions, deprecated (DEP0112).
function defineDeprecatedField(name, key) {
  ObjectDefineProperty(Socket.prototype, name, {
    __proto__: null,
    get: deprecate(function() {
      return this[kStateSymbol][key];
    }, `Socket.prototype.${name} is deprecated`, 'DEP0112'),
    set: deprecate(function(value) {
      this[kStateSymbol][key] = value;
    }, `Socket.prototype.${name} is deprecated`, 'DEP0112'),
  });
}
defineDeprecatedField('_handle', 'handle');
defineDeprecatedField('_receiving', 'receiving');
defineDeprecatedField('_bindState', 'bindState');
defineDeprecatedField('_queue', 'queue');
defineDeprecatedField('_reuseAddr', 'reuseAddr');

Socket.prototype._healthCheck = deprecate(function() {
  healthCheck(this);
}, 'Socket.prototype._healthCheck() is deprecated', 'DEP0112');

Socket.prototype._stopReceiving = deprecate(function() {
  stopReceiving(this);
}, 'Socket.prototype._stopReceiving() is deprecated', 'DEP0112');

// handle.owner: the socket, under its old name.
ObjectDefineProperty(UDP.prototype, 'owner', {
  __proto__: null,
  get() { return this[owner_symbol]; },
  set(value) { this[owner_symbol] = value; },
});

module.exports = {
  kStateSymbol,
  newHandle,
  _createSocketHandle,
  createSocket,
  Socket,
};
