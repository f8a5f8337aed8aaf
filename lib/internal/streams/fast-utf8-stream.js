'use strict';

// fs.Utf8Stream: a small, fast file writer (in the manner of sonic-boom)
// that buffers UTF-8 strings (or Buffers, contentMode 'buffer') and writes
// them to a file descriptor with fs.write / fs.writeSync. It is an
// EventEmitter, not a stream.Writable: 'ready', 'write' (bytes),
// 'drain', 'drop', 'error', 'finish' and 'close'.
//
// Pending data lives in #bufs, a list of chunks of at most maxWrite units
// (UTF-16 code units in utf8 mode, bytes in buffer mode); #writingBuf is
// the chunk being written and #len counts everything not yet written,
// #writingBuf included.

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeUnshift,
  MathMax,
  StringPrototypeSlice,
  TypedArrayPrototypeSubarray,
} = primordials;

const { sleep } = internalBinding('util');
const EventEmitter = require('events');
const { Buffer } = require('buffer');
const { dirname } = require('path');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_OPERATION_FAILED,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateBuffer,
  validateFunction,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
} = require('internal/validators');
const { setTimeout, setInterval, clearInterval } = require('timers');

const kRetryDelayMs = 100;
const kDefaultMaxWrite = 16 * 1024;
const kMinHighWaterMark = 16387;
const kFsMethods = [
  'open', 'openSync', 'write', 'writeSync', 'fsync', 'fsyncSync',
  'close', 'closeSync', 'mkdir', 'mkdirSync',
];

let fsModule;
function lazyFs() {
  fsModule ??= require('fs');
  return fsModule;
}

function isRetryable(err) {
  return err != null && (err.code === 'EAGAIN' || err.code === 'EBUSY');
}

function alwaysRetry() {
  return true;
}

const kEmptyBuffer = Buffer.alloc(0);

class Utf8Stream extends EventEmitter {
  #fs;
  #fd = -1;
  #file = null;
  #bufs = [];
  #len = 0;
  #writingBuf;
  #writing = false;
  #opening = false;
  #reopening = false;
  #ending = false;
  #destroyed = false;
  #flushPending = false;
  #drainScheduled = false;
  #minLength;
  #maxLength;
  #maxWrite;
  #hwm;
  #periodicFlush;
  #periodicTimer;
  #sync;
  #fsync;
  #append;
  #mkdir;
  #mode;
  #retryEAGAIN;
  #utf8;
  #onWritten = (err, n) => this.#release(err, n);

  constructor(options = {}) {
    validateObject(options, 'options');
    super();
    const {
      fd,
      dest,
      minLength = 0,
      maxLength = 0,
      maxWrite = kDefaultMaxWrite,
      periodicFlush = 0,
      sync = false,
      append = true,
      mkdir = false,
      fsync = false,
      mode,
      retryEAGAIN = alwaysRetry,
      fs: fsOverride = {},
      contentMode = 'utf8',
    } = options;

    this.#hwm = MathMax(minLength || 0, kMinHighWaterMark);
    validateUint32(this.#hwm, 'options.hwm');
    validateUint32(minLength, 'options.minLength');
    validateUint32(maxLength, 'options.maxLength');
    validateUint32(maxWrite, 'options.maxWrite');
    validateUint32(periodicFlush, 'options.periodicFlush');
    validateBoolean(sync, 'options.sync');
    validateBoolean(append, 'options.append');
    validateBoolean(mkdir, 'options.mkdir');
    validateBoolean(fsync, 'options.fsync');
    validateFunction(retryEAGAIN, 'options.retryEAGAIN');
    validateObject(fsOverride, 'options.fs');
    validateOneOf(contentMode, 'options.contentMode', ['buffer', 'utf8']);

    const target = fd ?? dest;
    if (typeof target !== 'number' && typeof target !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('fd', ['number', 'string'], target);
    }
    if (minLength >= maxWrite) {
      throw new ERR_INVALID_ARG_VALUE.RangeError(
        'minLength', minLength,
        `should be smaller than maxWrite (${maxWrite})`);
    }

    const realFs = lazyFs();
    const methods = { __proto__: null };
    for (let i = 0; i < kFsMethods.length; i++) {
      const name = kFsMethods[i];
      methods[name] = typeof fsOverride[name] === 'function' ?
        fsOverride[name] : realFs[name];
    }
    this.#fs = methods;
    this.#minLength = minLength;
    this.#maxLength = maxLength;
    this.#maxWrite = maxWrite;
    this.#periodicFlush = periodicFlush;
    this.#sync = sync;
    this.#append = append;
    this.#mkdir = mkdir;
    this.#fsync = fsync;
    this.#mode = mode;
    this.#retryEAGAIN = retryEAGAIN;
    this.#utf8 = contentMode === 'utf8';
    this.#writingBuf = this.#empty();

    if (typeof target === 'number') {
      this.#fd = target;
      process.nextTick(() => this.emit('ready'));
    } else {
      this.#openFile(target);
    }

    if (periodicFlush > 0) {
      this.#periodicTimer = setInterval(() => this.flush(null),
                                        periodicFlush);
      this.#periodicTimer.unref();
    }
  }

