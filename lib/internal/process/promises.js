'use strict';

// Unhandled promise rejections: V8 reports each rejection without a handler
// (and each handler added later); after the ticks and microtasks of a
// callback have run, what is still unhandled is reported according to
// --unhandled-rejections (default 'throw', as in Node).

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSplice,
  Error,
  ObjectPrototypeHasOwnProperty,
  SafeWeakMap,
} = primordials;

const {
  tickInfo,
  promiseRejectEvents: {
    kPromiseRejectWithNoHandler,
    kPromiseHandlerAddedAfterReject,
    kPromiseResolveAfterResolved,
    kPromiseRejectAfterResolved,
  },
  setPromiseRejectCallback,
} = internalBinding('task_queue');
const {
  triggerUncaughtException,
  noSideEffectsToString,
  exitCodes: { kGenericUserError },
} = internalBinding('errors');

const AsyncContextFrame = require('internal/async_context_frame');

const kHasRejectionToWarn = 1;

// Promises rejected without a handler, with what we know of them.
const maybeUnhandledPromises = new SafeWeakMap();
// The same promises in order, to report them in order.
const pendingUnhandledRejections = [];
// Promises that got a handler after having been reported.
const asyncHandledRejections = [];
let lastPromiseId = 0;

const kThrowMode = 'throw';
let unhandledRejectionsMode;

function getUnhandledRejectionsMode() {
  if (unhandledRejectionsMode === undefined) {
    const { getOptionValue } = require('internal/options');
    unhandledRejectionsMode = getOptionValue('--unhandled-rejections') ||
      kThrowMode;
  }
  return unhandledRejectionsMode;
}

function setHasRejectionToWarn(value) {
  tickInfo[kHasRejectionToWarn] = value ? 1 : 0;
}

function hasRejectionToWarn() {
  return tickInfo[kHasRejectionToWarn] === 1;
}

function promiseRejectHandler(type, promise, reason) {
  switch (type) {
    case kPromiseRejectWithNoHandler:
      maybeUnhandledPromises.set(promise, {
        reason,
        uid: ++lastPromiseId,
        warned: false,
        // A domain entered when the promise was rejected (the REPL's, say)
        // gets the error, as it would a throw there.
        domain: process.domain,
        // The 'unhandledRejection' listeners run in the async context of
        // the code that rejected (AsyncLocalStorage stores included).
        contextFrame: AsyncContextFrame.current(),
      });
      ArrayPrototypePush(pendingUnhandledRejections, promise);
      setHasRejectionToWarn(true);
      break;
    case kPromiseHandlerAddedAfterReject: {
      const info = maybeUnhandledPromises.get(promise);
      if (info === undefined) return;
      maybeUnhandledPromises.delete(promise);
      if (info.warned) {
        ArrayPrototypePush(asyncHandledRejections, { promise, info });
        setHasRejectionToWarn(true);
      }
      break;
    }
    case kPromiseResolveAfterResolved:
      resolveError('resolve', promise, reason);
      break;
    case kPromiseRejectAfterResolved:
      resolveError('reject', promise, reason);
      break;
    default:
      break;
  }
}

let multipleResolvesDeprecated = false;

// A promise resolved or rejected once it was settled: the deprecated
// 'multipleResolves' event, on the next tick (the code that settled it is
// still running).
function resolveError(type, promise, reason) {
  process.nextTick(() => {
    if (process.emit('multipleResolves', type, promise, reason) &&
        !multipleResolvesDeprecated) {
      multipleResolvesDeprecated = true;
      process.emitWarning('The multipleResolves event has been deprecated.',
                          'DeprecationWarning', 'DEP0160');
    }
  });
}

function isErrorLike(value) {
  return typeof value === 'object' && value !== null &&
    ObjectPrototypeHasOwnProperty(value, 'stack');
}

// What an unhandled rejection with a non-error reason throws.
class UnhandledPromiseRejection extends Error {
  code = 'ERR_UNHANDLED_REJECTION';
  constructor(reason) {
    super('This error originated either by throwing inside of an async ' +
          'function without a catch block, or by rejecting a promise which ' +
          'was not handled with .catch(). The promise rejected with the ' +
          `reason "${reason}".`);
    this.name = 'UnhandledPromiseRejection';
  }
}

