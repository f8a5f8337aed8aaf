'use strict';

// node:domain (deprecated, still in Node 24). A domain catches the errors
// of the callbacks that ran inside it: callbacks created while a domain is
// active remember it (through an async hook) and run inside it again;
// EventEmitters created inside it send unhandled 'error' events to it; an
// uncaught exception thrown inside it goes to its 'error' listeners
// through the uncaught-exception capture callback.

const {
  ArrayPrototypeIndexOf,
  ArrayPrototypeLastIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  ErrorCaptureStackTrace,
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ReflectApply,
  SafeMap,
} = primordials;

const EventEmitter = require('events');
const {
  codes: {
    ERR_DOMAIN_CALLBACK_NOT_AVAILABLE,
    ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE,
    ERR_UNHANDLED_ERROR,
  },
} = require('internal/errors');
const { createHook } = require('async_hooks');
const execution = require('internal/process/execution');

// The domain module takes over the capture callback: it may not be loaded
// while user code holds it, and user code may not take it afterwards.
if (execution.hasUncaughtExceptionCaptureCallback()) {
  throw new ERR_DOMAIN_CALLBACK_NOT_AVAILABLE();
}
// Where the module was loaded, for the error below: that is the code to
// look at.
const loadedAt = new Error('require(`domain`) at this point').stack;
process.setUncaughtExceptionCaptureCallback = function
setUncaughtExceptionCaptureCallback(fn) {
  const err = new ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE();
  ErrorCaptureStackTrace(err, setUncaughtExceptionCaptureCallback);
  err.stack = `${err.stack}\n${'-'.repeat(40)}\n${loadedAt}`;
  throw err;
};

// Every domain entered and not yet exited, innermost last.
let stack = [];

// The domain each pending async operation was created in, by async id.
const domainOfAsyncId = new SafeMap();

const hook = createHook({
  init(asyncId, type, triggerAsyncId, resource) {
    const domain = process.domain;
    if (domain === null || domain === undefined) return;
    domainOfAsyncId.set(asyncId, domain);
    // A promise from another context must not carry the domain out.
    if (type !== 'PROMISE' || resource instanceof Promise) {
      ObjectDefineProperty(resource, 'domain', {
        __proto__: null,
        configurable: true,
        enumerable: false,
        writable: true,
        value: domain,
      });
    }
  },
  before(asyncId) {
    const domain = domainOfAsyncId.get(asyncId);
    if (domain !== undefined) domain.enter();
  },
  after(asyncId) {
    const domain = domainOfAsyncId.get(asyncId);
    if (domain !== undefined) domain.exit();
  },
  destroy(asyncId) {
    domainOfAsyncId.delete(asyncId);
  },
});

function setActive(domain) {
  exports.active = process.domain = domain;
}

// The capture callback is set only while some entered domain listens for
// 'error': otherwise an uncaught exception takes the normal path.
function updateExceptionCapture() {
  let listening = false;
  for (let i = 0; i < stack.length; i++) {
    if (stack[i].listenerCount('error') > 0) {
      listening = true;
      break;
    }
  }
  execution.setUncaughtExceptionCaptureCallback(null);
  if (listening) {
    execution.setUncaughtExceptionCaptureCallback((er) => {
      return process.domain._errorHandler(er);
    });
  }
}

// An uncaught exception ends the tick: no domain stays entered.
function clearDomainStack() {
  stack.length = 0;
  setActive(null);
  updateExceptionCapture();
}

process.on('newListener', (name, listener) => {
  if (name === 'uncaughtException' && listener !== clearDomainStack) {
    // The stack is cleared before any user listener runs.
    process.removeListener(name, clearDomainStack);
    process.prependListener(name, clearDomainStack);
  }
});
process.on('removeListener', (name, listener) => {
  if (name === 'uncaughtException' && listener !== clearDomainStack) {
    const listeners = process.listeners('uncaughtException');
    if (listeners.length === 1 && listeners[0] === clearDomainStack) {
      process.removeListener(name, clearDomainStack);
    }
  }
});

class Domain extends EventEmitter {
  constructor() {
    super();
    this.members = [];
    hook.enable();
    updateExceptionCapture();
  }
}

Domain.prototype._errorHandler = function _errorHandler(er) {
  let caught = false;
  if ((typeof er === 'object' && er !== null) || typeof er === 'function') {
    ObjectDefineProperty(er, 'domain', {
      __proto__: null,
      configurable: true,
      enumerable: false,
      writable: true,
      value: this,
    });
    er.domainThrown = true;
  }

  // The handler must not run inside the domain that failed.
  while (exports.active === this) this.exit();

  if (stack.length === 0) {
    // The outermost domain: without a listener the process's own
    // 'uncaughtException' handling takes over.
    if (this.listenerCount('error') > 0) {
      execution.setUncaughtExceptionCaptureCallback(null);
      try {
        caught = this.emit('error', er);
      } finally {
        updateExceptionCapture();
      }
    }
  } else {
    try {
      caught = this.emit('error', er);
    } catch (er2) {
      // The handler threw: an enclosing domain may catch that.
      updateExceptionCapture();
      if (stack.length) {
        setActive(stack[stack.length - 1]);
        caught = process.domain._errorHandler(er2);
      } else {
        throw er2;
      }
    }
  }

  clearDomainStack();
  return caught;
};

