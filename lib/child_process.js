'use strict';

// The public child_process API: argument normalization and validation, the
// buffered exec/execFile forms and the synchronous forms. Processes are
// started by lib/internal/child_process.js.

const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypeJoin,
  ArrayPrototypeLastIndexOf,
  ArrayPrototypePush,
  ArrayPrototypePushApply,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  NumberIsInteger,
  ObjectAssign,
  ObjectDefineProperty,
  Promise,
  RegExpPrototypeExec,
  StringPrototypeIncludes,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  SymbolDispose = primordials.SymbolFor('nodejs.dispose'),
} = primordials;

const {
  AbortError,
  genericNodeError,
  codes: {
    ERR_CHILD_PROCESS_IPC_REQUIRED,
    ERR_CHILD_PROCESS_STDIO_MAXBUFFER,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  isInt32,
  validateAbortSignal,
  validateArray,
  validateBoolean,
  validateFunction,
  validateObject,
  validateString,
} = require('internal/validators');
const {
  assignFunctionName,
  convertToValidSignal,
  kEmptyObject,
  promisify,
} = require('internal/util');
const { isArrayBufferView } = require('internal/util/types');
const child_process = require('internal/child_process');
const permission = require('internal/process/permission');
const { getOptionValue } = require('internal/options');
const {
  ChildProcess,
  getValidStdio,
  setupChannel,
  stdioStringToArray,
} = child_process;

const MAX_BUFFER = 1024 * 1024;

let lazyBufferModule;
function lazyBuffer() {
  lazyBufferModule ??= require('buffer').Buffer;
  return lazyBufferModule;
}

// ---------------------------------------------------------------------------
// Validation helpers

function validateArgumentNullCheck(arg, propName) {
  if (typeof arg === 'string' && StringPrototypeIncludes(arg, '\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(propName, arg,
                                    'must be a string without null bytes');
  }
}

function validateArgumentsNullCheck(args, propName) {
  for (let i = 0; i < args.length; ++i) {
    validateArgumentNullCheck(args[i], `${propName}[${i}]`);
  }
}

function validateTimeout(timeout) {
  if (timeout != null && !(NumberIsInteger(timeout) && timeout >= 0)) {
    throw new ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null &&
      !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number',
                               maxBuffer);
  }
}

function sanitizeKillSignal(killSignal) {
  if (typeof killSignal === 'string' || typeof killSignal === 'number') {
    return convertToValidSignal(killSignal);
  } else if (killSignal != null) {
    throw new ERR_INVALID_ARG_TYPE('options.killSignal',
                                   ['string', 'number'], killSignal);
  }
}

function validateCwd(cwd) {
  const { getValidatedPath } = require('internal/fs/utils');
  const path = getValidatedPath(cwd, 'options.cwd');
  // A Uint8Array path is passed on as its text.
  return typeof path === 'string' ? path : `${lazyBuffer().from(path)}`;
}

let emittedDEP0190 = false;

// Under --permission a child process keeps this one's grants: unless it is
// given --permission itself (as an argument or in NODE_OPTIONS), its
// NODE_OPTIONS gets them.
function inheritPermission(env, envPairs, args) {
  if (ArrayPrototypeIncludes(args, '--permission')) return;
  const current = env.NODE_OPTIONS;
  if (typeof current === 'string' &&
      StringPrototypeIncludes(current, '--permission')) {
    return;
  }
  const flags = ['--permission'];
  const lists = ['--allow-fs-read', '--allow-fs-write'];
  for (let i = 0; i < lists.length; i++) {
    const paths = getOptionValue(lists[i]);
    for (let j = 0; j < paths.length; j++) {
      ArrayPrototypePush(flags, quoteNodeOption(`${lists[i]}=${paths[j]}`));
    }
  }
  const switches = ['--allow-addons', '--allow-child-process',
                    '--allow-inspector', '--allow-wasi', '--allow-worker'];
  for (let i = 0; i < switches.length; i++) {
    if (getOptionValue(switches[i])) ArrayPrototypePush(flags, switches[i]);
  }
  let value = ArrayPrototypeJoin(flags, ' ');
  if (typeof current === 'string' && current !== '') {
    value = `${current} ${value}`;
  }
  for (let i = 0; i < envPairs.length; i++) {
    if (StringPrototypeStartsWith(envPairs[i], 'NODE_OPTIONS=')) {
      envPairs[i] = `NODE_OPTIONS=${value}`;
      return;
    }
  }
  ArrayPrototypePush(envPairs, `NODE_OPTIONS=${value}`);
}

