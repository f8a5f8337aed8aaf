'use strict';

// The process.* functions built on internalBinding('process_methods'):
// argument validation here, the system calls in C++.

const {
  ArrayPrototypeFill,
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  ArrayPrototypePushApply,
  ArrayPrototypeSymbolIterator,
  BigInt,
  Float64Array,
  FunctionPrototypeCall,
  NumberIsInteger,
  NumberMAX_SAFE_INTEGER,
  ObjectAssign,
  ObjectDefineProperties,
  ObjectEntries,
  ObjectFreeze,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ReflectApply,
  RegExpPrototypeExec,
  Set,
  StringPrototypeIncludes,
  StringPrototypeReplace,
  Symbol,
  SymbolFor,
  SymbolIterator,
  Uint32Array,
} = primordials;

const binding = internalBinding('process_methods');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_CREDENTIAL,
    ERR_UNKNOWN_SIGNAL,
    ERR_WORKER_UNSUPPORTED_OPERATION,
  },
  ErrnoException,
} = require('internal/errors');
const {
  validateArray,
  validateNumber,
  validateObject,
  validateInteger,
  validateString,
  validateUint32,
} = require('internal/validators');

const hrtimeFields = new Uint32Array(3);

function hrtime(time) {
  binding.hrtime(hrtimeFields);
  const sec = hrtimeFields[0] * 0x100000000 + hrtimeFields[1];
  const nsec = hrtimeFields[2];
  if (time !== undefined) {
    validateArray(time, 'time');
    if (time.length !== 2) {
      throw new ERR_OUT_OF_RANGE('time', 2, time.length);
    }
    const secDiff = sec - time[0];
    const nsecDiff = nsec - time[1];
    return nsecDiff < 0 ?
      [secDiff - 1, nsecDiff + 1e9] : [secDiff, nsecDiff];
  }
  return [sec, nsec];
}

function hrtimeBigInt() {
  return binding.hrtimeBigInt();
}

const cpuFields = new Float64Array(2);

function validateCpuUsage(prevValue) {
  validateObject(prevValue, 'prevValue');
  validateNumber(prevValue.user, 'prevValue.user');
  if (prevValue.user < 0 || prevValue.user > NumberMAX_SAFE_INTEGER) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('prevValue.user',
                                               prevValue.user);
  }
  validateNumber(prevValue.system, 'prevValue.system');
  if (prevValue.system < 0 || prevValue.system > NumberMAX_SAFE_INTEGER) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('prevValue.system',
                                               prevValue.system);
  }
}

function cpuUsage(prevValue) {
  if (prevValue) validateCpuUsage(prevValue);
  binding.cpuUsage(cpuFields);
  if (prevValue) {
    return {
      user: cpuFields[0] - prevValue.user,
      system: cpuFields[1] - prevValue.system,
    };
  }
  return { user: cpuFields[0], system: cpuFields[1] };
}

const threadCpuFields = new Float64Array(2);

// The CPU time of the calling thread only.
function threadCpuUsage(prevValue) {
  if (prevValue) validateCpuUsage(prevValue);
  binding.threadCpuUsage(threadCpuFields);
  if (prevValue) {
    return {
      user: threadCpuFields[0] - prevValue.user,
      system: threadCpuFields[1] - prevValue.system,
    };
  }
  return { user: threadCpuFields[0], system: threadCpuFields[1] };
}

const memFields = new Float64Array(5);

function memoryUsage() {
  binding.memoryUsage(memFields);
  return {
    rss: memFields[0],
    heapTotal: memFields[1],
    heapUsed: memFields[2],
    external: memFields[3],
    arrayBuffers: memFields[4],
  };
}
memoryUsage.rss = () => binding.rss();

const resourceFields = new Float64Array(16);

function resourceUsage() {
  binding.resourceUsage(resourceFields);
  return {
    userCPUTime: resourceFields[0],
    systemCPUTime: resourceFields[1],
    maxRSS: resourceFields[2],
    sharedMemorySize: resourceFields[3],
    unsharedDataSize: resourceFields[4],
    unsharedStackSize: resourceFields[5],
    minorPageFault: resourceFields[6],
    majorPageFault: resourceFields[7],
    swappedOut: resourceFields[8],
    fsRead: resourceFields[9],
    fsWrite: resourceFields[10],
    ipcSent: resourceFields[11],
    ipcReceived: resourceFields[12],
    signalsCount: resourceFields[13],
    voluntaryContextSwitches: resourceFields[14],
    involuntaryContextSwitches: resourceFields[15],
  };
}

