'use strict';

// Shared helpers for Lode's own tests. The exported names and their meaning
// follow the helpers that Node.js tests use, so a test reads the same in both
// projects, but this file is written for Lode: it only needs assert, path,
// util and a small synchronous part of fs while it loads. Anything heavier
// (child_process, os, worker_threads, crypto) is required lazily.

const assert = require('assert');
const path = require('path');
const { inspect } = require('util');

const platform = process.platform;

// ---------------------------------------------------------------------------
// Call-count checks, verified when the process exits.

const callChecks = [];

// Returns "file:line:column" of the code that called `above` (by default,
// of the caller of getCallSite). Uses V8's structured frames, and falls back
// to the text of the stack when Error.prepareStackTrace is not honoured.
function getCallSite(above) {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  let site = '<unknown>';
  try {
    Error.stackTraceLimit = 1;
    Error.prepareStackTrace = (_, frames) => frames;
    const holder = {};
    Error.captureStackTrace(holder, above || getCallSite);
    const frames = holder.stack;
    if (Array.isArray(frames) && frames.length > 0) {
      const frame = frames[0];
      site = `${frame.getFileName()}:${frame.getLineNumber()}:` +
             `${frame.getColumnNumber()}`;
    } else if (typeof frames === 'string') {
      const line = frames.split('\n').find((l) => l.startsWith('    at '));
      const match = line && /\(?([^\s()]+:\d+:\d+)\)?$/.exec(line);
      if (match) site = match[1];
    }
  } catch {
    // Keep the placeholder.
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
  return site;
}

function failedCallChecks() {
  const lines = [];
  for (const check of callChecks) {
    const ok = check.atLeast ? check.actual >= check.expected :
      check.actual === check.expected;
    if (ok) continue;
    lines.push(`Mismatched ${check.name} function calls. Expected ` +
               `${check.atLeast ? 'at least' : 'exactly'} ${check.expected}, ` +
               `actual ${check.actual}.\n    at ${check.site}`);
  }
  return lines;
}

function noop() {}

// `fn` runs on each call; `name` is what a failure report calls it.
function trackCalls(fn, name, expected, atLeast, caller) {
  if (typeof expected !== 'number' || expected < 0) {
    throw new TypeError(`Invalid expected call count: ${inspect(expected)}`);
  }
  const check = {
    name: name || '<anonymous>',
    expected,
    atLeast,
    actual: 0,
    site: getCallSite(caller),
  };
  callChecks.push(check);

  function wrapper(...args) {
    check.actual++;
    return Reflect.apply(fn, this, args);
  }
  // Keep the arity and the name of the wrapped function, so that code which
  // inspects fn.length or fn.name sees the same values.
  Object.defineProperty(wrapper, 'length', { value: fn.length });
  Object.defineProperty(wrapper, 'name', { value: fn.name });
  return wrapper;
}

// mustCall(fn, n), mustCall(n) and mustCall() are all accepted.
function mustCall(fn, exact = 1) {
  if (typeof fn === 'number') [fn, exact] = [noop, fn];
  if (fn === undefined) fn = noop;
  return trackCalls(fn, fn.name, exact, false, mustCall);
}

function mustCallAtLeast(fn, minimum = 1) {
  if (typeof fn === 'number') [fn, minimum] = [noop, fn];
  if (fn === undefined) fn = noop;
  return trackCalls(fn, fn.name, minimum, true, mustCallAtLeast);
}

function mustNotCall(msg) {
  const site = getCallSite(mustNotCall);
  return function mustNotCall(...args) {
    let text = `${msg || 'function should not have been called'} at ${site}`;
    if (args.length > 0) {
      const shown = args.map((arg) => inspect(arg)).join(', ');
      text += `\ncalled with arguments: ${shown}`;
    }
    assert.fail(text);
  };
}

function mustSucceed(fn, exact = 1) {
  if (typeof fn === 'number') [fn, exact] = [undefined, fn];
  return trackCalls(function(err, ...args) {
    assert.ifError(err);
    if (typeof fn === 'function') return Reflect.apply(fn, this, args);
  }, fn ? fn.name : 'mustSucceed', exact, false, mustSucceed);
}

function expectsError(validator, exact = 1) {
  return trackCalls(function expectsError(...args) {
    if (args.length !== 1) {
      assert.fail(`Expected one argument, got ${inspect(args)}`);
    }
    const error = args[0];
    assert.throws(() => { throw error; }, validator);
    return true;
  }, 'expectsError', exact, false, expectsError);
}

// Wraps `target` in proxies that fail on any write, at any depth. Functions
// and primitives are returned unchanged.
function mustNotMutateObjectDeep(target) {
  if (target === null || typeof target !== 'object') return target;
  const proxies = new WeakMap();
  const handler = {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      return wrap(value);
    },
    set(obj, key) {
      assert.fail(`Expected no side effects, got ${inspect(obj)} ` +
                  `mutated with ${String(key)} =`);
    },
    defineProperty(obj, key) {
      assert.fail(`Expected no side effects, got property ${String(key)} ` +
                  `defined on ${inspect(obj)}`);
    },
    deleteProperty(obj, key) {
      assert.fail(`Expected no side effects, got property ${String(key)} ` +
                  `deleted from ${inspect(obj)}`);
    },
    setPrototypeOf(obj) {
      assert.fail(`Expected no side effects, got the prototype of ` +
                  `${inspect(obj)} changed`);
    },
    preventExtensions(obj) {
      assert.fail(`Expected no side effects, got ${inspect(obj)} made ` +
                  'non-extensible');
    },
  };
  function wrap(value) {
    if (value === null || typeof value !== 'object') return value;
    let proxy = proxies.get(value);
    if (proxy === undefined) {
      proxy = new Proxy(value, handler);
      proxies.set(value, proxy);
    }
    return proxy;
  }
  return wrap(target);
}

