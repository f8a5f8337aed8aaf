'use strict';

// Async ids, the execution context and the hooks of createHook().
//
// Every resource lode queues work for (a tick, a timer, an immediate, an fs
// request, a socket handle, a promise while hooks need it) gets an async id
// when it is made, and the id of what made it (its trigger). Around the
// callback of a resource the runner enters its context: the execution id,
// trigger id and resource become the resource's, the AsyncLocalStorage frame
// becomes the one saved with the resource, and the before/after hooks run.
//
// Until async_hooks is loaded (which AsyncLocalStorage needs too), nothing
// can observe that context: the runners then skip it, at the cost of one
// check (`tracking.active`). Promises are followed through V8's promise
// hooks, installed only while an enabled hook or an entered store needs
// them.

const {
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  ErrorCaptureStackTrace,
  ReflectApply,
  SafeFinalizationRegistry,
  String,
  Symbol,
} = primordials;

const AsyncContextFrame = require('internal/async_context_frame');

// Keys on resources, with the descriptions Node shows in util.inspect.
const async_id_symbol = Symbol('asyncId');
const trigger_async_id_symbol = Symbol('triggerId');
const async_context_frame = Symbol('kAsyncContextFrame');
const { owner_symbol, resource_symbol } = internalBinding('symbols');

// The callbacks of an AsyncHook.
const init_symbol = Symbol('init');
const before_symbol = Symbol('before');
const after_symbol = Symbol('after');
const destroy_symbol = Symbol('destroy');
const promise_resolve_symbol = Symbol('promiseResolve');

// What the runners read: `active` once async_hooks is loaded.
const tracking = { active: false };

// --- Ids and the execution context. ----------------------------------------
let idCounter = 1;
// The context of the running code: at the top level, id 1 and trigger 0.
const topLevelResource = {};
let executionId = 1;
let baseExecutionId = 1;
let triggerId = 0;
let executionResource = topLevelResource;
// Saved contexts, three slots each.
const stack = [];
let stackLength = 0;
// Set by defaultTriggerAsyncIdScope: the trigger of resources made inside.
let defaultTriggerId = -1;

function newAsyncId() {
  return ++idCounter;
}

function executionAsyncId() {
  return executionId;
}

function triggerAsyncId() {
  return triggerId;
}

function lookupPublicResource(resource) {
  if (typeof resource !== 'object' || resource === null) return resource;
  const publicResource = resource[resource_symbol];
  return publicResource !== undefined ? publicResource : resource;
}

function executionAsyncResource() {
  return lookupPublicResource(executionResource);
}

function getDefaultTriggerAsyncId() {
  return defaultTriggerId < 0 ? executionId : defaultTriggerId;
}

function defaultTriggerAsyncIdScope(triggerAsyncId, fn, ...args) {
  if (triggerAsyncId === undefined) return ReflectApply(fn, null, args);
  const prior = defaultTriggerId;
  defaultTriggerId = triggerAsyncId;
  try {
    return ReflectApply(fn, null, args);
  } finally {
    defaultTriggerId = prior;
  }
}

function pushAsyncContext(asyncId, trigger, resource) {
  stack[stackLength] = executionId;
  stack[stackLength + 1] = triggerId;
  stack[stackLength + 2] = executionResource;
  stackLength += 3;
  executionId = asyncId;
  triggerId = trigger;
  executionResource = resource;
}

function popAsyncContext() {
  if (stackLength === 0) return false;
  stackLength -= 3;
  executionId = stack[stackLength];
  triggerId = stack[stackLength + 1];
  executionResource = stack[stackLength + 2];
  stack[stackLength + 2] = undefined;
  return true;
}

function hasAsyncIdStack() {
  return stackLength > 0;
}

function clearAsyncIdStack() {
  stackLength = 0;
  stack.length = 0;
  executionId = baseExecutionId;
  triggerId = 0;
  executionResource = topLevelResource;
}

// The main script is done: what runs from the loop now starts from no
// context (id 0) and no store, as in Node.
function leaveTopLevel() {
  baseExecutionId = 0;
  if (stackLength === 0) executionId = 0;
  AsyncContextFrame.set(undefined);
}

// --- The hooks. ------------------------------------------------------------
// The enabled AsyncHooks. Never changed in place: an emit that is running
// keeps calling the hooks it started with.
let hooks = [];
const counts = { init: 0, before: 0, after: 0, destroy: 0, promiseResolve: 0 };

