'use strict';

// The parent's side of a worker: the Worker class over the C++ handle of
// internalBinding('worker'), and the thread-wide values worker_threads
// exports (isMainThread, threadId, resourceLimits, environment data).

const {
  ArrayPrototypeForEach,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  Float64Array,
  MathMax,
  NumberMAX_SAFE_INTEGER,
  ObjectEntries,
  Promise,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  SafeMap,
  String,
  StringPrototypeStartsWith,
  Symbol,
  SymbolAsyncDispose,
  SymbolFor,
} = primordials;

const EventEmitter = require('events');
const path = require('path');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_WORKER_INVALID_EXEC_ARGV,
    ERR_WORKER_NOT_RUNNING,
    ERR_WORKER_PATH,
    ERR_WORKER_UNSERIALIZABLE_ERROR,
    ERR_INVALID_URL_SCHEME,
  },
  codes: errorCodes,
} = require('internal/errors');
const {
  validateArray,
  validateNumber,
  validateObject,
  validateString,
} = require('internal/validators');
const {
  MessageChannel,
  createWorkerStdio,
  drainMessagePort,
  kIncrementsPortRef,
  kStdioWantsMoreDataCallback,
  messageTypes,
  setupPortReferencing,
} = require('internal/worker/io');
const { deserializeError } = require('internal/error_serdes');
const { createHubPort } = require('internal/worker/messaging');
const dc = require('diagnostics_channel');
const workerThreadsChannel = dc.channel('worker_threads');

const binding = internalBinding('worker');
const {
  Worker: WorkerImpl,
  isMainThread,
  threadId,
  threadName,
  kMaxYoungGenerationSizeMb,
  kMaxOldGenerationSizeMb,
  kCodeRangeSizeMb,
  kStackSizeMb,
  kTotalResourceLimitCount,
} = binding;

const SHARE_ENV = SymbolFor('nodejs.worker_threads.SHARE_ENV');

const kHandle = Symbol('kHandle');
const kPort = Symbol('kPort');
const kPublicPort = Symbol('kPublicPort');
const kOnExit = Symbol('kOnExit');
const kOnMessage = Symbol('kOnMessage');
const kCpuProfileRequest = Symbol('kCpuProfileRequest');
const kCpuProfileReplies = Symbol('kCpuProfileReplies');
const kOnErrorMessage = Symbol('kOnErrorMessage');
const kParentSideStdio = Symbol('kParentSideStdio');
const kDispose = Symbol('kDispose');
const kName = Symbol('kName');
// An option of internal workers (the module customization hooks thread):
// the filename is the id of a builtin module to run.
const kInternalMain = Symbol('kInternalMain');

// setEnvironmentData(): inherited by the workers started afterwards.
const environmentData = new SafeMap();

// What the inspector's NodeWorker domain names as the worker's URL.
function workerUrl(filename, doEval) {
  if (doEval === false) {
    return require('internal/url').pathToFileURL(filename).href;
  }
  return doEval === 'data' ? filename : '';
}

function makeResourceLimits(float64arr) {
  return {
    maxYoungGenerationSizeMb: float64arr[kMaxYoungGenerationSizeMb],
    maxOldGenerationSizeMb: float64arr[kMaxOldGenerationSizeMb],
    codeRangeSizeMb: float64arr[kCodeRangeSizeMb],
    stackSizeMb: float64arr[kStackSizeMb],
  };
}

function parseResourceLimits(obj) {
  const ret = new Float64Array(kTotalResourceLimitCount);
  if (typeof obj !== 'object' || obj === null) return ret;
  const limits = {
    maxYoungGenerationSizeMb: kMaxYoungGenerationSizeMb,
    maxOldGenerationSizeMb: kMaxOldGenerationSizeMb,
    codeRangeSizeMb: kCodeRangeSizeMb,
    stackSizeMb: kStackSizeMb,
  };
  for (const { 0: key, 1: index } of ObjectEntries(limits)) {
    if (typeof obj[key] === 'number') ret[index] = obj[key];
  }
  // As in Node: an old generation of at least 2 MB.
  if (typeof obj.maxOldGenerationSizeMb === 'number') {
    ret[kMaxOldGenerationSizeMb] = MathMax(obj.maxOldGenerationSizeMb, 2);
  }
  return ret;
}