// ---------------------------------------------------------------------------
// Warnings.

let expectedWarnings = null;

function warningListener(warning) {
  const queue = expectedWarnings.get(warning.name);
  assert.ok(queue, `Unexpected warning ${warning.name}: ${warning.message}`);
  assert.ok(queue.length > 0,
            `More ${warning.name} warnings than expected: ${warning.message}`);
  const [message, code] = queue.shift();
  if (message instanceof RegExp) {
    assert.match(warning.message, message);
  } else {
    assert.strictEqual(warning.message, message);
  }
  assert.strictEqual(warning.code, code);
}

function addExpectedWarnings(name, expected, code) {
  let entries;
  if (typeof expected === 'string' || expected instanceof RegExp) {
    entries = [[expected, code]];
  } else if (Array.isArray(expected)) {
    // Either one [message, code] pair or a list of pairs.
    entries = Array.isArray(expected[0]) ? expected : [expected];
  } else if (expected !== null && typeof expected === 'object') {
    entries = Object.entries(expected).map(([c, m]) => [m, c]);
  } else {
    entries = [];
  }
  if (name === 'DeprecationWarning') {
    for (const [message, c] of entries) {
      assert.ok(c, `A DeprecationWarning needs a code: ${message}`);
    }
  }
  if (!expectedWarnings.has(name)) expectedWarnings.set(name, []);
  const queue = expectedWarnings.get(name);
  for (const entry of entries) queue.push(entry);
}

function missingWarnings() {
  const lines = [];
  if (expectedWarnings === null) return lines;
  for (const [name, queue] of expectedWarnings) {
    for (const [message, code] of queue) {
      lines.push(`Expected ${name} was not emitted: ` +
                 `${code ? `[${code}] ` : ''}${message}`);
    }
  }
  return lines;
}

function expectWarning(name, expected, code) {
  if (expectedWarnings === null) {
    expectedWarnings = new Map();
    process.on('warning', warningListener);
  }
  if (typeof name === 'object' && name !== null) {
    for (const key of Object.keys(name)) addExpectedWarnings(key, name[key]);
  } else {
    addExpectedWarnings(name, expected, code);
  }
}

// ---------------------------------------------------------------------------
// Global leak detection. Any own property of the global object whose name is
// not listed here (and whose value was not passed to allowGlobals()) fails
// the test at exit. Names only present in newer V8/Node versions are harmless.

