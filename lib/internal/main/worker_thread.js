'use strict';

// The main script of a worker thread: waits on the internal port for the
// parent's LOAD_SCRIPT message, then runs the file, URL or code it names.
// stdout, stderr (and stdin when asked) go over that port; an uncaught
// exception is sent to the parent before the thread ends.

const {
  ArrayPrototypePush,
  FunctionPrototypeApply,
  Int32Array,
  JSONStringify,
  ObjectDefineProperty,
  SafeMap,
} = primordials;

const { getEnvMessagePort } = internalBinding('worker');
const {
  createWorkerStdio,
  kStdioWantsMoreDataCallback,
  messageTypes: {
    COULD_NOT_SERIALIZE_ERROR,
    CPU_PROFILE_REPLY,
    CPU_PROFILE_START,
    CPU_PROFILE_STOP,
    CPU_USAGE,
    ERROR_MESSAGE,
    HEAP_PROFILE_START,
    HEAP_PROFILE_STOP,
    HEAP_SNAPSHOT,
    HEAP_STATISTICS,
    LOAD_SCRIPT,
    STDIO_PAYLOAD,
    STDIO_WANTS_MORE_DATA,
    UP_AND_RUNNING,
  },
} = require('internal/worker/io');
const {
  codes: {
    ERR_HEAP_PROFILE_HAVE_BEEN_STARTED,
    ERR_WORKER_UNSUPPORTED_OPERATION,
  },
} = require('internal/errors');

const port = getEnvMessagePort();

// --- What a worker may not do to the process. ------------------------------
function unsupported(name) {
  return function() {
    throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}()`);
  };
}
{
  const umask = process.umask;
  process.umask = function(mask) {
    if (mask !== undefined) {
      throw new ERR_WORKER_UNSUPPORTED_OPERATION('Setting process.umask()');
    }
    return umask(mask);
  };
}
// process.cwd() asks the system again only after a chdir() of the process
// (by the main thread): the count of those is shared by all threads.
{
  // Atomics is not among the primordials (they are made with
  // SharedArrayBuffer off); taken before any code of the worker runs.
  const AtomicsLoad = globalThis.Atomics?.load;
  const methods = internalBinding('process_methods');
  const generation = new Int32Array(methods.getCwdGeneration());
  let cachedGeneration = -1;
  let cachedCwd = '';
  if (typeof AtomicsLoad === 'function') {
    process.cwd = function cwd() {
      const current = AtomicsLoad(generation, 0);
      if (current !== cachedGeneration) {
        cachedCwd = methods.cwd();
        cachedGeneration = current;
      }
      return cachedCwd;
    };
  }
}
for (const name of ['abort', 'chdir', 'send', 'disconnect', 'setuid',
  'seteuid', 'setgid', 'setegid', 'setgroups', 'initgroups']) {
  const stub = unsupported(name);
  stub.disabled = true;
  process[name] = stub;
}
// The profiler and debugger hooks of the process are the main thread's.
for (const name of ['_startProfilerIdleNotifier', '_stopProfilerIdleNotifier',
  '_debugProcess', '_debugPause', '_debugEnd']) {
  delete process[name];
}
for (const name of ['channel', 'connected']) {
  ObjectDefineProperty(process, name, {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}`);
    },
  });
}

// --- stdio over the port. ----------------------------------------------------
const stdio = {
  stdin: null,
  stdout: createWorkerStdio('writable', port, 'stdout'),
  stderr: createWorkerStdio('writable', port, 'stderr'),
};
for (const name of ['stdout', 'stderr']) {
  ObjectDefineProperty(process, name, {
    __proto__: null, configurable: true, enumerable: false,
    get() { return stdio[name]; },
  });
}
ObjectDefineProperty(process, 'stdin', {
  __proto__: null, configurable: true, enumerable: false,
  get() {
    if (stdio.stdin === null) {
      // No stdin option: an empty stream.
      const { Readable } = require('stream');
      stdio.stdin = new Readable({ read() {} });
      stdio.stdin.push(null);
    }
    return stdio.stdin;
  },
});

