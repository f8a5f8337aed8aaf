'use strict';

// Timers and immediates. C++ owns one uv timer and one check handle; the
// lists live here:
// - every timer of the same duration sits in one list, in insertion order,
//   so the list's first timer is always the next of that duration to fire;
// - the lists sit in a binary heap ordered by their next expiry;
// - processTimers(now), called by C++ when the uv timer fires, runs what is
//   due and returns the next expiry (0: none; negative: only unref'ed
//   timers remain, so the loop may exit).
// Immediates are one queue run by processImmediate() in the check phase.

const {
  MathMax,
  MathTrunc,
  NumberIsFinite,
  NumberMIN_SAFE_INTEGER,
  ObjectCreate,
  ReflectApply,
  Symbol,
  SymbolDispose,
  SymbolFor,
  SymbolToPrimitive,
} = primordials;

const binding = internalBinding('timers');
const {
  immediateInfo,
  scheduleTimer,
  toggleTimerRef,
  toggleImmediateRef,
  getLibuvNow,
} = binding;
const { triggerUncaughtException } = internalBinding('errors');
const { validateFunction, validateNumber } = require('internal/validators');
const AsyncContextFrame = require('internal/async_context_frame');
const {
  tracking,
  async_id_symbol,
  trigger_async_id_symbol,
  async_context_frame,
  newAsyncId,
  getDefaultTriggerAsyncId,
  initHooksExist,
  destroyHooksExist,
  emitInit,
  emitDestroy,
  enterResource,
  leaveResource,
  leaveResourceAfterThrow,
} = require('internal/async_hooks');
const PriorityQueue = require('internal/priority_queue');
const {
  init: initList,
  isEmpty: listIsEmpty,
  peek: listPeek,
  remove: listRemove,
  append: listAppend,
} = require('internal/linkedlist');

// Indices of immediateInfo, shared with src/env.h.
const kCount = 0;
const kRefCount = 1;
const kHasOutstanding = 2;

// The largest delay: 2^31 - 1 ms, as in Node; more becomes 1 ms.
const TIMEOUT_MAX = 2 ** 31 - 1;

const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');

let timerListId = NumberMIN_SAFE_INTEGER;

// Lists by duration, and the heap of lists.
const timerListMap = ObjectCreate(null);
const knownTimersById = ObjectCreate(null);
let nextExpiry = Infinity;
let warnedNegative = false;
let warnedNaN = false;
let refCount = 0;

// Timers of one duration share a list (internal/linkedlist); the lists sit
// in a heap by their next expiry, the older list first on a tie.
function compareTimersLists(a, b) {
  const expiryDiff = a.expiry - b.expiry;
  if (expiryDiff === 0) {
    if (a.id < b.id) return -1;
    if (a.id > b.id) return 1;
  }
  return expiryDiff;
}

function setPosition(list, pos) {
  list.priorityQueuePosition = pos;
}

const timerListQueue = new PriorityQueue(compareTimersLists, setPosition);

const kInspect = SymbolFor('nodejs.util.inspect.custom');

// Timers and their lists link to each other: util.inspect() shows them one
// level deep, as Node does.
function inspectShallow(object, options) {
  const { inspect } = require('internal/util/inspect');
  return inspect(object, { ...options, depth: 0, customInspect: false });
}

class TimersList {
  constructor(expiry, msecs) {
    initList(this);
    this.expiry = expiry;
    this.id = timerListId++;
    this.msecs = msecs;
    this.priorityQueuePosition = null;
  }

  [kInspect](depth, options) {
    return inspectShallow(this, options);
  }
}

function incRefCount() {
  if (refCount++ === 0) toggleTimerRef(true);
}

function decRefCount() {
  if (--refCount === 0) toggleTimerRef(false);
}

