'use strict';

// node:readline/promises: the shared Interface with question() returning a
// promise and an async completer, plus the Readline action queue.

const {
  Promise,
  SymbolDispose,
} = primordials;

const { AbortError } = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const { kEmptyObject } = require('internal/util');
const { addAbortListener } = require('internal/events/abort_listener');
const { Readline } = require('internal/readline/promises');
const {
  Interface: _Interface,
  kQuestion,
  kQuestionCancel,
  kQuestionReject,
} = require('internal/readline/interface');

class Interface extends _Interface {
  question(query, options = kEmptyObject) {
    return new Promise((resolve, reject) => {
      let cb = resolve;
      const signal = options?.signal;
      if (signal) {
        validateAbortSignal(signal, 'options.signal');
        if (signal.aborted) {
          return reject(new AbortError(undefined, { cause: signal.reason }));
        }
        const onAbort = () => {
          this[kQuestionCancel]();
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        const disposable = addAbortListener(signal, onAbort);
        cb = (answer) => {
          disposable[SymbolDispose]();
          resolve(answer);
        };
      }
      // Ctrl+C / Ctrl+D on a terminal reject the pending question.
      this[kQuestionReject] = reject;
      this[kQuestion](query, cb);
    });
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  Readline,
  createInterface,
};