let signals;
function getSignals() {
  signals ??= internalBinding('constants').os.signals;
  return signals;
}

// A signal this process sends itself (or its group) that no listener
// handles most likely ends it: C++ then does the at-exit work first
// (coverage files, the compile cache), as Node does.
function killsItself(pid, num) {
  if (num <= 0) return false;
  if (pid !== 0 && pid !== -1 && pid !== process.pid &&
      pid !== -process.pid) {
    return false;
  }
  const signals = getSignals();
  const names = ObjectKeys(signals);
  for (let i = 0; i < names.length; i++) {
    if (signals[names[i]] !== num) continue;
    // Those that stop the process or that it ignores by default.
    if (kSignalsThatDoNotEnd[names[i]] === true ||
        process.listenerCount(names[i]) > 0) {
      return false;
    }
  }
  return true;
}
const kSignalsThatDoNotEnd = {
  __proto__: null, SIGCHLD: true, SIGCONT: true, SIGSTOP: true,
  SIGTSTP: true, SIGTTIN: true, SIGTTOU: true, SIGURG: true, SIGWINCH: true,
};

// Goes through process._kill, which programs (and Node's tests) replace.
function kill(pid, sig) {
  // eslint-disable-next-line eqeqeq
  if (pid != (pid | 0)) {
    throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid);
  }
  let num = sig;
  if (sig !== (sig | 0)) {
    sig = sig || 'SIGTERM';
    num = getSignals()[sig];
    if (num === undefined) throw new ERR_UNKNOWN_SIGNAL(sig);
  }
  const err = process._kill(pid, num, killsItself(pid, num));
  if (err) throw new ErrnoException(err, 'kill');
  return true;
}

// The exit code must be an integer (or a string of one), or undefined/null.
function validateExitCode(code) {
  if (code === undefined || code === null) return;
  if (typeof code === 'string' && code !== '' &&
      NumberIsInteger(+code)) {
    return;
  }
  validateInteger(code, 'code');
}

function exit(code) {
  if (arguments.length !== 0) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', process.exitCode | 0);
  }
  process.reallyExit(process.exitCode | 0);
  // In a worker, reallyExit() only asks V8 to stop this thread's JS, which
  // V8 notices at its next stack check: a function call gives it one, so
  // that no statement after process.exit() runs.
  stackCheckPoint();
}

function stackCheckPoint() {}

function umask(mask) {
  if (mask === undefined) return binding.umask(undefined);
  const { parseFileMode } = require('internal/validators');
  return binding.umask(parseFileMode(mask, 'mask'));
}

// What this build has, with Node's keys: TLS with ALPN, SNI and OCSP (on
// the system's OpenSSL), V8's inspector (in-process sessions only: no
// websocket server); TypeScript as the options say.
const features = {
  inspector: true,
  debug: false,
  uv: true,
  ipv6: true,
  tls_alpn: true,
  tls_sni: true,
  tls_ocsp: true,
  tls: true,
  openssl_is_boringssl: false,
};
ObjectDefineProperties(features, {
  __proto__: null,
  cached_builtins: {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() { return true; },
  },
  require_module: {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      const { getOptionValue } = require('internal/options');
      return getOptionValue('--experimental-require-module');
    },
  },
  typescript: {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      const { getOptionValue } = require('internal/options');
      if (getOptionValue('--experimental-transform-types')) {
        return 'transform';
      }
      return getOptionValue('--strip-types') ? 'strip' : false;
    },
  },
});

// --- process.setuid & co: a numeric id or a user/group name. ---------------

function validateId(id, name) {
  if (typeof id === 'number') {
    validateUint32(id, name);
  } else if (typeof id !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
  }
}

function wrapIdSetter(type, setter) {
  return function(id) {
    validateId(id, 'id');
    if (typeof id === 'number') id >>>= 0;
    if (setter(id) === 1) throw new ERR_UNKNOWN_CREDENTIAL(type, id);
  };
}

function wrapCredentialSetters(credentials) {
  function setgroups(groups) {
    validateArray(groups, 'groups');
    for (let i = 0; i < groups.length; i++) {
      validateId(groups[i], `groups[${i}]`);
    }
    const unknown = credentials.setgroups(groups);
    if (unknown > 0) {
      throw new ERR_UNKNOWN_CREDENTIAL('Group', groups[unknown - 1]);
    }
  }

  function initgroups(user, extraGroup) {
    validateId(user, 'user');
    validateId(extraGroup, 'extraGroup');
    const result = credentials.initgroups(user, extraGroup);
    if (result === 1) throw new ERR_UNKNOWN_CREDENTIAL('User', user);
    if (result === 2) throw new ERR_UNKNOWN_CREDENTIAL('Group', extraGroup);
  }

  return {
    initgroups,
    setgroups,
    setegid: wrapIdSetter('Group', credentials.setegid),
    seteuid: wrapIdSetter('User', credentials.seteuid),
    setgid: wrapIdSetter('Group', credentials.setgid),
    setuid: wrapIdSetter('User', credentials.setuid),
  };
}

