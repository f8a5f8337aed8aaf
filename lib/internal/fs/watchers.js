'use strict';

// The objects fs.watch and fs.watchFile hand out, and fsPromises.watch.
//   FSWatcher    one FSEvent handle (inotify): 'change' (eventType, filename),
//                'error', 'close'.
//   StatWatcher  one StatWatcher handle (stat polling): 'change' (curr, prev)
//                and 'stop'; shared by every fs.watchFile of one path, with
//                a count of the listeners that still keep the loop alive.
//   watch()      an async iterator of { eventType, filename }.
// Recursive watching on Linux is internal/fs/recursive_watch.

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  Promise,
  PromiseReject,
  PromiseResolve,
  Symbol,
  SymbolAsyncIterator,
} = primordials;

const {
  FSEvent,
  StatWatcher: StatWatcherHandle,
} = internalBinding('fs_event_wrap');
const { UV_ENOSPC } = internalBinding('uv');
const { owner_symbol } = internalBinding('symbols');
const {
  AbortError,
  UVException,
  codes: {
    ERR_FS_WATCH_QUEUE_OVERFLOW,
    ERR_INTERNAL_ASSERTION,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  getStatsFromBinding,
  getValidatedPath,
  bindingEncoding,
  decodeName,
} = require('internal/fs/utils');
const {
  validateAbortSignal,
  validateBoolean,
  validateInteger,
  validateObject,
  validateOneOf,
  validateUint32,
} = require('internal/validators');
const { kEmptyObject } = require('internal/util');
const EventEmitter = require('events');
const { toNamespacedPath } = require('path');
const { Buffer } = require('buffer');

const kStatFields = 18;
const kFSWatchStart = Symbol('kFSWatchStart');
const kFSStatWatcherStart = Symbol('kFSStatWatcherStart');
const kFSStatWatcherAddOrCleanRef = Symbol('kFSStatWatcherAddOrCleanRef');
const kRefs = Symbol('kRefs');
const kMaxRefs = Symbol('kMaxRefs');
const kBigint = Symbol('kBigint');
const kEncoding = Symbol('kEncoding');

function watchError(errno, filename) {
  const error = new UVException({
    errno,
    syscall: 'watch',
    path: filename,
    message: errno === UV_ENOSPC ? 'inotify limit reached' : undefined,
  });
  error.filename = filename;
  return error;
}

function assertFSEvent(handle) {
  if (!(handle instanceof FSEvent)) {
    throw new ERR_INTERNAL_ASSERTION('handle must be a FSEvent');
  }
}

// --- StatWatcher ------------------------------------------------------------

function onStatChange(status, stats) {
  const watcher = this[owner_symbol];
  if (watcher === undefined) return;
  watcher.emit('change', getStatsFromBinding(stats),
               getStatsFromBinding(stats, kStatFields));
}

function emitStop(watcher) {
  watcher.emit('stop');
}

class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this._handle = null;
    this[kBigint] = bigint === true;
    this[kRefs] = 1;
    this[kMaxRefs] = 1;
  }

  [kFSStatWatcherStart](filename, persistent, interval) {
    if (this._handle !== null) return;
    validateUint32(interval, 'interval');
    const handle = new StatWatcherHandle(this[kBigint]);
    handle[owner_symbol] = this;
    handle.onchange = onStatChange;
    if (!persistent) handle.unref();
    const err = handle.start(toNamespacedPath(filename), interval);
    if (err) {
      handle.close();
      throw watchError(err, filename);
    }
    this._handle = handle;
  }

  // Kept for compatibility: the watcher is started by fs.watchFile.
  start() {}

  stop() {
    if (this._handle === null) return;
    this._handle.close();
    this._handle = null;
    process.nextTick(emitStop, this);
  }

  // 'add' when one more fs.watchFile shares this watcher, 'clean' when
  // unwatchFile removed one listener, 'cleanAll' when it removed them all.
  [kFSStatWatcherAddOrCleanRef](operation) {
    if (operation === 'add') {
      this[kRefs]++;
      this[kMaxRefs]++;
    } else if (operation === 'clean') {
      this[kMaxRefs]--;
      if (this[kRefs] > 0) this[kRefs]--;
    } else if (operation === 'cleanAll') {
      this[kMaxRefs] = 0;
      this[kRefs] = 0;
      if (this._handle !== null) this._handle.unref();
    }
  }

  ref() {
    if (this[kRefs] === this[kMaxRefs]) return this;
    if (this._handle !== null && this[kRefs]++ === 0) this._handle.ref();
    return this;
  }

  unref() {
    if (this[kRefs] === 0) return this;
    if (this._handle !== null && --this[kRefs] === 0) this._handle.unref();
    return this;
  }
}