// --- Uncaught exceptions end the worker, reported to the parent. ----------
{
  const original = process._fatalException;
  process._fatalException = (error, fromPromise) => {
    let handled;
    try {
      handled = original(error, fromPromise);
    } catch (err) {
      error = err;
      handled = false;
    }
    if (handled === true) return true;
    if (!process._exiting) {
      try {
        process._exiting = true;
        process.exitCode = 1;
        process.emit('exit', 1);
      } catch {
        // The first error is the one reported.
      }
    }
    const { serializeError } = require('internal/error_serdes');
    const serialized = serializeError(error);
    try {
      if (serialized === undefined) throw null;  // eslint-disable-line no-throw-literal
      port.postMessage({ type: ERROR_MESSAGE, error: serialized });
    } catch {
      port.postMessage({ type: COULD_NOT_SERIALIZE_ERROR });
    }
    // The code the 'exit' listeners left (even 0), or 1.
    process.reallyExit(typeof handled === 'number' ? handled : 1);
    return true;
  };
}

// trackUnmanagedFds: what fs.open() opens and fs.close() has not closed
// is closed when the worker ends (C++ keeps the list).
function trackUnmanagedFds() {
  const { trackFd, untrackFd } = internalBinding('worker');
  const fsBinding = internalBinding('fs');
  const open = fsBinding.open;
  const close = fsBinding.close;
  const track = (fd) => {
    if (typeof fd === 'number' && !trackFd(fd)) {
      process.emitWarning(
        `File descriptor ${fd} opened in unmanaged mode twice`);
    }
  };
  const untrack = (fd) => {
    if (!untrackFd(fd)) {
      process.emitWarning(
        `File descriptor ${fd} closed but not opened in unmanaged mode`);
    }
  };
  fsBinding.open = function(path, flags, mode, req) {
    if (req === undefined) {
      const fd = open(path, flags, mode);
      track(fd);
      return fd;
    }
    const oncomplete = req.oncomplete;
    req.oncomplete = function(err, fd) {
      if (!err) track(fd);
      return FunctionPrototypeApply(oncomplete, this, arguments);
    };
    return open(path, flags, mode, req);
  };
  fsBinding.close = function(fd, req) {
    untrack(fd);
    return req === undefined ? close(fd) : close(fd, req);
  };
}

function runScript({ filename, doEval, argv }) {
  const { prepareMainThreadExecution } =
    require('internal/process/pre_execution');
  if (doEval === 'classic') {
    process.argv[1] = '[worker eval]';
  } else if (doEval === 'internal') {
    process.argv.length = 1;
    require('worker_threads').isInternalThread = true;
  } else {
    process.argv[1] = filename;
  }
  if (argv !== undefined) {
    for (let i = 0; i < argv.length; i++) {
      ArrayPrototypePush(process.argv, argv[i]);
    }
  }
  prepareMainThreadExecution(false, true);  // no IPC channel
  if (doEval === 'classic') {
    const esm = require('internal/modules/esm/loader');
    const { evalScript, prepareEval } =
      require('internal/process/execution');
    const { source: code, module } =
      prepareEval('[worker eval]', filename, false);
    if (module) {
      esm.runSourceAsModule(code, '[worker eval]');
    } else {
      evalScript('[worker eval]', code);
    }
  } else if (doEval === 'internal') {
    require(filename);
  } else if (doEval === 'data') {
    require('internal/modules/esm/loader').runMainURL(filename);
  } else {
    const { Module } = require('internal/modules/cjs/loader');
    Module.runMain(filename);
  }
}

