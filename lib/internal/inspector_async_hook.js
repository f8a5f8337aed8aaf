'use strict';

// Async call stacks for debuggers (Debugger.setAsyncCallStackDepth with a
// depth above 0): an async hook that tells V8's inspector when a task
// (timer, I/O callback, ...) is scheduled, runs and ends, so that a pause
// shows where its callback was scheduled from. Promises are V8's own.
// src/lode_inspector.cc turns it on and off with the depth.

let hook;

function createInspectorHook() {
  const {
    asyncTaskScheduled,
    asyncTaskStarted,
    asyncTaskFinished,
    asyncTaskCanceled,
  } = internalBinding('inspector');
  const { createHook } = require('async_hooks');
  return createHook({
    init(asyncId, type, triggerAsyncId, resource) {
      if (type === 'PROMISE') return;
      // An interval runs again: its task stays scheduled.
      const recurring = type === 'Timeout' && resource?._repeat != null;
      asyncTaskScheduled(type, asyncId, recurring);
    },
    before(asyncId) {
      asyncTaskStarted(asyncId);
    },
    after(asyncId) {
      asyncTaskFinished(asyncId);
    },
    destroy(asyncId) {
      asyncTaskCanceled(asyncId);
    },
  });
}

function enable() {
  hook ??= createInspectorHook();
  hook.enable();
}

function disable() {
  if (hook !== undefined) hook.disable();
}

module.exports = { enable, disable };