const resourceLimits = isMainThread ? {} :
  makeResourceLimits(binding.resourceLimits);

// The parent's copies of a worker's stdout/stderr go to its own by
// default, without the parent's streams holding the loop open.
function pipeWithoutWarning(source, destination) {
  const sourceMaxListeners = source._maxListeners;
  const destMaxListeners = destination._maxListeners;
  source.setMaxListeners(Infinity);
  destination.setMaxListeners(Infinity);
  source.pipe(destination);
  source._maxListeners = sourceMaxListeners;
  destination._maxListeners = destMaxListeners;
}

function resolveFilename(filename, options) {
  if (options[kInternalMain] === true) {
    return { filename, doEval: 'internal' };
  }
  if (options.eval) {
    if (typeof filename !== 'string') {
      throw new ERR_INVALID_ARG_VALUE(
        'options.eval', options.eval,
        'must be false when \'filename\' is not a string');
    }
    return { filename, doEval: 'classic' };
  }
  const { isURL, fileURLToPath } = require('internal/url');
  if (isURL(filename)) {
    if (filename.protocol === 'data:') {
      return { filename: filename.href, doEval: 'data' };
    }
    if (filename.protocol !== 'file:') {
      throw new ERR_INVALID_URL_SCHEME('file');
    }
    return { filename: fileURLToPath(filename), doEval: false };
  }
  if (typeof filename !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
  }
  if (!path.isAbsolute(filename) &&
      !StringPrototypeStartsWith(filename, './') &&
      !StringPrototypeStartsWith(filename, '../')) {
    throw new ERR_WORKER_PATH(filename);
  }
  return { filename: path.resolve(filename), doEval: false };
}

let cpuProfileRequests = 0;

// A profile started in a worker: stop() gets it (JSON text) from the
// worker's thread, the same text when asked again.
class ProfileHandle {
  #worker;
  #id;
  #stopType;
  #result;

  constructor(worker, id, stopType) {
    this.#worker = worker;
    this.#id = id;
    this.#stopType = stopType;
  }

  stop() {
    this.#result ??= this.#worker[kCpuProfileRequest](this.#stopType,
                                                      this.#id);
    return this.#result;
  }
}

// What worker.startCpuProfile() resolves to (a .cpuprofile).
class CPUProfileHandle extends ProfileHandle {
  constructor(worker, id) {
    super(worker, id, messageTypes.CPU_PROFILE_STOP);
  }
}

// What worker.startHeapProfile() resolves to (a sampling heap profile).
class HeapProfileHandle extends ProfileHandle {
  constructor(worker, id) {
    super(worker, id, messageTypes.HEAP_PROFILE_STOP);
  }
}