Domain.prototype.enter = function enter() {
  // Entered even when already active: exit() pops what enter() pushed.
  setActive(this);
  ArrayPrototypePush(stack, this);
  updateExceptionCapture();
};

Domain.prototype.exit = function exit() {
  const index = ArrayPrototypeLastIndexOf(stack, this);
  if (index === -1) return;
  // Leaving a domain leaves the ones entered after it.
  ArrayPrototypeSplice(stack, index);
  const top = stack.length === 0 ? undefined : stack[stack.length - 1];
  exports.active = top;
  process.domain = top;
  updateExceptionCapture();
};

Domain.prototype.add = function add(ee) {
  if (ee.domain === this) return;
  // An emitter belongs to one domain at a time.
  if (ee.domain) ee.domain.remove(ee);

  // A domain added to a domain must not end up inside itself.
  if (this.domain && (ee instanceof Domain)) {
    for (let d = this.domain; d; d = d.domain) {
      if (ee === d) return;
    }
  }

  ObjectDefineProperty(ee, 'domain', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    writable: true,
    value: this,
  });
  ArrayPrototypePush(this.members, ee);
};

Domain.prototype.remove = function remove(ee) {
  ee.domain = null;
  const index = ArrayPrototypeIndexOf(this.members, ee);
  if (index !== -1) ArrayPrototypeSplice(this.members, index, 1);
};

Domain.prototype.run = function run(fn, ...args) {
  this.enter();
  const ret = ReflectApply(fn, this, args);
  this.exit();
  return ret;
};

function intercepted(domain, cb, args) {
  if (args.length && args[0] instanceof Error) {
    const er = args[0];
    er.domainBound = cb;
    er.domainThrown = false;
    ObjectDefineProperty(er, 'domain', {
      __proto__: null,
      configurable: true,
      enumerable: false,
      writable: true,
      value: domain,
    });
    domain.emit('error', er);
    return;
  }
  domain.enter();
  const ret = ReflectApply(cb, this, ArrayPrototypeSlice(args, 1));
  domain.exit();
  return ret;
}

Domain.prototype.intercept = function intercept(cb) {
  const domain = this;
  function runIntercepted(...args) {
    return FunctionPrototypeCall(intercepted, this, domain, cb, args);
  }
  return runIntercepted;
};

function bound(domain, cb, args) {
  domain.enter();
  const ret = ReflectApply(cb, this, args);
  domain.exit();
  return ret;
}

Domain.prototype.bind = function bind(cb) {
  const domain = this;
  function runBound(...args) {
    return FunctionPrototypeCall(bound, this, domain, cb, args);
  }
  ObjectDefineProperty(runBound, 'domain', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    writable: true,
    value: this,
  });
  return runBound;
};

// EventEmitters learn about domains: one created inside a domain belongs
// to it, and its unhandled 'error' events go to the domain.
EventEmitter.usingDomains = true;

const originalInit = EventEmitter.init;
EventEmitter.init = function(opts) {
  ObjectDefineProperty(this, 'domain', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    writable: true,
    value: null,
  });
  if (exports.active && !(this instanceof Domain)) {
    this.domain = exports.active;
  }
  return FunctionPrototypeCall(originalInit, this, opts);
};

const originalEmit = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function emit(...args) {
  const domain = this.domain;
  const type = args[0];
  if ((type === 'error' && this.listenerCount(type) > 0) ||
      domain === null || domain === undefined || this === process) {
    return ReflectApply(originalEmit, this, args);
  }

  if (type === 'error') {
    const er = args.length > 1 && args[1] ? args[1] : new ERR_UNHANDLED_ERROR();
    if (typeof er === 'object') {
      er.domainEmitter = this;
      ObjectDefineProperty(er, 'domain', {
        __proto__: null,
        configurable: true,
        enumerable: false,
        writable: true,
        value: domain,
      });
      er.domainThrown = false;
    }
    // The domain's handler runs outside the domain (and its duplicates on
    // top of the stack), then the stack comes back as it was.
    const savedStack = ArrayPrototypeSlice(stack);
    const savedActive = process.domain;
    let index = stack.length - 1;
    while (index > -1 && process.domain === stack[index]) index--;
    if (index < 0) {
      stack.length = 0;
    } else {
      ArrayPrototypeSplice(stack, index + 1);
    }
    setActive(stack.length > 0 ? stack[stack.length - 1] : null);
    updateExceptionCapture();

    domain.emit('error', er);

    exports._stack = stack = savedStack;
    setActive(savedActive);
    updateExceptionCapture();
    return false;
  }

  domain.enter();
  const ret = ReflectApply(originalEmit, this, args);
  domain.exit();
  return ret;
};

exports._stack = stack;
exports.active = null;
exports.Domain = Domain;
exports.createDomain = exports.create = function createDomain() {
  return new Domain();
};