// One NODE_OPTIONS argument: in double quotes (with '"' and '\\' escaped)
// when it has a blank or a quote.
function quoteNodeOption(text) {
  let needed = false;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '"' || c === '\\') {
      needed = true;
    }
    out += (c === '"' || c === '\\') ? `\\${c}` : c;
  }
  return needed ? `"${out}"` : text;
}

function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  validateArgumentNullCheck(file, 'file');

  if (file.length === 0) {
    throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  }

  if (ArrayIsArray(args)) {
    args = ArrayPrototypeSlice(args);
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }

  validateArgumentsNullCheck(args, 'args');

  if (options === undefined) {
    options = kEmptyObject;
  } else {
    validateObject(options, 'options');
  }

  options = { __proto__: null, ...options };

  let cwd = options.cwd;
  if (cwd != null) cwd = validateCwd(cwd);

  if (options.detached != null) {
    validateBoolean(options.detached, 'options.detached');
  }
  if (options.uid != null && !isInt32(options.uid)) {
    throw new ERR_INVALID_ARG_TYPE('options.uid', 'int32', options.uid);
  }
  if (options.gid != null && !isInt32(options.gid)) {
    throw new ERR_INVALID_ARG_TYPE('options.gid', 'int32', options.gid);
  }
  if (options.shell != null &&
      typeof options.shell !== 'boolean' &&
      typeof options.shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell',
                                   ['boolean', 'string'], options.shell);
  }
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    validateArgumentNullCheck(options.argv0, 'options.argv0');
  }
  if (options.windowsHide != null) {
    validateBoolean(options.windowsHide, 'options.windowsHide');
  }
  let { windowsVerbatimArguments } = options;
  if (windowsVerbatimArguments != null) {
    validateBoolean(windowsVerbatimArguments,
                    'options.windowsVerbatimArguments');
  }

  if (options.shell) {
    validateArgumentNullCheck(options.shell, 'options.shell');
    if (args.length > 0 && !emittedDEP0190) {
      emittedDEP0190 = true;
      process.emitWarning(
        'Passing args to a child process with shell option true can lead ' +
        'to security vulnerabilities, as the arguments are not escaped, ' +
        'only concatenated.', 'DeprecationWarning', 'DEP0190');
    }
    const command = ArrayPrototypeJoin([file, ...args], ' ');
    if (process.platform === 'win32') {
      // Kept for code that fakes process.platform (lode runs on POSIX).
      file = typeof options.shell === 'string' ? options.shell :
        process.env.comspec || 'cmd.exe';
      if (RegExpPrototypeExec(/^(?:.*\\)?cmd(?:\.exe)?$/i, file) !== null) {
        args = ['/d', '/s', '/c', `"${command}"`];
        windowsVerbatimArguments = true;
      } else {
        args = ['-c', command];
      }
    } else {
      if (typeof options.shell === 'string') {
        file = options.shell;
      } else {
        file = process.platform === 'android' ? '/system/bin/sh' : '/bin/sh';
      }
      args = ['-c', command];
    }
  }

  if (typeof options.argv0 === 'string') {
    ArrayPrototypeUnshift(args, options.argv0);
  } else {
    ArrayPrototypeUnshift(args, file);
  }

  const env = options.env || process.env;
  const envPairs = [];
  // eslint-disable-next-line guard-for-in
  for (const key in env) {
    const value = env[key];
    if (value !== undefined) {
      validateArgumentNullCheck(key, `options.env['${key}']`);
      validateArgumentNullCheck(value, `options.env['${key}']`);
      ArrayPrototypePush(envPairs, `${key}=${value}`);
    }
  }
  if (permission.isEnabled()) inheritPermission(env, envPairs, args);

  return {
    // Everything the user passed, then what was computed here; nothing
    // comes from Object.prototype (uid, gid, cwd... put there by a program
    // must not reach the binding).
    __proto__: null,
    ...options,
    args,
    cwd,
    detached: !!options.detached,
    envPairs,
    file,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!windowsVerbatimArguments,
  };
}

