'use strict';

// The ChildProcess class behind child_process.spawn(), the normalization of
// the `stdio` option, and the synchronous runner behind spawnSync(). The
// public argument handling lives in lib/child_process.js.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ObjectSetPrototypeOf,
  SymbolDispose = primordials.SymbolFor('nodejs.dispose'),
} = primordials;

const { Process } = internalBinding('process_wrap');
const spawnSyncBinding = internalBinding('spawn_sync');
const { owner_symbol } = internalBinding('symbols');
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
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_SYNC_FORK_INPUT,
    ERR_IPC_ONE_PIPE,
    ERR_IPC_SYNC_FORK,
    ERR_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const {
  validateArray,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');
const { convertToValidSignal } = require('internal/util');
const { isArrayBufferView } = require('internal/util/types');
const EventEmitter = require('events');

let pipeBinding;
function lazyPipeBinding() {
  pipeBinding ??= internalBinding('pipe_wrap');
  return pipeBinding;
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

  this._handle.onexit = (exitCode, signalCode) => {
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
  };
}
ObjectSetPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(ChildProcess, EventEmitter);

function flushStdio(subprocess) {
  const stdio = subprocess.stdio;
  if (stdio == null) return;
  for (let i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (!stream || !stream.readable || stream._readableState == null) {
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

  validateOneOf(options.serialization, 'options.serialization',
                [undefined, 'json', 'advanced']);

  if (normalized.ipc !== undefined) {
    try {
      if (options.envPairs !== undefined) {
        validateArray(options.envPairs, 'options.envPairs');
      }
    } finally {
      closePipes(stdio);
    }
    throw new ERR_NOT_IMPLEMENTED('child_process IPC channel');
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

    if (stream.type === 'wrap') {
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
      // lode has no IPC channel yet: spawn() refuses it once the options
      // are validated.
      ipc = null;
      ipcFd = i;
      ArrayPrototypePush(result, { type: 'ignore' });
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
  pipesAvailable,
  spawnSync,
  stdioStringToArray,
};