function fatalError(e) {
  if (typeof e?.stack === 'string') {
    process._rawDebug(e.stack);
  } else {
    const o = { name: 'Error', message: String(e) };
    ErrorCaptureStackTrace(o, fatalError);
    process._rawDebug(o.stack);
  }
  const { getOptionValue } = require('internal/options');
  if (getOptionValue('--abort-on-uncaught-exception')) process.abort();
  process.exit(1);
}

function emitInitHooks(asyncId, type, trigger, resource) {
  const list = hooks;
  for (let i = 0; i < list.length; i++) {
    const hook = list[i];
    if (typeof hook[init_symbol] !== 'function') continue;
    try {
      hook[init_symbol](asyncId, type, trigger, resource);
    } catch (e) {
      fatalError(e);
    }
  }
}

function emitHooks(symbol, asyncId) {
  const list = hooks;
  for (let i = 0; i < list.length; i++) {
    const hook = list[i];
    if (typeof hook[symbol] !== 'function') continue;
    try {
      hook[symbol](asyncId);
    } catch (e) {
      fatalError(e);
    }
  }
}

function initHooksExist() {
  return counts.init > 0;
}

function destroyHooksExist() {
  return counts.destroy > 0;
}

function enabledHooksExist() {
  return hooks.length > 0;
}

function emitInit(asyncId, type, trigger, resource) {
  if (counts.init > 0) emitInitHooks(asyncId, type, trigger, resource);
}

function emitBefore(asyncId, trigger, resource) {
  pushAsyncContext(asyncId, trigger, resource);
  if (counts.before > 0) emitHooks(before_symbol, asyncId);
}

function emitAfter(asyncId) {
  if (counts.after > 0) emitHooks(after_symbol, asyncId);
  popAsyncContext();
}

// Destroys are reported in a batch once the running callback is done, as
// Node reports them from the loop rather than synchronously.
let destroyQueue = [];
let destroyScheduled = false;
let enqueueMicrotask;

function flushDestroyQueue() {
  destroyScheduled = false;
  const ids = destroyQueue;
  destroyQueue = [];
  for (let i = 0; i < ids.length; i++) emitHooks(destroy_symbol, ids[i]);
}

function emitDestroy(asyncId) {
  if (counts.destroy === 0 || asyncId <= 0) return;
  ArrayPrototypePush(destroyQueue, asyncId);
  if (!destroyScheduled) {
    destroyScheduled = true;
    enqueueMicrotask ??= internalBinding('task_queue').enqueueMicrotask;
    enqueueMicrotask(flushDestroyQueue);
  }
}

function emitPromiseResolve(asyncId) {
  if (counts.promiseResolve > 0) {
    emitHooks(promise_resolve_symbol, asyncId);
  }
}

// A destroy for objects nobody destroys by hand (promises, AsyncResources):
// when the garbage collector takes them.
let destroyRegistry;
function registerDestroyHook(resource, asyncId, token) {
  destroyRegistry ??= new SafeFinalizationRegistry(emitDestroy);
  destroyRegistry.register(resource, asyncId, token);
}

function unregisterDestroyHook(token) {
  destroyRegistry?.unregister(token);
}

function enableHook(hook) {
  if (ArrayPrototypeIncludes(hooks, hook)) return;
  tracking.active = true;
  const next = ArrayPrototypeSlice(hooks);
  ArrayPrototypePush(next, hook);
  hooks = next;
  countHook(hook, 1);
  updatePromiseHooks();
}

function disableHook(hook) {
  const index = ArrayPrototypeIndexOf(hooks, hook);
  if (index === -1) return;
  const next = ArrayPrototypeSlice(hooks);
  ArrayPrototypeSplice(next, index, 1);
  hooks = next;
  countHook(hook, -1);
  updatePromiseHooks();
}

function countHook(hook, delta) {
  if (typeof hook[init_symbol] === 'function') counts.init += delta;
  if (typeof hook[before_symbol] === 'function') counts.before += delta;
  if (typeof hook[after_symbol] === 'function') counts.after += delta;
  if (typeof hook[destroy_symbol] === 'function') counts.destroy += delta;
  if (typeof hook[promise_resolve_symbol] === 'function') {
    counts.promiseResolve += delta;
  }
}

// --- Promises. -------------------------------------------------------------
// Private keys (see src/lode_async_wrap.cc), set when the binding loads.
let promiseFrame;
let promiseId;
let promiseTriggerId;
let setPromiseHooks;
const kNoPromiseHooks = 0;
const kFramePromiseHooks = 1;
const kFullPromiseHooks = 2;
let promiseHookMode = kNoPromiseHooks;
// Saved by the before hook, restored by the after hook: the frame, and
// whether an execution context was entered too (the hooks may change
// between the two).
const frameStack = [];

