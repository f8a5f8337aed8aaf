'use strict';

// node:trace_events. createTracing({ categories }) returns a Tracing whose
// enable() adds its categories to those the tracing agent records (next to
// --trace-event-categories) and whose disable() takes them away again. The
// events go to the agent's file (src/lode_tracing.h). Only the main thread
// may change what the process records: in a worker, loading the module
// throws ERR_TRACE_EVENTS_UNAVAILABLE, as in Node.

const {
  ArrayIsArray,
  ArrayPrototypeJoin,
  SafeSet,
} = primordials;

const {
  codes: {
    ERR_TRACE_EVENTS_CATEGORY_REQUIRED,
    ERR_TRACE_EVENTS_UNAVAILABLE,
  },
} = require('internal/errors');

if (!internalBinding('worker').isMainThread) {
  throw new ERR_TRACE_EVENTS_UNAVAILABLE();
}

const {
  CategorySet,
  getEnabledCategories,
} = internalBinding('trace_events');
const { customInspectSymbol } = require('internal/util');
const { inspect } = require('internal/util/inspect');
const {
  validateObject,
  validateStringArray,
} = require('internal/validators');

require('internal/trace_events_async_hooks').setupTraceCategoryState();

// More enabled Tracing objects than this is probably a leak: warn once.
const kMaxTracingCount = 10;
// The enabled ones, kept alive until disabled.
const enabledTracingObjects = new SafeSet();
let leakWarned = false;

class Tracing {
  #handle;
  #categories;
  #enabled = false;

  constructor(categories) {
    this.#handle = new CategorySet(categories);
    this.#categories = categories;
  }

  enable() {
    if (this.#enabled) return;
    this.#enabled = true;
    this.#handle.enable();
    enabledTracingObjects.add(this);
    if (enabledTracingObjects.size > kMaxTracingCount && !leakWarned) {
      leakWarned = true;
      process.emitWarning(
        'Possible trace_events memory leak detected. There are more than ' +
        `${kMaxTracingCount} enabled Tracing objects.`);
    }
  }

  disable() {
    if (!this.#enabled) return;
    this.#enabled = false;
    this.#handle.disable();
    enabledTracingObjects.delete(this);
  }

  get enabled() {
    return this.#enabled;
  }

  get categories() {
    return ArrayPrototypeJoin(this.#categories, ',');
  }

  [customInspectSymbol](depth, options) {
    if (typeof depth === 'number' && depth < 0) return this;
    const shown = { enabled: this.enabled, categories: this.categories };
    return `Tracing ${inspect(shown, {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    })}`;
  }
}

function createTracing(options) {
  validateObject(options, 'options');
  validateStringArray(options.categories, 'options.categories');
  if (!ArrayIsArray(options.categories) || options.categories.length <= 0) {
    throw new ERR_TRACE_EVENTS_CATEGORY_REQUIRED();
  }
  return new Tracing(options.categories);
}

module.exports = {
  createTracing,
  getEnabledCategories,
};