// --- FSWatcher --------------------------------------------------------------

function onWatchEvent(status, eventType, filename) {
  const watcher = this[owner_symbol];
  if (watcher === undefined) return;
  if (filename != null && typeof filename !== 'string' &&
      !(filename instanceof Buffer)) {
    filename = decodeName(filename, watcher[kEncoding]);
  }
  if (status < 0) {
    if (watcher._handle !== null) {
      watcher._handle.close();
      watcher._handle = null;
    }
    watcher.emit('error', watchError(status, filename));
  } else {
    watcher.emit('change', eventType, filename);
  }
}

function emitClose(watcher) {
  watcher.emit('close');
}

class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._handle = new FSEvent();
    this._handle[owner_symbol] = this;
    this._handle.onchange = onWatchEvent;
  }

  [kFSWatchStart](filename, persistent, recursive, encoding) {
    if (this._handle === null) return;
    assertFSEvent(this._handle);
    if (this._handle.initialized) return;
    filename = getValidatedPath(filename, 'filename');
    this[kEncoding] = encoding;
    const err = this._handle.start(toNamespacedPath(filename), persistent,
                                   recursive, bindingEncoding(encoding));
    if (err) {
      this._handle.close();
      this._handle = null;
      throw watchError(err, filename);
    }
  }

  // Kept for compatibility: the watcher is started by fs.watch.
  start() {}

  close() {
    if (this._handle === null) return;
    assertFSEvent(this._handle);
    this._handle.close();
    this._handle = null;
    process.nextTick(emitClose, this);
  }

  ref() {
    this._handle?.ref();
    return this;
  }

  unref() {
    this._handle?.unref();
    return this;
  }
}

// --- fsPromises.watch -------------------------------------------------------

// The queue of events an async iterator has not taken yet, and the promise
// of a next() that waits for one.
class EventQueue {
  constructor(maxQueue, overflow) {
    this.items = [];
    this.maxQueue = maxQueue;
    this.overflow = overflow;
    this.error = null;
    this.done = false;
    this.waiting = null;
    this.onEnd = null;
  }

