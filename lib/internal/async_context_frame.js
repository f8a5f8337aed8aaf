'use strict';

// The async context of AsyncLocalStorage: a frame maps each store to its
// value, and the running code has one current frame (undefined while no
// store was ever entered). Frames never change once made (except for a
// disabled store, which leaves every frame): entering a store makes a new
// frame from the current one.
//
// V8 10.2 cannot carry embedder data along promise continuations for us, so
// the frame travels by hand: lode's own asynchronous boundaries (nextTick,
// queueMicrotask, timers, immediates, fs/net/child_process requests,
// AsyncResource) save the frame when their work is queued and restore it
// around the callback, and promise hooks carry it through reactions and
// await. The promise hooks are installed when the first AsyncLocalStorage
// is made (V8 reads them when a promise job starts: installed later, the
// job running then and the awaits made before would go unseen), never
// before, so that a program without AsyncLocalStorage pays nothing.

const {
  SafeMap,
} = primordials;

let current;
let promiseHooksWanted = false;
// Set by internal/async_hooks: installs the promise hooks that carry the
// frame (it knows whether async hooks need them too).
let onFirstFrame;

class AsyncContextFrame extends SafeMap {
  constructor(store, data) {
    super(current);
    this.set(store, data);
  }

  static current() {
    return current;
  }

  static set(frame) {
    current = frame;
  }

  static exchange(frame) {
    const prior = current;
    current = frame;
    return prior;
  }

  // Called for each new store: the promise hooks follow frames from now.
  static want() {
    if (!promiseHooksWanted) {
      promiseHooksWanted = true;
      onFirstFrame();
    }
  }

  // A new frame with `store` set to `data`, made current.
  static enter(store, data) {
    current = new AsyncContextFrame(store, data);
  }

  // The store leaves the current frame (and so the frames made from it
  // later); frames captured before keep it, as in Node.
  static disable(store) {
    current?.delete(store);
  }

  static get wanted() {
    return promiseHooksWanted;
  }

  static setOnFirstFrame(fn) {
    onFirstFrame = fn;
  }
}

module.exports = AsyncContextFrame;
