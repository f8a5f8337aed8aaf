'use strict';

// worker_threads as seen from the main thread. Lode has no workers or
// message ports yet: their classes and functions throw ERR_NOT_IMPLEMENTED
// naming the API. What the main thread answers without them (isMainThread,
// threadId 0, no parentPort or workerData) is as in Node, and so are the
// marks on objects, which only matter to a later postMessage().

const {
  SafeWeakSet,
  SymbolFor,
} = primordials;

const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');

const SHARE_ENV = SymbolFor('nodejs.worker_threads.SHARE_ENV');

function notImplemented(name) {
  return function() {
    throw new ERR_NOT_IMPLEMENTED(`worker_threads.${name}`);
  };
}

class Worker {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('worker_threads.Worker');
  }
}

class MessagePort {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('worker_threads.MessagePort');
  }
}

class MessageChannel {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('worker_threads.MessageChannel');
  }
}

class BroadcastChannel {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('worker_threads.BroadcastChannel');
  }
}

const untransferable = new SafeWeakSet();
const uncloneable = new SafeWeakSet();

function isObjectLike(value) {
  return (typeof value === 'object' && value !== null) ||
    typeof value === 'function';
}

function markAsUntransferable(object) {
  if (isObjectLike(object)) untransferable.add(object);
}

function isMarkedAsUntransferable(object) {
  return isObjectLike(object) && untransferable.has(object);
}

function markAsUncloneable(object) {
  if (isObjectLike(object)) uncloneable.add(object);
}

module.exports = {
  isInternalThread: false,
  isMainThread: true,
  MessagePort,
  MessageChannel,
  markAsUncloneable,
  markAsUntransferable,
  isMarkedAsUntransferable,
  moveMessagePortToContext: notImplemented('moveMessagePortToContext'),
  receiveMessageOnPort: notImplemented('receiveMessageOnPort'),
  resourceLimits: {},
  postMessageToThread: notImplemented('postMessageToThread'),
  threadId: 0,
  threadName: '',
  SHARE_ENV,
  Worker,
  parentPort: null,
  workerData: null,
  BroadcastChannel,
  setEnvironmentData: notImplemented('setEnvironmentData'),
  getEnvironmentData: notImplemented('getEnvironmentData'),
};
