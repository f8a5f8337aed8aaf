'use strict';

// fs.ReadStream and fs.WriteStream: stream.Readable / stream.Writable over a
// file descriptor. The file is opened in _construct (emitting 'open' and
// 'ready'), read or written with the callback API (or the `fs` option's
// replacements), and closed in _destroy when autoClose is set.

const {
  FunctionPrototypeCall,
  MathMin,
  NumberIsInteger,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  ReflectApply,
  Symbol,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_SYSTEM_ERROR,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateInteger,
  validateObject,
} = require('internal/validators');
const {
  copyObject,
  getOptions,
  getValidatedFd,
  getValidatedPath,
} = require('internal/fs/utils');
const { Buffer } = require('buffer');
const { Readable, Writable, finished } = require('stream');
const { kEmptyObject } = require('internal/util');

const kIoDone = Symbol('kIoDone');
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');

let FileHandle;
function lazyFileHandle() {
  FileHandle ??= require('internal/fs/promises').FileHandle;
  return FileHandle;
}

function lazyFs() {
  return require('fs');
}

function validateStartEnd(start, end) {
  if (start !== undefined) validateInteger(start, 'start', 0);
  if (end === undefined) {
    end = Infinity;
  } else if (end !== Infinity) {
    validateInteger(end, 'end', 0);
    if (start !== undefined && start > end) {
      throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${end})`, start);
    }
  }
  return end;
}

// The file-system functions a stream uses: the caller's `fs` option may
// replace any of them.
function importFsOps(stream, options, names) {
  const defaults = lazyFs();
  const ops = {};
  const custom = options.fs;
  if (custom != null) validateObject(custom, 'options.fs');
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (custom != null && custom[name] != null) {
      validateFunction(custom[name], `options.fs.${name}`);
      ops[name] = custom[name];
    } else {
      ops[name] = defaults[name];
    }
  }
  stream[kFs] = ops;
}

// Opens the file for a stream (fd not given) in _construct.
function openStream(stream, callback) {
  stream[kFs].open(stream.path, stream.flags, stream.mode, (er, fd) => {
    if (er) {
      callback(er);
      return;
    }
    stream.fd = fd;
    callback();
    stream.emit('open', stream.fd);
    stream.emit('ready');
  });
}

function construct(callback) {
  if (typeof this.fd === 'number') {
    callback();
    return;
  }
  if (this[kHandle]) {
    this.fd = this[kHandle].fd;
    callback();
    return;
  }
  // A user-provided open() takes over the whole opening.
  if (this.open !== ReadStream.prototype.open &&
      this.open !== WriteStream.prototype.open &&
      typeof this.open === 'function') {
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
  openStream(this, callback);
}

function closeStream(stream, err, cb) {
  if (stream[kHandle]) {
    stream[kHandle].close().then(() => cb(err), (closeErr) => cb(err || closeErr));
    stream.fd = null;
    return;
  }
  if (typeof stream.fd !== 'number') {
    cb(err);
    return;
  }
  stream[kFs].close(stream.fd, (er) => {
    cb(er || err);
  });
  stream.fd = null;
}

function destroyImpl(err, cb) {
  if (this[kIsPerformingIO]) {
    this.once(kIoDone, (er) => closeOrDone(this, err || er, cb));
  } else {
    closeOrDone(this, err, cb);
  }
}

function closeOrDone(stream, err, cb) {
  if (stream.autoClose) {
    closeStream(stream, err, cb);
  } else {
    cb(err);
  }
}

function commonInit(stream, path, options, defaultFlags) {
  if (options.fd == null) {
    stream.fd = null;
    stream.path = getValidatedPath(path);
  } else if (typeof options.fd === 'number') {
    stream.fd = getValidatedFd(options.fd);
    stream.path = undefined;
  } else if (options.fd instanceof lazyFileHandle()) {
    stream[kHandle] = options.fd;
    stream.fd = options.fd.fd;
    stream.path = undefined;
  } else {
    throw new ERR_INVALID_ARG_TYPE('options.fd', ['number', 'FileHandle'],
                                   options.fd);
  }
  stream.flags = options.flags === undefined ? defaultFlags : options.flags;
  stream.mode = options.mode === undefined ? 0o666 : options.mode;
  stream.start = options.start;
  stream[kIsPerformingIO] = false;
  if (options.autoClose === undefined) {
    stream.autoClose = true;
  } else {
    validateBoolean(options.autoClose, 'options.autoClose');
    stream.autoClose = options.autoClose;
  }
}

// --- ReadStream -------------------------------------------------------------

function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = copyObject(getOptions(options, kEmptyObject));
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  if (options.autoDestroy === undefined) {
    options.autoDestroy = options.autoClose === undefined ? true :
      options.autoClose;
  }
  importFsOps(this, options, ['open', 'read', 'close']);
  commonInit(this, path, options, 'r');
  this.end = validateStartEnd(this.start, options.end);
  this.pos = this.start;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  FunctionPrototypeCall(Readable, this, options);
}

ObjectSetPrototypeOf(ReadStream.prototype, Readable.prototype);
ObjectSetPrototypeOf(ReadStream, Readable);

ObjectDefineProperty(ReadStream.prototype, 'pending', {
  __proto__: null,
  get() { return this.fd === null; },
  configurable: true,
});

ReadStream.prototype.open = function() {};
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
  this[kFs].read(this.fd, buf, 0, n, this.pos ?? null, (er, bytesRead) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      this.emit(kIoDone, er);
      return;
    }
    if (er) {
      this.destroy(er);
      return;
    }
    if (bytesRead > 0) {
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      if (bytesRead !== buf.length) {
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

// --- WriteStream ------------------------------------------------------------

function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = copyObject(getOptions(options, kEmptyObject));
  options.decodeStrings = true;
  importFsOps(this, options, ['open', 'write', 'writev', 'close', 'fsync']);
  if (options.fs?.writev == null) {
    // Without a writev of the caller's own, writes go one at a time.
    if (options.fs?.write != null) this[kFs].writev = null;
  }
  commonInit(this, path, options, 'w');
  if (options.flush == null) {
    this.flush = false;
  } else {
    validateBoolean(options.flush, 'options.flush');
    this.flush = options.flush;
  }
  validateStartEnd(this.start, undefined);
  this.pos = this.start;
  this.bytesWritten = 0;
  if (options.autoDestroy === undefined) {
    options.autoDestroy = options.autoClose === undefined ? true :
      options.autoClose;
  }
  FunctionPrototypeCall(Writable, this, options);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}

ObjectSetPrototypeOf(WriteStream.prototype, Writable.prototype);
ObjectSetPrototypeOf(WriteStream, Writable);

ObjectDefineProperty(WriteStream.prototype, 'pending', {
  __proto__: null,
  get() { return this.fd === null; },
  configurable: true,
});

WriteStream.prototype.open = function() {};
WriteStream.prototype._construct = construct;

// A write may land short, or fail with EAGAIN on a non-blocking fd (a pipe
// or tty the user opened); both just mean "the rest is still to go". Only
// a run of writes that make no progress at all is treated as a failure.
const kMaxIdleWrites = 5;

function writeFully(stream, data, offset, length, position, idleWrites, cb) {
  stream[kFs].write(stream.fd, data, offset, length, position,
                    (er, bytes) => {
                      let again = null;
                      if (er?.code === 'EAGAIN') {
                        again = er;
                        er = null;
                        bytes = 0;
                      }
                      if (er || stream.destroyed) return cb(er);
                      stream.bytesWritten += bytes;
                      if (bytes === length) return cb();
                      idleWrites = bytes > 0 ? 0 : idleWrites + 1;
                      if (idleWrites > kMaxIdleWrites) {
                        return cb(new ERR_SYSTEM_ERROR({
                          syscall: 'write',
                          code: again ? 'EAGAIN' : 0,
                          message: `no bytes written in ${idleWrites} attempts`,
                        }));
                      }
                      writeFully(stream, data, offset + bytes, length - bytes,
                                 position === null ? null : position + bytes,
                                 idleWrites, cb);
                    });
}

WriteStream.prototype._write = function(data, encoding, cb) {
  this[kIsPerformingIO] = true;
  writeFully(this, data, 0, data.length, this.pos ?? null, 0, (er) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      cb(er);
      this.emit(kIoDone, er);
      return;
    }
    cb(er);
  });
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
  if (typeof this[kFs].writev !== 'function') {
    // One write per chunk, in order.
    let i = 0;
    const next = (er) => {
      if (er || i === len) return cb(er);
      this._write(chunks[i++], 'buffer', next);
    };
    next();
    return;
  }
  this[kIsPerformingIO] = true;
  this[kFs].writev(this.fd, chunks, this.pos ?? null, (er, bytes) => {
    this[kIsPerformingIO] = false;
    if (this.destroyed) {
      cb(er);
      this.emit(kIoDone, er);
      return;
    }
    if (er) return cb(er);
    this.bytesWritten += bytes;
    cb();
  });
  if (this.pos !== undefined) this.pos += size;
};

WriteStream.prototype._final = function(callback) {
  if (!this.flush) {
    callback();
    return;
  }
  this[kFs].fsync(this.fd, (err) => callback(err));
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

// The old name of end().
WriteStream.prototype.destroySoon = WriteStream.prototype.end;

module.exports = {
  ReadStream,
  WriteStream,
};