port.on('message', (message) => {
  switch (message.type) {
    case LOAD_SCRIPT: {
      port.unref();
      const {
        publicPort, workerData, environmentData, hasStdin,
      } = message;
      require('internal/worker').assignEnvironmentData(environmentData);
      require('internal/worker/messaging').setOwnHubPort(message.hubPort);
      if (message.doEval === 'internal') {
        require('internal/worker').setInternalWorkerData(workerData);
      } else {
        const workerThreads = require('worker_threads');
        workerThreads.parentPort = publicPort;
        workerThreads.workerData = workerData;
      }
      if (hasStdin) stdio.stdin = createWorkerStdio('readable', port, 'stdin');
      if (message.trackUnmanagedFds) trackUnmanagedFds();
      // The public port is unref'ed until a 'message' listener comes.
      publicPort.unref();
      port.postMessage({ type: UP_AND_RUNNING });
      runScript(message);
      return;
    }
    case STDIO_PAYLOAD: {
      const { chunks } = message;
      for (let i = 0; i < chunks.length; i++) {
        const { chunk, encoding } = chunks[i];
        stdio.stdin.push(chunk, encoding);
      }
      return;
    }
    case STDIO_WANTS_MORE_DATA: {
      const stream = stdio[message.stream];
      if (stream) stream[kStdioWantsMoreDataCallback]();
      return;
    }
    case CPU_PROFILE_START:
    case CPU_PROFILE_STOP:
    case HEAP_PROFILE_START:
    case HEAP_PROFILE_STOP:
    case CPU_USAGE:
    case HEAP_STATISTICS:
    case HEAP_SNAPSHOT:
      answerCpuProfileRequest(message);
      return;
  }
});

// worker.startCpuProfile() in the parent: the profiles run here, in this
// thread's isolate (v8.startCpuProfile()), until the parent stops them.
const cpuProfiles = new SafeMap();
let lastCpuProfileId = 0;

// worker.startHeapProfile() in the parent: V8's sampling heap profiler,
// driven through an inspector session of this thread's own; one at a time.
let heapProfileSession = null;
let heapProfileId = 0;

// Posts to the session, whose answers come before post() returns.
function postToHeapProfiler(method) {
  let error;
  let result;
  let answered = false;
  heapProfileSession.post(method, (err, value) => {
    answered = true;
    error = err;
    result = value;
  });
  if (error) throw error;
  if (!answered) {
    const { codes: { ERR_INTERNAL_ASSERTION } } = require('internal/errors');
    throw new ERR_INTERNAL_ASSERTION(`${method} was not answered`);
  }
  return result;
}

function startHeapProfile() {
  if (heapProfileSession !== null) {
    throw new ERR_HEAP_PROFILE_HAVE_BEEN_STARTED();
  }
  const { Session } = require('inspector');
  heapProfileSession = new Session();
  heapProfileSession.connect();
  try {
    postToHeapProfiler('HeapProfiler.startSampling');
  } catch (err) {
    heapProfileSession.disconnect();
    heapProfileSession = null;
    throw err;
  }
  return ++heapProfileId;
}

// The profile as JSON text; undefined for a handle of an earlier profile.
function stopHeapProfile(id) {
  if (heapProfileSession === null || id !== heapProfileId) return undefined;
  try {
    const { profile } = postToHeapProfiler('HeapProfiler.stopSampling');
    return JSONStringify(profile);
  } finally {
    heapProfileSession.disconnect();
    heapProfileSession = null;
  }
}

function answerCpuProfileRequest({ type, id, requestId }) {
  const reply = { type: CPU_PROFILE_REPLY, requestId };
  try {
    if (type === CPU_USAGE) {
      reply.result = process.threadCpuUsage();
    } else if (type === HEAP_STATISTICS) {
      reply.result = require('v8').getHeapStatistics();
    } else if (type === HEAP_SNAPSHOT) {
      reply.result = internalBinding('v8').buildHeapSnapshot();
    } else if (type === HEAP_PROFILE_START) {
      reply.result = startHeapProfile();
    } else if (type === HEAP_PROFILE_STOP) {
      reply.result = stopHeapProfile(id);
    } else if (type === CPU_PROFILE_START) {
      const handle = require('v8').startCpuProfile();
      reply.result = ++lastCpuProfileId;
      cpuProfiles.set(reply.result, handle);
    } else {
      const handle = cpuProfiles.get(id);
      cpuProfiles.delete(id);
      reply.result = handle === undefined ? undefined : handle.stop();
    }
  } catch (err) {
    reply.error = require('internal/error_serdes').serializeError(err);
  }
  port.postMessage(reply);
}