function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command');
  validateArgumentNullCheck(command, 'command');

  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }

  options = { __proto__: null, ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;

  return { file: command, options, callback };
}

function normalizeExecFileArgs(file, args, options, callback) {
  if (ArrayIsArray(args)) {
    args = ArrayPrototypeSlice(args);
  } else if (args != null && typeof args === 'object') {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }

  args ??= [];

  if (typeof options === 'function') {
    callback = options;
  } else if (options != null) {
    validateObject(options, 'options');
  }

  options ??= kEmptyObject;

  if (callback != null) validateFunction(callback, 'callback');

  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    validateArgumentNullCheck(options.argv0, 'options.argv0');
  }

  return { file, args, options, callback };
}

// ---------------------------------------------------------------------------
// Asynchronous forms

function abortChildProcess(child, killSignal, reason) {
  if (!child) return;
  try {
    if (child.kill(killSignal)) {
      child.emit('error', new AbortError(undefined, { cause: reason }));
    }
  } catch (err) {
    child.emit('error', err);
  }
}

function spawn(file, args, options) {
  options = normalizeSpawnArguments(file, args, options);
  validateTimeout(options.timeout);
  validateAbortSignal(options.signal, 'options.signal');
  const killSignal = sanitizeKillSignal(options.killSignal);
  const child = new ChildProcess();

  child.spawn(options);

  if (options.timeout > 0) {
    let timeoutId = setTimeout(() => {
      if (timeoutId) {
        try {
          child.kill(killSignal);
        } catch (err) {
          child.emit('error', err);
        }
        timeoutId = null;
      }
    }, options.timeout);

    child.once('exit', () => {
      if (timeoutId) {
        clearTimeout(timeoutId);
        timeoutId = null;
      }
    });
  }

  if (options.signal) {
    const signal = options.signal;
    const onAbort = () => {
      abortChildProcess(child, killSignal, options.signal.reason);
    };
    if (signal.aborted) {
      process.nextTick(onAbort);
    } else {
      const { addAbortListener } = require('internal/events/abort_listener');
      const disposable = addAbortListener(signal, onAbort);
      child.once('exit', () => disposable[SymbolDispose]());
    }
  }

  return child;
}

