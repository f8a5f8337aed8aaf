'use strict';

// The ChildProcess class behind child_process.spawn(), the normalization of
// the `stdio` option, the IPC channel (setupChannel: subprocess.send() and
// 'message' in the parent, process.send() in a forked child) and the
// synchronous runner behind spawnSync(). The public argument handling lives
// in lib/child_process.js.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  ReflectApply,
  StringPrototypeStartsWith,
  Symbol,
  SymbolDispose = primordials.SymbolFor('nodejs.dispose'),
  Uint8Array,
} = primordials;

const { Process } = internalBinding('process_wrap');
const spawnSyncBinding = internalBinding('spawn_sync');
const { owner_symbol } = internalBinding('symbols');
const { bindHandle } = require('internal/async_hooks');
const {
  streamBaseState,
  kArrayBufferOffset,
  kLastWriteWasAsync,
  kReadBytesOrError,
  WriteWrap,
} = internalBinding('stream_wrap');
const {
  UV_EACCES,
  UV_EAGAIN,
  UV_EINVAL,
  UV_EMFILE,
  UV_ENFILE,
  UV_ENOENT,
  UV_ENOSYS,
  UV_ESRCH,
} = internalBinding('uv');

const {
  ErrnoException,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_INVALID_SYNC_FORK_INPUT,
    ERR_IPC_CHANNEL_CLOSED,
    ERR_IPC_DISCONNECTED,
    ERR_IPC_ONE_PIPE,
    ERR_IPC_SYNC_FORK,
    ERR_MISSING_ARGS,
    ERR_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const {
  validateArray,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');
const { convertToValidSignal, deprecate } = require('internal/util');
const { isArrayBufferView } = require('internal/util/types');
const EventEmitter = require('events');
const dc = require('diagnostics_channel');
const childProcessChannel = dc.channel('child_process');

let pipeBinding;
function lazyPipeBinding() {
  pipeBinding ??= internalBinding('pipe_wrap');
  return pipeBinding;
}

let dgramModule;
function lazyDgram() {
  dgramModule ??= require('internal/dgram');
  return dgramModule;
}

let netModule;
// Child stdio pipes are net.Socket objects, as in Node. Until lode has a net
// module with sockets over stream handles, 'pipe' is not available for
// asynchronous children.
function lazyNet() {
  if (netModule === undefined) {
    netModule = require('internal/net').kHasSockets ? require('net') : null;
  }
  return netModule;
}

function pipesAvailable() {
  return lazyNet() !== null;
}

let FastBuffer;
// spawn_sync hands back Uint8Arrays; users get Buffers.
function toBuffer(view) {
  if (FastBuffer === undefined) {
    // Loading 'buffer' gives FastBuffer its Buffer prototype.
    require('buffer');
    FastBuffer = require('internal/buffer').FastBuffer;
  }
  return new FastBuffer(view.buffer, view.byteOffset, view.byteLength);
}

// ---------------------------------------------------------------------------
// ChildProcess

function ChildProcess() {
  EventEmitter.call(this);

  this._closesNeeded = 1;
  this._closesGot = 0;
  this.connected = false;
  this.signalCode = null;
  this.exitCode = null;
  this.killed = false;
  this.spawnfile = null;

  this._handle = new Process();
  this._handle[owner_symbol] = this;

  this._handle.onexit = bindHandle(this._handle, 'PROCESSWRAP',
                                   (exitCode, signalCode) => {
    if (signalCode) {
      this.signalCode = signalCode;
    } else {
      this.exitCode = exitCode;
    }

    if (this.stdin) this.stdin.destroy();

    this._handle.close();
    this._handle = null;

    if (exitCode < 0) {
      const syscall = this.spawnfile ? `spawn ${this.spawnfile}` : 'spawn';
      const err = new ErrnoException(exitCode, syscall);
      if (this.spawnfile) err.path = this.spawnfile;
      err.spawnargs = ArrayPrototypeSlice(this.spawnargs, 1);
      this.emit('error', err);
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }

    // Data still buffered in the pipes is read before 'close'.
    process.nextTick(flushStdio, this);
    maybeClose(this);
  });
  if (childProcessChannel.hasSubscribers) {
    childProcessChannel.publish({ process: this });
  }
}
ObjectSetPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(ChildProcess, EventEmitter);

// A stream given as a child's stdio (another child's stdout piped into
// this one) is read by that child from now on: the parent stops reading it,
// and flushStdio() of its own child must not start reading it again.
const kIsUsedAsStdio = Symbol('kIsUsedAsStdio');

function handOverToChild(stream) {
  const { handle } = stream;
  if (handle != null && typeof handle.readStop === 'function') {
    handle.reading = false;
    handle.readStop();
  }
  const socket = stream._stdio;
  if (socket != null && socket._readableState != null &&
      typeof socket.pause === 'function') {
    socket.pause();
    socket.readableFlowing = false;
    socket._readableState.reading = false;
    socket[kIsUsedAsStdio] = true;
  }
}

function flushStdio(subprocess) {
  const stdio = subprocess.stdio;
  if (stdio == null) return;
  for (let i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (!stream || !stream.readable || stream._readableState == null ||
        stream[kIsUsedAsStdio]) {
      continue;
    }
    if (stream._readableState.flowing === null &&
        typeof stream.resume === 'function') {
      stream.resume();
    }
  }
}

function maybeClose(subprocess) {
  subprocess._closesGot++;
  if (subprocess._closesGot === subprocess._closesNeeded) {
    subprocess.emit('close', subprocess.exitCode, subprocess.signalCode);
  }
}

function onErrorNT(self, err) {
  self._handle.onexit(err, '');
  const stdio = self.stdio;
  for (let i = 0; stdio != null && i < stdio.length; i++) {
    if (stdio[i] && stdio[i]._handle === null) stdio[i].destroy();
  }
}

function onSpawnNT(self) {
  self.emit('spawn');
}

function createSocket(pipe, readable) {
  const net = lazyNet();
  return net.Socket({ handle: pipe, readable });
}

ChildProcess.prototype.spawn = function spawn(options) {
  validateObject(options, 'options');

  const normalized = getValidStdio(options.stdio || 'pipe', false);
  const stdio = options.stdio = normalized.stdio;

  const { ipc, ipcFd } = normalized;
  const serialization = options.serialization || 'json';
  try {
    validateOneOf(options.serialization, 'options.serialization',
                  [undefined, 'json', 'advanced']);
    if (ipc !== undefined) {
      // The child finds its end of the channel through its environment.
      if (options.envPairs === undefined) {
        options.envPairs = [];
      } else {
        validateArray(options.envPairs, 'options.envPairs');
      }
      ArrayPrototypePush(options.envPairs, `NODE_CHANNEL_FD=${ipcFd}`);
      ArrayPrototypePush(options.envPairs,
                         `NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`);
    }
  } catch (err) {
    closePipes(stdio);
    throw err;
  }

  validateString(options.file, 'options.file');
  this.spawnfile = options.file;

  if (options.args === undefined) {
    this.spawnargs = [];
  } else {
    validateArray(options.args, 'options.args');
    this.spawnargs = options.args;
  }

  const err = this._handle.spawn(options);

  // Failures the caller may expect at run time become 'error' events.
  if (err === UV_EACCES || err === UV_EAGAIN || err === UV_EMFILE ||
      err === UV_ENFILE || err === UV_ENOENT) {
    process.nextTick(onErrorNT, this, err);
    if (err === UV_EMFILE || err === UV_ENFILE) return err;
  } else if (err) {
    closePipes(stdio);
    this._handle.close();
    this._handle = null;
    throw new ErrnoException(err, 'spawn');
  } else {
    process.nextTick(onSpawnNT, this);
  }

  this.pid = this._handle.pid;

  for (let i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (stream.type === 'ignore') continue;

    if (stream.ipc) {
      this._closesNeeded++;
      continue;
    }

    if (stream.type === 'wrap') {
      handOverToChild(stream);
      continue;
    }

    if (stream.handle) {
      if (this.pid === undefined || this.pid === 0) {
        // The child never started: a socket without a handle, closed once
        // the 'error' is out (see onErrorNT).
        stream.handle.close();
        stream.socket = createSocket(null, i > 0);
        continue;
      }
      stream.socket = createSocket(stream.handle, i > 0);
      if (i > 0) {
        this._closesNeeded++;
        stream.socket.on('close', () => {
          maybeClose(this);
        });
      }
    }
  }

  this.stdin = stdio.length >= 1 && stdio[0].socket !== undefined ?
    stdio[0].socket : null;
  this.stdout = stdio.length >= 2 && stdio[1].socket !== undefined ?
    stdio[1].socket : null;
  this.stderr = stdio.length >= 3 && stdio[2].socket !== undefined ?
    stdio[2].socket : null;

  this.stdio = [];
  for (let i = 0; i < stdio.length; i++) {
    ArrayPrototypePush(this.stdio,
                       stdio[i].socket === undefined ? null : stdio[i].socket);
  }

  if (ipc !== undefined) setupChannel(this, ipc, serialization);

  return err;
};

ChildProcess.prototype.kill = function kill(sig) {
  const signal = sig === 0 ? sig :
    convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);

  if (this._handle) {
    const err = this._handle.kill(signal);
    if (err === 0) {
      this.killed = true;
      return true;
    }
    if (err === UV_ESRCH) {
      // The child is gone already; 'exit' is on its way.
    } else if (err === UV_EINVAL || err === UV_ENOSYS) {
      throw new ErrnoException(err, 'kill');
    } else {
      this.emit('error', new ErrnoException(err, 'kill'));
    }
  }

  return false;
};

ChildProcess.prototype[SymbolDispose] = function() {
  if (!this.killed) this.kill();
};

ChildProcess.prototype.ref = function ref() {
  if (this._handle) this._handle.ref();
};

ChildProcess.prototype.unref = function unref() {
  if (this._handle) this._handle.unref();
};

// ---------------------------------------------------------------------------
// The IPC channel

const kChannelHandle = Symbol('kChannelHandle');
const kPendingMessages = Symbol('kPendingMessages');
const MAX_HANDLE_RETRANSMISSIONS = 3;

let serializationModule;
let netModuleForHandles;
function lazyNetForHandles() {
  netModuleForHandles ??= require('net');
  return netModuleForHandles;
}
function lazyTCP() {
  return internalBinding('tcp_wrap').TCP;
}

function nop() {}

// subprocess.channel / process.channel: keeps the loop alive while the
// channel is in use (listeners, writes in flight), unless the user said
// otherwise with ref()/unref().
class Control extends EventEmitter {
  #channel = null;
  #refs = 0;
  #refExplicitlySet = false;

  constructor(channel) {
    super();
    this.#channel = channel;
    this[kPendingMessages] = [];
  }

  refCounted() {
    if (++this.#refs === 1 && !this.#refExplicitlySet) {
      this.#channel.ref();
    }
  }

  unrefCounted() {
    if (--this.#refs === 0 && !this.#refExplicitlySet) {
      this.#channel.unref();
      this.emit('unref');
    }
  }

  ref() {
    this.#refExplicitlySet = true;
    this.#channel.ref();
  }

  unref() {
    this.#refExplicitlySet = true;
    this.#channel.unref();
  }

  get fd() {
    return this.#channel ? this.#channel.fd : undefined;
  }
}

// How each kind of handle crosses the channel. `send` returns the native
// handle to pass (or nothing: the message goes without it), `postSend`
// runs once the message is written, `got` rebuilds the object on the other
// side and hands it to `emit`.
const handleConversion = {
  'net.Native': {
    send(message, handle, options) {
      return handle;
    },
    got(message, handle, emit) {
      emit(handle);
    },
  },

  'net.Server': {
    send(message, server, options) {
      return server._handle;
    },
    got(message, handle, emit) {
      const server = new (lazyNetForHandles().Server)();
      server.listen(handle, () => {
        emit(server);
      });
    },
  },

  'net.Socket': {
    send(message, socket, options) {
      if (!socket._handle) return;
      const handle = socket._handle;
      // A connection of a server is tracked in the other process, for
      // server.getConnections() and server.close() (internal/socket_list);
      // it no longer counts here.
      if (socket.server) {
        message.key = socket.server._connectionKey;
        const firstTime = !this[kChannelHandle].sockets.send[message.key];
        const socketList = getSocketList('send', this, message.key);
        if (firstTime && typeof socket.server._setupWorker === 'function') {
          socket.server._setupWorker(socketList);
        }
        if (!options.keepOpen) socket.server._connections--;
      }
      // Unless asked to keep it, the socket lets go of its handle: it is
      // closed once the other side has it.
      if (!options.keepOpen) {
        handle.onread = nop;
        socket._handle = null;
        socket.setTimeout(0);
      }
      return handle;
    },
    postSend(message, handle, options, callback, target) {
      if (handle && !options.keepOpen) {
        if (target) {
          target._pendingMessage = {
            callback, message, handle, options, retransmissions: 0,
          };
        } else {
          handle.close();
        }
      }
    },
    got(message, handle, emit) {
      const socket = new (lazyNetForHandles().Socket)({
        handle,
        readable: true,
        writable: true,
      });
      if (message.key) {
        getSocketList('got', this, message.key).add({ socket });
      }
      emit(socket);
    },
  },

  // UDP sockets are shared, not moved: both processes keep receiving.
  'dgram.Native': {
    send(message, handle, options) {
      return handle;
    },
    got(message, handle, emit) {
      emit(handle);
    },
  },

  'dgram.Socket': {
    send(message, socket, options) {
      message.dgramType = socket.type;
      return socket[lazyDgram().kStateSymbol].handle;
    },
    got(message, handle, emit) {
      const socket = new (lazyDgram().Socket)(message.dgramType);
      socket.bind(handle, () => {
        emit(socket);
      });
    },
  },
};

let socketListModule;
function getSocketList(type, target, key) {
  const lists = target[kChannelHandle].sockets[type];
  let list = lists[key];
  if (!list) {
    socketListModule ??= require('internal/socket_list');
    const List = type === 'send' ? socketListModule.SocketListSend :
      socketListModule.SocketListReceive;
    list = lists[key] = new List(target, key);
  }
  return list;
}

function closePendingHandle(target) {
  target._pendingMessage.handle.close();
  target._pendingMessage = null;
}

function isInternal(message) {
  return message !== null && typeof message === 'object' &&
    typeof message.cmd === 'string' && message.cmd.length > 4 &&
    StringPrototypeStartsWith(message.cmd, 'NODE_');
}

function handleTypeOf(handle) {
  const net = lazyNetForHandles();
  if (handle instanceof net.Socket) return 'net.Socket';
  if (handle instanceof net.Server) return 'net.Server';
  const { Pipe } = lazyPipeBinding();
  if (handle instanceof lazyTCP() || handle instanceof Pipe) {
    return 'net.Native';
  }
  if (handle instanceof lazyDgram().Socket) return 'dgram.Socket';
  if (handle instanceof internalBinding('udp_wrap').UDP) return 'dgram.Native';
  throw new ERR_INVALID_HANDLE_TYPE();
}

const getChannelDeprecated = deprecate(function() {
  return this.channel;
}, '_channel is deprecated. Use ChildProcess.channel instead.', 'DEP0129');

const setChannelDeprecated = deprecate(function(value) {
  this.channel = value;
}, '_channel is deprecated. Use ChildProcess.channel instead.', 'DEP0129');

// Gives `target` (a ChildProcess, or `process` in a forked child) send(),
// disconnect(), connected, channel and the 'message', 'internalMessage' and
// 'disconnect' events over the IPC pipe `channel`.
function setupChannel(target, channel, serializationMode) {
  const control = new Control(channel);
  target.channel = control;
  target[kChannelHandle] = channel;

  ObjectDefineProperty(target, '_channel', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get: getChannelDeprecated,
    set: setChannelDeprecated,
  });

  target._handleQueue = null;
  target._pendingMessage = null;

  serializationModule ??= require('internal/child_process/serialization');
  const {
    initMessageChannel,
    parseChannelMessages,
    writeChannelMessage,
  } = serializationModule[serializationMode];

  // Messages that arrive while nobody listens for 'message' wait in the
  // channel. A tick after any listener is added (for whatever event: so an
  // IPC child has a tick queued from the start, as under Node) they go to
  // the 'message' listeners, if there are some by then.
  function deliverWaitingMessages() {
    const open = target.channel;
    if (open == null || target.listenerCount('message') === 0) return;
    const waiting = open[kPendingMessages];
    if (waiting.length === 0) return;
    for (let i = 0; i < waiting.length; i++) {
      ReflectApply(target.emit, target, waiting[i]);
    }
    open[kPendingMessages] = [];
  }
  target.on('newListener', () => process.nextTick(deliverWaitingMessages));

  let pendingHandle = null;
  initMessageChannel(channel);
  channel.pendingHandle = null;
  channel.sockets = { got: {}, send: {} };

  function onChannelMessage(message) {
    if (isInternal(message)) {
      if (message.cmd === 'NODE_HANDLE') {
        handleMessage(message, pendingHandle, true);
        pendingHandle = null;
      } else {
        handleMessage(message, undefined, true);
      }
    } else {
      handleMessage(message, undefined, false);
    }
  }

  channel.onread = function(arrayBuffer) {
    const recvHandle = channel.pendingHandle;
    channel.pendingHandle = null;
    if (arrayBuffer) {
      const nread = streamBaseState[kReadBytesOrError];
      const offset = streamBaseState[kArrayBufferOffset];
      const bytes = new Uint8Array(arrayBuffer, offset, nread);
      if (recvHandle) pendingHandle = recvHandle;
      parseChannelMessages(channel, bytes, onChannelMessage);
      return;
    }
    // The other side is gone (EOF or an error).
    this.buffering = false;
    target.disconnect();
    channel.onread = nop;
    channel.close();
    target.channel = null;
    target[kChannelHandle] = null;
    maybeClose(target);
  };

  target.on('internalMessage', function(message, handle) {
    if (message.cmd === 'NODE_HANDLE_ACK') {
      if (target._pendingMessage) closePendingHandle(target);
      const queue = target._handleQueue;
      target._handleQueue = null;
      if (queue !== null) {
        for (let i = 0; i < queue.length; i++) {
          const args = queue[i];
          target._send(args.message, args.handle, args.options,
                       args.callback);
        }
      }
      // A disconnect() waiting for the queue to drain.
      if (!target.connected && target.channel && !target._handleQueue) {
        target._disconnect();
      }
      return;
    }

    if (message.cmd === 'NODE_HANDLE_NACK') {
      const pending = target._pendingMessage;
      if (pending) {
        if (pending.retransmissions++ === MAX_HANDLE_RETRANSMISSIONS) {
          closePendingHandle(target);
          process.emitWarning('Handle did not reach the receiving process ' +
                              'correctly', 'SentHandleNotReceivedWarning');
        } else {
          target._send(pending.message.msg, pending.handle, pending.options,
                       pending.callback);
        }
      }
      return;
    }

    if (message.cmd !== 'NODE_HANDLE') return;

    // The data came without its handle: ask for it again.
    if (!handle) {
      target._send({ cmd: 'NODE_HANDLE_NACK' }, null, true);
      return;
    }

    // Failing to acknowledge (the other side left) is not the user's
    // error: swallowErrors.
    target._send({ cmd: 'NODE_HANDLE_ACK' }, null, true);

    const conversion = handleConversion[message.type];
    if (conversion === undefined) {
      handle.close();
      return;
    }
    FunctionPrototypeCall(conversion.got, this, message, handle, (object) => {
      handleMessage(message.msg, object, isInternal(message.msg));
    });
  });

  target.send = function(message, handle, options, callback) {
    if (typeof handle === 'function') {
      callback = handle;
      handle = undefined;
      options = undefined;
    } else if (typeof options === 'function') {
      callback = options;
      options = undefined;
    } else if (options !== undefined) {
      validateObject(options, 'options');
    }

    options = { swallowErrors: false, ...options };

    if (this.connected) {
      return this._send(message, handle, options, callback);
    }
    const ex = new ERR_IPC_CHANNEL_CLOSED();
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
    } else {
      process.nextTick(() => this.emit('error', ex));
    }
    return false;
  };

  target._send = function(message, handle, options, callback) {
    if (message === undefined) throw new ERR_MISSING_ARGS('message');

    // Anything else could not be read back on the other side.
    if (typeof message !== 'string' &&
        typeof message !== 'object' &&
        typeof message !== 'number' &&
        typeof message !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE(
        'message', ['string', 'object', 'number', 'boolean'], message);
    }

    // The old form: _send(message, handle, swallowErrors).
    if (typeof options === 'boolean') {
      options = { swallowErrors: options };
    }

    let conversion;

    if (handle) {
      message = { cmd: 'NODE_HANDLE', type: handleTypeOf(handle),
                  msg: message };

      // One handle at a time: the next waits for the ACK of this one.
      if (this._handleQueue) {
        ArrayPrototypePush(this._handleQueue, {
          callback, handle, options, message: message.msg,
        });
        return this._handleQueue.length === 1;
      }

      conversion = handleConversion[message.type];
      handle = ReflectApply(conversion.send, target,
                            [message, handle, options]);

      // A handle already sent, or a socket without one: the message goes
      // alone.
      if (!handle) message = message.msg;
    } else if (this._handleQueue &&
               !(message && (message.cmd === 'NODE_HANDLE_ACK' ||
                             message.cmd === 'NODE_HANDLE_NACK'))) {
      // Queued behind the handle, to keep the order of the messages.
      ArrayPrototypePush(this._handleQueue, {
        callback, handle: null, options, message,
      });
      return this._handleQueue.length === 1;
    }

    const req = new WriteWrap();
    const err = writeChannelMessage(channel, req, message, handle);
    const wasAsyncWrite = streamBaseState[kLastWriteWasAsync];

    if (err === 0) {
      if (handle) {
        if (!this._handleQueue) this._handleQueue = [];
        if (conversion && conversion.postSend) {
          conversion.postSend(message, handle, options, callback, target);
        }
      }

      if (wasAsyncWrite) {
        req.oncomplete = () => {
          control.unrefCounted();
          if (typeof callback === 'function') callback(null);
        };
        control.refCounted();
      } else if (typeof callback === 'function') {
        process.nextTick(callback, null);
      }
    } else {
      // The handle did not go: let go of it.
      if (conversion && conversion.postSend) {
        conversion.postSend(message, handle, options, callback);
      }

      if (!options.swallowErrors) {
        const ex = new ErrnoException(err, 'write');
        if (typeof callback === 'function') {
          process.nextTick(callback, ex);
        } else {
          process.nextTick(() => this.emit('error', ex));
        }
      }
    }

    // More than two reads' worth queued: the other side is behind.
    return channel.writeQueueSize < (65536 * 2);
  };

  // connected is false as soon as disconnect() is called; channel stays
  // until the queued handles are out and the pipe is really closed.
  target.connected = true;

  target.disconnect = function() {
    if (!this.connected) {
      this.emit('error', new ERR_IPC_DISCONNECTED());
      return;
    }

    this.connected = false;

    if (!this._handleQueue) this._disconnect();
  };

  target._disconnect = function() {
    this.channel = null;
    this[kChannelHandle] = null;

    if (this._pendingMessage) closePendingHandle(this);

    let fired = false;
    function finish() {
      if (fired) return;
      fired = true;

      channel.close();
      target.emit('disconnect');
    }

    // A message half read completes first.
    if (channel.buffering) {
      this.once('message', finish);
      this.once('internalMessage', finish);
      return;
    }

    process.nextTick(finish);
  };

  function emit(event, message, handle) {
    if (event === 'internalMessage' || target.listenerCount('message')) {
      target.emit(event, message, handle);
      return;
    }

    // No 'message' listener yet: kept until one is added.
    ArrayPrototypePush(target.channel[kPendingMessages],
                       [event, message, handle]);
  }

  function handleMessage(message, handle, internal) {
    if (!target.channel) return;

    const eventName = internal ? 'internalMessage' : 'message';

    process.nextTick(emit, eventName, message, handle);
  }

  channel.readStart();
  return control;
}

