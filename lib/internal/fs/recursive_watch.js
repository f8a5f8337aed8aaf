'use strict';

// fs.watch(path, { recursive: true }) where libuv cannot watch a tree
// (Linux: inotify watches one directory level). Every directory and file
// under the root gets its own non-recursive watcher:
// - a directory's event re-reads it; entries not seen before are reported
//   as 'rename' (and watched, a new directory with all it holds);
// - a file's event stats it: gone means 'rename' (and its watchers, and
//   those of everything below it, are closed), otherwise 'change'.
// Names are reported relative to the root; symbolic links are reported but
// never followed.

const {
  SafeMap,
  SafeSet,
  StringPrototypeStartsWith,
  SymbolAsyncIterator,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateObject,
} = require('internal/validators');
const { getValidatedPath } = require('internal/fs/utils');
const { kEmptyObject } = require('internal/util');
const EventEmitter = require('events');
const pathModule = require('path');
const { Buffer } = require('buffer');

const watchers = require('internal/fs/watchers');

let fs;
function lazyFs() {
  fs ??= require('fs');
  return fs;
}

class FSWatcher extends EventEmitter {
  #persistent = true;
  #signal = undefined;
  #closed = false;
  #root = '';
  #rootIsFile = false;
  #entries = new SafeMap();   // path -> lstat result
  #watchers = new SafeMap();  // path -> native FSWatcher
  #links = new SafeSet();

  constructor(options = kEmptyObject) {
    super();
    validateObject(options, 'options');
    const { persistent, recursive, signal, encoding } = options;
    if (persistent !== undefined) validateBoolean(persistent, 'options.persistent');
    if (recursive !== undefined) validateBoolean(recursive, 'options.recursive');
    if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
    if (encoding && encoding !== 'buffer' && !Buffer.isEncoding(encoding)) {
      throw new ERR_INVALID_ARG_VALUE('encoding', encoding,
                                      'is invalid encoding');
    }
    this.#persistent = persistent !== false;
    this.#signal = signal;
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
    this.#entries.clear();
    this.#links.clear();
    this.emit('close');
  }

  ref() {
    for (const watcher of this.#watchers.values()) watcher.ref();
    return this;
  }

  unref() {
    for (const watcher of this.#watchers.values()) watcher.unref();
    return this;
  }

  #relative(path) {
    if (this.#rootIsFile) return pathModule.basename(path);
    return pathModule.relative(this.#root, path);
  }

  #forget(path) {
    const prefix = path + pathModule.sep;
    for (const entry of this.#entries.keys()) {
      if (entry === path || StringPrototypeStartsWith(entry, prefix)) {
        this.#entries.delete(entry);
        this.#links.delete(entry);
        const watcher = this.#watchers.get(entry);
        if (watcher !== undefined) {
          this.#watchers.delete(entry);
          watcher.close();
        }
      }
    }
  }

  // Reads a directory and watches what it holds that is new; `report`
  // says whether new entries are announced (not during the first scan).
  #scan(dir, report) {
    let dirents;
    try {
      dirents = lazyFs().readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (error.code !== 'ENOENT' && error.code !== 'ENOTDIR') {
        this.emit('error', error);
      }
      return;
    }
    for (const dirent of dirents) {
      if (this.#closed) return;
      const path = pathModule.join(dir, dirent.name);
      if (this.#entries.has(path)) continue;
      let stats;
      try {
        stats = lazyFs().lstatSync(path);
      } catch {
        continue;
      }
      this.#entries.set(path, stats);
      if (report) this.emit('change', 'rename', this.#relative(path));
      if (stats.isSymbolicLink()) {
        this.#links.add(path);
        continue;
      }
      this.#watch(path);
      if (stats.isDirectory()) this.#scan(path, report);
    }
  }

  #watch(path) {
    if (this.#closed || this.#watchers.has(path)) return;
    const { FSWatcher: NativeWatcher, kFSWatchStart } = watchers;
    const watcher = new NativeWatcher();
    try {
      watcher[kFSWatchStart](path, this.#persistent, false, 'utf8');
    } catch {
      return;  // Gone already: its directory's event reports it.
    }
    watcher.on('change', () => this.#onEvent(path));
    watcher.on('error', (error) => this.emit('error', error));
    this.#watchers.set(path, watcher);
  }

  #onEvent(path) {
    if (this.#closed || !this.#watchers.has(path)) return;
    let stats;
    try {
      stats = lazyFs().statSync(path);
    } catch {
      // Removed (or renamed away).
    }
    if (stats === undefined) {
      const watcher = this.#watchers.get(path);
      this.#watchers.delete(path);
      watcher.close();
      this.emit('change', 'rename', this.#relative(path));
      this.#forget(path);
      return;
    }
    if (this.#links.has(path)) {
      this.emit('change', 'rename', this.#relative(path));
    } else if (stats.isDirectory()) {
      this.#scan(path, true);
    } else {
      this.emit('change', 'change', this.#relative(path));
    }
  }

  [watchers.kFSWatchStart](filename) {
    filename = pathModule.resolve(getValidatedPath(filename));
    let stats;
    try {
      stats = lazyFs().statSync(filename);
    } catch (error) {
      error.filename = filename;
      throw error;
    }
    this.#root = filename;
    this.#closed = false;
    this.#rootIsFile = !stats.isDirectory();
    this.#entries.set(filename, stats);
    this.#watch(filename);
    if (!this.#rootIsFile) this.#scan(filename, false);
  }

  [SymbolAsyncIterator]() {
    const { makeWatchIterator } = watchers;
    return makeWatchIterator((queue) => {
      const onChange = (eventType, filename) => {
        queue.push({ eventType, filename });
      };
      const onError = (error) => queue.fail(error);
      const onClose = () => queue.finish();
      this.on('change', onChange);
      this.on('error', onError);
      this.once('close', onClose);
      return () => {
        this.removeListener('change', onChange);
        this.removeListener('error', onError);
        this.removeListener('close', onClose);
        this.close();
      };
    }, this.#signal, 2048, 'ignore');
  }
}

module.exports = { FSWatcher };
