'use strict';

// fs.ReadStream and fs.WriteStream: stream.Readable / stream.Writable over a
// file descriptor. The file is opened in _construct (emitting 'open' and
// 'ready'), read or written through the stream's file-system object (the
// `fs` option, or the fs module itself, looked up at each call so that a
// program may patch it), and closed in _destroy when autoClose is set.
// A FileHandle given as `fd` is used through its own methods.

const {
  FunctionPrototypeBind,
  MathMin,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  PromisePrototypeThen,
  ReflectApply,
  Symbol,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_DESTROYED,
    ERR_SYSTEM_ERROR,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateInteger,
  validateThisInternalField,
} = require('internal/validators');
const {
  copyObject,
  getOptions,
  getValidatedFd,
  getValidatedPath,
} = require('internal/fs/utils');
const { Buffer } = require('buffer');
const { Readable, Writable, finished } = require('stream');
const { errorOrDestroy } = require('internal/streams/destroy');
const { deprecate, kEmptyObject } = require('internal/util');

const kIoDone = Symbol('kIoDone');
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');

let promisesModule;
function lazyPromises() {
  promisesModule ??= require('internal/fs/promises');
  return promisesModule;
}

function lazyFs() {
  return require('fs');
}

// The operations of a stream over a FileHandle: the handle's own methods,
// in the callback shape the stream calls them with.
function fileHandleOps(handle) {
  const { kUnref } = lazyPromises();
  return {
    open() {
      throw new ERR_METHOD_NOT_IMPLEMENTED('open()');
    },
    close(fd, cb) {
      handle[kUnref]();
      PromisePrototypeThen(handle.close(), () => cb(), cb);
    },
    fsync(fd, cb) {
      PromisePrototypeThen(handle.sync(), () => cb(), cb);
    },
    read(fd, buf, offset, length, pos, cb) {
      PromisePrototypeThen(handle.read(buf, offset, length, pos),
                           (r) => cb(null, r.bytesRead, r.buffer),
                           (err) => cb(err, 0, buf));
    },
    write(fd, buf, offset, length, pos, cb) {
      PromisePrototypeThen(handle.write(buf, offset, length, pos),
                           (r) => cb(null, r.bytesWritten, r.buffer),
                           (err) => cb(err, 0, buf));
    },
    writev(fd, buffers, pos, cb) {
      PromisePrototypeThen(handle.writev(buffers, pos),
                           (r) => cb(null, r.bytesWritten, r.buffers),
                           (err) => cb(err, 0, buffers));
    },
  };
}

// Sets up a stream given options.fd (a descriptor or a FileHandle); returns
// the descriptor.
function importFd(stream, options) {
  if (typeof options.fd === 'number') {
    stream[kFs] = options.fs || lazyFs();
    return options.fd;
  }
  const { FileHandle, kRef } = lazyPromises();
  if (typeof options.fd === 'object' && options.fd instanceof FileHandle) {
    if (options.fs) {
      throw new ERR_METHOD_NOT_IMPLEMENTED('FileHandle with fs');
    }
    const handle = options.fd;
    stream[kHandle] = handle;
    stream[kFs] = fileHandleOps(handle);
    handle[kRef]();
    handle.on('close', FunctionPrototypeBind(stream.close, stream));
    return handle.fd;
  }
  throw new ERR_INVALID_ARG_TYPE('options.fd', ['number', 'FileHandle'],
                                 options.fd);
}

// The path-or-fd part shared by both constructors.
function initTarget(stream, path, options, defaultFlags) {
  if (options.fd == null) {
    stream.fd = null;
    stream[kFs] = options.fs || lazyFs();
    validateFunction(stream[kFs].open, 'options.fs.open');
    stream.path = getValidatedPath(path);
    stream.flags = options.flags === undefined ? defaultFlags : options.flags;
    stream.mode = options.mode === undefined ? 0o666 : options.mode;
  } else {
    stream.fd = getValidatedFd(importFd(stream, options));
  }
  // autoClose decides autoDestroy, whatever autoDestroy said.
  options.autoDestroy = options.autoClose === undefined ? true :
    options.autoClose;
}