// --- Timeout objects. ------------------------------------------------------
class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    const given = after;
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      // Overflows warn each time; NaN and negative delays once per process.
      if (after > TIMEOUT_MAX) {
        process.emitWarning(`${after} does not fit into a 32-bit signed ` +
                            'integer.\nTimeout duration was set to 1.',
                            'TimeoutOverflowWarning');
      } else if (after < 0 && !warnedNegative) {
        warnedNegative = true;
        process.emitWarning(`${after} is a negative number.\n` +
                            'Timeout duration was set to 1.',
                            'TimeoutNegativeWarning');
      } else if (after !== after && given !== undefined && !warnedNaN) {
        warnedNaN = true;
        process.emitWarning(`${after} is not a number.\n` +
                            'Timeout duration was set to 1.',
                            'TimeoutNaNWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    if (isRefed) incRefCount();
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    const asyncId = newAsyncId();
    const triggerAsyncId = getDefaultTriggerAsyncId();
    this[async_id_symbol] = asyncId;
    this[trigger_async_id_symbol] = triggerAsyncId;
    this[async_context_frame] = AsyncContextFrame.current();
    if (initHooksExist()) emitInit(asyncId, 'Timeout', triggerAsyncId, this);
  }

  refresh() {
    if (this[kRefed]) {
      active(this);
    } else {
      unrefActive(this);
    }
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  close() {
    clearTimeout(this);
    return this;
  }

  [kInspect](depth, options) {
    return inspectShallow(this, options);
  }

  [SymbolToPrimitive]() {
    const id = this[async_id_symbol];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      knownTimersById[id] = this;
    }
    return id;
  }

  [SymbolDispose]() {
    clearTimeout(this);
  }
}

function insertGuarded(item, refed, start) {
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  insert(item, msecs, start);
  const isDestroyed = item._destroyed;
  if (isDestroyed || !item[async_id_symbol]) {
    item._destroyed = false;
    item[async_id_symbol] = newAsyncId();
    item[trigger_async_id_symbol] = getDefaultTriggerAsyncId();
    if (initHooksExist()) {
      emitInit(item[async_id_symbol], 'Timeout',
               item[trigger_async_id_symbol], item);
    }
    if (isDestroyed) {
      if (refed) incRefCount();
    } else if (refed === !item[kRefed]) {
      if (refed) incRefCount(); else decRefCount();
    }
  }
  item[kRefed] = refed;
}

function insert(item, msecs, start = getLibuvNow()) {
  msecs = MathTrunc(msecs);
  item._idleStart = start;
  let list = timerListMap[msecs];
  if (list === undefined) {
    const expiry = start + msecs;
    timerListMap[msecs] = list = new TimersList(expiry, msecs);
    timerListQueue.insert(list);
    if (nextExpiry > expiry) {
      scheduleTimer(msecs);
      nextExpiry = expiry;
    }
  }
  listAppend(list, item);
}

function active(item) {
  insertGuarded(item, true);
}

function unrefActive(item) {
  insertGuarded(item, false);
}

function unenroll(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[kHasPrimitive]) delete knownTimersById[item[async_id_symbol]];
  if (destroyHooksExist() && item[async_id_symbol] !== undefined) {
    emitDestroy(item[async_id_symbol]);
  }
  if (item[kRefed]) decRefCount();
  const list = timerListMap[item._idleTimeout];
  if (list !== undefined && item._idleNext && item._idleNext !== item) {
    listRemove(item);
    if (listIsEmpty(list)) {
      if (list.priorityQueuePosition !== null) {
        timerListQueue.removeAt(list.priorityQueuePosition);
      }
      delete timerListMap[item._idleTimeout];
    }
  } else if (item._idleNext) {
    listRemove(item);
  }
  item._idleTimeout = -1;
}

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const timerInstance = knownTimersById[timer];
    if (timerInstance !== undefined) {
      timerInstance._idleTimeout = -1;
      unenroll(timerInstance);
    }
  }
}

// Called by C++ when the uv timer fires.
function processTimers(now) {
  nextExpiry = Infinity;
  let list;
  let ranAtLeastOneList = false;
  while ((list = timerListQueue.peek()) != null) {
    if (list.expiry > now) {
      nextExpiry = list.expiry;
      return refCount > 0 ? nextExpiry : -nextExpiry;
    }
    if (ranAtLeastOneList) {
      runNextTicks();
    } else {
      ranAtLeastOneList = true;
    }
    listOnTimeout(list, now);
  }
  return 0;
}

let runNextTicks;

