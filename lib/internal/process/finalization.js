'use strict';

// process.finalization: callbacks run at 'exit' (register) or at
// 'beforeExit' (registerBeforeExit) for objects that are still alive then.
// The objects are held weakly: one that is collected first just drops out.
// Each event has its own list; its listener is added with the first entry
// and removed when unregister() empties the list (the callbacks running
// empty it too, but leave the listener). An entry runs once.

const {
  SafeFinalizationRegistry,
  SafeSet,
  SafeWeakRef,
} = primordials;

const { emitExperimentalWarning } = require('internal/util');
const {
  validateObject,
  kValidateObjectAllowObjects,
} = require('internal/validators');

class ExitCallbacks {
  #event;
  #entries = new SafeSet();
  // Removes the entry of an object that was collected.
  #collected = new SafeFinalizationRegistry((entry) => {
    this.#entries.delete(entry);
  });
  #listener = () => this.#run();

  constructor(event) {
    this.#event = event;
  }

  add(obj, callback) {
    const entry = { ref: new SafeWeakRef(obj), callback };
    if (this.#entries.size === 0) process.on(this.#event, this.#listener);
    this.#entries.add(entry);
    this.#collected.register(obj, entry, obj);
  }

  // Returns true when no entry is left (the listener is then removed).
  remove(obj) {
    // An invalid token throws FinalizationRegistry's TypeError, as in Node.
    this.#collected.unregister(obj);
    for (const entry of this.#entries) {
      if (entry.ref.deref() === obj) this.#entries.delete(entry);
    }
    if (this.#entries.size !== 0) return false;
    process.removeListener(this.#event, this.#listener);
    return true;
  }

  #run() {
    for (const entry of this.#entries) {
      this.#entries.delete(entry);
      const obj = entry.ref.deref();
      if (obj !== undefined) {
        const callback = entry.callback;
        callback(obj, this.#event);
      }
    }
  }
}

let atExit;
let atBeforeExit;

function register(obj, callback) {
  emitExperimentalWarning('process.finalization.register');
  validateObject(obj, 'obj', kValidateObjectAllowObjects);
  atExit ??= new ExitCallbacks('exit');
  atExit.add(obj, callback);
}

function registerBeforeExit(obj, callback) {
  emitExperimentalWarning('process.finalization.registerBeforeExit');
  validateObject(obj, 'obj', kValidateObjectAllowObjects);
  atBeforeExit ??= new ExitCallbacks('beforeExit');
  atBeforeExit.add(obj, callback);
}

function unregister(obj) {
  emitExperimentalWarning('process.finalization.unregister');
  // Without entries (none registered yet, or all unregistered) nothing is
  // checked, as in Node: the lists are made anew by the next register call.
  if (atExit?.remove(obj)) atExit = undefined;
  if (atBeforeExit?.remove(obj)) atBeforeExit = undefined;
}

module.exports = {
  finalization: { register, registerBeforeExit, unregister },
};
