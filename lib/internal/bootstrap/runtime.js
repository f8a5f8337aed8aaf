'use strict';

// Runs at every start, after the bootstrap (which may come from the startup
// snapshot): hands C++ the callbacks it calls into, and applies the options
// that change core behaviour. Nothing here may run at snapshot time.

const {
  ArrayPrototypeConcat,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  Error: MainContextError,
  ErrorPrototypeToString,
  FunctionPrototypeCall,
  ObjectDefineProperty,
  globalThis,
} = primordials;

const { BuiltinModule } = require('internal/bootstrap/realm');
const { getOptionValue } = require('internal/options');
const { getSourceMapsPrepare } = require('internal/errors');

// Stack traces: Error.prepareStackTrace when the user sets one (on the
// error's context, else on this one), otherwise the internal format.
function prepareStackTrace(global, error, trace) {
  const { overrideStackTrace } = require('internal/errors');
  const override = overrideStackTrace.get(error);
  if (override !== undefined) {
    overrideStackTrace.delete(error);
    return override(error, trace);
  }
  const userPrepare = global.Error?.prepareStackTrace;
  if (typeof userPrepare === 'function') {
    return userPrepare(error, trace);
  }
  // An error of another context (vm) without a hook of its own goes
  // through this context's, as in Node (jest's source maps rely on it).
  const mainPrepare = MainContextError.prepareStackTrace;
  if (typeof mainPrepare === 'function') {
    return mainPrepare(error, trace);
  }
  return internalPrepareStackTrace(error, trace);
}

// V8's format, or the frames mapped through source maps when they are on.
function internalPrepareStackTrace(error, trace) {
  const mapped = getSourceMapsPrepare();
  if (mapped !== undefined) return mapped(error, trace);
  // A name or message getter that throws makes `stack` throw, as in Node.
  return formatStackTrace(ErrorPrototypeToString(error), trace);
}

// The default Error.prepareStackTrace, as in Node 24: a program can call
// it from its own hook.
function ErrorPrepareStackTrace(error, trace) {
  return internalPrepareStackTrace(error, trace);
}

// V8's layout: the error's string, then one "    at" line per frame.
function formatStackTrace(errorString, trace) {
  if (trace.length === 0) return errorString;
  return `${errorString}\n    at ${ArrayPrototypeJoin(
    ArrayPrototypeMap(trace, (frame) => `${frame}`), '\n    at ')}`;
}

// process 'beforeExit' and 'exit', emitted by C++ when the loop is empty.
// For 'exit' it returns the exit code.
function emitProcessEvent(event) {
  if (event === 'beforeExit') {
    process.emit('beforeExit', process.exitCode | 0);
    return;
  }
  if (!process._exiting) {
    require('internal/modules/esm/loader').checkUnsettledTopLevelAwait();
    process._exiting = true;
    process.emit('exit', process.exitCode | 0);
  }
  return process.exitCode | 0;
}

// An uncaught exception goes to process._fatalException, which returns
// true when a listener handled it, else the exit code. A program that
// replaced it by a non-function gets exit code 6, as in Node.
function callFatalException(er, fromPromise) {
  const fatalException = process._fatalException;
  if (typeof fatalException !== 'function') {
    return internalBinding('errors').exitCodes
      .kInvalidFatalExceptionMonkeyPatching;
  }
  return FunctionPrototypeCall(fatalException, process, er, fromPromise);
}

function attachNativeCallbacks() {
  const errorsBinding = internalBinding('errors');
  const { formatFatalError } = require('internal/process/execution');
  errorsBinding.setPrepareStackTraceCallback(prepareStackTrace);
  errorsBinding.setUncaughtExceptionHandler(callFatalException);
  errorsBinding.setFormatFatalError(formatFatalError);
  internalBinding('process_methods').setEmitProcessEvent(emitProcessEvent);
  require('internal/modules/esm/loader').initializeESMCallbacks();
  require('internal/vm/callbacks').initializeVmCallbacks();
  const { registerTickCallback, runNextTicks } =
    require('internal/process/task_queues');
  registerTickCallback();
  require('internal/process/promises').listenForRejections();
  require('internal/timers').setupTimers(runNextTicks);
}