function construct(callback) {
  if (typeof this.fd === 'number') {
    callback();
    return;
  }
  if (this.open !== openReadFs && this.open !== openWriteFs) {
    // A program that replaced open() opens the file itself and reports it
    // with 'open' (or 'error').
    const orgEmit = this.emit;
    this.emit = function(...args) {
      if (args[0] === 'open') {
        this.emit = orgEmit;
        callback();
        ReflectApply(orgEmit, this, args);
      } else if (args[0] === 'error') {
        this.emit = orgEmit;
        callback(args[1]);
      } else {
        ReflectApply(orgEmit, this, args);
      }
    };
    this.open();
    return;
  }
  this[kFs].open(this.path, this.flags, this.mode, (er, fd) => {
    if (er) {
      callback(er);
      return;
    }
    this.fd = fd;
    callback();
    this.emit('open', this.fd);
    this.emit('ready');
  });
}

function closeFd(stream, err, cb) {
  stream[kFs].close(stream.fd, (er) => cb(er || err));
  stream.fd = null;
}

function close(stream, err, cb) {
  if (!stream.fd) {
    cb(err);
  } else if (stream.flush) {
    stream[kFs].fsync(stream.fd, (flushErr) => {
      closeFd(stream, err || flushErr, cb);
    });
  } else {
    closeFd(stream, err, cb);
  }
}

// A descriptor must not be closed while a read or write on it is running
// in the threadpool: wait for that to finish (kIoDone) first.
function destroyImpl(err, cb) {
  if (this[kIsPerformingIO]) {
    this.once(kIoDone, (er) => close(this, err || er, cb));
  } else {
    close(this, err, cb);
  }
}

function defineCommon(proto, className, stateName) {
  ObjectDefineProperty(proto, 'autoClose', {
    __proto__: null,
    get() {
      validateThisInternalField(this, kFs, className);
      return this[stateName].autoDestroy;
    },
    set(val) {
      validateThisInternalField(this, kFs, className);
      this[stateName].autoDestroy = val;
    },
  });
}

function definePending(proto) {
  ObjectDefineProperty(proto, 'pending', {
    __proto__: null,
    get() { return this.fd === null; },
    configurable: true,
  });
}