function loadPromiseBinding() {
  if (setPromiseHooks !== undefined) return;
  const binding = internalBinding('async_wrap');
  // Through internal/promise_hooks, which adds v8.promiseHooks' own.
  setPromiseHooks = require('internal/promise_hooks').setCoreHooks;
  ({
    async_context_frame: promiseFrame,
    async_id: promiseId,
    trigger_async_id: promiseTriggerId,
  } = binding.privateSymbols);
}

// The frame only: what AsyncLocalStorage needs.
function framePromiseInit(promise) {
  const frame = AsyncContextFrame.current();
  if (frame !== undefined) promise[promiseFrame] = frame;
}

function framePromiseBefore(promise) {
  ArrayPrototypePush(frameStack,
                     AsyncContextFrame.exchange(promise[promiseFrame]), false);
}

function framePromiseAfter(promise) {
  if (frameStack.length === 0) return;
  if (frameStack.pop()) {
    if (counts.after > 0) emitHooks(after_symbol, promise[promiseId]);
    popAsyncContext();
  }
  AsyncContextFrame.set(frameStack.pop());
}

// Ids, hooks and the frame, while any hook is enabled.
function getOrSetPromiseId(promise, parent) {
  let asyncId = promise[promiseId];
  if (asyncId === undefined) {
    const trigger = parent !== undefined ?
      getOrSetPromiseId(parent) : getDefaultTriggerAsyncId();
    asyncId = ++idCounter;
    promise[promiseId] = asyncId;
    promise[promiseTriggerId] = trigger;
  }
  return asyncId;
}

function fullPromiseInit(promise, parent) {
  framePromiseInit(promise);
  const trigger = parent !== undefined ?
    getOrSetPromiseId(parent) : getDefaultTriggerAsyncId();
  const asyncId = ++idCounter;
  promise[promiseId] = asyncId;
  promise[promiseTriggerId] = trigger;
  if (counts.init > 0) emitInitHooks(asyncId, 'PROMISE', trigger, promise);
  if (counts.destroy > 0) registerDestroyHook(promise, asyncId);
}

function fullPromiseBefore(promise) {
  ArrayPrototypePush(frameStack,
                     AsyncContextFrame.exchange(promise[promiseFrame]), true);
  const asyncId = getOrSetPromiseId(promise);
  emitBefore(asyncId, promise[promiseTriggerId], promise);
}

function fullPromiseResolve(promise) {
  if (counts.promiseResolve > 0) {
    emitHooks(promise_resolve_symbol, getOrSetPromiseId(promise));
  }
}

function updatePromiseHooks() {
  let mode = kNoPromiseHooks;
  if (counts.init + counts.before + counts.after + counts.destroy +
      counts.promiseResolve > 0) {
    mode = kFullPromiseHooks;
  } else if (AsyncContextFrame.wanted) {
    mode = kFramePromiseHooks;
  }
  if (mode === promiseHookMode) return;
  promiseHookMode = mode;
  loadPromiseBinding();
  if (mode === kFullPromiseHooks) {
    setPromiseHooks(fullPromiseInit, fullPromiseBefore, framePromiseAfter,
                    fullPromiseResolve);
  } else if (mode === kFramePromiseHooks) {
    setPromiseHooks(framePromiseInit, framePromiseBefore, framePromiseAfter,
                    undefined);
  } else {
    setPromiseHooks(undefined, undefined, undefined, undefined);
  }
}

AsyncContextFrame.setOnFirstFrame(updatePromiseHooks);

// --- Resources of lode's own boundaries. -----------------------------------
// Gives `resource` an id, a trigger and the current frame, and reports it to
// the init hooks; for objects made while tracking is active.
function initResource(resource, type, trigger = getDefaultTriggerAsyncId()) {
  const asyncId = ++idCounter;
  resource[async_id_symbol] = asyncId;
  resource[trigger_async_id_symbol] = trigger;
  resource[async_context_frame] = AsyncContextFrame.current();
  if (counts.init > 0) emitInitHooks(asyncId, type, trigger, resource);
  return asyncId;
}

// Calls fn with `thisArg` and `args` in the context of `resource`.
function runInResource(resource, fn, thisArg, args) {
  const asyncId = resource[async_id_symbol];
  const prior = AsyncContextFrame.exchange(resource[async_context_frame]);
  emitBefore(asyncId, resource[trigger_async_id_symbol], resource);
  let threw = true;
  try {
    const result = ReflectApply(fn, thisArg, args);
    threw = false;
    return result;
  } finally {
    // A callback that throws stays the current context for the
    // uncaught-exception handlers (see leaveResourceAfterThrow).
    if (!threw) emitAfter(asyncId);
    AsyncContextFrame.set(prior);
  }
}

