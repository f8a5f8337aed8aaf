'use strict';

// The third bootstrap stage: turns the bare process object C++ made into
// Node's process (an EventEmitter with its methods) and installs the
// globals. It depends on nothing of the run (no options, no argv, no env):
// the build runs it once and keeps the result in lode's V8 startup snapshot.
// What a run needs on top (the callbacks C++ calls, the options) is in
// internal/bootstrap/runtime.

const {
  FunctionPrototypeBind,
  FunctionPrototypeCall,
  SymbolToStringTag,
  ObjectDefineProperty,
  ObjectFreeze,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  ObjectSetPrototypeOf,
  ObjectValues,
  SafeMap,
  StringPrototypeStartsWith,
  globalThis,
} = primordials;

// --- process is an EventEmitter. -------------------------------------------
const EventEmitter = require('events');
ObjectSetPrototypeOf(ObjectGetPrototypeOf(process), EventEmitter.prototype);
FunctionPrototypeCall(EventEmitter, process);
// Object.prototype.toString names them as Node does.
ObjectDefineProperty(process, SymbolToStringTag, {
  __proto__: null, value: 'process', writable: true, enumerable: false,
  configurable: false,
});
ObjectDefineProperty(globalThis, SymbolToStringTag, {
  __proto__: null, value: 'global', writable: false, enumerable: false,
  configurable: true,
});

// --- process methods. ----------------------------------------------------------
const perThread = require('internal/process/per_thread');
const methods = internalBinding('process_methods');
const credentials = internalBinding('credentials');

function defineMethod(name, fn) {
  ObjectDefineProperty(process, name, {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value: fn,
  });
}

process.hrtime = perThread.hrtime;
process.hrtime.bigint = perThread.hrtimeBigInt;
process.cpuUsage = perThread.cpuUsage;
process.resourceUsage = perThread.resourceUsage;
process.memoryUsage = perThread.memoryUsage;
process.kill = perThread.kill;
process._kill = methods.kill;
process.exit = perThread.exit;
process.umask = perThread.umask;
process.cwd = function cwd() { return methods.cwd(); };
process.chdir = function chdir(directory) {
  const { validateString } = require('internal/validators');
  validateString(directory, 'directory');
  methods.chdir(directory);
};
process.uptime = methods.uptime;
process.reallyExit = methods.reallyExit;
process._rawDebug = function _rawDebug(...args) {
  const { format } = require('internal/util/inspect');
  methods.rawDebug(format(...args));
};
process.abort = methods.abort;
process.availableMemory = methods.availableMemory;
process.constrainedMemory = methods.constrainedMemory;
process.getuid = credentials.getuid;
process.geteuid = credentials.geteuid;
process.getgid = credentials.getgid;
process.getegid = credentials.getegid;
process.getgroups = credentials.getgroups;
{
  const setters = perThread.wrapCredentialSetters(credentials);
  process.initgroups = setters.initgroups;
  process.setgroups = setters.setgroups;
  process.setegid = setters.setegid;
  process.seteuid = setters.seteuid;
  process.setgid = setters.setgid;
  process.setuid = setters.setuid;
}
process.threadCpuUsage = perThread.threadCpuUsage;
process.execve = perThread.execve;
process.loadEnvFile = perThread.loadEnvFile;
process.dlopen = methods.dlopen;
process.ref = perThread.ref;
process.unref = perThread.unref;
ObjectDefineProperty(process, 'features', {
  __proto__: null, enumerable: true, configurable: false, writable: false,
  value: perThread.features,
});
// process.report (the diagnostic report), made on first use.
ObjectDefineProperty(process, 'report', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return require('internal/process/report').report; },
});
process._exiting = false;
// The active domain (node:domain sets it); null until one is entered.
process.domain = null;
// Built on first use: it reads the options of the run.
{
  let allowedFlags;
  ObjectDefineProperty(process, 'allowedNodeEnvironmentFlags', {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      allowedFlags ??= perThread.buildAllowedNodeEnvironmentFlags();
      return allowedFlags;
    },
    set(value) {
      ObjectDefineProperty(this, 'allowedNodeEnvironmentFlags', {
        __proto__: null, value, configurable: true, enumerable: true,
        writable: true,
      });
    },
  });
}
// Loaded on first use, as in Node (an accessor until then).
require('internal/util').defineLazyProperties(
  process, 'internal/process/finalization', ['finalization']);
