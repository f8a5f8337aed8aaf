'use strict';

// node:async_hooks: createHook, AsyncResource, the execution context
// getters and AsyncLocalStorage. Loading it turns on the tracking of async
// contexts (see internal/async_hooks).

const {
  ArrayPrototypeUnshift,
  FunctionPrototypeBind,
  NumberIsSafeInteger,
  ObjectDefineProperties,
  ObjectFreeze,
  ReflectApply,
  Symbol,
} = primordials;

const {
  codes: {
    ERR_ASYNC_CALLBACK,
    ERR_ASYNC_TYPE,
    ERR_INVALID_ASYNC_ID,
  },
} = require('internal/errors');
const { deprecate, kEmptyObject } = require('internal/util');
const { validateFunction, validateString } = require('internal/validators');
const internalAsyncHooks = require('internal/async_hooks');
const AsyncContextFrame = require('internal/async_context_frame');
const AsyncLocalStorage =
  require('internal/async_local_storage/async_context_frame');

const {
  async_id_symbol,
  trigger_async_id_symbol,
  async_context_frame,
  init_symbol,
  before_symbol,
  after_symbol,
  destroy_symbol,
  promise_resolve_symbol,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  getDefaultTriggerAsyncId,
  newAsyncId,
  emitInit,
  emitBefore,
  emitAfter,
  emitDestroy,
  initHooksExist,
  destroyHooksExist,
  enabledHooksExist,
  hasAsyncIdStack,
  registerDestroyHook,
  unregisterDestroyHook,
  enableHook,
  disableHook,
} = internalAsyncHooks;

internalAsyncHooks.enableTracking();

// The provider names of Node's AsyncWrap, as Node 24 numbers them.
const asyncWrapProviders = { __proto__: null };
{
  const names = [
    'NONE', 'DIRHANDLE', 'DNSCHANNEL', 'ELDHISTOGRAM', 'FILEHANDLE',
    'FILEHANDLECLOSEREQ', 'BLOBREADER', 'FSEVENTWRAP', 'FSREQCALLBACK',
    'FSREQPROMISE', 'GETADDRINFOREQWRAP', 'GETNAMEINFOREQWRAP',
    'HEAPSNAPSHOT', 'HTTP2SESSION', 'HTTP2STREAM', 'HTTP2PING',
    'HTTP2SETTINGS', 'HTTPINCOMINGMESSAGE', 'HTTPCLIENTREQUEST', 'LOCKS',
    'JSSTREAM', 'JSUDPWRAP', 'MESSAGEPORT', 'PIPECONNECTWRAP',
    'PIPESERVERWRAP', 'PIPEWRAP', 'PROCESSWRAP', 'PROMISE', 'QUERYWRAP',
    'QUIC_ENDPOINT', 'QUIC_LOGSTREAM', 'QUIC_PACKET', 'QUIC_SESSION',
    'QUIC_STREAM', 'QUIC_UDP', 'SHUTDOWNWRAP', 'SIGNALWRAP', 'STATWATCHER',
    'STREAMPIPE', 'TCPCONNECTWRAP', 'TCPSERVERWRAP', 'TCPWRAP', 'TTYWRAP',
    'UDPSENDWRAP', 'UDPWRAP', 'SIGINTWATCHDOG', 'WORKER',
    'WORKERCPUPROFILE', 'WORKERCPUUSAGE', 'WORKERHEAPPROFILE',
    'WORKERHEAPSNAPSHOT', 'WORKERHEAPSTATISTICS', 'WRITEWRAP', 'ZLIB',
    'CHECKPRIMEREQUEST', 'PBKDF2REQUEST', 'KEYPAIRGENREQUEST',
    'KEYGENREQUEST', 'KEYEXPORTREQUEST', 'ARGON2REQUEST', 'CIPHERREQUEST',
    'DERIVEBITSREQUEST', 'HASHREQUEST', 'RANDOMBYTESREQUEST',
    'RANDOMPRIMEREQUEST', 'SCRYPTREQUEST', 'SIGNREQUEST', 'TLSWRAP',
    'VERIFYREQUEST',
  ];
  for (let i = 0; i < names.length; i++) asyncWrapProviders[names[i]] = i;
  ObjectFreeze(asyncWrapProviders);
}