  get mode() { return this.#mode; }
  get file() { return this.#file; }
  get fd() { return this.#fd; }
  get minLength() { return this.#minLength; }
  get maxLength() { return this.#maxLength; }
  get writing() { return this.#writing; }
  get sync() { return this.#sync; }
  get fsync() { return this.#fsync; }
  get append() { return this.#append; }
  get periodicFlush() { return this.#periodicFlush; }
  get contentMode() { return this.#utf8 ? 'utf8' : 'buffer'; }
  get mkdir() { return this.#mkdir; }

  write(data) {
    if (this.#destroyed) {
      throw new ERR_INVALID_STATE('Utf8Stream is destroyed');
    }
    if (this.#utf8) {
      validateString(data, 'data');
    } else {
      validateBuffer(data, 'data');
      if (!Buffer.isBuffer(data)) {
        data = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      }
    }
    const len = this.#len + data.length;
    if (this.#maxLength > 0 && len > this.#maxLength) {
      this.emit('drop', data);
      return this.#len < this.#hwm;
    }
    const bufs = this.#bufs;
    const last = bufs.length - 1;
    if (last < 0 || bufs[last].length + data.length > this.#maxWrite) {
      ArrayPrototypePush(bufs, data);
    } else if (this.#utf8) {
      bufs[last] += data;
    } else {
      bufs[last] = Buffer.concat([bufs[last], data]);
    }
    this.#len = len;
    if (!this.#writing && this.#len >= this.#minLength) {
      this.#actualWrite();
    }
    return this.#len < this.#hwm;
  }

  flush(cb) {
    if (cb != null) {
      validateFunction(cb, 'cb');
    }
    if (this.#destroyed) {
      const err = new ERR_INVALID_STATE('Utf8Stream is destroyed');
      if (cb) {
        cb(err);
        return;
      }
      throw err;
    }
    if (this.#minLength <= 0) {
      if (cb) cb();
      return;
    }
    if (cb) {
      this.#callOnDrain(cb);
    }
    if (this.#writing) {
      return;
    }
    if (this.#bufs.length === 0) {
      ArrayPrototypePush(this.#bufs, this.#empty());
    }
    this.#actualWrite();
  }

  flushSync() {
    if (this.#destroyed) {
      throw new ERR_INVALID_STATE('Utf8Stream is destroyed');
    }
    if (this.#fd < 0) {
      throw new ERR_INVALID_STATE('Invalid file descriptor');
    }
    if (!this.#writing && this.#writingBuf.length > 0) {
      ArrayPrototypeUnshift(this.#bufs, this.#writingBuf);
      this.#writingBuf = this.#empty();
    }
    let buf = this.#empty();
    while (this.#bufs.length > 0 || buf.length > 0) {
      if (buf.length === 0) {
        buf = this.#bufs[0];
      }
      try {
        const n = this.#writeSync(buf);
        const units = this.#unitsWritten(buf, n);
        buf = this.#slice(buf, units);
        this.#len = MathMax(this.#len - units, 0);
        if (buf.length === 0) {
          ArrayPrototypeShift(this.#bufs);
        }
      } catch (err) {
        if (!isRetryable(err) ||
            !this.#retryEAGAIN(err, buf.length, this.#len - buf.length)) {
          throw err;
        }
        sleep(kRetryDelayMs);
      }
    }
    try {
      this.#fs.fsyncSync(this.#fd);
    } catch {
      // A descriptor that cannot be synced (a pipe, a tty) is fine.
    }
  }

  reopen(file) {
    if (this.#destroyed) {
      throw new ERR_INVALID_STATE('Utf8Stream is destroyed');
    }
    if (this.#opening) {
      this.once('ready', () => this.reopen(file));
      return;
    }
    if (this.#ending) {
      return;
    }
    if (!this.#file) {
      throw new ERR_OPERATION_FAILED(
        'Unable to reopen a file descriptor, you must pass a file to ' +
        'SonicBoom');
    }
    if (file) {
      validateString(file, 'file');
      this.#file = file;
    }
    this.#reopening = true;
    if (this.#writing) {
      // #release() reopens once the write in flight is done.
      return;
    }
    const oldFd = this.#fd;
    this.once('ready', () => {
      if (oldFd !== this.#fd) {
        this.#fs.close(oldFd, (err) => {
          if (err) this.emit('error', err);
        });
      }
    });
    this.#openFile(this.#file);
  }

  end() {
    if (this.#destroyed) {
      throw new ERR_INVALID_STATE('Utf8Stream is destroyed');
    }
    if (this.#opening) {
      this.once('ready', () => this.end());
      return;
    }
    if (this.#ending) {
      return;
    }
    this.#ending = true;
    if (this.#writing) {
      return;
    }
    if (this.#len > 0 && this.#fd >= 0) {
      this.#actualWrite();
    } else {
      this.#close();
    }
  }

  destroy() {
    if (this.#destroyed) {
      return;
    }
    this.#close();
  }

  #empty() {
    return this.#utf8 ? '' : kEmptyBuffer;
  }

  #slice(buf, units) {
    return this.#utf8 ? StringPrototypeSlice(buf, units) :
      TypedArrayPrototypeSubarray(buf, units);
  }

  // How many units of `buf` the `n` bytes written cover. A writer that
  // reports no count (a mock) is taken to have written everything.
  #unitsWritten(buf, n) {
    if (!this.#utf8) {
      return typeof n === 'number' && n < buf.length ? n : buf.length;
    }
    if (typeof n !== 'number' || !(n < Buffer.byteLength(buf, 'utf8'))) {
      return buf.length;
    }
    if (n <= 0) {
      return 0;
    }
    const bytes = Buffer.from(buf, 'utf8');
    return TypedArrayPrototypeSubarray(bytes, 0, n).toString('utf8').length;
  }

  #writeSync(buf) {
    if (this.#utf8) {
      return this.#fs.writeSync(this.#fd, buf, 'utf8');
    }
    return this.#fs.writeSync(this.#fd, buf);
  }

  #writeAsync() {
    if (this.#utf8) {
      this.#fs.write(this.#fd, this.#writingBuf, 'utf8', this.#onWritten);
    } else {
      this.#fs.write(this.#fd, this.#writingBuf, this.#onWritten);
    }
  }

  #actualWrite() {
    this.#writing = true;
    if (this.#writingBuf.length === 0) {
      this.#writingBuf = this.#bufs.length > 0 ?
        ArrayPrototypeShift(this.#bufs) : this.#empty();
    }
    if (!this.#sync) {
      this.#writeAsync();
      return;
    }
    let n;
    try {
      n = this.#writeSync(this.#writingBuf);
    } catch (err) {
      this.#release(err);
      return;
    }
    this.#release(null, n);
  }

  #consume(n) {
    const units = this.#unitsWritten(this.#writingBuf, n);
    this.#len = MathMax(this.#len - units, 0);
    this.#writingBuf = this.#slice(this.#writingBuf, units);
  }

  #release(err, n) {
    if (err) {
      const pending = this.#writingBuf.length;
      if (isRetryable(err) &&
          this.#retryEAGAIN(err, pending, this.#len - pending)) {
        if (this.#sync) {
          // Should not happen with blocking writes, but it does on some
          // descriptors: wait a little and try again.
          sleep(kRetryDelayMs);
          this.#release(null, 0);
        } else {
          setTimeout(() => this.#writeAsync(), kRetryDelayMs);
        }
      } else {
        this.#writing = false;
        this.emit('error', err);
      }
      return;
    }

    this.emit('write', n);
    this.#consume(n);
    if (this.#writingBuf.length > 0) {
      if (!this.#sync) {
        this.#writeAsync();
        return;
      }
      try {
        do {
          this.#consume(this.#writeSync(this.#writingBuf));
        } while (this.#writingBuf.length > 0);
      } catch (err) {
        this.#release(err);
        return;
      }
    }

    if (this.#fsync) {
      this.#fs.fsyncSync(this.#fd);
    }

    if (this.#reopening) {
      this.#writing = false;
      this.#reopening = false;
      this.reopen();
    } else if (this.#len > this.#minLength) {
      this.#actualWrite();
    } else if (this.#ending) {
      if (this.#len > 0) {
        this.#actualWrite();
      } else {
        this.#writing = false;
        this.#close();
      }
    } else {
      this.#writing = false;
      if (this.#sync) {
        if (!this.#drainScheduled) {
          this.#drainScheduled = true;
          process.nextTick(() => this.#emitScheduledDrain());
        }
      } else {
        this.emit('drain');
      }
    }
  }

  #emitScheduledDrain() {
    this.#drainScheduled = false;
    if (this.listenerCount('drain') > 0) {
      this.emit('drain');
    }
  }

  #callOnDrain(cb) {
    this.#flushPending = true;
    const onDrain = () => {
      this.off('error', onError);
      if (this.#fsync) {
        // Every write was already followed by an fsync.
        this.#flushPending = false;
        cb();
        return;
      }
      try {
        this.#fs.fsync(this.#fd, (err) => {
          this.#flushPending = false;
          cb(err);
        });
      } catch (err) {
        this.#flushPending = false;
        cb(err);
      }
    };
    const onError = (err) => {
      this.off('drain', onDrain);
      this.#flushPending = false;
      cb(err);
    };
    this.once('drain', onDrain);
    this.once('error', onError);
  }

  #openFile(file) {
    this.#opening = true;
    this.#writing = true;
    this.#drainScheduled = false;

    const opened = (err, fd) => {
      if (err) {
        this.#reopening = false;
        this.#writing = false;
        this.#opening = false;
        if (this.#sync) {
          // The constructor or reopen() threw it already; a listener
          // added since then hears it too.
          process.nextTick(() => {
            if (this.listenerCount('error') > 0) {
              this.emit('error', err);
            }
          });
        } else {
          this.emit('error', err);
        }
        return;
      }
      const wasReopening = this.#reopening;
      this.#fd = fd;
      this.#file = file;
      this.#reopening = false;
      this.#opening = false;
      this.#writing = false;
      if (this.#sync) {
        process.nextTick(() => this.emit('ready'));
      } else {
        this.emit('ready');
      }
      if (this.#destroyed || this.#writing) {
        return;
      }
      if (this.#len > this.#minLength || this.#flushPending) {
        this.#actualWrite();
      } else if (wasReopening) {
        process.nextTick(() => this.emit('drain'));
      }
    };

    const flags = this.#append ? 'a' : 'w';
    const mode = this.#mode;
    const fs = this.#fs;
    if (this.#sync) {
      let fd;
      try {
        if (this.#mkdir) {
          fs.mkdirSync(dirname(file), { recursive: true });
        }
        fd = fs.openSync(file, flags, mode);
      } catch (err) {
        opened(err);
        throw err;
      }
      opened(null, fd);
    } else if (this.#mkdir) {
      fs.mkdir(dirname(file), { recursive: true }, (err) => {
        if (err) {
          opened(err);
          return;
        }
        fs.open(file, flags, mode, opened);
      });
    } else {
      fs.open(file, flags, mode, opened);
    }
  }

  #close() {
    if (this.#fd === -1) {
      this.once('ready', () => this.#close());
      return;
    }
    if (this.#periodicTimer !== undefined) {
      clearInterval(this.#periodicTimer);
      this.#periodicTimer = undefined;
    }
    this.#destroyed = true;
    this.#bufs = [];
    const fd = this.#fd;
    const done = (err) => {
      if (err) {
        this.emit('error', err);
        return;
      }
      if (this.#ending && !this.#writing) {
        this.emit('finish');
      }
      this.emit('close');
    };
    const closeFd = () => {
      // Errors of the fsync are ignored: the descriptor may be a pipe.
      if (fd === 1 || fd === 2) {
        process.nextTick(done);
      } else {
        this.#fs.close(fd, done);
      }
    };
    if (this.#fsync) {
      // Every write was followed by an fsync already.
      closeFd();
      return;
    }
    try {
      this.#fs.fsync(fd, closeFd);
    } catch {
      closeFd();
    }
  }
}

module.exports = Utf8Stream;