function makeUnhandledRejectionError(reason) {
  // As V8 shows it without running user code ("#<Object>").
  return new UnhandledPromiseRejection(noSideEffectsToString(reason));
}

function emitUnhandledRejectionWarning(uid, reason) {
  let message;
  try {
    // An error shows its stack; anything else what V8 makes of it without
    // running user code ('#<Object>' for an object).
    message = isErrorLike(reason) ? reason.stack :
      noSideEffectsToString(reason);
  } catch {
    message = 'Unhandled promise rejection';
  }
  const warning = new Error(
    'Unhandled promise rejection. This error originated either by ' +
    'throwing inside of an async function without a catch block, ' +
    'or by rejecting a promise which was not handled with .catch(). ' +
    'To terminate the node process on unhandled promise ' +
    'rejection, use the CLI flag `--unhandled-rejections=strict` (see ' +
    'https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
    `(rejection id: ${uid})`);
  warning.name = 'UnhandledPromiseRejectionWarning';
  process.emitWarning(message === undefined ? warning : `${message}`,
                      { type: 'UnhandledPromiseRejectionWarning' });
  process.emitWarning(warning);
}

// Reports one rejection still unhandled, as --unhandled-rejections says.
function reportUnhandled(promise, info) {
  const { reason, uid } = info;
  const mode = getUnhandledRejectionsMode();
  switch (mode) {
    case 'strict': {
      const err = isErrorLike(reason) ? reason :
        makeUnhandledRejectionError(reason);
      triggerUncaughtException(err, true);
      const handled = process.emit('unhandledRejection', reason, promise);
      if (!handled) emitUnhandledRejectionWarning(uid, reason);
      break;
    }
    case 'none':
      process.emit('unhandledRejection', reason, promise);
      break;
    case 'warn':
      process.emit('unhandledRejection', reason, promise);
      emitUnhandledRejectionWarning(uid, reason);
      break;
    case 'warn-with-error-code': {
      const handled = process.emit('unhandledRejection', reason, promise);
      if (!handled) {
        emitUnhandledRejectionWarning(uid, reason);
        process.exitCode = kGenericUserError;
      }
      break;
    }
    default: {
      // 'throw': an unhandled rejection is an uncaught exception unless an
      // 'unhandledRejection' listener takes it.
      const handled = process.emit('unhandledRejection', reason, promise);
      if (!handled) {
        const err = isErrorLike(reason) ? reason :
          makeUnhandledRejectionError(reason);
        if (info.domain && !process.domain) info.domain.enter();
        triggerUncaughtException(err, true);
      }
      break;
    }
  }
}

// Reports what is still unhandled; returns true when it may have queued
// more work (so the tick loop runs again).
function processPromiseRejections() {
  let maybeScheduledTicksOrMicrotasks = asyncHandledRejections.length > 0;
  while (asyncHandledRejections.length > 0) {
    const { promise, info } = ArrayPrototypeShift(asyncHandledRejections);
    if (!process.emit('rejectionHandled', promise)) {
      const warning = new Error('Promise rejection was handled ' +
                                `asynchronously (rejection id: ${info.uid})`);
      warning.name = 'PromiseRejectionHandledWarning';
      warning.id = info.uid;
      process.emitWarning(warning);
    }
  }
  // Those rejected so far, in order (a report may reject more, for the
  // next round); taken by index: a long list (a loop of promises rejected
  // and handled at once) costs no more than its length.
  const count = pendingUnhandledRejections.length;
  let done = 0;
  try {
    while (done < count) {
      const promise = pendingUnhandledRejections[done++];
      const info = maybeUnhandledPromises.get(promise);
      if (info === undefined) continue;
      info.warned = true;
      const prior = AsyncContextFrame.exchange(info.contextFrame);
      try {
        reportUnhandled(promise, info);
      } finally {
        AsyncContextFrame.set(prior);
      }
      maybeScheduledTicksOrMicrotasks = true;
    }
  } finally {
    ArrayPrototypeSplice(pendingUnhandledRejections, 0, done);
  }
  return maybeScheduledTicksOrMicrotasks ||
    pendingUnhandledRejections.length !== 0;
}

function listenForRejections() {
  setPromiseRejectCallback(promiseRejectHandler);
}

module.exports = {
  hasRejectionToWarn,
  setHasRejectionToWarn,
  listenForRejections,
  processPromiseRejections,
};