class Worker extends EventEmitter {
  constructor(filename, options = {}) {
    super();
    require('internal/v8/startup_snapshot')
      .throwIfBuildingSnapshot('Creating workers');
    if (typeof options !== 'object' || options === null) options = {};
    const { filename: resolved, doEval } = resolveFilename(filename, options);

    let argv;
    if (options.argv !== undefined) {
      validateArray(options.argv, 'options.argv');
      argv = ArrayPrototypeMap(options.argv, String);
    }
    let execArgv;
    if (options.execArgv !== undefined) {
      validateArray(options.execArgv, 'options.execArgv');
      execArgv = ArrayPrototypeMap(options.execArgv, String);
    }
    let envArg;
    if (options.env === SHARE_ENV) {
      envArg = true;
    } else if (typeof options.env === 'object' && options.env !== null) {
      envArg = [];
      for (const { 0: key, 1: value } of ObjectEntries(options.env)) {
        ArrayPrototypePush(envArg, key, `${value}`);
      }
    } else if (options.env !== undefined && options.env !== null) {
      throw new ERR_INVALID_ARG_TYPE(
        'options.env',
        ['Object', 'undefined', 'null', 'worker_threads.SHARE_ENV'],
        options.env);
    }
    let name = '';
    if (options.name !== undefined) {
      validateString(options.name, 'options.name');
      name = options.name;
    }
    if (options.resourceLimits !== undefined) {
      validateObject(options.resourceLimits, 'options.resourceLimits');
    }

    this[kHandle] = new WorkerImpl(execArgv, envArg,
                                   parseResourceLimits(options.resourceLimits),
                                   name, !!(options.trackUnmanagedFds ?? true),
                                   workerUrl(resolved, doEval));
    if (this[kHandle].invalidExecArgv) {
      throw new ERR_WORKER_INVALID_EXEC_ARGV(this[kHandle].invalidExecArgv);
    }
    if (this[kHandle].invalidNodeOptions) {
      throw new ERR_WORKER_INVALID_EXEC_ARGV(
        this[kHandle].invalidNodeOptions, 'invalid NODE_OPTIONS env variable');
    }
    const asyncHooks = require('internal/async_hooks');
    if (asyncHooks.initHooksExist()) {
      asyncHooks.emitInit(asyncHooks.newAsyncId(), 'WORKER',
                          asyncHooks.getDefaultTriggerAsyncId(),
                          this[kHandle]);
    }
    this[kName] = name;
    this[kHandle].onexit = (code, customErr, customErrReason) => {
      this[kOnExit](code, customErr, customErrReason);
    };
    this[kPort] = this[kHandle].messagePort;
    this[kPort].on('message', (data) => this[kOnMessage](data));
    this[kPort].start();
    this[kPort].unref();

    const { port1, port2 } = new MessageChannel();
    const hubPort = createHubPort(this[kHandle].threadId);
    const transferList = [port2, hubPort];
    if (options.transferList !== undefined) {
      validateArray(options.transferList, 'options.transferList');
      ArrayPrototypeForEach(options.transferList,
                            (item) => ArrayPrototypePush(transferList, item));
    }
    this[kPublicPort] = port1;
    ArrayPrototypeForEach(['message', 'messageerror'], (event) => {
      this[kPublicPort].on(event, (message) => this.emit(event, message));
    });
    setupPortReferencing(this[kPublicPort], this, 'message');

    try {
      this[kPort].postMessage({
        type: messageTypes.LOAD_SCRIPT,
        argv,
        filename: resolved,
        doEval,
        workerData: options.workerData,
        environmentData,
        publicPort: port2,
        hubPort,
        hasStdin: !!options.stdin,
        trackUnmanagedFds: !!(options.trackUnmanagedFds ?? true),
      }, transferList);
    } catch (err) {
      // Nothing started: the handle goes, and so do the ports.
      this[kHandle].onexit = null;
      this[kHandle].close();
      this[kPort].close();
      port1.close();
      hubPort.close();
      throw err;
    }

    const stdin = options.stdin ?
      createWorkerStdio('writable', this[kPort], 'stdin') : null;
    const stdout = createWorkerStdio('readable', this[kPort], 'stdout');
    if (!options.stdout) {
      stdout[kIncrementsPortRef] = false;
      pipeWithoutWarning(stdout, process.stdout);
    }
    const stderr = createWorkerStdio('readable', this[kPort], 'stderr');
    if (!options.stderr) {
      stderr[kIncrementsPortRef] = false;
      pipeWithoutWarning(stderr, process.stderr);
    }
    this[kParentSideStdio] = { stdin, stdout, stderr };

    this.performance = {
      eventLoopUtilization: (util1, util2) => {
        const handle = this[kHandle];
        const start = handle === null ? -1 : handle.loopStartTime();
        if (start < 0) return { idle: 0, active: 0, utilization: 0 };
        const { internalEventLoopUtilization } =
          require('internal/perf/event_loop_utilization');
        return internalEventLoopUtilization(start, handle.loopIdleTime(),
                                            util1, util2);
      },
    };

    this[kHandle].startThread();
    if (doEval !== 'internal') {
      process.nextTick(() => process.emit('worker', this));
      if (workerThreadsChannel.hasSubscribers) {
        workerThreadsChannel.publish({ worker: this });
      }
    }
  }

