'use strict';

// The main thread's side of the module customization hooks thread: the
// hooks registered with module.register() and --experimental-loader run
// in an internal worker (internal/modules/esm/hooks_thread); the loader
// asks it to resolve and load, asynchronously for import and import(),
// synchronously (the thread waits on a shared lock) for register() and
// import.meta.resolve.
//
// The lock is an Int32Array over a SharedArrayBuffer:
//   [kNotifications] bumped by the hooks thread after each reply it posts
//                    and when it exits;
//   [kExited]        1 once the hooks thread is ending;
//   [kExitCode]      the code it ends with.

const {
  ArrayPrototypeIncludes,
  Int32Array,
  Promise,
  SafeMap,
} = primordials;

// Atomics and SharedArrayBuffer are installed on the global after the
// primordials are taken: captured here, before user code runs.
const { Atomics, SharedArrayBuffer } = globalThis;

const {
  codes: { ERR_ASYNC_LOADER_REQUEST_NEVER_SETTLED },
} = require('internal/errors');

const kNotifications = 0;
const kExited = 1;
const kExitCode = 2;

// Replies carry a value, or what was thrown: errors as error_serdes
// records, other values as they clone.
function unwrapThrown(thrown) {
  if (thrown.neverSettled) return new ERR_ASYNC_LOADER_REQUEST_NEVER_SETTLED();
  if (thrown.serialized !== undefined) {
    const { deserializeError } = require('internal/error_serdes');
    return deserializeError(thrown.serialized);
  }
  return thrown.value;
}

class HooksProxy {
  #worker;
  #port;
  #lock;
  #nextId = 0;
  #pending = new SafeMap();
  #exited = false;

  constructor() {
    const { Worker, kInternalMain } = require('internal/worker');
    const { MessageChannel } = require('internal/worker/io');
    const { port1, port2 } = new MessageChannel();
    this.#lock = new Int32Array(new SharedArrayBuffer(3 * 4));
    this.#worker = new Worker('internal/modules/esm/hooks_thread', {
      [kInternalMain]: true,
      workerData: { port: port2, lock: this.#lock },
      transferList: [port2],
    });
    // The hooks thread never keeps the process alive by itself; pending
    // asynchronous requests do (the port is ref'ed while there are some).
    this.#worker.unref();
    this.#worker.on('exit', (code) => this.#onExit(code));
    this.#port = port1;
    this.#port.on('message', (reply) => this.#settle(reply));
    // The hooks thread's end of the port closes as it exits, which may be
    // seen before the worker's 'exit' event: once the port is unref'ed
    // again, that event may never come. The exit code is in the lock.
    this.#port.on('close', () => {
      if (Atomics.load(this.#lock, kExited) === 1) {
        this.#onExit(Atomics.load(this.#lock, kExitCode));
      }
    });
    this.#port.unref();
  }

  #settle(reply) {
    if (reply.neverSettled !== undefined) {
      const ids = reply.neverSettled;
      for (let i = 0; i < ids.length; i++) {
        this.#settle({ id: ids[i], ok: false, thrown: { neverSettled: true } });
      }
      return;
    }
    const entry = this.#pending.get(reply.id);
    if (entry === undefined) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#port.unref();
    if (reply.ok) entry.resolve(reply.value);
    else entry.reject(unwrapThrown(reply.thrown));
  }

  // The hooks thread ended. One that exits with a code (process.exit()
  // in a hook, an uncaught error) takes the process with it; one whose
  // event loop ran out leaves its requests never settled.
  #onExit(code) {
    if (this.#exited) return;
    this.#exited = true;
    if (code !== 0) {
      process.exit(code);
      return;
    }
    const pending = this.#pending;
    this.#pending = new SafeMap();
    this.#port.unref();
    for (const { 1: entry } of pending) {
      entry.reject(new ERR_ASYNC_LOADER_REQUEST_NEVER_SETTLED());
    }
  }

  #post(method, args, transferList) {
    const id = ++this.#nextId;
    this.#port.postMessage({ id, method, args }, transferList);
    return id;
  }

  request(method, args, transferList) {
    if (this.#exited) {
      return new Promise((resolve, reject) => {
        reject(new ERR_ASYNC_LOADER_REQUEST_NEVER_SETTLED());
      });
    }
    return new Promise((resolve, reject) => {
      const id = this.#post(method, args, transferList);
      if (this.#pending.size === 0) this.#port.ref();
      this.#pending.set(id, { resolve, reject });
    });
  }

  requestSync(method, args, transferList) {
    if (this.#exited) throw new ERR_ASYNC_LOADER_REQUEST_NEVER_SETTLED();
    const { receiveMessageOnPort } = require('internal/worker/io');
    const id = this.#post(method, args, transferList);
    const lock = this.#lock;
    while (true) {
      const seen = Atomics.load(lock, kNotifications);
      let received;
      while ((received = receiveMessageOnPort(this.#port)) !== undefined) {
        const reply = received.message;
        if (reply.neverSettled !== undefined &&
            ArrayPrototypeIncludes(reply.neverSettled, id)) {
          this.#settle(reply);
          throw new ERR_ASYNC_LOADER_REQUEST_NEVER_SETTLED();
        }
        if (reply.id === id) {
          if (reply.ok) return reply.value;
          throw unwrapThrown(reply.thrown);
        }
        // The reply to an asynchronous request, read here first.
        this.#settle(reply);
      }
      if (Atomics.load(lock, kExited) === 1) {
        this.#onExit(Atomics.load(lock, kExitCode));
        throw new ERR_ASYNC_LOADER_REQUEST_NEVER_SETTLED();
      }
      Atomics.wait(lock, kNotifications, seen, 1000);
    }
  }
}

module.exports = {
  HooksProxy,
  kExitCode,
  kExited,
  kNotifications,
};