process.moduleLoadList = [];
process._getActiveHandles = perThread._getActiveHandles;
process._getActiveRequests = perThread._getActiveRequests;
process.getActiveResourcesInfo = perThread.getActiveResourcesInfo;
process.binding = require('internal/legacy/processbinding').binding;
// A public builtin's exports by id ('fs', 'node:test'); undefined for any
// other id.
defineMethod('getBuiltinModule', function getBuiltinModule(id) {
  const { validateString } = require('internal/validators');
  validateString(id, 'id');
  const { BuiltinModule } = require('internal/bootstrap/realm');
  const normalized = BuiltinModule.normalizeRequirableId(id);
  if (normalized === undefined) return undefined;
  return require('internal/modules/helpers').loadBuiltinModule(normalized, id);
});

{
  const notImplemented = (name) => function() {
    const { codes: { ERR_NOT_IMPLEMENTED } } = require('internal/errors');
    throw new ERR_NOT_IMPLEMENTED(`process.${name}`);
  };
  for (const name of ['_linkedBinding',
    '_startProfilerIdleNotifier',
    '_stopProfilerIdleNotifier']) {
    defineMethod(name, notImplemented(name));
  }
}
// process._debugEnd(): closes the debugger's server, as inspector.close().
defineMethod('_debugEnd', function _debugEnd() {
  internalBinding('inspector').close();
});
// process._debugProcess(pid): SIGUSR1, which starts the inspector of a
// Node (or lode) process.
defineMethod('_debugProcess', function _debugProcess(pid) {
  const { SIGUSR1 } = internalBinding('constants').os.signals;
  const err = process._kill(pid, SIGUSR1, false);
  if (err) {
    const { ErrnoException } = require('internal/errors');
    throw new ErrnoException(err, 'kill');
  }
});

// process.setSourceMapsEnabled(val): module.setSourceMapsSupport(val) for
// node_modules and generated code too, as in Node.
{
  process.setSourceMapsEnabled = function setSourceMapsEnabled(val) {
    const { validateBoolean } = require('internal/validators');
    validateBoolean(val, 'enabled');
    require('internal/source_map/source_map_cache').setSourceMapsSupport(
      val, { __proto__: null, nodeModules: val, generatedCode: val });
  };
  ObjectDefineProperty(process, 'sourceMapsEnabled', {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() { return require('internal/errors').sourceMapsOn(); },
  });
}

// process.exitCode: validated, as in Node 20+.
{
  let exitCode;
  ObjectDefineProperty(process, 'exitCode', {
    __proto__: null,
    enumerable: true,
    configurable: false,
    get() { return exitCode; },
    set(code) {
      perThread.validateExitCode(code);
      exitCode = code;
    },
  });
}

function deepFreeze(object) {
  const values = ObjectValues(object);
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] === 'object' && values[i] !== null) {
      deepFreeze(values[i]);
    }
  }
  ObjectFreeze(object);
}

// process.config: what we were built with, as Node reports it (frozen
// all the way down).
{
  const config = {
    target_defaults: {
      cflags: [], default_configuration: 'Release', defines: [],
      include_dirs: [], libraries: [],
    },
    variables: {
      asan: 0, host_arch: 'x64', target_arch: 'x64',
      icu_small: false, node_module_version: 137,
      node_prefix: '/usr/local', node_shared: false,
      node_shared_openssl: true, node_shared_libuv: true,
      node_shared_zlib: true, node_shared_cares: true,
      node_shared_nghttp2: true, node_shared_brotli: true,
      node_use_openssl: true, node_use_node_code_cache: false,
      node_use_node_snapshot: false, node_use_v8_platform: true,
      node_use_amaro: true, node_quic: false,
      v8_enable_i18n_support: 1, v8_enable_inspector: 1,
      v8_enable_pointer_compression: 0, v8_enable_31bit_smis_on_64bit_arch: 0,
      v8_enable_sandbox: 0, napi_build_version: '10',
      shlib_suffix: 'so.137', is_debug: 0,
    },
  };
  deepFreeze(config);
  ObjectDefineProperty(process, 'config', {
    __proto__: null, enumerable: true, configurable: true, writable: false,
    value: config,
  });
}

