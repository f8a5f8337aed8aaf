'use strict';

// process.stdout, stderr and stdin. Writes are synchronous for files, TTYs
// and pipes, as Node's are on Linux. Until the streams of the file-system
// issue land, stdout and stderr are small EventEmitter-based writers with
// the stream surface that console and most programs use; stdin throws a
// clear not-implemented error when read.

const {
  ObjectDefineProperty,
} = primordials;

const EventEmitter = require('events');
const fsBinding = internalBinding('fs');
const ttyBinding = internalBinding('tty_wrap');
const {
  codes: { ERR_NOT_IMPLEMENTED, ERR_STREAM_DESTROYED },
} = require('internal/errors');

class SyncWriter extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
    this._type = ttyBinding.isTTY(fd) ? 'tty' : 'fs';
    this.writable = true;
    this.destroyed = false;
    this._isStdio = true;
    if (this._type === 'tty') {
      this.isTTY = true;
      const size = [0, 0];
      if (ttyBinding.getWindowSize(fd, size) === 0) {
        this.columns = size[0];
        this.rows = size[1];
      }
    }
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (this.destroyed) {
      const err = new ERR_STREAM_DESTROYED('write');
      if (typeof cb === 'function') process.nextTick(cb, err);
      return false;
    }
    try {
      if (typeof chunk === 'string') {
        if (encoding && encoding !== 'utf8' && encoding !== 'utf-8') {
          const { Buffer } = require('buffer');
          const buf = Buffer.from(chunk, encoding);
          fsBinding.writeBuffer(this.fd, buf, 0, buf.length, null, undefined);
        } else {
          fsBinding.writeString(this.fd, chunk, null, undefined);
        }
      } else {
        fsBinding.writeBuffer(this.fd, chunk, 0, chunk.byteLength, null,
                              undefined);
      }
    } catch (err) {
      // A closed pipe (EPIPE) is reported as an 'error' event, as Node does.
      if (typeof cb === 'function') {
        process.nextTick(cb, err);
      } else {
        process.nextTick(() => this.emit('error', err));
      }
      return false;
    }
    if (typeof cb === 'function') process.nextTick(cb, null);
    return true;
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = undefined;
    }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    if (typeof cb === 'function') process.nextTick(cb);
    process.nextTick(() => this.emit('finish'));
    return this;
  }

  destroySoon() {
    this.destroy();
  }

  destroy(err) {
    // Node never closes fds 1 and 2 on destroy.
    this.destroyed = true;
    if (err) process.nextTick(() => this.emit('error', err));
    return this;
  }

  cork() {}
  uncork() {}

  getColorDepth(env = process.env) {
    const { getColorDepth } = require('internal/tty');
    return getColorDepth.call(this, env);
  }

  hasColors(count, env) {
    const { hasColors } = require('internal/tty');
    return hasColors.call(this, count, env);
  }

  get writableLength() { return 0; }
  get writableHighWaterMark() { return 16384; }
  get writableNeedDrain() { return false; }
}

function createWritableStdioStream(fd) {
  return new SyncWriter(fd);
}

let stdin;
function getStdin() {
  if (stdin === undefined) {
    stdin = new EventEmitter();
    stdin.fd = 0;
    stdin.isTTY = ttyBinding.isTTY(0) || undefined;
    const unsupported = () => {
      throw new ERR_NOT_IMPLEMENTED('process.stdin');
    };
    stdin.read = unsupported;
    stdin.resume = unsupported;
    stdin.pipe = unsupported;
    stdin.setEncoding = unsupported;
    stdin.pause = () => stdin;
    stdin.unref = () => stdin;
    stdin.ref = () => stdin;
    const on = stdin.on;
    stdin.on = stdin.addListener = function(event, listener) {
      if (event === 'data' || event === 'readable' || event === 'end') {
        unsupported();
      }
      return on.call(this, event, listener);
    };
  }
  return stdin;
}

function defineStdio(process) {
  let stdout;
  let stderr;
  ObjectDefineProperty(process, 'stdout', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      stdout ??= createWritableStdioStream(1);
      return stdout;
    },
  });
  ObjectDefineProperty(process, 'stderr', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      stderr ??= createWritableStdioStream(2);
      return stderr;
    },
  });
  ObjectDefineProperty(process, 'stdin', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get: getStdin,
  });
}

module.exports = { defineStdio, SyncWriter };
