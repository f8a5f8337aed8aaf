'use strict';

// MessagePort, MessageChannel, BroadcastChannel and MessageEvent, and the
// stdio streams a worker and its parent exchange over their internal port.
// The ports themselves are C++ handles (src/lode_message_port.cc); this
// gives them NodeEventTarget behaviour and the functions C++ calls through
// internalBinding('messaging'): oninit, emitMessage and onclose.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  FunctionPrototypeCall,
  JSONStringify,
  ObjectAssign,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectFreeze,
  ObjectPrototype,
  ObjectSetPrototypeOf,
  ReflectApply,
  Symbol,
  SymbolFor,
  SymbolIterator,
  SymbolToStringTag,
} = primordials;

const messaging = internalBinding('messaging');
const {
  MessagePort,
  createMessageChannel,
  broadcastChannel,
  drainMessagePort,
  receiveMessageOnPort: receiveMessageOnPortNative,
  stopMessagePort,
  checkMessagePort,
  moveMessagePortToContext,
} = messaging;
const {
  Event,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
  initNodeEventTarget,
  kCreateEvent,
  kNewListener,
  kRemoveListener,
} = require('internal/event_target');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { customInspectSymbol, kEnumerableProperty } = require('internal/util');

const kCurrentlyReceivingPorts =
  SymbolFor('nodejs.internal.kCurrentlyReceivingPorts');
const kHybridDispatch = SymbolFor('nodejs.internal.kHybridDispatch');
const kIncrementsPortRef = Symbol('kIncrementsPortRef');
const kName = Symbol('kName');
const kHandle = Symbol('kHandle');
const kOnMessage = Symbol('kOnMessage');
const kOnMessageError = Symbol('kOnMessageError');
const kData = Symbol('kData');
const kPorts = Symbol('kPorts');
const kInit = Symbol('kInit');

// The message types of a worker's internal port.
const messageTypes = {
  UP_AND_RUNNING: 'upAndRunning',
  COULD_NOT_SERIALIZE_ERROR: 'couldNotSerializeError',
  ERROR_MESSAGE: 'errorMessage',
  LOAD_SCRIPT: 'loadScript',
  STDIO_PAYLOAD: 'stdioPayload',
  STDIO_WANTS_MORE_DATA: 'stdioWantsMoreData',
  // worker.startCpuProfile(): requests to the worker and its answers.
  CPU_PROFILE_START: 'cpuProfileStart',
  CPU_PROFILE_STOP: 'cpuProfileStop',
  CPU_PROFILE_REPLY: 'cpuProfileReply',
  // worker.startHeapProfile() and worker.cpuUsage(), answered the same way.
  HEAP_PROFILE_START: 'heapProfileStart',
  HEAP_PROFILE_STOP: 'heapProfileStop',
  CPU_USAGE: 'cpuUsage',
  // worker.getHeapStatistics(): v8.getHeapStatistics() of the worker.
  HEAP_STATISTICS: 'heapStatistics',
  // worker.getHeapSnapshot(): the snapshot's JSON text, taken there.
  HEAP_SNAPSHOT: 'heapSnapshot',
};

// --- MessageEvent. ---------------------------------------------------------------
class MessageEvent extends Event {
  constructor(type, options = undefined) {
    if (arguments.length === 0) {
      // eslint-disable-next-line no-restricted-syntax
      throw new TypeError(
        'MessageEvent constructor: 1 argument required, but 0 found.');
    }
    super(type, options);
    const {
      data = null,
      origin = '',
      lastEventId = '',
      source = null,
      ports = [],
    } = options ?? {};
    if (source !== null && !checkMessagePort(source)) {
      throw messageEventError(`Expected eventInitDict.source ("${
        describe(source)}") to be an instance of MessagePort.`);
    }
    if (!isObject(ports) || typeof ports[SymbolIterator] !== 'function') {
      throw messageEventError(
        `eventInitDict.ports (${describe(ports)}) is not iterable.`);
    }
    const list = [];
    for (const port of ports) {
      if (!checkMessagePort(port)) {
        throw messageEventError(`Expected eventInitDict.ports ("${
          describe(port)}") to be an instance of MessagePort.`);
      }
      ArrayPrototypePush(list, port);
    }
    this[kData] = data;
    this[kInit] = { origin: `${origin}`, lastEventId: `${lastEventId}`,
                    source };
    this[kPorts] = ObjectFreeze(list);
  }