function listOnTimeout(list, now) {
  const msecs = list.msecs;
  let ranAtLeastOneTimer = false;
  let timer;
  while ((timer = listPeek(list)) != null) {
    const diff = now - timer._idleStart;
    if (diff < msecs) {
      // Not due yet: the list moves in the heap to its next expiry.
      list.expiry = MathMax(timer._idleStart + msecs, now + 1);
      list.id = timerListId++;
      timerListQueue.percolateDown(1);
      return;
    }
    if (ranAtLeastOneTimer) {
      runNextTicks();
    } else {
      ranAtLeastOneTimer = true;
    }
    listRemove(timer);
    if (!timer._onTimeout) {
      if (!timer._destroyed) {
        timer._destroyed = true;
        if (timer[kRefed]) refCount--;
        if (timer[kHasPrimitive]) {
          delete knownTimersById[timer[async_id_symbol]];
        }
      }
      continue;
    }
    let start;
    if (timer._repeat) start = getLibuvNow();
    // The context of the timer, once something can observe it.
    const tracked = tracking.active;
    let priorFrame;
    if (tracked) priorFrame = enterResource(timer);
    let threw = true;
    try {
      const args = timer._timerArgs;
      if (args === undefined) {
        timer._onTimeout();
      } else {
        ReflectApply(timer._onTimeout, timer, args);
      }
      threw = false;
    } finally {
      if (timer._repeat && timer._idleTimeout !== -1) {
        timer._idleTimeout = timer._repeat;
        insert(timer, timer._idleTimeout, start);
      } else if (!timer._idleNext && !timer._idlePrev && !timer._destroyed) {
        timer._destroyed = true;
        if (timer[kHasPrimitive]) {
          delete knownTimersById[timer[async_id_symbol]];
        }
        if (timer[kRefed]) refCount--;
        if (destroyHooksExist()) emitDestroy(timer[async_id_symbol]);
      }
      if (tracked) {
        if (threw) {
          leaveResourceAfterThrow(priorFrame);
        } else {
          leaveResource(timer, priorFrame);
        }
      }
    }
  }
  // The list is empty: drop it, unless the callbacks made a new one for the
  // same duration.
  if (list === timerListMap[msecs]) {
    delete timerListMap[msecs];
    timerListQueue.shift();
  }
}

// --- Immediates. -----------------------------------------------------------
class ImmediateList {
  constructor() {
    this.head = null;
    this.tail = null;
  }

  append(item) {
    if (this.tail !== null) {
      this.tail._idleNext = item;
      item._idlePrev = this.tail;
    } else {
      this.head = item;
    }
    this.tail = item;
  }

  remove(item) {
    if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
    if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
    if (item === this.head) this.head = item._idleNext;
    if (item === this.tail) this.tail = item._idlePrev;
    item._idleNext = null;
    item._idlePrev = null;
  }
}

