'use strict';

// process.nextTick and queueMicrotask, and the loop that drains them after
// every callback from C++: all queued ticks, then the microtasks, again until
// both are empty and no promise rejection is left to report.

const {
  FunctionPrototypeBind,
  FunctionPrototypeCall,
  ReflectApply,
} = primordials;

const {
  tickInfo,
  runMicrotasks,
  setTickCallback,
  enqueueMicrotask,
} = internalBinding('task_queue');
const { triggerUncaughtException } = internalBinding('errors');

const {
  setHasRejectionToWarn,
  hasRejectionToWarn,
  processPromiseRejections,
} = require('internal/process/promises');
const { validateFunction } = require('internal/validators');
const FixedQueue = require('internal/fixed_queue');
const {
  tracking,
  initResource,
  enterResource,
  leaveResource,
  leaveResourceAfterThrow,
  destroyHooksExist,
  emitDestroy,
  async_id_symbol,
} = require('internal/async_hooks');

// Field indices of tickInfo, shared with src/env.h.
const kHasTickScheduled = 0;

const queue = new FixedQueue();

function hasTickScheduled() {
  return tickInfo[kHasTickScheduled] === 1;
}

function setHasTickScheduled(value) {
  tickInfo[kHasTickScheduled] = value ? 1 : 0;
}

// An exception leaves through C++, which reports it with the location it
// was thrown at ('uncaughtException' or the fatal path). When a listener
// handles it, the ticks still queued run at the next callback boundary.
function runTick(tock) {
  const { callback, args } = tock;
  if (args === undefined) {
    callback();
  } else {
    switch (args.length) {
      case 1: callback(args[0]); break;
      case 2: callback(args[0], args[1]); break;
      case 3: callback(args[0], args[1], args[2]); break;
      default: ReflectApply(callback, undefined, args);
    }
  }
}

// A tick in the async context it was queued in.
function runTickInContext(tock) {
  const priorFrame = enterResource(tock);
  let threw = true;
  try {
    runTick(tock);
    threw = false;
  } finally {
    if (destroyHooksExist()) emitDestroy(tock[async_id_symbol]);
    if (threw) {
      leaveResourceAfterThrow(priorFrame);
    } else {
      leaveResource(tock, priorFrame);
    }
  }
}

function processTicksAndRejections() {
  let tock;
  do {
    while ((tock = queue.shift()) !== null) {
      if (tracking.active) {
        runTickInContext(tock);
        continue;
      }
      // Called from here, not through runTick(): the frame right under a
      // callback is processTicksAndRejections, as in Node's stack traces.
      const { callback, args } = tock;
      if (args === undefined) {
        callback();
      } else {
        switch (args.length) {
          case 1: callback(args[0]); break;
          case 2: callback(args[0], args[1]); break;
          case 3: callback(args[0], args[1], args[2]); break;
          default: ReflectApply(callback, undefined, args);
        }
      }
    }
    runMicrotasks();
  } while (!queue.isEmpty() || processPromiseRejections());
  setHasTickScheduled(false);
  setHasRejectionToWarn(false);
}

function nextTick(callback, ...args) {
  validateFunction(callback, 'callback');
  if (process._exiting) return;
  if (!hasTickScheduled()) setHasTickScheduled(true);
  const tock = { callback, args: args.length === 0 ? undefined : args };
  if (tracking.active) initResource(tock, 'TickObject');
  queue.push(tock);
}

function runMicrotask() {
  try {
    FunctionPrototypeCall(this);
  } catch (err) {
    triggerUncaughtException(err, false);
  }
}

// A queueMicrotask callback in the async context it was queued in.
function runMicrotaskInContext() {
  const priorFrame = enterResource(this);
  let threw = false;
  try {
    FunctionPrototypeCall(this.callback);
  } catch (err) {
    threw = true;
    leaveResourceAfterThrow(priorFrame);
    triggerUncaughtException(err, false);
  } finally {
    if (destroyHooksExist()) emitDestroy(this[async_id_symbol]);
    if (!threw) leaveResource(this, priorFrame);
  }
}

function queueMicrotask(callback) {
  validateFunction(callback, 'callback');
  if (tracking.active) {
    const resource = { callback };
    initResource(resource, 'Microtask');
    enqueueMicrotask(FunctionPrototypeBind(runMicrotaskInContext, resource));
    return;
  }
  enqueueMicrotask(FunctionPrototypeBind(runMicrotask, callback));
}

// Hands C++ the function it calls after each callback (see env.cc).
function registerTickCallback() {
  setTickCallback(processTicksAndRejections);
}

// For code that needs the queues drained now (e.g. before exit).
function runNextTicks() {
  if (!hasTickScheduled() && !hasRejectionToWarn()) runMicrotasks();
  if (!hasTickScheduled() && !hasRejectionToWarn()) return;
  processTicksAndRejections();
}

module.exports = {
  registerTickCallback,
  queueMicrotask,
  nextTick,
  runNextTicks,
  processTicksAndRejections,
};
