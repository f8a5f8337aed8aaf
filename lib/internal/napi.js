'use strict';

// What Node-API (src/lode_napi_*.cc) asks of JS: the Buffer prototype, the
// async hooks of napi_async_init / napi_make_callback / callback scopes,
// and warnings. Loaded when the first addon is.

const {
  ObjectFreeze,
  ReflectApply,
} = primordials;

const { Buffer } = require('buffer');
const {
  newAsyncId,
  getDefaultTriggerAsyncId,
  emitInit,
  emitBefore,
  emitAfter,
  emitDestroy,
} = require('internal/async_hooks');
const AsyncContextFrame = require('internal/async_context_frame');

// A new async context for `resource`: its ids and the async context frame
// it runs in, as [asyncId, triggerAsyncId, frame].
function asyncInit(resource, type) {
  const asyncId = newAsyncId();
  const triggerAsyncId = getDefaultTriggerAsyncId();
  emitInit(asyncId, type, triggerAsyncId, resource);
  return [asyncId, triggerAsyncId, AsyncContextFrame.current()];
}

// Enters a context made by asyncInit; returns what asyncLeave restores.
function asyncEnter(asyncId, triggerAsyncId, resource, frame) {
  const prior = AsyncContextFrame.exchange(frame);
  emitBefore(asyncId, triggerAsyncId, resource);
  return prior;
}

function asyncLeave(asyncId, prior) {
  emitAfter(asyncId);
  AsyncContextFrame.set(prior);
}

function asyncDestroy(asyncId) {
  emitDestroy(asyncId);
}

// napi_make_callback on a receiver with a domain: the call runs inside it.
// A throw leaves the domain entered, so that the uncaught-exception path
// hands the error to that domain.
function domainCallback(recv, fn, args) {
  const domain = recv.domain;
  const enter = typeof domain.enter === 'function';
  if (enter) domain.enter();
  const result = ReflectApply(fn, recv, args);
  if (enter && typeof domain.exit === 'function') domain.exit();
  return result;
}

function emitDeprecation(message, code) {
  process.emitWarning(message, 'DeprecationWarning', code);
}

module.exports = ObjectFreeze({
  __proto__: null,
  bufferPrototype: Buffer.prototype,
  asyncInit,
  asyncEnter,
  asyncLeave,
  asyncDestroy,
  domainCallback,
  emitDeprecation,
});