  get data() { return checkMessageEvent(this)[kData]; }
  get origin() { return checkMessageEvent(this)[kInit].origin; }
  get lastEventId() { return checkMessageEvent(this)[kInit].lastEventId; }
  get source() { return checkMessageEvent(this)[kInit].source; }
  get ports() { return checkMessageEvent(this)[kPorts]; }

  initMessageEvent(type, bubbles = false, cancelable = false, data = null,
                   origin = '', lastEventId = '', source = null, ports = []) {
    checkMessageEvent(this);
    return new MessageEvent(type, {
      bubbles, cancelable, data, origin, lastEventId, source, ports,
    });
  }
}

function describe(value) {
  if (typeof value === 'object' && value !== null) {
    try {
      return JSONStringify(value);
    } catch {
      return `${value}`;
    }
  }
  return `${value}`;
}

function messageEventError(message) {
  // eslint-disable-next-line no-restricted-syntax
  return new TypeError(`MessageEvent constructor: ${message}`);
}

function checkMessageEvent(event) {
  if (event === null || typeof event !== 'object' || !(kData in event)) {
    throw new ERR_INVALID_THIS('MessageEvent');
  }
  return event;
}

ObjectDefineProperties(MessageEvent.prototype, {
  data: kEnumerableProperty,
  origin: kEnumerableProperty,
  lastEventId: kEnumerableProperty,
  source: kEnumerableProperty,
  ports: kEnumerableProperty,
  initMessageEvent: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null, configurable: true, value: 'MessageEvent',
  },
});

// --- MessagePort. ------------------------------------------------------------------
ObjectSetPrototypeOf(MessagePort, NodeEventTarget);
ObjectSetPrototypeOf(MessagePort.prototype, NodeEventTarget.prototype);

const nativePostMessage = MessagePort.prototype.postMessage;
const nativeStart = MessagePort.prototype.start;
const nativeRef = MessagePort.prototype.ref;
const nativeUnref = MessagePort.prototype.unref;

function isObject(value) {
  return (typeof value === 'object' && value !== null) ||
    typeof value === 'function';
}

// ERR_INVALID_ARG_TYPE with a message of its own, as Node's C++ throws it.
function transferListError(what) {
  const err = new ERR_INVALID_ARG_TYPE('x', 'iterable', undefined);
  err.message = `Optional ${what} argument must be an iterable`;
  return err;
}

// Web IDL's sequence<object> from an iterable; `what` names it in errors.
function iterate(value, what) {
  const method = isObject(value) ? value[SymbolIterator] : undefined;
  if (typeof method !== 'function') throw transferListError(what);
  const iterator = FunctionPrototypeCall(method, value);
  if (!isObject(iterator)) throw transferListError(what);
  const next = iterator.next;
  if (typeof next !== 'function') throw transferListError(what);
  const list = [];
  for (;;) {
    const step = FunctionPrototypeCall(next, iterator);
    if (!isObject(step)) throw transferListError(what);
    if (step.done) return list;
    ArrayPrototypePush(list, step.value);
  }
}

// postMessage(value[, transferList | { transfer }])
function toTransferList(transfer) {
  if (transfer === undefined || transfer === null || ArrayIsArray(transfer)) {
    return transfer ?? undefined;
  }
  if (!isObject(transfer)) throw transferListError('transferList');
  if (transfer[SymbolIterator] !== undefined) {
    return iterate(transfer, 'transferList');
  }
  const inner = transfer.transfer;
  if (inner === undefined) return undefined;
  if (ArrayIsArray(inner)) return inner;
  return iterate(inner, 'options.transfer');
}

// postMessage() is the native method, as in Node: it calls toTransferList
// for a transfer argument that is not an array, and structured_clone's
// check once there are objects V8 would clone wrongly.

// The message listeners keep the port (and so the loop) alive: a port
// refs itself and starts when its first one comes, and unrefs when the
// last one goes.
function setupPortReferencing(port, eventEmitter, eventName) {
  FunctionPrototypeCall(nativeUnref, port);
  const newListener = (size) => {
    if (size === 0) {
      FunctionPrototypeCall(nativeRef, port);
      FunctionPrototypeCall(nativeStart, port);
    }
  };
  // Without listeners the port stops too: what arrives meanwhile waits
  // for the next listener instead of being dispatched to nobody.
  const removeListener = (size) => {
    if (size === 0) {
      FunctionPrototypeCall(nativeUnref, port);
      stopMessagePort(port);
    }
  };
  const origNewListener = eventEmitter[kNewListener];
  const origRemoveListener = eventEmitter[kRemoveListener];
  ObjectDefineProperty(eventEmitter, kNewListener, {
    __proto__: null, configurable: true, writable: true, enumerable: false,
    value: function(size, type, ...args) {
      if (type === eventName) newListener(size - 1);
      return ReflectApply(origNewListener, this, [size, type, ...args]);
    },
  });
  ObjectDefineProperty(eventEmitter, kRemoveListener, {
    __proto__: null, configurable: true, writable: true, enumerable: false,
    value: function(size, type, ...args) {
      if (type === eventName) removeListener(size);
      return ReflectApply(origRemoveListener, this, [size, type, ...args]);
    },
  });
}