// --- createHook. -----------------------------------------------------------
class AsyncHook {
  constructor({ init, before, after, destroy, promiseResolve }) {
    if (init !== undefined && typeof init !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.init');
    }
    if (before !== undefined && typeof before !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.before');
    }
    if (after !== undefined && typeof after !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.after');
    }
    if (destroy !== undefined && typeof destroy !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.destroy');
    }
    if (promiseResolve !== undefined && typeof promiseResolve !== 'function') {
      throw new ERR_ASYNC_CALLBACK('hook.promiseResolve');
    }
    this[init_symbol] = init;
    this[before_symbol] = before;
    this[after_symbol] = after;
    this[destroy_symbol] = destroy;
    this[promise_resolve_symbol] = promiseResolve;
  }

  enable() {
    enableHook(this);
    return this;
  }

  disable() {
    disableHook(this);
    return this;
  }
}

function createHook(fns) {
  return new AsyncHook(fns);
}

// --- AsyncResource. --------------------------------------------------------
const destroyedSymbol = Symbol('destroyed');

class AsyncResource {
  constructor(type, opts = kEmptyObject) {
    validateString(type, 'type');
    let triggerAsyncId = opts;
    let requireManualDestroy = false;
    if (typeof opts !== 'number') {
      triggerAsyncId = opts.triggerAsyncId === undefined ?
        getDefaultTriggerAsyncId() : opts.triggerAsyncId;
      requireManualDestroy = !!opts.requireManualDestroy;
    }
    if (!NumberIsSafeInteger(triggerAsyncId) || triggerAsyncId < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerAsyncId);
    }
    this[async_context_frame] = AsyncContextFrame.current();
    const asyncId = newAsyncId();
    this[async_id_symbol] = asyncId;
    this[trigger_async_id_symbol] = triggerAsyncId;
    if (initHooksExist()) {
      if (enabledHooksExist() && type.length === 0) {
        throw new ERR_ASYNC_TYPE(type);
      }
      emitInit(asyncId, type, triggerAsyncId, this);
    }
    if (!requireManualDestroy && destroyHooksExist()) {
      // Reported when the resource is collected, unless emitDestroy()
      // reported it before.
      const token = { destroyed: false };
      this[destroyedSymbol] = token;
      registerDestroyHook(this, asyncId, token);
    }
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const asyncId = this[async_id_symbol];
    emitBefore(asyncId, this[trigger_async_id_symbol], this);
    const prior = AsyncContextFrame.exchange(this[async_context_frame]);
    try {
      return ReflectApply(fn, thisArg, args);
    } finally {
      AsyncContextFrame.set(prior);
      if (hasAsyncIdStack()) emitAfter(asyncId);
    }
  }

  emitDestroy() {
    const token = this[destroyedSymbol];
    if (token !== undefined) {
      token.destroyed = true;
      unregisterDestroyHook(token);
    }
    emitDestroy(this[async_id_symbol]);
    return this;
  }

  asyncId() {
    return this[async_id_symbol];
  }

  triggerAsyncId() {
    return this[trigger_async_id_symbol];
  }

  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    let bound;
    if (thisArg === undefined) {
      const resource = this;
      bound = function(...args) {
        ArrayPrototypeUnshift(args, fn, this);
        return ReflectApply(resource.runInAsyncScope, resource, args);
      };
    } else {
      bound = FunctionPrototypeBind(this.runInAsyncScope, this, fn, thisArg);
    }
    let self = this;
    ObjectDefineProperties(bound, {
      'length': {
        __proto__: null,
        configurable: true,
        enumerable: false,
        value: fn.length,
        writable: false,
      },
      'asyncResource': {
        __proto__: null,
        configurable: true,
        enumerable: true,
        get: deprecate(function() {
          return self;
        }, 'The asyncResource property on bound functions is deprecated',
        'DEP0172'),
        set: deprecate(function(val) {
          self = val;
        }, 'The asyncResource property on bound functions is deprecated',
        'DEP0172'),
      },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type ||= fn.name;
    return (new AsyncResource(type || 'bound-anonymous-fn'))
      .bind(fn, thisArg);
  }
}

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  asyncWrapProviders,
  AsyncResource,
};
