'use strict';

// AsyncLocalStorage over the frames of internal/async_context_frame: a
// store's value is its entry in the current frame, and it travels wherever
// the frame does.

const {
  ObjectIs,
  ReflectApply,
} = primordials;

const { validateObject } = require('internal/validators');
const { kEmptyObject } = require('internal/util');
const AsyncContextFrame = require('internal/async_context_frame');

let AsyncResource;
function lazyAsyncResource() {
  AsyncResource ??= require('async_hooks').AsyncResource;
  return AsyncResource;
}

class AsyncLocalStorage {
  #defaultValue = undefined;
  #name = undefined;

  constructor(options = kEmptyObject) {
    validateObject(options, 'options');
    AsyncContextFrame.want();
    this.#defaultValue = options.defaultValue;
    if (options.name !== undefined) this.#name = `${options.name}`;
  }

  // A function that calls `fn` in the frame current now.
  static bind(fn) {
    return lazyAsyncResource().bind(fn);
  }

  // A function that calls its first argument with the others in the frame
  // current now.
  static snapshot() {
    return lazyAsyncResource().bind((cb, ...args) => cb(...args));
  }

  get name() {
    return this.#name ?? '';
  }

  disable() {
    AsyncContextFrame.disable(this);
  }

  enterWith(data) {
    AsyncContextFrame.enter(this, data);
  }

  run(data, fn, ...args) {
    const prior = this.getStore();
    if (ObjectIs(prior, data)) return ReflectApply(fn, null, args);
    this.enterWith(data);
    try {
      return ReflectApply(fn, null, args);
    } finally {
      this.enterWith(prior);
    }
  }

  exit(fn, ...args) {
    return this.run(undefined, fn, ...args);
  }

  getStore() {
    const frame = AsyncContextFrame.current();
    if (frame === undefined || !frame.has(this)) return this.#defaultValue;
    return frame.get(this);
  }
}

module.exports = AsyncLocalStorage;