// async_hooks sees each port made in this thread as a MESSAGEPORT
// resource (tools like why-is-node-running ask it hasRef()).
let asyncHooks;

function oninit() {
  // Before the port is set up, as in Node (where the hook runs in its
  // constructor).
  asyncHooks ??= require('internal/async_hooks');
  if (asyncHooks.initHooksExist()) {
    asyncHooks.emitInit(asyncHooks.newAsyncId(), 'MESSAGEPORT',
                        asyncHooks.getDefaultTriggerAsyncId(), this);
  }
  initNodeEventTarget(this);
  setupPortReferencing(this, this, 'message');
  this[kCurrentlyReceivingPorts] = undefined;
}

// The objects of a message of plain data, made here from the key/value
// arrays C++ read (see Message::ReadPlain in src/lode_message_port.cc),
// children first; each takes its place in the array that held its key/value
// array. Properties are defined, as V8's deserializer does: an assignment
// does the same, faster, unless Object.prototype has a property of that
// name (a setter would run, a read-only one would refuse).
function makeObject(pairs) {
  const object = {};
  for (let i = 0; i < pairs.length; i += 2) {
    const key = pairs[i];
    if (key in ObjectPrototype) {
      ObjectDefineProperty(object, key, {
        __proto__: null,
        value: pairs[i + 1],
        writable: true,
        enumerable: true,
        configurable: true,
      });
    } else {
      object[key] = pairs[i + 1];
    }
  }
  return object;
}

function makeObjects(data, objects, pairs) {
  // The usual message: one object, the value itself, its keys and values
  // given as arguments.
  if (objects === true) return makeObject(pairs);
  for (let i = 0; i < objects.length; i += 3) {
    const object = makeObject(objects[i]);
    const holder = objects[i + 1];
    if (holder === undefined) return object;
    holder[objects[i + 2]] = object;
  }
  return data;
}

// C++ calls this for each message, with the port as `this`; `ports` is
// undefined when the message brought none, `objects` when makeObjects()
// has nothing to make (and `pairs` is empty but for an object of plain
// data that is the message itself).
function emitMessage(data, ports, type, objects, ...pairs) {
  if (objects !== undefined) data = makeObjects(data, objects, pairs);
  if (typeof this[kHybridDispatch] === 'function') {
    if (ports === undefined && this[kCurrentlyReceivingPorts] === undefined) {
      return this[kHybridDispatch](data, type, undefined);
    }
    this[kCurrentlyReceivingPorts] = ports;
    try {
      return this[kHybridDispatch](data, type, undefined);
    } finally {
      this[kCurrentlyReceivingPorts] = undefined;
    }
  }
  const event = new MessageEvent(type, { data, ports });
  const handler = type === 'message' ? this.onmessage : this.onmessageerror;
  if (typeof handler === 'function') FunctionPrototypeCall(handler, this, event);
}

const kCloseCallback = Symbol('kCloseCallback');
const kPortClosed = Symbol('kPortClosed');

// After the handle has closed.
function onclose() {
  this[kPortClosed] = true;
  this.dispatchEvent(new Event('close'));
  const callback = this[kCloseCallback];
  if (typeof callback === 'function') {
    this[kCloseCallback] = undefined;
    FunctionPrototypeCall(callback, this);
  }
}

// close([callback]): the callback runs once the port has closed.
const nativeClose = MessagePort.prototype.close;
ObjectDefineProperty(MessagePort.prototype, 'close', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  writable: true,
  value: function close(callback) {
    if (typeof callback === 'function' && checkMessagePort(this)) {
      this[kCloseCallback] = callback;
    }
    return FunctionPrototypeCall(nativeClose, this);
  },
});