// ---------------------------------------------------------------------------
// stdio

function stdioStringToArray(stdio, channel) {
  const options = [];
  switch (stdio) {
    case 'ignore':
    case 'overlapped':
    case 'pipe':
      ArrayPrototypePush(options, stdio, stdio, stdio);
      break;
    case 'inherit':
      ArrayPrototypePush(options, 0, 1, 2);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }
  if (channel) ArrayPrototypePush(options, channel);
  return options;
}

function closePipes(stdio) {
  for (let i = 0; i < stdio.length; i++) {
    const entry = stdio[i];
    if (entry && entry.handle && entry.type !== 'wrap' &&
        typeof entry.handle.close === 'function') {
      entry.handle.close();
    }
  }
}

function wrapHandleOf(value) {
  if (value == null || typeof value !== 'object') return undefined;
  const { Pipe } = lazyPipeBinding();
  if (value instanceof Pipe) return value;
  return undefined;
}

// Turns the user's `stdio` option into the entries the bindings read:
// { type: 'ignore' | 'pipe' | 'overlapped' | 'inherit' | 'fd' | 'wrap',
//   readable, writable, fd, handle }.
function getValidStdio(stdio, sync) {
  let ipc;
  let ipcFd;

  if (typeof stdio === 'string') {
    stdio = stdioStringToArray(stdio);
  } else if (!ArrayIsArray(stdio)) {
    throw new ERR_INVALID_ARG_VALUE('stdio', stdio);
  }

  // As in Node, a short array of the caller's is filled up in place.
  while (stdio.length < 3) ArrayPrototypePush(stdio, undefined);

  const result = [];
  for (let i = 0; i < stdio.length; i++) {
    let entry = stdio[i];
    if (entry == null) entry = i < 3 ? 'pipe' : 'ignore';

    if (entry === 'ignore') {
      ArrayPrototypePush(result, { type: 'ignore' });
    } else if (entry === 'pipe' || entry === 'overlapped' ||
               (typeof entry === 'number' && entry < 0)) {
      const pipe = {
        type: entry === 'overlapped' ? 'overlapped' : 'pipe',
        readable: i === 0,
        writable: i !== 0,
      };
      if (!sync) {
        if (!pipesAvailable()) {
          closePipes(result);
          throw new ERR_NOT_IMPLEMENTED(
            "stdio 'pipe' of asynchronous child processes");
        }
        const { Pipe, constants } = lazyPipeBinding();
        pipe.handle = new Pipe(constants.SOCKET);
      }
      ArrayPrototypePush(result, pipe);
    } else if (entry === 'ipc') {
      if (sync || ipc !== undefined) {
        closePipes(result);
        if (sync) throw new ERR_IPC_SYNC_FORK();
        throw new ERR_IPC_ONE_PIPE();
      }
      const { Pipe, constants } = lazyPipeBinding();
      ipc = new Pipe(constants.IPC);
      ipcFd = i;
      ArrayPrototypePush(result, {
        type: 'pipe', readable: true, writable: true, handle: ipc, ipc: true,
      });
    } else if (entry === 'inherit') {
      ArrayPrototypePush(result, { type: 'inherit', fd: i });
    } else if (typeof entry === 'number' || typeof entry.fd === 'number') {
      ArrayPrototypePush(result, {
        type: 'fd',
        fd: typeof entry === 'number' ? entry : entry.fd,
      });
    } else if (wrapHandleOf(entry) || wrapHandleOf(entry.handle) ||
               wrapHandleOf(entry._handle)) {
      const handle = wrapHandleOf(entry) || wrapHandleOf(entry.handle) ||
        wrapHandleOf(entry._handle);
      ArrayPrototypePush(result, {
        type: 'wrap',
        wrapType: 'pipe',
        handle,
        _stdio: entry,
      });
    } else if (isArrayBufferView(entry) || typeof entry === 'string') {
      if (!sync) {
        closePipes(result);
        throw new ERR_INVALID_SYNC_FORK_INPUT(
          require('internal/util/inspect').inspect(entry));
      }
      ArrayPrototypePush(result, {
        type: 'pipe', readable: true, writable: false, input: entry,
      });
    } else {
      closePipes(result);
      throw new ERR_INVALID_ARG_VALUE('stdio', entry);
    }
  }

  return { stdio: result, ipc, ipcFd };
}

// ---------------------------------------------------------------------------
// spawnSync

function spawnSync(options) {
  const result = spawnSyncBinding.spawn(options);

  if (result.output) {
    const encoding = options.encoding;
    const output = result.output;
    for (let i = 0; i < output.length; i++) {
      if (!output[i]) continue;
      const buf = toBuffer(output[i]);
      output[i] = encoding && encoding !== 'buffer' ?
        buf.toString(encoding) : buf;
    }
  }

  result.stdout = result.output?.[1];
  result.stderr = result.output?.[2];

  if (result.error) {
    result.error = new ErrnoException(result.error,
                                      `spawnSync ${options.file}`);
    result.error.path = options.file;
    result.error.spawnargs = ArrayPrototypeSlice(options.args, 1);
  }

  return result;
}

module.exports = {
  ChildProcess,
  getValidStdio,
  kChannelHandle,
  setupChannel,
  pipesAvailable,
  spawnSync,
  stdioStringToArray,
};
