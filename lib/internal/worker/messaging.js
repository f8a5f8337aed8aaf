'use strict';

// worker_threads.postMessageToThread(): any thread may send a message to any
// other thread of the process by its threadId. The main thread is the hub:
// every worker, nested or not, holds a port (its "hub port") whose other end
// is on the main thread, registered there under the worker's threadId. A
// message goes to the hub, which delivers it itself (destination 0) or
// forwards it over the destination's hub port. The receiver emits
// process 'workerMessage' (value, sourceThreadId) and answers over a reply
// port that travels with the message: delivered, no listener, or the
// listener threw. The hub ports are unref'ed: they never keep a thread alive.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  Promise,
  SafeMap,
} = primordials;

const {
  codes: {
    ERR_WORKER_MESSAGING_ERRORED,
    ERR_WORKER_MESSAGING_FAILED,
    ERR_WORKER_MESSAGING_SAME_THREAD,
    ERR_WORKER_MESSAGING_TIMEOUT,
  },
} = require('internal/errors');
const { validateNumber } = require('internal/validators');
const { setTimeout, clearTimeout } = require('timers');
const { isMainThread, threadId: currentThreadId } = internalBinding('worker');

// Message kinds on the hub ports.
const kRegister = 'register';     // worker -> hub: a nested worker's port
const kSend = 'send';             // sender -> hub
const kDeliver = 'deliver';       // hub -> destination

// Answers on a message's reply port.
const kDelivered = 0;
const kNoListener = 1;
const kErrored = 2;

// Main thread only: threadId -> the hub's end of that worker's hub port.
const hubPorts = new SafeMap();
// Workers only: this thread's own hub port (set by internal/main/worker_thread).
let ownHubPort = null;

let MessageChannel;
function lazyMessageChannel() {
  MessageChannel ??= require('internal/worker/io').MessageChannel;
  return MessageChannel;
}

function answer(replyPort, result) {
  try {
    replyPort.postMessage(result);
  } catch {
    // The sender gave up (closed its end): nobody to tell.
  }
  replyPort.close();
}

// The destination's side: hand the value to the 'workerMessage' listeners.
function deliver(message) {
  const { source, value, replyPort } = message;
  let result;
  try {
    result = process.emit('workerMessage', value, source) ?
      kDelivered : kNoListener;
  } catch {
    result = kErrored;
  }
  answer(replyPort, result);
}

// The hub's side: deliver here or forward to the destination's port. When
// the main thread sends (`own`), a value that cannot be cloned throws to the
// caller, as posting it would; a forwarded message was cloned already.
function route(message, own = false) {
  if (message.destination === currentThreadId) {
    deliver(message);
    return;
  }
  const port = hubPorts.get(message.destination);
  if (port === undefined) {
    answer(message.replyPort, kNoListener);
    return;
  }
  message.type = kDeliver;
  try {
    port.postMessage(message, message.transferList);
  } catch (err) {
    if (own) throw err;
    answer(message.replyPort, kNoListener);
  }
}

function onHubMessage(message) {
  switch (message.type) {
    case kRegister:
      registerHubPort(message.threadId, message.port);
      return;
    case kSend:
      route(message);
      return;
  }
}

function registerHubPort(threadId, port) {
  hubPorts.set(threadId, port);
  port.on('message', onHubMessage);
  port.on('close', () => {
    if (hubPorts.get(threadId) === port) hubPorts.delete(threadId);
  });
  port.unref();
}

// Called by the Worker constructor once the new thread's id is known: returns
// the port to hand to the worker (transferred in its LOAD_SCRIPT message).
function createHubPort(threadId) {
  const { port1, port2 } = new (lazyMessageChannel())();
  if (isMainThread) {
    registerHubPort(threadId, port1);
  } else if (ownHubPort !== null) {
    ownHubPort.postMessage({ type: kRegister, threadId, port: port1 }, [port1]);
  }
  return port2;
}

// In a worker, before its script runs.
function setOwnHubPort(port) {
  if (port === undefined || port === null) return;
  ownHubPort = port;
  port.on('message', (message) => {
    if (message.type === kDeliver) deliver(message);
  });
  port.unref();
}

async function postMessageToThread(threadId, value, transferList, timeout) {
  if (typeof transferList === 'number' && timeout === undefined) {
    timeout = transferList;
    transferList = [];
  }
  if (timeout !== undefined) validateNumber(timeout, 'timeout', 0);
  if (threadId === currentThreadId) {
    throw new ERR_WORKER_MESSAGING_SAME_THREAD();
  }

  const { port1: reply, port2: replyPort } = new (lazyMessageChannel())();
  const transfer = [replyPort];
  if (ArrayIsArray(transferList)) {
    for (let i = 0; i < transferList.length; i++) {
      ArrayPrototypePush(transfer, transferList[i]);
    }
  }
  const message = {
    type: kSend,
    source: currentThreadId,
    destination: threadId,
    value,
    replyPort,
    transferList: transfer,
  };

  let timer = null;
  let settled = false;
  const result = new Promise((resolve, reject) => {
    const settle = (fn, arg) => {
      if (settled) return;
      settled = true;
      if (timer !== null) clearTimeout(timer);
      reply.close();
      fn(arg);
    };
    reply.on('message', (code) => {
      if (code === kDelivered) settle(resolve);
      else if (code === kErrored) {
        settle(reject, new ERR_WORKER_MESSAGING_ERRORED());
      } else settle(reject, new ERR_WORKER_MESSAGING_FAILED());
    });
    // A destination that ends with the message unanswered leaves the promise
    // pending (as Node's does); only a timeout ends the wait then.
    if (timeout !== undefined) {
      timer = setTimeout(
        () => settle(reject, new ERR_WORKER_MESSAGING_TIMEOUT()), timeout);
    }
  });

  try {
    if (isMainThread) {
      route(message, true);
    } else if (ownHubPort !== null) {
      ownHubPort.postMessage(message, transfer);
    } else {
      throw new ERR_WORKER_MESSAGING_FAILED();
    }
  } catch (err) {
    // Nothing was sent: the reply port and the timer must not keep the
    // thread alive.
    settled = true;
    if (timer !== null) clearTimeout(timer);
    reply.close();
    throw err;
  }
  return result;
}

module.exports = {
  createHubPort,
  postMessageToThread,
  setOwnHubPort,
};