// --- nextTick, microtasks, rejections. ------------------------------------------
const { nextTick, runNextTicks, queueMicrotask } =
  require('internal/process/task_queues');
process.nextTick = nextTick;
process._tickCallback = runNextTicks;

// --- Warnings. -----------------------------------------------------------------
{
  const { emitWarning, onWarning } = require('internal/process/warning');
  process.emitWarning = emitWarning;
  process.on('warning', onWarning);
}

// --- Uncaught exceptions. -------------------------------------------------------
{
  const {
    setUncaughtExceptionCaptureCallback,
    hasUncaughtExceptionCaptureCallback,
    onGlobalUncaughtException,
  } = require('internal/process/execution');
  // What C++ calls for an uncaught exception; programs may replace it.
  process._fatalException = (er, fromPromise) =>
    onGlobalUncaughtException(er, fromPromise);
  process.setUncaughtExceptionCaptureCallback =
    setUncaughtExceptionCaptureCallback;
  process.hasUncaughtExceptionCaptureCallback =
    hasUncaughtExceptionCaptureCallback;
}

// --- Signals: a uv signal handle per signal that has listeners. -------------------
{
  const signalWraps = new SafeMap();
  let signals;
  function isSignal(event) {
    if (typeof event !== 'string' || !StringPrototypeStartsWith(event, 'SIG')) {
      return false;
    }
    signals ??= internalBinding('constants').os.signals;
    return signals[event] !== undefined;
  }
  process.on('newListener', (type) => {
    if (!isSignal(type) || signalWraps.has(type)) return;
    const { Signal } = internalBinding('signal_wrap');
    const wrap = new Signal();
    wrap.unref();
    wrap.onsignal = FunctionPrototypeBind(process.emit, process, type, type);
    const err = wrap.start(signals[type]);
    if (err) {
      wrap.close();
      const { ErrnoException } = require('internal/errors');
      throw new ErrnoException(err, 'uv_signal_start');
    }
    signalWraps.set(type, wrap);
  });
  process.on('removeListener', (type) => {
    const wrap = signalWraps.get(type);
    if (wrap !== undefined && process.listenerCount(type) === 0) {
      wrap.close();
      signalWraps.delete(type);
    }
  });
}

// --- stdio. ------------------------------------------------------------------------
require('internal/process/stdio').defineStdio(process);

// --- Globals. ---------------------------------------------------------------------
function defineGlobal(name, value, enumerable = true) {
  ObjectDefineProperty(globalThis, name, {
    __proto__: null, configurable: true, enumerable, writable: true,
    value,
  });
}

function defineLazyGlobal(name, load, enumerable = false) {
  let value;
  let loaded = false;
  ObjectDefineProperty(globalThis, name, {
    __proto__: null,
    configurable: true,
    enumerable,
    get() {
      if (!loaded) {
        value = load();
        loaded = true;
      }
      return value;
    },
    set(v) {
      ObjectDefineProperty(globalThis, name, {
        __proto__: null, configurable: true, enumerable, writable: true,
        value: v,
      });
    },
  });
}

