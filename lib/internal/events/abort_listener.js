'use strict';

const {
  SymbolDispose = primordials.SymbolFor('nodejs.dispose'),
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateFunction,
} = require('internal/validators');

let kResistStopPropagation;
function listenerOptions() {
  if (kResistStopPropagation === undefined) {
    try {
      ({ kResistStopPropagation } = require('internal/event_target'));
    } catch {
      // No EventTarget implementation yet.
    }
    kResistStopPropagation ??= null;
  }
  const opts = { __proto__: null, once: true };
  if (kResistStopPropagation !== null) opts[kResistStopPropagation] = true;
  return opts;
}

// Runs `listener` once when `signal` aborts (in a microtask when it already
// has). Unlike a plain 'abort' listener it is not skipped by
// stopImmediatePropagation(). Returns a disposable that removes it.
function addAbortListener(signal, listener) {
  if (signal === undefined) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  validateAbortSignal(signal, 'signal');
  validateFunction(listener, 'listener');

  let removeEventListener;
  if (signal.aborted) {
    globalThis.queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, listenerOptions());
    removeEventListener = () => {
      signal.removeEventListener('abort', listener);
    };
  }
  return {
    __proto__: null,
    [SymbolDispose]() {
      removeEventListener?.();
    },
  };
}

module.exports = {
  addAbortListener,
};