// Enters the context of `resource` (one made before tracking began has
// none: its callback runs with no ids and no frame); returns what
// leaveResource restores.
function enterResource(resource) {
  const prior = AsyncContextFrame.exchange(resource[async_context_frame]);
  const asyncId = resource[async_id_symbol];
  if (asyncId === undefined) {
    pushAsyncContext(0, 0, resource);
  } else {
    emitBefore(asyncId, resource[trigger_async_id_symbol], resource);
  }
  return prior;
}

function leaveResource(resource, prior) {
  const asyncId = resource[async_id_symbol];
  if (asyncId === undefined) {
    popAsyncContext();
  } else {
    emitAfter(asyncId);
  }
  AsyncContextFrame.set(prior);
}

// A callback of `resource` threw: its context stays current (the
// uncaught-exception handlers run in it, as in Node) and only the async
// context frame is restored; exitContextsAfterException() runs the 'after'
// hooks once the exception is handled.
function leaveResourceAfterThrow(prior) {
  AsyncContextFrame.set(prior);
}

// An uncaught exception was handled: every context it interrupted is left,
// innermost first, with its 'after' hooks.
function exitContextsAfterException() {
  while (stackLength > 0) {
    const asyncId = executionId;
    if (asyncId > 0) {
      emitAfter(asyncId);
    } else {
      popAsyncContext();
    }
  }
}

// A request's completion callback (req.oncomplete) that runs in the
// context the request was made in, then reports its destroy. Without
// tracking, the callback itself.
function bindRequest(req, type, callback) {
  if (!tracking.active) return callback;
  initResource(req, type);
  return function oncomplete(...args) {
    try {
      return runInResource(req, callback, this, args);
    } finally {
      emitDestroy(req[async_id_symbol]);
    }
  };
}

// A long-lived handle (a socket, a server, a child process): `fn`, one of
// its callbacks (onread, onconnection, onexit), runs in the context the
// handle was made in. Without tracking, `fn` itself.
function bindHandle(handle, type, fn) {
  if (!tracking.active) return fn;
  if (handle[async_id_symbol] === undefined) initResource(handle, type);
  return function(...args) {
    return runInResource(handle, fn, this, args);
  };
}

// A handle libuv accepted: made from no context of the program (as in
// Node, its callbacks see no store), triggered by the server.
function initAcceptedHandle(handle, type, server) {
  if (!tracking.active) return;
  initResource(handle, type, server[async_id_symbol] ?? executionId);
  handle[async_context_frame] = undefined;
}

// The callback of an operation on `handle` (its close): runs in the
// handle's context when the handle has one.
function bindToHandle(handle, fn) {
  if (handle[async_id_symbol] === undefined) return fn;
  return function(...args) {
    return runInResource(handle, fn, this, args);
  };
}

function enableTracking() {
  tracking.active = true;
}

module.exports = {
  tracking,
  enableTracking,
  async_id_symbol,
  trigger_async_id_symbol,
  async_context_frame,
  owner_symbol,
  resource_symbol,
  init_symbol,
  before_symbol,
  after_symbol,
  destroy_symbol,
  promise_resolve_symbol,
  topLevelResource,
  newAsyncId,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  getDefaultTriggerAsyncId,
  defaultTriggerAsyncIdScope,
  pushAsyncContext,
  popAsyncContext,
  hasAsyncIdStack,
  clearAsyncIdStack,
  leaveTopLevel,
  emitInit,
  emitBefore,
  emitAfter,
  emitDestroy,
  emitPromiseResolve,
  initHooksExist,
  destroyHooksExist,
  enabledHooksExist,
  registerDestroyHook,
  unregisterDestroyHook,
  enableHook,
  disableHook,
  updatePromiseHooks,
  initResource,
  enterResource,
  leaveResource,
  leaveResourceAfterThrow,
  exitContextsAfterException,
  runInResource,
  bindRequest,
  bindHandle,
  bindToHandle,
  initAcceptedHandle,
  // Under Node's names, for its tests run with --expose-internals.
  symbols: {
    __proto__: null,
    async_id_symbol,
    trigger_async_id_symbol,
    init_symbol,
    before_symbol,
    after_symbol,
    destroy_symbol,
    promise_resolve_symbol,
    owner_symbol,
  },
};
