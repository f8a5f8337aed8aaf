'use strict';

// The module customization hooks thread: an internal worker whose module
// loader runs the chains of `resolve` and `load` hooks for the main
// thread (internal/modules/esm/hooks_proxy). It registers the
// --experimental-loader hooks first, then answers requests in order of
// arrival; each reply is followed by a notification on the shared lock
// for a main thread that waits synchronously.
//
// While a request is in progress the port does not keep this thread
// alive: if the hooks leave nothing for the event loop to do, the main
// thread learns that those requests never settle.

const {
  ArrayPrototypePush,
  PromisePrototypeThen,
  SafeMap,
  SafeSet,
} = primordials;

// Atomics and SharedArrayBuffer are installed on the global after the
// primordials are taken: captured here, before user code runs.
const { Atomics } = globalThis;

const { port, lock } = require('internal/worker').getInternalWorkerData();
const hooks = require('internal/modules/esm/hooks');
const {
  kExitCode,
  kExited,
  kNotifications,
} = require('internal/modules/esm/hooks_proxy');

function notify() {
  Atomics.add(lock, kNotifications, 1);
  Atomics.notify(lock, kNotifications);
}

process.on('exit', (code) => {
  Atomics.store(lock, kExitCode, code | 0);
  Atomics.store(lock, kExited, 1);
  notify();
});

function wrapThrown(value) {
  if ((value !== null && typeof value === 'object') ||
      typeof value === 'function' || typeof value === 'symbol') {
    const { serializeError } = require('internal/error_serdes');
    return { serialized: serializeError(value) };
  }
  return { value };
}

const ready = hooks.initializeHooksThread();
// A failure there is the answer to every request.
PromisePrototypeThen(ready, undefined, () => {});

const handlers = new SafeMap();
handlers.set('register', (specifier, parentURL, data) =>
  hooks.registerInThread(specifier, parentURL, data));
handlers.set('resolve', (specifier, parentURL, importAttributes) =>
  hooks.resolveWithHooks(specifier, parentURL, importAttributes));
handlers.set('load', (url, format, importAttributes) =>
  hooks.loadWithHooks(url, format, importAttributes));

// Requests in progress that the event loop may still settle. While there
// are some, the port does not keep this thread alive: when the loop has
// nothing left to do, they never will, and the main thread is told so.
const fresh = new SafeSet();

process.on('beforeExit', () => {
  if (fresh.size === 0) return;
  const ids = [];
  for (const id of fresh) ArrayPrototypePush(ids, id);
  fresh.clear();
  port.ref();
  port.postMessage({ neverSettled: ids });
  notify();
});

async function handle({ id, method, args }) {
  fresh.add(id);
  if (fresh.size === 1) port.unref();
  let reply;
  try {
    await ready;
    const value = await handlers.get(method)(...args);
    reply = { id, ok: true, value };
  } catch (err) {
    reply = { id, ok: false, thrown: wrapThrown(err) };
  }
  if (fresh.delete(id) && fresh.size === 0) port.ref();
  try {
    port.postMessage(reply);
  } catch (err) {
    // A value that does not clone (a hook returned a function, say).
    port.postMessage({ id, ok: false, thrown: wrapThrown(err) });
  }
  notify();
}

port.on('message', handle);