  [kOnExit](code, customErr, customErrReason) {
    drainMessagePort(this[kPublicPort]);
    drainMessagePort(this[kPort]);
    // Profile requests the worker will never answer.
    if (this[kCpuProfileReplies] !== undefined) {
      for (const { reject } of this[kCpuProfileReplies].values()) {
        reject(new ERR_WORKER_NOT_RUNNING());
      }
      this[kCpuProfileReplies] = undefined;
    }
    this.removeAllListeners('message');
    this.removeAllListeners('messageerror');
    this[kPublicPort].unref();
    this[kDispose]();
    if (customErr) {
      this.emit('error', new errorCodes[customErr](customErrReason));
    }
    this.emit('exit', code);
    this.removeAllListeners();
  }

  [kDispose]() {
    this[kHandle].onexit = null;
    this[kHandle] = null;
    this[kPort].close();
    this[kPort] = null;
    this[kPublicPort].close();
    this[kPublicPort] = null;
    const { stdout, stderr } = this[kParentSideStdio];
    if (!stdout.readableEnded) stdout.push(null);
    if (!stderr.readableEnded) stderr.push(null);
  }

  [kOnMessage](message) {
    switch (message.type) {
      case messageTypes.UP_AND_RUNNING:
        this.emit('online');
        return;
      case messageTypes.COULD_NOT_SERIALIZE_ERROR:
        this[kOnErrorMessage](undefined);
        return;
      case messageTypes.ERROR_MESSAGE:
        this[kOnErrorMessage](message.error);
        return;
      case messageTypes.STDIO_PAYLOAD: {
        const { stream, chunks } = message;
        const readable = this[kParentSideStdio][stream];
        for (let i = 0; i < chunks.length; i++) {
          const { chunk, encoding } = chunks[i];
          readable.push(chunk, encoding);
        }
        return;
      }
      case messageTypes.STDIO_WANTS_MORE_DATA: {
        const { stream } = message;
        this[kParentSideStdio][stream][kStdioWantsMoreDataCallback]();
        return;
      }
      case messageTypes.CPU_PROFILE_REPLY: {
        const replies = this[kCpuProfileReplies];
        const pending = replies?.get(message.requestId);
        if (pending === undefined) return;
        replies.delete(message.requestId);
        if (message.error !== undefined) {
          pending.reject(deserializeError(message.error));
        } else {
          pending.resolve(message.result);
        }
        return;
      }
    }
    const { codes: { ERR_INTERNAL_ASSERTION } } = require('internal/errors');
    throw new ERR_INTERNAL_ASSERTION(
      `Unknown worker message type ${message.type}`);
  }

  [kOnErrorMessage](serialized) {
    const error = serialized === undefined ?
      new ERR_WORKER_UNSERIALIZABLE_ERROR() : deserializeError(serialized);
    this.emit('error', error);
  }