function applyOptions() {
  // First, so that what follows sees the variables of the env files.
  require('internal/process/per_thread').loadEnvFilesFromOptions(
    getOptionValue('[env_files]'));
  if (getOptionValue('--expose-internals')) BuiltinModule.exposeInternals();
  if (getOptionValue('--no-deprecation')) process.noDeprecation = true;
  if (getOptionValue('--throw-deprecation')) process.throwDeprecation = true;
  if (getOptionValue('--trace-deprecation')) process.traceDeprecation = true;
  if (getOptionValue('--pending-deprecation')) {
    process.pendingDeprecation = true;
  }
  // V8 applies --stack-trace-limit when it creates a context; a context
  // from the startup snapshot was created at build time.
  const limit = getOptionValue('--stack-trace-limit');
  if (limit !== 10) globalThis.Error.stackTraceLimit = limit;
  if (getOptionValue('--zero-fill-buffers')) {
    require('internal/buffer').zeroFillBuffers.on = true;
  }
  ObjectDefineProperty(MainContextError, 'prepareStackTrace', {
    __proto__: null,
    value: ErrorPrepareStackTrace,
    writable: true,
    enumerable: false,
    configurable: true,
  });
  // Source maps: loaded only when on, or when NODE_V8_COVERAGE wants the
  // maps of the modules in its files.
  const sourceMaps = getOptionValue('--enable-source-maps');
  if (sourceMaps || process.env.NODE_V8_COVERAGE) {
    require('internal/source_map/source_map_cache')
      .initializeSourceMaps(sourceMaps);
  }
  // EventSource exists only when asked for, as in Node 24.
  if (getOptionValue('--experimental-eventsource')) {
    ObjectDefineProperty(globalThis, 'EventSource', {
      __proto__: null,
      configurable: true,
      enumerable: false,
      writable: true,
      value: require('internal/fetch/eventsource').EventSource,
    });
  }
  if (!getOptionValue('--experimental-websocket')) {
    delete globalThis.WebSocket;
    delete globalThis.CloseEvent;
  }
  if (!getOptionValue('--experimental-global-navigator')) {
    delete globalThis.navigator;
    delete globalThis.Navigator;
  }
  const title = getOptionValue('--title');
  if (title) process.title = title;
  // Categories to trace from the start: node.async_hooks needs its hook.
  if (getOptionValue('--trace-event-categories') !== '') {
    require('internal/trace_events_async_hooks').setupTraceCategoryState();
  }
  // Read once, at start-up, as Node does.
  const { safeGetenv } = internalBinding('credentials');
  require('internal/process/warning').setRedirectWarningsFromEnv(
    safeGetenv('NODE_REDIRECT_WARNINGS'));
}

// `require` for what a debugger evaluates with the command line API
// (includeCommandLineAPI): that of a module '<inspector console>' in the
// working directory.
function installConsoleExtensions(commandLineApi) {
  if (commandLineApi.require) return;
  const { Module } = require('internal/modules/cjs/loader');
  const { makeRequireFunction } = require('internal/modules/helpers');
  let cwd;
  try {
    cwd = process.cwd();
  } catch {
    cwd = '.';
  }
  const module = new Module('<inspector console>');
  module.paths = ArrayPrototypeConcat(Module._nodeModulePaths(cwd),
                                      Module.globalPaths);
  commandLineApi.require = makeRequireFunction(module);
}

attachNativeCallbacks();
applyOptions();
{
  const inspector = internalBinding('inspector');
  inspector.setConsoleExtensionInstaller(installConsoleExtensions);
  // Async call stacks for debuggers, while one asks for them.
  inspector.registerAsyncHook(
    () => require('internal/inspector_async_hook').enable(),
    () => require('internal/inspector_async_hook').disable());
}
