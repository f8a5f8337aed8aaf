'use strict';

// What --watch and run({ watch: true }) watch: files and folders through
// fs.watch, with their changes gathered into one 'changed' event per quiet
// period (`debounce` ms). In 'filter' mode only the files added with
// filterFile() count, each possibly on behalf of an owner (the test file
// that loaded it); in 'all' mode any change under a watched path counts.
// A child process started with an IPC channel and WATCH_REPORT_DEPENDENCIES
// names the files it loads ('watch:require' paths, 'watch:import' URLs),
// and watchChildProcessModules() filters those.

const {
  ArrayIsArray,
  SafeMap,
  SafeSet,
  SafeWeakMap,
  StringPrototypeEndsWith,
  StringPrototypeStartsWith,
} = primordials;

const EventEmitter = require('events');
const { validateNumber, validateOneOf } = require('internal/validators');
const { kEmptyObject } = require('internal/util');

const TIMEOUT_MAX = 2 ** 31 - 1;

let fs;
let path;
let timers;

function lazyModules() {
  fs ??= require('fs');
  path ??= require('path');
  timers ??= require('timers');
}

function isInside(parent, child) {
  const prefix = StringPrototypeEndsWith(parent, path.sep) ?
    parent : `${parent}${path.sep}`;
  return StringPrototypeStartsWith(child, prefix);
}

class FilesWatcher extends EventEmitter {
  #watchers = new SafeMap();         // path -> { handle, recursive }
  #filteredFiles = new SafeSet();
  #ownersOf = new SafeMap();         // file -> owners
  #filesOf = new SafeMap();          // owner -> files
  #pendingOwners = new SafeSet();
  #timer = null;
  #debounce;
  #mode;
  #signal;
  #relayIPC;
  #relays = new SafeWeakMap();

  constructor({ debounce = 200, mode = 'filter', signal } = kEmptyObject) {
    super({ __proto__: null, captureRejections: true });
    validateNumber(debounce, 'options.debounce', 0, TIMEOUT_MAX);
    validateOneOf(mode, 'options.mode', ['filter', 'all']);
    lazyModules();
    this.#debounce = debounce;
    this.#mode = mode;
    this.#signal = signal;
    // A watcher that was itself forked passes messages both ways.
    this.#relayIPC = typeof process.send === 'function';
    if (signal !== undefined) {
      if (signal.aborted) {
        process.nextTick(() => this.clear());
      } else {
        signal.addEventListener('abort', () => this.clear(),
                                { __proto__: null, once: true });
      }
    }
  }

  get watchedPaths() {
    return [...this.#watchers.keys()];
  }

  #covered(file) {
    if (this.#watchers.has(file)) return true;
    for (const { 0: watched, 1: entry } of this.#watchers) {
      if (entry.recursive && isInside(watched, file)) return true;
    }
    return false;
  }

  #close(entry) {
    entry.handle.removeAllListeners();
    entry.handle.close();
  }

  #onChange(file, eventType) {
    if (this.#mode === 'filter' && !this.#filteredFiles.has(file)) return;
    const owners = this.#ownersOf.get(file);
    if (owners !== undefined) {
      for (const owner of owners) this.#pendingOwners.add(owner);
    }
    if (this.#timer !== null) timers.clearTimeout(this.#timer);
    this.#timer = timers.setTimeout(() => {
      this.#timer = null;
      const pending = this.#pendingOwners;
      this.emit('changed', { __proto__: null, owners: pending, eventType });
      pending.clear();
    }, this.#debounce);
    this.#timer.unref();
  }

  watchPath(target, recursive = true) {
    if (this.#covered(target)) return;
    const handle = fs.watch(target, {
      __proto__: null, recursive, signal: this.#signal,
    });
    handle.on('change', (eventType, name) => {
      const file = recursive ? path.resolve(target, name ?? '') : target;
      this.#onChange(file, eventType);
    });
    // A watched file that disappears ends its watcher; the change that
    // removed it has been reported.
    handle.on('error', () => {});
    this.#watchers.set(target, { __proto__: null, handle, recursive });
    if (recursive) {
      // Watchers of paths inside this one are no longer needed.
      for (const { 0: watched, 1: entry } of this.#watchers) {
        if (watched !== target && isInside(target, watched)) {
          this.#close(entry);
          this.#watchers.delete(watched);
        }
      }
    }
  }

  filterFile(file, owner) {
    if (!file) return;
    // One watcher per file (Linux has no cheap recursive watching).
    this.watchPath(file, false);
    this.#filteredFiles.add(file);
    if (owner) {
      let owners = this.#ownersOf.get(file);
      if (owners === undefined) {
        owners = new SafeSet();
        this.#ownersOf.set(file, owners);
      }
      owners.add(owner);
      let files = this.#filesOf.get(owner);
      if (files === undefined) {
        files = new SafeSet();
        this.#filesOf.set(owner, files);
      }
      files.add(file);
    }
  }

  #relay(child) {
    const handlers = {
      __proto__: null,
      toChild: (message) => child.send(message),
      toParent: (message) => process.send(message),
    };
    this.#relays.set(child, handlers);
    process.on('message', handlers.toChild);
    child.on('message', handlers.toParent);
  }

  destroyIPC(child) {
    const handlers = this.#relays.get(child);
    if (!this.#relayIPC || handlers === undefined) return;
    process.off('message', handlers.toChild);
    child.off('message', handlers.toParent);
    this.#relays.delete(child);
  }

  watchChildProcessModules(child, key = null) {
    if (this.#relayIPC) this.#relay(child);
    child.on('message', (message) => {
      try {
        const required = message?.['watch:require'];
        if (ArrayIsArray(required)) {
          for (let i = 0; i < required.length; i++) {
            this.filterFile(required[i], key);
          }
        }
        const imported = message?.['watch:import'];
        if (ArrayIsArray(imported)) {
          const { fileURLToPath } = require('internal/url');
          for (let i = 0; i < imported.length; i++) {
            this.filterFile(fileURLToPath(imported[i]), key);
          }
        }
      } catch {
        // A file that cannot be watched is not watched.
      }
    });
  }

  unfilterFilesOwnedBy(owners) {
    for (const owner of owners) {
      const files = this.#filesOf.get(owner);
      if (files !== undefined) {
        for (const file of files) {
          this.#filteredFiles.delete(file);
          const fileOwners = this.#ownersOf.get(file);
          fileOwners?.delete(owner);
          if (fileOwners?.size === 0) this.#ownersOf.delete(file);
        }
      }
      this.#filteredFiles.delete(owner);
      this.#ownersOf.delete(owner);
      this.#filesOf.delete(owner);
    }
  }

  clearFileFilters() {
    this.#filteredFiles.clear();
  }

  clear() {
    for (const entry of this.#watchers.values()) this.#close(entry);
    this.#watchers.clear();
    this.#filteredFiles.clear();
    this.#ownersOf.clear();
    this.#filesOf.clear();
  }
}

module.exports = { FilesWatcher };