  postMessage(...args) {
    if (this[kPublicPort] === null) return;
    this[kPublicPort].postMessage(...args);
  }

  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning(
        'Passing a callback to worker.terminate() is deprecated. ' +
        'It returns a Promise instead.',
        'DeprecationWarning', 'DEP0132');
      if (this[kHandle] === null) return PromiseResolve();
      this.once('exit', (exitCode) => callback(null, exitCode));
    }
    if (this[kHandle] === null) return PromiseResolve();
    // The loop waits for the end even of an unref'ed worker.
    this.ref();
    this[kHandle].stopThread();
    return new Promise((resolve) => this.once('exit', resolve));
  }

  ref() {
    if (this[kHandle] === null) return;
    this[kHandle].ref();
    this[kPublicPort].ref();
  }

  unref() {
    if (this[kHandle] === null) return;
    this[kHandle].unref();
    this[kPublicPort].unref();
  }

  get threadName() {
    if (this[kHandle] === null) return null;
    return this[kName];
  }

  get threadId() {
    if (this[kHandle] === null) return -1;
    return this[kHandle].threadId;
  }

  get stdin() {
    return this[kParentSideStdio].stdin;
  }

  get stdout() {
    return this[kParentSideStdio].stdout;
  }

  get stderr() {
    return this[kParentSideStdio].stderr;
  }

  get resourceLimits() {
    if (this[kHandle] === null) return {};
    return makeResourceLimits(this[kHandle].getResourceLimits());
  }

  // Taken on the worker's thread when its loop gets the request; the
  // stream holds the whole snapshot once the promise resolves.
  getHeapSnapshot(options) {
    if (options !== undefined) validateObject(options, 'options');
    return PromisePrototypeThen(
      this[kCpuProfileRequest](messageTypes.HEAP_SNAPSHOT),
      (text) => {
        const { Readable } = require('stream');
        const stream = new Readable({ read() {} });
        stream.push(require('buffer').Buffer.from(text));
        stream.push(null);
        return stream;
      });
  }

  // The worker runs the profiler on its own thread when its event loop
  // gets the request over the internal port (a worker busy in a
  // synchronous loop answers once it is out of it).
  startCpuProfile() {
    return PromisePrototypeThen(
      this[kCpuProfileRequest](messageTypes.CPU_PROFILE_START),
      (id) => new CPUProfileHandle(this, id));
  }

  // The worker's own heap is sampled on its thread, as for startCpuProfile.
  startHeapProfile() {
    return PromisePrototypeThen(
      this[kCpuProfileRequest](messageTypes.HEAP_PROFILE_START),
      (id) => new HeapProfileHandle(this, id));
  }

  // The CPU time of the worker's thread, in microseconds, read on that
  // thread; with `prev`, the time since then.
  cpuUsage(prev) {
    if (prev) {
      validateObject(prev, 'prev');
      validateNumber(prev.user, 'prev.user', 0, NumberMAX_SAFE_INTEGER);
      validateNumber(prev.system, 'prev.system', 0, NumberMAX_SAFE_INTEGER);
    }
    return PromisePrototypeThen(
      this[kCpuProfileRequest](messageTypes.CPU_USAGE),
      (current) => {
        if (!prev) return current;
        return {
          user: current.user - prev.user,
          system: current.system - prev.system,
        };
      });
  }

  // The worker's own heap, read on its thread (as for cpuUsage()).
  getHeapStatistics() {
    return PromisePrototypeThen(
      this[kCpuProfileRequest](messageTypes.HEAP_STATISTICS),
      (stats) => {
        // A boolean here, as in Node (v8.getHeapStatistics() has a number).
        stats.does_zap_garbage = !!stats.does_zap_garbage;
        return stats;
      });
  }

  [kCpuProfileRequest](type, id) {
    if (this[kHandle] === null || this[kPort] === null) {
      return PromiseReject(new ERR_WORKER_NOT_RUNNING());
    }
    this[kCpuProfileReplies] ??= new SafeMap();
    const requestId = ++cpuProfileRequests;
    return new Promise((resolve, reject) => {
      this[kCpuProfileReplies].set(requestId, { resolve, reject });
      this[kPort].postMessage({ type, id, requestId });
    });
  }

  async [SymbolAsyncDispose]() {
    await this.terminate();
  }
}

function setEnvironmentData(key, value) {
  if (value === undefined) {
    environmentData.delete(key);
  } else {
    environmentData.set(key, value);
  }
}

function getEnvironmentData(key) {
  return environmentData.get(key);
}

// A worker's own copy of its parent's environment data.
function assignEnvironmentData(data) {
  if (data === undefined) return;
  for (const { 0: key, 1: value } of data) environmentData.set(key, value);
}

// An internal worker's workerData: for its builtin main module only (the
// public worker_threads module of that thread says null, as in Node, so
// that hooks code cannot reach the loader's port and lock).
let internalWorkerData = null;
function setInternalWorkerData(data) {
  internalWorkerData = data;
}
function getInternalWorkerData() {
  return internalWorkerData;
}

module.exports = {
  Worker,
  SHARE_ENV,
  isMainThread,
  threadId,
  threadName,
  resourceLimits,
  setEnvironmentData,
  getEnvironmentData,
  assignEnvironmentData,
  getInternalWorkerData,
  setInternalWorkerData,
  kHandle,
  kInternalMain,
};