defineGlobal('global', globalThis);
// process and Buffer stay accessors when a program assigns them (the
// setter keeps the new value), as in Node.
{
  let globalProcess = process;
  ObjectDefineProperty(globalThis, 'process', {
    __proto__: null, configurable: true, enumerable: false,
    get() { return globalProcess; },
    set(value) { globalProcess = value; },
  });
}
{
  const timers = require('timers');
  defineGlobal('setTimeout', timers.setTimeout);
  defineGlobal('clearTimeout', timers.clearTimeout);
  defineGlobal('setInterval', timers.setInterval);
  defineGlobal('clearInterval', timers.clearInterval);
  defineGlobal('setImmediate', timers.setImmediate);
  defineGlobal('clearImmediate', timers.clearImmediate);
}
defineGlobal('queueMicrotask', queueMicrotask);
// Loaded now, as Node does: the global console keeps V8's own console
// methods (profile, timeStamp, context, ...) that global.js picks up.
defineGlobal('console', require('internal/console/global'), false);
{
  let globalBuffer;
  let bufferLoaded = false;
  ObjectDefineProperty(globalThis, 'Buffer', {
    __proto__: null, configurable: true, enumerable: false,
    get() {
      if (!bufferLoaded) {
        globalBuffer = require('buffer').Buffer;
        bufferLoaded = true;
      }
      return globalBuffer;
    },
    set(value) {
      globalBuffer = value;
      bufferLoaded = true;
    },
  });
}
// The web basics are loaded now (they keep nothing of the run, so they live
// in the snapshot) and, as in Node, are plain writable data properties.
{
  const { EventTarget, Event, CustomEvent } = require('internal/event_target');
  const { AbortController, AbortSignal } =
    require('internal/abort_controller');
  const { DOMException } = require('internal/per_context/domexception');
  const { TextEncoder, TextDecoder } = require('internal/encoding');
  defineGlobal('EventTarget', EventTarget, false);
  defineGlobal('Event', Event, false);
  defineGlobal('CustomEvent', CustomEvent, false);
  defineGlobal('AbortController', AbortController, false);
  defineGlobal('AbortSignal', AbortSignal, false);
  defineGlobal('DOMException', DOMException, false);
  defineGlobal('TextEncoder', TextEncoder, false);
  defineGlobal('TextDecoder', TextDecoder, false);
}
// Also plain data properties in Node (they are part of the snapshot).
{
  const { URL, URLSearchParams } = require('internal/url');
  const { atob, btoa } = require('buffer');
  defineGlobal('URL', URL, false);
  defineGlobal('URLSearchParams', URLSearchParams, false);
  defineGlobal('atob', atob, true);
  defineGlobal('btoa', btoa, true);
  defineGlobal('structuredClone',
               require('internal/structured_clone').structuredClone, true);
}
// The message ports (C++ handles, which keep nothing of the run until one
// is made): plain non-enumerable data properties, as in Node.
{
  const {
    BroadcastChannel, MessageChannel, MessageEvent, MessagePort,
  } = require('internal/worker/io');
  defineGlobal('BroadcastChannel', BroadcastChannel, false);
  defineGlobal('MessageChannel', MessageChannel, false);
  defineGlobal('MessageEvent', MessageEvent, false);
  defineGlobal('MessagePort', MessagePort, false);
}
// Web Crypto: the classes are plain data properties and globalThis.crypto
// a getter, as in Node. Loading them touches no OpenSSL state, so they are
// part of the snapshot.
{
  const { Crypto, CryptoKey, SubtleCrypto, crypto } =
    require('internal/crypto/webcrypto');
  defineGlobal('Crypto', Crypto, false);
  defineGlobal('CryptoKey', CryptoKey, false);
  defineGlobal('SubtleCrypto', SubtleCrypto, false);
  ObjectDefineProperty(globalThis, 'crypto', {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get: ObjectGetOwnPropertyDescriptor({
      get crypto() { return crypto; },
    }, 'crypto').get,
    set: undefined,
  });
}
// navigator: a getter, its object made on first read (nothing of the run is
// read before that); internal/bootstrap/runtime removes both globals under
// --no-experimental-global-navigator.
{
  const navigatorModule = require('internal/navigator');
  defineGlobal('Navigator', navigatorModule.Navigator, false);
  ObjectDefineProperty(globalThis, 'navigator', {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get: ObjectGetOwnPropertyDescriptor({
      get navigator() { return navigatorModule.navigator; },
    }, 'navigator').get,
    set: undefined,
  });
}
// fetch (lib/internal/fetch/): as in Node, `fetch` is a plain function
// that loads the implementation on its first call. The classes are lazy
// globals, so that none of it is loaded (or in the snapshot) before use.
{
  let fetchImpl;
  defineGlobal('fetch', function fetch(input, init = undefined) {
    fetchImpl ??= require('internal/fetch/fetch').fetch;
    return fetchImpl(input, init);
  });
  defineLazyGlobal('FormData',
                   () => require('internal/fetch/formdata').FormData);
  defineLazyGlobal('Headers', () => require('internal/fetch/headers').Headers);
  defineLazyGlobal('Request', () => require('internal/fetch/request').Request);
  defineLazyGlobal('Response',
                   () => require('internal/fetch/response').Response);
}
// WebSocket and CloseEvent (lib/internal/websocket/) and URLPattern: Node
// has plain data properties; here each is an accessor until first read,
// which loads the module and leaves a data property like Node's (loading
// them at bootstrap put them in the snapshot: +0.6% instructions for every
// start for WebSocket alone). A write first leaves the data property too.
// internal/bootstrap/runtime removes the WebSocket ones under
// --no-experimental-websocket.
{
  const { exposeLazyInterfaces } = require('internal/util');
  exposeLazyInterfaces(globalThis, 'internal/websocket/websocket',
                       ['WebSocket', 'CloseEvent']);
  exposeLazyInterfaces(globalThis, 'internal/url_pattern', ['URLPattern']);
}