function execFile(file, args, options, callback) {
  ({ file, args, options, callback } =
    normalizeExecFileArgs(file, args, options, callback));

  options = {
    __proto__: null,
    encoding: 'utf8',
    timeout: 0,
    maxBuffer: MAX_BUFFER,
    killSignal: 'SIGTERM',
    cwd: null,
    env: null,
    shell: false,
    ...options,
  };

  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);

  const child = spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    gid: options.gid,
    shell: options.shell,
    signal: options.signal,
    uid: options.uid,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  });

  const Buffer = lazyBuffer();
  const encoding = options.encoding !== 'buffer' &&
    Buffer.isEncoding(options.encoding) ? options.encoding : null;
  const stdoutChunks = [];
  const stderrChunks = [];
  let stdoutLen = 0;
  let stderrLen = 0;
  let killed = false;
  let exited = false;
  let timeoutId;
  let ex = null;
  let cmd = file;

  function joined(chunks, stream) {
    if (encoding || (stream && stream.readableEncoding)) {
      return ArrayPrototypeJoin(chunks, '');
    }
    return Buffer.concat(chunks);
  }

  function exithandler(code, signal) {
    if (exited) return;
    exited = true;

    if (timeoutId) {
      clearTimeout(timeoutId);
      timeoutId = null;
    }

    if (!callback) return;

    const stdout = joined(stdoutChunks, child.stdout);
    const stderr = joined(stderrChunks, child.stderr);

    if (!ex && code === 0 && signal === null) {
      callback(null, stdout, stderr);
      return;
    }

    if (args?.length) cmd += ` ${ArrayPrototypeJoin(args, ' ')}`;

    if (!ex) {
      ex = genericNodeError(`Command failed: ${cmd}\n${stderr}`, {
        code: code < 0 ? require('util').getSystemErrorName(code) : code,
        killed: child.killed || killed,
        signal: signal,
      });
    }

    ex.cmd = cmd;
    callback(ex, stdout, stderr);
  }

  function errorhandler(e) {
    ex = e;
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    exithandler();
  }

  function kill() {
    if (child.stdout) child.stdout.destroy();
    if (child.stderr) child.stderr.destroy();
    killed = true;
    try {
      child.kill(options.killSignal);
    } catch (e) {
      ex = e;
      exithandler();
    }
  }

  if (options.timeout > 0) {
    timeoutId = setTimeout(function delayedKill() {
      kill();
      timeoutId = null;
    }, options.timeout);
  }

  function collect(stream, chunks, name) {
    if (encoding) stream.setEncoding(encoding);
    stream.on('data', (chunk) => {
      if (options.maxBuffer === Infinity) {
        ArrayPrototypePush(chunks, chunk);
        return;
      }
      const streamEncoding = stream.readableEncoding;
      const length = streamEncoding ?
        Buffer.byteLength(chunk, streamEncoding) : chunk.length;
      const total = name === 'stdout' ? (stdoutLen += length) :
        (stderrLen += length);
      if (total > options.maxBuffer) {
        const keep = options.maxBuffer - (total - length);
        ArrayPrototypePush(chunks, streamEncoding ?
          StringPrototypeSlice(chunk, 0, keep) : chunk.slice(0, keep));
        ex = new ERR_CHILD_PROCESS_STDIO_MAXBUFFER(name);
        kill();
      } else {
        ArrayPrototypePush(chunks, chunk);
      }
    });
  }

  if (child.stdout) collect(child.stdout, stdoutChunks, 'stdout');
  if (child.stderr) collect(child.stderr, stderrChunks, 'stderr');

  child.addListener('close', exithandler);
  child.addListener('error', errorhandler);

  return child;
}

function exec(command, options, callback) {
  const opts = normalizeExecArgs(command, options, callback);
  return module.exports.execFile(opts.file, opts.options, opts.callback);
}

// util.promisify(exec) and util.promisify(execFile) resolve with
// { stdout, stderr } and carry the child as `promise.child`. They keep the
// original's name.
function customPromiseExecFunction(orig) {
  return assignFunctionName(orig.name, (...args) => {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
      resolve = res;
      reject = rej;
    });

    promise.child = orig(...args, (err, stdout, stderr) => {
      if (err !== null) {
        err.stdout = stdout;
        err.stderr = stderr;
        reject(err);
      } else {
        resolve({ stdout, stderr });
      }
    });

    return promise;
  });
}

ObjectDefineProperty(exec, promisify.custom, {
  __proto__: null,
  enumerable: false,
  value: customPromiseExecFunction(exec),
});

ObjectDefineProperty(execFile, promisify.custom, {
  __proto__: null,
  enumerable: false,
  value: customPromiseExecFunction(execFile),
});

// fork(modulePath[, args][, options]): another lode running modulePath,
// with an IPC channel (stdio 'ipc', fd 3 unless `stdio` places it).
function fork(modulePath, args, options) {
  modulePath = getValidatedModulePath(modulePath);

  if (args == null) {
    args = [];
  } else if (typeof args === 'object' && !ArrayIsArray(args)) {
    options = args;
    args = [];
  } else {
    validateArray(args, 'args');
  }

  if (options != null) validateObject(options, 'options');
  options = { __proto__: null, ...options, shell: false };
  options.execPath = options.execPath || process.execPath;
  validateArgumentNullCheck(options.execPath, 'options.execPath');

  let execArgv = options.execArgv || process.execArgv;
  validateArgumentsNullCheck(execArgv, 'options.execArgv');

  // A parent run with -e would otherwise run the same code again.
  if (execArgv === process.execArgv && process._eval != null) {
    const index = ArrayPrototypeLastIndexOf(execArgv, process._eval);
    if (index > 0) {
      execArgv = ArrayPrototypeSlice(execArgv);
      ArrayPrototypeSplice(execArgv, index - 1, 2);
    }
  }

  args = [...execArgv, modulePath, ...args];

  if (typeof options.stdio === 'string') {
    options.stdio = stdioStringToArray(options.stdio, 'ipc');
  } else if (!ArrayIsArray(options.stdio)) {
    // stdin, stdout and stderr are the parent's unless `silent`.
    options.stdio = stdioStringToArray(options.silent ? 'pipe' : 'inherit',
                                       'ipc');
  } else if (!ArrayPrototypeIncludes(options.stdio, 'ipc')) {
    throw new ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }

  return spawn(options.execPath, args, options);
}