// --- ReadStream -------------------------------------------------------------

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = copyObject(getOptions(options, kEmptyObject));
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  initTarget(this, path, options, 'r');
  validateFunction(this[kFs].read, 'options.fs.read');
  if (options.autoDestroy) {
    validateFunction(this[kFs].close, 'options.fs.close');
  }
  this.start = options.start;
  this.end = options.end ?? Infinity;
  this.pos = undefined;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  if (this.end !== Infinity) {
    validateInteger(this.end, 'end', 0);
    if (this.start !== undefined && this.start > this.end) {
      throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`,
                                 this.start);
    }
  }
  ReflectApply(Readable, this, [options]);
}

ObjectSetPrototypeOf(ReadStream.prototype, Readable.prototype);
ObjectSetPrototypeOf(ReadStream, Readable);

defineCommon(ReadStream.prototype, 'ReadStream', '_readableState');

const openReadFs = deprecate(function() {},
                             'ReadStream.prototype.open() is deprecated',
                             'DEP0135');
ReadStream.prototype.open = openReadFs;
ReadStream.prototype._construct = construct;

ReadStream.prototype._read = function(n) {
  n = this.pos !== undefined ?
    MathMin(this.end - this.pos + 1, n) :
    MathMin(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  const buf = Buffer.allocUnsafeSlow(n);
  this[kIsPerformingIO] = true;
  this[kFs].read(this.fd, buf, 0, n, this.pos, (er, bytesRead) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      // Without autoClose (autoDestroy) the stream stays open.
      errorOrDestroy(this, er);
      return;
    }
    if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      if (bytesRead !== buf.length) {
        // A copy, so a short read does not keep the whole buffer alive.
        const dst = Buffer.allocUnsafeSlow(bytesRead);
        buf.copy(dst, 0, 0, bytesRead);
        this.push(dst);
      } else {
        this.push(buf);
      }
    } else {
      this.push(null);
    }
  });
};

ReadStream.prototype._destroy = destroyImpl;

ReadStream.prototype.close = function(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

definePending(ReadStream.prototype);

// --- WriteStream ------------------------------------------------------------

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = copyObject(getOptions(options, kEmptyObject));
  options.decodeStrings = true;
  initTarget(this, path, options, 'w');
  const ops = this[kFs];
  if (!ops.write && !ops.writev) {
    throw new ERR_INVALID_ARG_TYPE('options.fs.write', 'function', ops.write);
  }
  if (ops.write) validateFunction(ops.write, 'options.fs.write');
  if (ops.writev) validateFunction(ops.writev, 'options.fs.writev');
  if (options.autoDestroy) validateFunction(ops.close, 'options.fs.close');
  // Either one is enough; only what the fs object has is used.
  if (!ops.write) this._write = null;
  if (!ops.writev) this._writev = null;
  if (options.flush == null) {
    this.flush = false;
  } else {
    validateBoolean(options.flush, 'options.flush');
    this.flush = options.flush;
  }
  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  ReflectApply(Writable, this, [options]);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}

ObjectSetPrototypeOf(WriteStream.prototype, Writable.prototype);
ObjectSetPrototypeOf(WriteStream, Writable);

defineCommon(WriteStream.prototype, 'WriteStream', '_writableState');

const openWriteFs = deprecate(function() {},
                              'WriteStream.prototype.open() is deprecated',
                              'DEP0135');
WriteStream.prototype.open = openWriteFs;
WriteStream.prototype._construct = construct;

// A write may land short, or fail with EAGAIN on a non-blocking fd (a pipe
// or tty the user opened); both just mean "the rest is still to go". Only
// a run of writes that make no progress at all is treated as a failure.
const kMaxIdleWrites = 5;

// What writeAll and writevAll do with the result of one write: EAGAIN is
// a write of nothing; `again` writes the rest.
function afterWrite(stream, syscall, er, bytesWritten, size, pos, idleWrites,
                    cb, again) {
  if (er?.code === 'EAGAIN') {
    er = null;
    bytesWritten = 0;
  }
  if (stream.destroyed || er) {
    cb(er || new ERR_STREAM_DESTROYED(syscall));
    return;
  }
  stream.bytesWritten += bytesWritten;
  idleWrites = bytesWritten ? 0 : idleWrites + 1;
  size -= bytesWritten;
  if (pos != null) pos += bytesWritten;
  if (idleWrites > kMaxIdleWrites) {
    cb(new ERR_SYSTEM_ERROR({
      syscall,
      code: 'EAGAIN',
      message: `no bytes written in ${idleWrites} attempts`,
    }));
  } else if (size > 0) {
    again(bytesWritten, size, pos, idleWrites);
  } else {
    cb();
  }
}

function writeAll(stream, data, size, pos, idleWrites, cb) {
  stream[kFs].write(stream.fd, data, 0, size, pos, (er, bytesWritten) => {
    afterWrite(stream, 'write', er, bytesWritten, size, pos, idleWrites, cb,
               (written, left, at, idle) => {
                 writeAll(stream, data.subarray(written), left, at, idle, cb);
               });
  });
}

function writevAll(stream, chunks, size, pos, idleWrites, cb) {
  stream[kFs].writev(stream.fd, chunks, pos, (er, bytesWritten) => {
    afterWrite(stream, 'writev', er, bytesWritten, size, pos, idleWrites, cb,
               (written, left, at, idle) => {
                 const rest = Buffer.concat(chunks).subarray(written);
                 writevAll(stream, [rest], left, at, idle, cb);
               });
  });
}

// Runs one write or writev, telling _destroy() when it is over.
function afterIo(stream, cb) {
  return (er) => {
    stream[kIsPerformingIO] = false;
    if (stream.destroyed) {
      cb(er);
      stream.emit(kIoDone, er);
      return;
    }
    cb(er);
  };
}

WriteStream.prototype._write = function(data, encoding, cb) {
  this[kIsPerformingIO] = true;
  writeAll(this, data, data.length, this.pos, 0, afterIo(this, cb));
  if (this.pos !== undefined) this.pos += data.length;
};

WriteStream.prototype._writev = function(data, cb) {
  const len = data.length;
  const chunks = new Array(len);
  let size = 0;
  for (let i = 0; i < len; i++) {
    const chunk = data[i].chunk;
    chunks[i] = chunk;
    size += chunk.length;
  }
  this[kIsPerformingIO] = true;
  writevAll(this, chunks, size, this.pos, 0, afterIo(this, cb));
  if (this.pos !== undefined) this.pos += size;
};

WriteStream.prototype._destroy = destroyImpl;

WriteStream.prototype.close = function(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  // Without autoClose the file stays open after 'finish': close it now.
  if (!this.autoClose) {
    this.on('finish', this.destroy);
  }
  this.end();
};

// The old name of end(): files have no half-close.
WriteStream.prototype.destroySoon = WriteStream.prototype.end;

definePending(WriteStream.prototype);

module.exports = {
  ReadStream,
  WriteStream,
};