// The WHATWG streams, Blob and File: loaded now (they keep nothing of the
// run) and, as in Node, plain non-enumerable data properties.
{
  const web = require('stream/web');
  const names = [
    'ReadableStream', 'ReadableStreamDefaultReader',
    'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest',
    'ReadableByteStreamController', 'ReadableStreamDefaultController',
    'TransformStream', 'TransformStreamDefaultController',
    'WritableStream', 'WritableStreamDefaultWriter',
    'WritableStreamDefaultController',
    'ByteLengthQueuingStrategy', 'CountQueuingStrategy',
    'TextEncoderStream', 'TextDecoderStream',
    'CompressionStream', 'DecompressionStream',
  ];
  for (let i = 0; i < names.length; i++) {
    defineGlobal(names[i], web[names[i]], false);
  }
  const { Blob, File } = require('buffer');
  defineGlobal('Blob', Blob, false);
  defineGlobal('File', File, false);
}

// The performance timeline (perf_hooks): loaded on first use, so that no
// run pays for it (its binding views per-run memory, so it stays out of
// the snapshot). globalThis.performance is a replaceable accessor, as in
// Node; the classes are non-enumerable globals.
{
  let performance;
  let loaded = false;
  const { get, set } = ObjectGetOwnPropertyDescriptor({
    get performance() {
      if (!loaded) {
        performance = require('perf_hooks').performance;
        loaded = true;
      }
      return performance;
    },
    set performance(value) {
      performance = value;
      loaded = true;
    },
  }, 'performance');
  ObjectDefineProperty(globalThis, 'performance', {
    __proto__: null, configurable: true, enumerable: true, get, set,
  });
  const names = [
    'Performance', 'PerformanceEntry', 'PerformanceMark',
    'PerformanceMeasure', 'PerformanceObserver',
    'PerformanceObserverEntryList', 'PerformanceResourceTiming',
  ];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    defineLazyGlobal(name, () => require('perf_hooks')[name]);
  }
}

// What the first write to stdout or stderr loads, whatever kind of stream
// it turns out to be (pipe, terminal, file): loaded now, so that it is part
// of the startup snapshot instead of every run's start-up.
require('net');
require('tty');
require('fs');
require('internal/fs/sync_write_stream');
// And what every run of a program loads: the CommonJS loader and the
// preparation of the main script.
require('internal/modules/cjs/loader');
// Compiled here so the snapshot holds it: the runtime half of bootstrap
// installs its import() and import.meta callbacks on every start.
require('internal/modules/esm/loader');
require('internal/process/pre_execution');
// What the runtime half of the bootstrap and a main script load on every
// start (they keep nothing of the run at load time).
require('internal/modules/esm/hooks');
require('internal/modules/customization_hooks');
require('internal/vm/callbacks');
// The scripts every start runs (they cannot run here): compiled now, inner
// functions included, so that the snapshot holds their bytecode and a
// start neither parses them nor compiles their functions on first call.
{
  const { compileAhead } = internalBinding('builtins');
  compileAhead('internal/bootstrap/runtime');
  compileAhead('internal/main/run_main_module');
}

// Core modules loaded so far, as Node lists them.
process.moduleLoadList = [];
