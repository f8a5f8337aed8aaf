'use strict';

// Trace events of the category node.async_hooks: an async hook that
// records each asynchronous resource as a nestable async span ('b' at its
// init, 'e' at its destroy, named after its type) and each of its callbacks
// as `${type}_CALLBACK`. It is on while node.async_hooks is enabled: C++
// calls the handler setupTraceCategoryState() installs whenever the
// trace_events module changes the enabled categories.

const {
  SafeMap,
} = primordials;

const {
  trace,
  isTraceCategoryEnabled,
  setTraceCategoryStateUpdateHandler,
} = internalBinding('trace_events');

const kPhaseBegin = 98;  // 'b', TRACE_EVENT_PHASE_NESTABLE_ASYNC_BEGIN
const kPhaseEnd = 101;  // 'e', TRACE_EVENT_PHASE_NESTABLE_ASYNC_END
const kCategory = 'node,node.async_hooks';

let asyncHooks;
function createHook() {
  asyncHooks ??= require('async_hooks');
  // Only init knows a resource's type: the later events look it up here.
  const types = new SafeMap();
  const hook = asyncHooks.createHook({
    init(asyncId, type, triggerAsyncId) {
      // Promises are not resources the trace shows (as in Node).
      if (type === 'PROMISE') return;
      types.set(asyncId, type);
      trace(kPhaseBegin, kCategory, type, asyncId, {
        triggerAsyncId,
        executionAsyncId: asyncHooks.executionAsyncId(),
      });
    },
    before(asyncId) {
      const type = types.get(asyncId);
      if (type === undefined) return;
      trace(kPhaseBegin, kCategory, `${type}_CALLBACK`, asyncId);
    },
    after(asyncId) {
      const type = types.get(asyncId);
      if (type === undefined) return;
      trace(kPhaseEnd, kCategory, `${type}_CALLBACK`, asyncId);
    },
    destroy(asyncId) {
      const type = types.get(asyncId);
      if (type === undefined) return;
      trace(kPhaseEnd, kCategory, type, asyncId);
      types.delete(asyncId);
    },
  });
  let enabled = false;
  return {
    enable() {
      if (enabled) return;
      enabled = true;
      hook.enable();
    },
    disable() {
      if (!enabled) return;
      enabled = false;
      hook.disable();
      types.clear();
    },
  };
}

let traceHook;
function toggleTraceCategoryState(asyncHooksEnabled) {
  if (asyncHooksEnabled) {
    traceHook ??= createHook();
    traceHook.enable();
  } else if (traceHook !== undefined) {
    traceHook.disable();
  }
}

let stateHandlerSet = false;
// Called at start-up when --trace-event-categories is given, and by the
// trace_events module when it is first loaded.
function setupTraceCategoryState() {
  if (stateHandlerSet) return;
  stateHandlerSet = true;
  toggleTraceCategoryState(isTraceCategoryEnabled('node.async_hooks'));
  setTraceCategoryStateUpdateHandler(toggleTraceCategoryState);
}

module.exports = {
  createHook,
  setupTraceCategoryState,
};