// hasRef(): false once the port has closed, as in Node (the native one
// says undefined then: its C++ side is gone).
const nativeHasRef = MessagePort.prototype.hasRef;
ObjectDefineProperty(MessagePort.prototype, 'hasRef', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  writable: true,
  value: function hasRef() {
    const ref = FunctionPrototypeCall(nativeHasRef, this);
    if (ref === undefined && this[kPortClosed] === true) return false;
    return ref;
  },
});

messaging.oninit = oninit;
messaging.toTransferList = toTransferList;
messaging.emitMessage = emitMessage;
messaging.onclose = onclose;

const createCustomEvent = NodeEventTarget.prototype[kCreateEvent];
MessagePort.prototype[kCreateEvent] = function(data, type) {
  if (type !== 'message' && type !== 'messageerror') {
    return FunctionPrototypeCall(createCustomEvent, this, data, type);
  }
  return new MessageEvent(type, {
    data,
    ports: this[kCurrentlyReceivingPorts] ?? [],
  });
};

defineEventHandler(MessagePort.prototype, 'message');
defineEventHandler(MessagePort.prototype, 'messageerror');

// Shown as Node shows it: active (and refed) while open, then the port's
// own properties.
ObjectDefineProperty(MessagePort.prototype, customInspectSymbol, {
  __proto__: null,
  enumerable: false,
  writable: false,
  value: function inspect() {
    let ref;
    try {
      ref = FunctionPrototypeCall(nativeHasRef, this);
    } catch {
      // Not a port (MessagePort.prototype itself, or the copy below).
      return this;
    }
    return ObjectAssign({ __proto__: MessagePort.prototype },
                        ref === undefined ? { active: false } :
                          { active: true, refed: ref },
                        this);
  },
});

// --- MessageChannel. ----------------------------------------------------------------
function MessageChannel() {
  if (new.target === undefined) {
    const { codes: { ERR_CONSTRUCT_CALL_REQUIRED } } =
      require('internal/errors');
    throw new ERR_CONSTRUCT_CALL_REQUIRED('MessageChannel');
  }
  const { 0: port1, 1: port2 } = createMessageChannel();
  this.port1 = port1;
  this.port2 = port2;
}

ObjectDefineProperty(MessageChannel.prototype, SymbolToStringTag, {
  __proto__: null, configurable: true, value: 'MessageChannel',
});

// --- receiveMessageOnPort. ----------------------------------------------------------
function receiveMessageOnPort(port) {
  // A BroadcastChannel reads from its own port.
  if (isObject(port) && kHandle in port && checkMessagePort(port[kHandle])) {
    port = port[kHandle];
  }
  if (!checkMessagePort(port)) {
    const err = new ERR_INVALID_ARG_TYPE('port', 'MessagePort', port);
    err.message = 'The "port" argument must be a MessagePort instance';
    throw err;
  }
  const result = receiveMessageOnPortNative(port);
  if (result === undefined) return undefined;
  return { message: result[0] };
}

// --- BroadcastChannel. ----------------------------------------------------------------
function validateBroadcastChannel(channel) {
  if (channel === null || typeof channel !== 'object' ||
      !(kName in channel)) {
    throw new ERR_INVALID_THIS('BroadcastChannel');
  }
}

class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) {
      throw new ERR_MISSING_ARGS('name');
    }
    super();
    this[kName] = `${name}`;
    this[kHandle] = broadcastChannel(this[kName]);
    this[kOnMessage] = (data) => {
      this.dispatchEvent(new MessageEvent('message', { data }));
    };
    this[kOnMessageError] = (data) => {
      this.dispatchEvent(new MessageEvent('messageerror', { data }));
    };
    this[kHandle].on('message', this[kOnMessage]);
    this[kHandle].on('messageerror', this[kOnMessageError]);
  }

  [customInspectSymbol](depth, options, inspect) {
    validateBroadcastChannel(this);
    if (depth < 0) return 'BroadcastChannel';
    const opts = { ...options, depth: options.depth == null ?
      null : options.depth - 1 };
    return `BroadcastChannel ${inspect({
      name: this[kName],
      active: this[kHandle] !== undefined,
    }, opts)}`;
  }

  get name() {
    validateBroadcastChannel(this);
    return this[kName];
  }

  close() {
    validateBroadcastChannel(this);
    if (this[kHandle] === undefined) return;
    // Nothing more is dispatched, not even what is already queued.
    this[kHandle].off('message', this[kOnMessage]);
    this[kHandle].off('messageerror', this[kOnMessageError]);
    this[kHandle].close();
    this[kHandle] = undefined;
  }

  postMessage(message) {
    validateBroadcastChannel(this);
    if (arguments.length === 0) {
      throw new ERR_MISSING_ARGS('message');
    }
    if (this[kHandle] === undefined) {
      const { lazyDOMException } = require('internal/util');
      throw lazyDOMException('BroadcastChannel is closed.',
                             'InvalidStateError');
    }
    FunctionPrototypeCall(nativePostMessage, this[kHandle], message);
  }

  // Keep the channel (and the loop) alive, or not.
  ref() {
    validateBroadcastChannel(this);
    if (this[kHandle]) FunctionPrototypeCall(nativeRef, this[kHandle]);
    return this;
  }

  unref() {
    validateBroadcastChannel(this);
    if (this[kHandle]) FunctionPrototypeCall(nativeUnref, this[kHandle]);
    return this;
  }
}