// --- process.execve. --------------------------------------------------------

function isStringWithoutNul(value) {
  return typeof value === 'string' && !StringPrototypeIncludes(value, '\u0000');
}

// Replaces this process with `execPath`. Nothing of this process runs
// afterwards: no 'exit' event, no pending callbacks. A worker may not
// replace the process it shares with the main thread.
function execve(execPath, args = [], env) {
  require('internal/util').emitExperimentalWarning('process.execve');
  if (!require('internal/worker').isMainThread) {
    throw new ERR_WORKER_UNSUPPORTED_OPERATION('Calling process.execve');
  }
  validateString(execPath, 'execPath');
  validateArray(args, 'args');
  for (let i = 0; i < args.length; i++) {
    if (!isStringWithoutNul(args[i])) {
      throw new ERR_INVALID_ARG_VALUE(`args[${i}]`, args[i],
                                      'must be a string without null bytes');
    }
  }
  const envArray = [];
  if (env !== undefined) {
    validateObject(env, 'env');
    const entries = ObjectEntries(env);
    for (let i = 0; i < entries.length; i++) {
      const { 0: key, 1: value } = entries[i];
      if (!isStringWithoutNul(key) || !isStringWithoutNul(value)) {
        throw new ERR_INVALID_ARG_VALUE(
          'env', env,
          'must be an object with string keys and values without null bytes');
      }
      ArrayPrototypePush(envArray, `${key}=${value}`);
    }
  } else {
    const entries = ObjectEntries(process.env);
    for (let i = 0; i < entries.length; i++) {
      ArrayPrototypePush(envArray, `${entries[i][0]}=${entries[i][1]}`);
    }
  }
  binding.execve(execPath, args, envArray);
}

// --- process.ref / process.unref. -------------------------------------------

const kNodejsRef = SymbolFor('nodejs.ref');
const kNodejsUnref = SymbolFor('nodejs.unref');

// Calls the object's [Symbol.for('nodejs.ref')]() or, for the older
// objects (timers, sockets), its ref(); anything else is ignored.
function ref(maybeRefable) {
  callRefMethod(maybeRefable, kNodejsRef, 'ref');
}

function unref(maybeRefable) {
  callRefMethod(maybeRefable, kNodejsUnref, 'unref');
}

function callRefMethod(object, symbol, name) {
  if (object == null) return;
  let fn = object[symbol];
  if (fn === undefined) fn = object[name];
  if (typeof fn === 'function') FunctionPrototypeCall(fn, object);
}

// --- Active handles, requests and resources. --------------------------------

let ownerSymbol;
// The object a program knows for a handle: its owner (net.Socket,
// ChildProcess, FSWatcher), followed as far as it goes.
function ownerOf(handle) {
  ownerSymbol ??= internalBinding('symbols').owner_symbol;
  let current = handle;
  for (let i = 0; i < 8; i++) {
    const owner = current[ownerSymbol];
    if (owner === undefined || owner === null || typeof owner !== 'object' ||
        owner === current) {
      break;
    }
    current = owner;
  }
  return current;
}

function _getActiveHandles() {
  const handles = binding._getActiveHandles();
  for (let i = 0; i < handles.length; i++) handles[i] = ownerOf(handles[i]);
  return handles;
}

function _getActiveRequests() {
  return binding._getActiveRequests();
}

// Requests, then handles, then timers and immediates, as Node lists them.
function getActiveResourcesInfo() {
  const { getTimerCounts } = require('internal/timers');
  const { timeoutCount, immediateCount } = getTimerCounts();
  const info = binding._getActiveRequestsInfo();
  ArrayPrototypePushApply(info, binding._getActiveHandlesInfo());
  ArrayPrototypePushApply(info,
                          ArrayPrototypeFill(new Array(timeoutCount),
                                             'Timeout'));
  ArrayPrototypePushApply(info,
                          ArrayPrototypeFill(new Array(immediateCount),
                                             'Immediate'));
  return info;
}

// --- Env files: process.loadEnvFile() and --env-file. ----------------------