  push(item) {
    if (this.done) return;
    if (this.waiting !== null) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: item, done: false });
      return;
    }
    if (this.items.length >= this.maxQueue) {
      if (this.overflow === 'error') {
        this.fail(new ERR_FS_WATCH_QUEUE_OVERFLOW(this.maxQueue));
      } else {
        process.emitWarning('fs.watch maxQueue exceeded');
      }
      return;
    }
    ArrayPrototypePush(this.items, item);
  }

  fail(error) {
    if (this.done) return;
    this.done = true;
    this.onEnd?.();
    if (this.waiting !== null) {
      const { reject } = this.waiting;
      this.waiting = null;
      reject(error);
    } else {
      this.error = error;
    }
  }

  finish() {
    this.done = true;
    this.items = [];
    this.error = null;
    this.onEnd?.();
    if (this.waiting !== null) {
      const { resolve } = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }

  next() {
    if (this.items.length > 0) {
      return PromiseResolve({
        value: ArrayPrototypeShift(this.items), done: false,
      });
    }
    if (this.error !== null) {
      const error = this.error;
      this.error = null;
      return PromiseReject(error);
    }
    if (this.done) {
      return PromiseResolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }
}

// An async iterable over a source that start(queue) begins on the first
// next() and whose returned function stops it; the signal ends it with an
// AbortError. A start() that throws makes the first next() reject.
function makeWatchIterator(start, signal, maxQueue, overflow) {
  const queue = new EventQueue(maxQueue, overflow);
  let started = false;
  let stop = null;
  let onAbort;
  const cleanup = () => {
    if (stop !== null) {
      const fn = stop;
      stop = null;
      fn();
    }
    if (onAbort !== undefined) {
      signal.removeEventListener('abort', onAbort);
      onAbort = undefined;
    }
  };
  queue.onEnd = cleanup;
  const begin = () => {
    started = true;
    if (signal?.aborted) {
      queue.fail(new AbortError(undefined, { cause: signal.reason }));
      return;
    }
    try {
      stop = start(queue);
    } catch (error) {
      queue.fail(error);
      return;
    }
    if (queue.done) {
      cleanup();
    } else if (signal) {
      onAbort = () => {
        queue.fail(new AbortError(undefined, { cause: signal.reason }));
      };
      signal.addEventListener('abort', onAbort,
                              { __proto__: null, once: true });
    }
  };
  return {
    next() {
      if (!started) begin();
      return queue.next();
    },
    return() {
      started = true;
      queue.finish();
      return PromiseResolve({ value: undefined, done: true });
    },
    throw(error) {
      started = true;
      queue.finish();
      return PromiseReject(error);
    },
    [SymbolAsyncIterator]() {
      return this;
    },
  };
}

function validateWatchOptions(options) {
  validateObject(options, 'options');
  const {
    persistent = true,
    recursive = false,
    encoding = 'utf8',
    signal,
    maxQueue = 2048,
    overflow = 'ignore',
  } = options;
  validateBoolean(persistent, 'options.persistent');
  validateBoolean(recursive, 'options.recursive');
  validateInteger(maxQueue, 'options.maxQueue');
  validateOneOf(overflow, 'options.overflow', ['ignore', 'error']);
  validateAbortSignal(signal, 'options.signal');
  if (encoding && encoding !== 'buffer' && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding,
                                    'is invalid encoding');
  }
  return { persistent, recursive, encoding, signal, maxQueue, overflow };
}

// fsPromises.watch(filename[, options]): validation errors reject the first
// next(), as they would from an async generator.
function watch(filename, options = kEmptyObject) {
  let opts;
  let path;
  try {
    path = getValidatedPath(filename);
    opts = validateWatchOptions(options);
  } catch (error) {
    return makeWatchIterator(() => { throw error; }, undefined, 0, 'ignore');
  }
  const { persistent, recursive, encoding, signal, maxQueue, overflow } = opts;
  if (recursive && process.platform !== 'darwin' &&
      process.platform !== 'win32') {
    const { FSWatcher: RecursiveWatcher } =
      require('internal/fs/recursive_watch');
    return makeWatchIterator((queue) => {
      const watcher = new RecursiveWatcher({ persistent, encoding });
      watcher.on('change', (eventType, name) => {
        queue.push({ eventType, filename: name });
      });
      watcher.on('error', (error) => queue.fail(error));
      try {
        watcher[kFSWatchStart](path);
      } catch (error) {
        queue.fail(error);
      }
      return () => watcher.close();
    }, signal, maxQueue, overflow);
  }
  return makeWatchIterator((queue) => {
    const handle = new FSEvent();
    handle.onchange = (status, eventType, name) => {
      if (name != null && typeof name !== 'string') {
        name = decodeName(name, encoding);
      }
      if (status < 0) {
        handle.close();
        queue.fail(watchError(status, name));
        return;
      }
      queue.push({ eventType, filename: name });
    };
    const err = handle.start(toNamespacedPath(path), persistent, recursive,
                             bindingEncoding(encoding));
    if (err) {
      handle.close();
      queue.fail(watchError(err, path));
      return null;
    }
    return () => handle.close();
  }, signal, maxQueue, overflow);
}

module.exports = {
  FSWatcher,
  StatWatcher,
  kFSWatchStart,
  kFSStatWatcherStart,
  kFSStatWatcherAddOrCleanRef,
  makeWatchIterator,
  watch,
};