function getValidatedModulePath(modulePath) {
  const { getValidatedPath } = require('internal/fs/utils');
  const path = getValidatedPath(modulePath, 'modulePath');
  // A Uint8Array path is passed on as its text.
  return typeof path === 'string' ? path : `${lazyBuffer().from(path)}`;
}

// Run at startup in a child whose parent passed an IPC channel
// (NODE_CHANNEL_FD): process.send(), process.on('message') and friends.
function _forkChild(fd, serializationMode) {
  const { Pipe, constants } = internalBinding('pipe_wrap');
  const pipe = new Pipe(constants.IPC);
  pipe.open(fd);
  // Only listeners and writes in flight keep the child alive.
  pipe.unref();
  const control = setupChannel(process, pipe, serializationMode);
  process.on('newListener', function onNewListener(name) {
    if (name === 'message' || name === 'disconnect') control.refCounted();
  });
  process.on('removeListener', function onRemoveListener(name) {
    if (name === 'message' || name === 'disconnect') control.unrefCounted();
  });
}

// ---------------------------------------------------------------------------
// Synchronous forms

function spawnSync(file, args, options) {
  options = {
    __proto__: null,
    maxBuffer: MAX_BUFFER,
    ...normalizeSpawnArguments(file, args, options),
  };

  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);

  options.stdio = getValidStdio(options.stdio || 'pipe', true).stdio;

  if (options.input) {
    const stdin = options.stdio[0] = { ...options.stdio[0] };
    stdin.input = options.input;
  }

  for (let i = 0; i < options.stdio.length; i++) {
    const input = options.stdio[i] && options.stdio[i].input;
    if (input != null) {
      const pipe = options.stdio[i] = { ...options.stdio[i] };
      if (!isArrayBufferView(input) && typeof input !== 'string') {
        throw new ERR_INVALID_ARG_TYPE(`options.stdio[${i}]`,
                                       ['Buffer', 'TypedArray', 'DataView',
                                        'string'],
                                       input);
      }
      pipe.input = input;
    }
  }

  return child_process.spawnSync(options);
}

function checkExecSyncError(ret, args, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    ObjectAssign(err, ret);
  } else if (ret.status !== 0) {
    let msg = 'Command failed: ';
    msg += cmd || ArrayPrototypeJoin(args, ' ');
    if (ret.stderr && ret.stderr.length > 0) {
      msg += `\n${ret.stderr.toString()}`;
    }
    err = genericNodeError(msg, ret);
  }
  return err;
}

function execFileSync(file, args, options) {
  ({ file, args, options } = normalizeExecFileArgs(file, args, options));

  const inheritStderr = !options.stdio;
  const ret = spawnSync(file, args, options);

  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);

  const errArgs = [options.argv0 || file];
  ArrayPrototypePushApply(errArgs, args);
  const err = checkExecSyncError(ret, errArgs);

  if (err) throw err;

  return ret.stdout;
}

function execSync(command, options) {
  const opts = normalizeExecArgs(command, options, null);
  const inheritStderr = !opts.options.stdio;

  const ret = spawnSync(opts.file, opts.options);

  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);

  const err = checkExecSyncError(ret, undefined, command);

  if (err) throw err;

  return ret.stdout;
}

module.exports = {
  _forkChild,
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
};
