'use strict';

// worker_threads: Worker (lib/internal/worker.js), the message ports
// (lib/internal/worker/io.js) and what this thread is. In a worker,
// internal/main/worker_thread sets parentPort and workerData here before
// the worker's script runs.

const {
  Worker,
  SHARE_ENV,
  isMainThread,
  threadId,
  threadName,
  resourceLimits,
  setEnvironmentData,
  getEnvironmentData,
} = require('internal/worker');
const {
  BroadcastChannel,
  MessageChannel,
  MessagePort,
  moveMessagePortToContext,
  receiveMessageOnPort,
} = require('internal/worker/io');
const { markObjectUncloneable } = require('internal/structured_clone');
const { postMessageToThread } = require('internal/worker/messaging');

const { untransferable_object_private_symbol: untransferableSymbol } =
  internalBinding('util').privateSymbols;

function isObjectLike(value) {
  return (typeof value === 'object' && value !== null) ||
    typeof value === 'function';
}

// What the serializer refuses to move (it is copied instead when it can be,
// else a DataCloneError).
function markAsUntransferable(object) {
  if (isObjectLike(object)) object[untransferableSymbol] = true;
}

function isMarkedAsUntransferable(object) {
  return isObjectLike(object) && object[untransferableSymbol] === true;
}

// structuredClone() and postMessage() then refuse the object with a
// DataCloneError.
function markAsUncloneable(object) {
  if (isObjectLike(object)) markObjectUncloneable(object);
}

module.exports = {
  isInternalThread: false,
  isMainThread,
  MessagePort,
  MessageChannel,
  markAsUncloneable,
  markAsUntransferable,
  isMarkedAsUntransferable,
  moveMessagePortToContext,
  receiveMessageOnPort,
  resourceLimits,
  postMessageToThread,
  threadId,
  threadName,
  SHARE_ENV,
  Worker,
  parentPort: null,
  workerData: null,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