const knownGlobalNames = new Set([
  // ECMAScript.
  'AggregateError', 'Array', 'ArrayBuffer', 'AsyncDisposableStack', 'Atomics',
  'BigInt', 'BigInt64Array', 'BigUint64Array', 'Boolean', 'DataView', 'Date',
  'DisposableStack', 'Error', 'EvalError', 'FinalizationRegistry',
  'Float16Array', 'Float32Array', 'Float64Array', 'Function', 'Infinity',
  'Int16Array', 'Int32Array', 'Int8Array', 'Intl', 'Iterator', 'JSON', 'Map',
  'Math', 'NaN', 'Number', 'Object', 'Promise', 'Proxy', 'RangeError',
  'ReferenceError', 'Reflect', 'RegExp', 'Set', 'SharedArrayBuffer', 'String',
  'SuppressedError', 'Symbol', 'SyntaxError', 'TypeError', 'URIError',
  'Uint16Array', 'Uint32Array', 'Uint8Array', 'Uint8ClampedArray', 'WeakMap',
  'WeakRef', 'WeakSet', 'WebAssembly', 'decodeURI', 'decodeURIComponent',
  'encodeURI', 'encodeURIComponent', 'escape', 'eval', 'globalThis',
  'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'undefined', 'unescape',
  // Node.js 24 globals.
  'AbortController', 'AbortSignal', 'Blob', 'BroadcastChannel', 'Buffer',
  'ByteLengthQueuingStrategy', 'CloseEvent', 'CompressionStream',
  'CountQueuingStrategy', 'Crypto', 'CryptoKey', 'CustomEvent', 'DOMException',
  'DecompressionStream', 'Event', 'EventTarget', 'File', 'FormData', 'Headers',
  'MessageChannel', 'MessageEvent', 'MessagePort', 'Navigator', 'Performance',
  'PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure',
  'PerformanceObserver', 'PerformanceObserverEntryList',
  'PerformanceResourceTiming', 'ReadableByteStreamController',
  'ReadableStream', 'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest',
  'ReadableStreamDefaultController', 'ReadableStreamDefaultReader', 'Request',
  'Response', 'SubtleCrypto', 'TextDecoder', 'TextDecoderStream',
  'TextEncoder', 'TextEncoderStream', 'TransformStream',
  'TransformStreamDefaultController', 'URL', 'URLPattern', 'URLSearchParams',
  'WebSocket', 'WritableStream', 'WritableStreamDefaultController',
  'WritableStreamDefaultWriter', 'atob', 'btoa', 'clearImmediate',
  'clearInterval', 'clearTimeout', 'console', 'crypto', 'fetch', 'global',
  'navigator', 'performance', 'process', 'queueMicrotask', 'setImmediate',
  'setInterval', 'setTimeout', 'structuredClone',
  // Present only with some command line flags.
  'gc', 'EventSource', 'Storage', 'localStorage', 'sessionStorage',
  'externalizeString', 'isOneByteString',
]);
const allowedGlobalValues = new Set();

if (process.env.NODE_TEST_KNOWN_GLOBALS &&
    process.env.NODE_TEST_KNOWN_GLOBALS !== '0') {
  for (const name of process.env.NODE_TEST_KNOWN_GLOBALS.split(',')) {
    knownGlobalNames.add(name.trim());
  }
}

function allowGlobals(...values) {
  for (const value of values) allowedGlobalValues.add(value);
  return [...allowedGlobalValues];
}

function leakedGlobals() {
  const leaked = [];
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (knownGlobalNames.has(name)) continue;
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    // Never run a getter here: it could load a module during exit.
    const value = desc && 'value' in desc ? desc.value : desc && desc.get;
    if (allowedGlobalValues.has(value)) continue;
    leaked.push(name);
  }
  return leaked;
}

// Code run with -e or -p has the REPL's module globals; only check files.
const checkGlobals = process.env.NODE_TEST_KNOWN_GLOBALS !== '0' &&
  require.main !== undefined;

// ---------------------------------------------------------------------------
// One 'exit' listener runs every end-of-test check. When the test has already
// failed (non-zero exit code) the checks are skipped to keep the output on
// the first problem. Throwing from an 'exit' listener makes the process print
// the error and exit with code 1.

process.on('exit', (code) => {
  if ((code === undefined ? process.exitCode : code) > 0) return;
  const problems = [...failedCallChecks(), ...missingWarnings()];
  if (checkGlobals) {
    const leaked = leakedGlobals();
    if (leaked.length > 0) {
      problems.push(`Unexpected global(s) found: ${leaked.join(', ')}`);
    }
  }
  if (problems.length === 0) return;
  process.exitCode = 1;
  throw new Error(problems.join('\n'));
});

// ---------------------------------------------------------------------------
// Skipping and environment facts.

function printSkipMessage(msg) {
  console.log(`1..0 # Skipped: ${msg}`);
}