// Sets the variables of `parsed` (from parseEnv) that the environment does
// not have yet.
function assignEnv(parsed) {
  const keys = ObjectKeys(parsed);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!ObjectPrototypeHasOwnProperty(process.env, key)) {
      process.env[key] = parsed[key];
    }
  }
}

function loadEnvFile(path = undefined) {
  const { getValidatedPath } = require('internal/fs/utils');
  path = getValidatedPath(path === undefined ? '.env' : path);
  let content;
  try {
    content = require('fs').readFileSync(path, 'utf8');
  } catch (err) {
    if (err?.code !== 'EISDIR') throw err;
    // eslint-disable-next-line no-restricted-syntax
    const error = new TypeError(`Contents of '${path}' should be a valid ` +
                                'string.');
    error.code = 'ERR_INVALID_ARG_TYPE';
    throw error;
  }
  assignEnv(require('internal/dotenv').parseEnv(content));
}

// --env-file and --env-file-if-exists, at start-up: the files in command
// line order, a later one winning over an earlier one, none over the
// environment. C++ already stopped the start for a missing --env-file and
// reported a missing --env-file-if-exists.
function loadEnvFilesFromOptions(files) {
  if (files.length === 0) return;
  const fs = require('fs');
  const { parseEnv } = require('internal/dotenv');
  const merged = { __proto__: null };
  for (let i = 0; i < files.length; i++) {
    let content;
    try {
      content = fs.readFileSync(files[i][0], 'utf8');
    } catch {
      continue;  // Gone since C++ looked: as a missing optional file.
    }
    ObjectAssign(merged, parseEnv(content));
  }
  assignEnv(merged);
}

// --- process.allowedNodeEnvironmentFlags. -----------------------------------

const kFlags = Symbol('kFlags');
const leadingDashes = /^--?/;
const trailingValue = /=.*$/;
const underscores = /_/g;

// A read-only Set: the entries live in a private array (the Set itself
// stays empty), so add/delete/clear, even through Set.prototype, change
// nothing; has() accepts a flag with or without its dashes, with
// underscores, with a value.
class NodeEnvironmentFlagsSet extends Set {
  constructor(flags) {
    super();
    this[kFlags] = flags;
  }

  add() {
    return this;
  }

  delete() {
    return false;
  }

  clear() {}

  has(key) {
    if (typeof key !== 'string') return false;
    const flags = this[kFlags];
    key = StringPrototypeReplace(key, underscores, '-');
    if (RegExpPrototypeExec(leadingDashes, key) !== null) {
      key = StringPrototypeReplace(key, trailingValue, '');
      return ArrayPrototypeIncludes(flags, key);
    }
    return ArrayPrototypeIncludes(flags, `-${key}`) ||
      ArrayPrototypeIncludes(flags, `--${key}`);
  }

  get size() {
    return this[kFlags].length;
  }

  entries() {
    const pairs = [];
    const flags = this[kFlags];
    for (let i = 0; i < flags.length; i++) {
      ArrayPrototypePush(pairs, [flags[i], flags[i]]);
    }
    return ArrayPrototypeSymbolIterator(pairs);
  }

  forEach(callback, thisArg = undefined) {
    const flags = this[kFlags];
    for (let i = 0; i < flags.length; i++) {
      ReflectApply(callback, thisArg, [flags[i], flags[i], this]);
    }
  }

  keys() {
    return ArrayPrototypeSymbolIterator(this[kFlags]);
  }

  values() {
    return ArrayPrototypeSymbolIterator(this[kFlags]);
  }

  [SymbolIterator]() {
    return ArrayPrototypeSymbolIterator(this[kFlags]);
  }
}

// The flags NODE_OPTIONS accepts, from the option table of C++ (which
// enforces them when it reads NODE_OPTIONS).
function buildAllowedNodeEnvironmentFlags() {
  const { getNodeOptionsAllowedFlags } = internalBinding('options');
  const flags = getNodeOptionsAllowedFlags();
  return ObjectFreeze(new NodeEnvironmentFlagsSet(ObjectFreeze(flags)));
}

module.exports = {
  buildAllowedNodeEnvironmentFlags,
  cpuUsage,
  execve,
  exit,
  features,
  _getActiveHandles,
  _getActiveRequests,
  getActiveResourcesInfo,
  hrtime,
  hrtimeBigInt,
  kill,
  loadEnvFile,
  loadEnvFilesFromOptions,
  memoryUsage,
  ref,
  resourceUsage,
  threadCpuUsage,
  umask,
  unref,
  validateExitCode,
  wrapCredentialSetters,
  BigInt,
};
