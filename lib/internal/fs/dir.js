'use strict';

// fs.Dir: a directory stream over the binding's opendir handle. Entries are
// read bufferSize at a time; with `recursive`, the entries of each
// subdirectory are appended when that subdirectory itself is returned.

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  FunctionPrototypeBind,
  Promise,
  PromiseReject,
  SymbolAsyncIterator,
  SymbolFor,
} = primordials;

const binding = internalBinding('fs');
const { FSReqCallback } = binding;
const { bindRequest } = require('internal/async_hooks');
const {
  codes: {
    ERR_DIR_CLOSED,
    ERR_DIR_CONCURRENT_OPERATION,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  bindingEncoding,
  decodeName,
  getDirent,
  getOptions,
  getValidatedPath,
  pathToString,
} = require('internal/fs/utils');
const {
  validateFunction,
  validateUint32,
} = require('internal/validators');
const pathModule = require('path');

const SymbolAsyncDispose = primordials.SymbolAsyncDispose ??
  SymbolFor('nodejs.asyncDispose');
const SymbolDispose = primordials.SymbolDispose ?? SymbolFor('nodejs.dispose');

function req(callback) {
  const r = new FSReqCallback();
  r.oncomplete = bindRequest(r, 'FSREQCALLBACK', callback);
  return r;
}

class Dir {
  #handle;
  #path;
  #bufferedEntries = [];
  #closed = false;
  #options;
  #readPromisified;
  #closePromisified;
  #operationQueue = null;

  constructor(handle, path, options) {
    if (handle == null) throw new ERR_MISSING_ARGS('handle');
    this.#handle = handle;
    this.#path = path;
    this.#options = {
      bufferSize: 32,
      ...getOptions(options, { encoding: 'utf8' }),
    };
    validateUint32(this.#options.bufferSize, 'options.bufferSize', true);
    this.#readPromisified = FunctionPrototypeBind(
      promisifyOp, this, (cb) => this.#readImpl(true, cb));
    this.#closePromisified = FunctionPrototypeBind(
      promisifyOp, this, (cb) => this.close(cb));
  }

  get path() {
    if (!(#path in this)) throw new ERR_INVALID_THIS('Dir');
    return this.#path;
  }

  #encoding() {
    return bindingEncoding(this.#options.encoding);
  }

  // Appends a subdirectory's entries (recursive mode), synchronously.
  #readChildrenSync(dirent) {
    const path = pathModule.join(pathToString(dirent.parentPath),
                                 pathToString(dirent.name));
    let result;
    try {
      result = binding.readdir(path, this.#encoding(), true, undefined);
    } catch {
      return;
    }
    const names = result[0];
    const types = result[1];
    for (let i = 0; i < names.length; i++) {
      ArrayPrototypePush(this.#bufferedEntries,
                         getDirent(path, decodeName(names[i],
                                                    this.#options.encoding),
                                   types[i]));
    }
  }

  #shiftEntry() {
    const dirent = ArrayPrototypeShift(this.#bufferedEntries);
    if (this.#options.recursive && dirent.isDirectory()) {
      this.#readChildrenSync(dirent);
    }
    return dirent;
  }

  #processResult(result) {
    for (let i = 0; i < result.length; i += 2) {
      ArrayPrototypePush(this.#bufferedEntries,
                         getDirent(this.#path,
                                   decodeName(result[i],
                                              this.#options.encoding),
                                   result[i + 1]));
    }
  }

  read(callback) {
    // Without a callback even a closed directory answers with a promise.
    if (callback === undefined && this.#closed === true) {
      return PromiseReject(new ERR_DIR_CLOSED());
    }
    return this.#readImpl(true, callback);
  }

  #readImpl(maybeSync, callback) {
    if (this.#closed === true) throw new ERR_DIR_CLOSED();
    if (callback === undefined) return this.#readPromisified();
    validateFunction(callback, 'callback');

    if (this.#operationQueue !== null) {
      ArrayPrototypePush(this.#operationQueue, () => {
        this.#readImpl(maybeSync, callback);
      });
      return;
    }

    if (this.#bufferedEntries.length > 0) {
      try {
        const dirent = this.#shiftEntry();
        if (maybeSync) {
          process.nextTick(callback, null, dirent);
        } else {
          callback(null, dirent);
        }
        return;
      } catch (error) {
        return callback(error);
      }
    }

    this.#operationQueue = [];
    binding.dirRead(this.#handle, this.#encoding(), this.#options.bufferSize,
                    req((err, result) => {
                      // Queued operations run once this result is buffered.
                      process.nextTick(() => {
                        const queue = this.#operationQueue;
                        this.#operationQueue = null;
                        for (let i = 0; i < queue.length; i++) queue[i]();
                      });
                      if (err || result === null) {
                        return callback(err, null);
                      }
                      try {
                        this.#processResult(result);
                        callback(null, this.#shiftEntry());
                      } catch (error) {
                        callback(error);
                      }
                    }));
  }

  readSync() {
    if (this.#closed === true) throw new ERR_DIR_CLOSED();
    if (this.#operationQueue !== null) {
      throw new ERR_DIR_CONCURRENT_OPERATION();
    }
    if (this.#bufferedEntries.length > 0) return this.#shiftEntry();
    const result = binding.dirRead(this.#handle, this.#encoding(),
                                   this.#options.bufferSize, undefined);
    if (result === null) return result;
    this.#processResult(result);
    return this.#shiftEntry();
  }

  close(callback) {
    if (callback === undefined) {
      if (this.#closed === true) {
        return PromiseReject(new ERR_DIR_CLOSED());
      }
      return this.#closePromisified();
    }
    validateFunction(callback, 'callback');
    if (this.#closed === true) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return;
    }
    if (this.#operationQueue !== null) {
      ArrayPrototypePush(this.#operationQueue, () => this.close(callback));
      return;
    }
    this.#closed = true;
    binding.dirClose(this.#handle, req((err) => callback(err)));
  }

  closeSync() {
    if (this.#closed === true) throw new ERR_DIR_CLOSED();
    if (this.#operationQueue !== null) {
      throw new ERR_DIR_CONCURRENT_OPERATION();
    }
    this.#closed = true;
    binding.dirClose(this.#handle, undefined);
  }

  async* entries() {
    try {
      while (true) {
        const result = await this.#readPromisified();
        if (result === null) break;
        yield result;
      }
    } finally {
      if (!this.#closed) await this.#closePromisified();
    }
  }

  [SymbolAsyncIterator]() {
    return this.entries();
  }

  [SymbolDispose]() {
    if (!this.#closed) this.closeSync();
  }

  async [SymbolAsyncDispose]() {
    if (!this.#closed) await this.close();
  }
}

function promisifyOp(fn) {
  return new Promise((resolve, reject) => {
    fn((err, value) => {
      if (err) reject(err);
      else resolve(value);
    });
  });
}

function opendirOptions(options) {
  options = getOptions(options, { encoding: 'utf8' });
  if (options.bufferSize !== undefined) {
    validateUint32(options.bufferSize, 'options.bufferSize', true);
  }
  return options;
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  path = getValidatedPath(path);
  options = opendirOptions(options);
  binding.opendir(path, options.encoding, req((err, handle) => {
    if (err) return callback(err);
    callback(null, new Dir(handle, path, options));
  }));
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = opendirOptions(options);
  const handle = binding.opendir(path, options.encoding, undefined);
  return new Dir(handle, path, options);
}

module.exports = {
  Dir,
  opendir,
  opendirSync,
};