function skip(msg) {
  printSkipMessage(msg);
  // Leave successfully even if a check was registered before the skip.
  callChecks.length = 0;
  process.exit(0);
}

function getBuildType() {
  try {
    return process.config.target_defaults.default_configuration || 'Release';
  } catch {
    return 'Release';
  }
}
const buildType = getBuildType();
const isDebug = buildType === 'Debug';

function platformTimeout(ms) {
  const factor = (isDebug ? 2 : 1) *
    (process.arch === 'arm' || process.arch === 'riscv64' ? 2 : 1);
  if (typeof ms === 'bigint') return ms * BigInt(factor);
  return ms * factor;
}

// "The "x" argument must be ...<this suffix>": how Node describes a value it
// rejected in ERR_INVALID_ARG_TYPE messages.
function invalidArgTypeHelper(input) {
  if (input === null || input === undefined) return ` Received ${input}`;
  if (typeof input === 'function') return ` Received function ${input.name}`;
  if (typeof input === 'object') {
    const ctor = input.constructor;
    if (ctor && ctor.name) return ` Received an instance of ${ctor.name}`;
    return ` Received ${inspect(input, { depth: -1 })}`;
  }
  let shown = input;
  if (typeof shown === 'string' && shown.length > 28) {
    shown = `${shown.slice(0, 25)}...`;
  }
  shown = inspect(shown, { colors: false });
  return ` Received type ${typeof input} (${shown})`;
}

// Tagged template: interpolated values go into environment variables and the
// command refers to them, so no quoting is needed. Returns [command, options].
function escapePOSIXShell(strings, ...values) {
  const env = { ...process.env };
  let command = strings[0];
  for (let i = 0; i < values.length; i++) {
    const name = `ESCAPED_${i}`;
    env[name] = String(values[i]);
    command += `\${${name}}${strings[i + 1]}`;
  }
  return [command, { env }];
}

function spawnPromisified(...args) {
  const { spawn } = require('child_process');
  let stdout = '';
  let stderr = '';
  const child = spawn(...args);
  if (child.stdout) {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => { stdout += chunk; });
  }
  if (child.stderr) {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => { stderr += chunk; });
  }
  return new Promise((resolve, reject) => {
    child.on('close', (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
    child.on('error', (err) => {
      reject(Object.assign(err, { code: err.code, stdout, stderr }));
    });
  });
}

const common = {
  allowGlobals,
  buildType,
  escapePOSIXShell,
  expectsError,
  expectWarning,
  getCallSite,
  invalidArgTypeHelper,
  isAIX: platform === 'aix',
  isDebug,
  isFreeBSD: platform === 'freebsd',
  isIBMi: platform === 'os400',
  isLinux: platform === 'linux',
  isMacOS: platform === 'darwin',
  isOpenBSD: platform === 'openbsd',
  isSunOS: platform === 'sunos',
  isWindows: platform === 'win32',
  localhostIPv4: '127.0.0.1',
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustNotMutateObjectDeep,
  mustSucceed,
  platformTimeout,
  printSkipMessage,
  skip,
  spawnPromisified,

  skipIf32Bits() {
    if (!/64/.test(process.arch)) skip('the test needs a 64-bit build');
  },

  get isDumbTerminal() {
    return process.env.TERM === 'dumb';
  },

  get isMainThread() {
    try {
      return require('worker_threads').isMainThread;
    } catch {
      return true;
    }
  },

  get hasCrypto() {
    if (process.env.NODE_SKIP_CRYPTO) return false;
    try {
      require('crypto');
      return true;
    } catch {
      return false;
    }
  },

  get hasIntl() {
    return typeof Intl === 'object' && Intl !== null;
  },

  get hasIPv6() {
    try {
      const interfaces = require('os').networkInterfaces();
      return Object.keys(interfaces).some((name) =>
        interfaces[name].some(({ family }) => family === 'IPv6'));
    } catch {
      return false;
    }
  },

  get PORT() {
    if (+process.env.TEST_PARALLEL) {
      throw new Error('common.PORT cannot be used in a parallelized test');
    }
    return +process.env.NODE_COMMON_PORT || 12346;
  },

  get PIPE() {
    const dir = require('./tmpdir').path;
    return path.join(dir, `lode-test.${process.pid}.sock`);
  },

  get pwdCommand() {
    return ['pwd', []];
  },
};

module.exports = common;