const immediateQueue = new ImmediateList();
// What an exception left unrun of the previous batch.
const outstandingQueue = new ImmediateList();

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    const asyncId = newAsyncId();
    const triggerAsyncId = getDefaultTriggerAsyncId();
    this[async_id_symbol] = asyncId;
    this[trigger_async_id_symbol] = triggerAsyncId;
    this[async_context_frame] = AsyncContextFrame.current();
    if (initHooksExist()) {
      emitInit(asyncId, 'Immediate', triggerAsyncId, this);
    }
    this.ref();
    immediateInfo[kCount]++;
    immediateQueue.append(this);
  }

  ref() {
    if (this[kRefed] === false) {
      this[kRefed] = true;
      if (immediateInfo[kRefCount]++ === 0) toggleImmediateRef(true);
    }
    return this;
  }

  unref() {
    if (this[kRefed] === true) {
      this[kRefed] = false;
      if (--immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }

  [SymbolDispose]() {
    clearImmediate(this);
  }
}

function processImmediate() {
  const queue = outstandingQueue.head !== null ?
    outstandingQueue : immediateQueue;
  let immediate = queue.head;
  // Immediates queued while these run wait for the next loop iteration.
  if (queue !== outstandingQueue) {
    queue.head = queue.tail = null;
    immediateInfo[kHasOutstanding] = 1;
  }
  let prevImmediate;
  let ranAtLeastOneImmediate = false;
  while (immediate !== null) {
    if (ranAtLeastOneImmediate) {
      runNextTicks();
    } else {
      ranAtLeastOneImmediate = true;
    }
    if (immediate._destroyed) {
      outstandingQueue.head = immediate = prevImmediate._idleNext;
      continue;
    }
    immediate._destroyed = true;
    immediateInfo[kCount]--;
    if (immediate[kRefed]) {
      immediateInfo[kRefCount]--;
      if (immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
    }
    immediate[kRefed] = null;
    prevImmediate = immediate;
    // If this throws, the rest of the batch runs on the next iteration.
    outstandingQueue.head = immediate._idleNext;
    let tracked = tracking.active;
    let priorFrame;
    if (tracked) priorFrame = enterResource(immediate);
    try {
      const argv = immediate._argv;
      if (!argv) {
        immediate._onImmediate();
      } else {
        ReflectApply(immediate._onImmediate, immediate, argv);
      }
    } catch (err) {
      // The handlers run in the immediate's context; once the exception is
      // handled the contexts are left (exitContextsAfterException).
      if (tracked) {
        leaveResourceAfterThrow(priorFrame);
        tracked = false;
      }
      // Dropped before the error is reported, as Node's finally does before
      // its stack is formatted: a frame of the callback then shows as
      // "Immediate.<anonymous>", not "Immediate._onImmediate".
      immediate._onImmediate = null;
      triggerUncaughtException(err, false);
      // As after Node's failed callback scope: the next immediate runs
      // before the ticks queued so far.
      ranAtLeastOneImmediate = false;
    } finally {
      immediate._onImmediate = null;
      if (destroyHooksExist()) emitDestroy(immediate[async_id_symbol]);
      if (tracked) leaveResource(immediate, priorFrame);
    }
    immediate = outstandingQueue.head;
  }
  if (queue === outstandingQueue) outstandingQueue.head = null;
  outstandingQueue.tail = null;
  immediateInfo[kHasOutstanding] = 0;
}

function clearImmediate(immediate) {
  // Anything but an Immediate (a Timeout, say) is ignored, as in Node.
  if (!(immediate instanceof Immediate) || immediate._destroyed) return;
  immediateInfo[kCount]--;
  immediate._destroyed = true;
  if (immediate[kRefed] && --immediateInfo[kRefCount] === 0) {
    toggleImmediateRef(false);
  }
  immediate[kRefed] = null;
  if (destroyHooksExist()) emitDestroy(immediate[async_id_symbol]);
  immediate._onImmediate = null;
  immediateQueue.remove(immediate);
}

// An unref'ed timer for core code (sockets' timeouts and the like).
function setUnrefTimeout(callback, after) {
  validateFunction(callback, 'callback');
  const timer = new Timeout(callback, after, undefined, false, false);
  insert(timer, timer._idleTimeout);
  return timer;
}

function setupTimers(nextTicks) {
  runNextTicks = nextTicks;
  binding.setupTimers(processImmediate, processTimers);
}

function getTimerDuration(msecs, name) {
  validateNumber(msecs, name);
  if (msecs < 0 || !NumberIsFinite(msecs)) {
    const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
                        `\nTimer duration was truncated to ${TIMEOUT_MAX}.`,
                        'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

// The live timers and immediates that keep the loop alive, for
// process.getActiveResourcesInfo().
function getTimerCounts() {
  return {
    timeoutCount: refCount,
    immediateCount: immediateInfo[kRefCount],
  };
}

// The symbol sockets keep their idle timer under (net, http, http2).
const kTimeout = Symbol('timeout');

module.exports = {
  TIMEOUT_MAX,
  kTimeout,
  getTimerCounts,
  kRefed,
  kHasPrimitive,
  async_id_symbol,
  trigger_async_id_symbol,
  Timeout,
  Immediate,
  active,
  unrefActive,
  insert,
  clearTimeout,
  clearImmediate,
  setupTimers,
  setUnrefTimeout,
  getTimerDuration,
  timerListQueue,
  immediateQueue,
  immediateInfoFields: immediateInfo,
  knownTimersById,
  validateFunction,
};
