'use strict';

// node:tty. ReadStream and WriteStream are net.Sockets over a TTY handle
// (src/tty_wrap.cc). Writes to a terminal are synchronous: the handle is
// set blocking, so output is never lost or interleaved.

const {
  Array,
  NumberIsInteger,
  ObjectSetPrototypeOf,
  FunctionPrototypeCall,
} = primordials;

const net = require('net');
// TTY is looked up at each use: this module is in the startup snapshot, and
// tests replace the binding's constructor.
const ttyWrap = internalBinding('tty_wrap');
const { isTTY } = ttyWrap;
const {
  ErrnoException,
  codes: {
    ERR_INVALID_FD,
    ERR_TTY_INIT_FAILED,
  },
} = require('internal/errors');
const { getColorDepth, hasColors } = require('internal/tty');

function isatty(fd) {
  return NumberIsInteger(fd) && fd >= 0 && fd <= 2147483647 && isTTY(fd);
}

function newTTYHandle(fd) {
  if (fd >> 0 !== fd || fd < 0) throw new ERR_INVALID_FD(fd);
  const ctx = {};
  const tty = new ttyWrap.TTY(fd, ctx);
  if (ctx.code !== undefined) throw new ERR_TTY_INIT_FAILED(ctx);
  return tty;
}

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  const tty = newTTYHandle(fd);
  FunctionPrototypeCall(net.Socket, this, {
    readableHighWaterMark: 0,
    handle: tty,
    manualStart: true,
    ...options,
  });
  this.isRaw = false;
  this.isTTY = true;
}
ObjectSetPrototypeOf(ReadStream.prototype, net.Socket.prototype);
ObjectSetPrototypeOf(ReadStream, net.Socket);

ReadStream.prototype.setRawMode = function(flag) {
  flag = !!flag;
  const err = this._handle?.setRawMode(flag);
  if (err) {
    this.emit('error', new ErrnoException(err, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  return this;
};

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  const tty = newTTYHandle(fd);
  FunctionPrototypeCall(net.Socket, this, {
    readableHighWaterMark: 0,
    handle: tty,
    manualStart: true,
  });
  this._handle.setBlocking(true);
  const size = new Array(2);
  if (this._handle.getWindowSize(size) === 0) {
    this.columns = size[0];
    this.rows = size[1];
  }
}
ObjectSetPrototypeOf(WriteStream.prototype, net.Socket.prototype);
ObjectSetPrototypeOf(WriteStream, net.Socket);

WriteStream.prototype.isTTY = true;
WriteStream.prototype.getColorDepth = getColorDepth;
WriteStream.prototype.hasColors = hasColors;

// Called on SIGWINCH: 'resize' when the size changed.
WriteStream.prototype._refreshSize = function() {
  const oldCols = this.columns;
  const oldRows = this.rows;
  const size = new Array(2);
  const err = this._handle.getWindowSize(size);
  if (err) {
    this.emit('error', new ErrnoException(err, 'getWindowSize'));
    return;
  }
  if (oldCols !== size[0] || oldRows !== size[1]) {
    this.columns = size[0];
    this.rows = size[1];
    this.emit('resize');
  }
};

// The cursor helpers are readline's, looked up on each call (programs and
// tests replace readline.cursorTo and friends).
let readline;

WriteStream.prototype.cursorTo = function(x, y, callback) {
  readline ??= require('readline');
  return readline.cursorTo(this, x, y, callback);
};

WriteStream.prototype.moveCursor = function(dx, dy, callback) {
  readline ??= require('readline');
  return readline.moveCursor(this, dx, dy, callback);
};

WriteStream.prototype.clearLine = function(dir, callback) {
  readline ??= require('readline');
  return readline.clearLine(this, dir, callback);
};

WriteStream.prototype.clearScreenDown = function(callback) {
  readline ??= require('readline');
  return readline.clearScreenDown(this, callback);
};

WriteStream.prototype.getWindowSize = function() {
  return [this.columns, this.rows];
};

module.exports = { isatty, ReadStream, WriteStream };