ObjectDefineProperties(BroadcastChannel.prototype, {
  name: kEnumerableProperty,
  close: kEnumerableProperty,
  postMessage: kEnumerableProperty,
});

defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

// --- Worker stdio over the internal port. -------------------------------------------
const kStdioWantsMoreDataCallback = Symbol('kStdioWantsMoreDataCallback');
const kWaitingStreams = Symbol('kWaitingStreams');
const kPort = Symbol('kPort');

let streamClasses;
function lazyStreamClasses() {
  if (streamClasses !== undefined) return streamClasses;
  const { Readable, Writable } = require('stream');

  // The reading side of a stream whose data come from the other thread.
  class ReadableWorkerStdio extends Readable {
    constructor(port, name) {
      super();
      this[kPort] = port;
      this[kName] = name;
      this[kIncrementsPortRef] = true;
      this[kStartedReading] = false;
      this.on('end', () => {
        if (this[kStartedReading] && this[kIncrementsPortRef]) {
          if (--this[kPort][kWaitingStreams] === 0) this[kPort].unref();
        }
      });
    }

    _read() {
      if (!this[kStartedReading] && this[kIncrementsPortRef]) {
        this[kStartedReading] = true;
        if (this[kPort][kWaitingStreams]++ === 0) this[kPort].ref();
      }
      this[kPort].postMessage({
        type: messageTypes.STDIO_WANTS_MORE_DATA,
        stream: this[kName],
      });
    }
  }

  // The writing side: chunks go to the other thread, which acknowledges
  // them when it wants more.
  class WritableWorkerStdio extends Writable {
    constructor(port, name) {
      super({ decodeStrings: false });
      this[kPort] = port;
      this[kName] = name;
      this[kWritableCallback] = null;
    }

    _writev(chunks, cb) {
      const list = [];
      for (let i = 0; i < chunks.length; i++) {
        const { chunk, encoding } = chunks[i];
        ArrayPrototypePush(list, { chunk, encoding });
      }
      this[kPort].postMessage({
        type: messageTypes.STDIO_PAYLOAD,
        stream: this[kName],
        chunks: list,
      });
      // Done as soon as it is queued on the port: the data reach the
      // other thread even when this one exits right after.
      cb();
    }

    _final(cb) {
      this[kPort].postMessage({
        type: messageTypes.STDIO_PAYLOAD,
        stream: this[kName],
        chunks: [{ chunk: null, encoding: '' }],
      });
      cb();
    }

    [kStdioWantsMoreDataCallback]() {
      const cb = this[kWritableCallback];
      if (cb) {
        this[kWritableCallback] = null;
        cb();
      }
    }
  }

  streamClasses = { ReadableWorkerStdio, WritableWorkerStdio };
  return streamClasses;
}
const kStartedReading = Symbol('kStartedReading');
const kWritableCallback = Symbol('kWritableCallback');

function createWorkerStdio(kind, port, name) {
  const classes = lazyStreamClasses();
  if (port[kWaitingStreams] === undefined) port[kWaitingStreams] = 0;
  return kind === 'readable' ?
    new classes.ReadableWorkerStdio(port, name) :
    new classes.WritableWorkerStdio(port, name);
}

module.exports = {
  BroadcastChannel,
  MessageChannel,
  MessageEvent,
  MessagePort,
  checkMessagePort,
  createWorkerStdio,
  drainMessagePort,
  kIncrementsPortRef,
  kStdioWantsMoreDataCallback,
  messageTypes,
  moveMessagePortToContext,
  receiveMessageOnPort,
  setupPortReferencing,
  stopMessagePort,
};
