'use strict';

// process.stdout, stderr and stdin, created on first use as Node creates
// them, by the type of the file descriptor:
//   TTY          tty.WriteStream / tty.ReadStream (terminal writes are
//                synchronous: the handle is blocking)
//   FILE         SyncWriteStream (fs.writeSync) / fs.ReadStream
//   PIPE, TCP    net.Socket over a Pipe or TCP handle
//   otherwise    a Writable that drops the data / an empty Readable
// Only the getters are defined during the bootstrap (and so in the startup
// snapshot); the streams, their handles and modules come at run time.

const {
  ObjectDefineProperty,
} = primordials;

function guessHandleType(fd) {
  return require('internal/util').guessHandleType(fd);
}

function createWritableStdioStream(fd) {
  let stream;
  switch (guessHandleType(fd)) {
    case 'TTY': {
      const tty = require('tty');
      stream = new tty.WriteStream(fd);
      stream._type = 'tty';
      break;
    }
    case 'FILE': {
      const SyncWriteStream = require('internal/fs/sync_write_stream');
      stream = new SyncWriteStream(fd, { autoClose: false });
      stream._type = 'fs';
      break;
    }
    case 'PIPE':
    case 'TCP': {
      const net = require('net');
      stream = new net.Socket({ fd, readable: false, writable: true });
      stream._type = 'pipe';
      break;
    }
    default: {
      // No usable fd (closed, or a kind lode cannot write to): a sink.
      const { Writable } = require('stream');
      stream = new Writable({
        write(buf, enc, cb) {
          cb();
        },
      });
    }
  }
  stream.fd = fd;
  stream._isStdio = true;
  return stream;
}

// stdout and stderr are never closed: destroy() ends the stream object but
// keeps the fd, and still emits 'close' so that finished() and pipeline()
// see it.
function dummyDestroy(err, cb) {
  cb(err);
  this._undestroy();
  if (!this._writableState.emitClose) {
    process.nextTick(() => {
      this.emit('close');
    });
  }
}

function makeStdioWriter(fd) {
  const stream = createWritableStdioStream(fd);
  stream.destroySoon = stream.destroy;
  stream._destroy = dummyDestroy;
  if (stream.isTTY) {
    process.on('SIGWINCH', () => stream._refreshSize());
  }
  return stream;
}

let stdin;
let stdout;
let stderr;
function getStdin() {
  if (stdin !== undefined) return stdin;
  const fd = 0;
  switch (guessHandleType(fd)) {
    case 'TTY': {
      const tty = require('tty');
      stdin = new tty.ReadStream(fd);
      break;
    }
    case 'FILE': {
      const fs = require('fs');
      stdin = new fs.ReadStream(null, { fd, autoClose: false });
      break;
    }
    case 'PIPE':
    case 'TCP': {
      const net = require('net');
      // fd 0 may be the IPC channel already (stdio: ['ipc', ...]): the
      // channel's handle is shared rather than opened twice.
      let handle;
      if (process.channel && process.channel.fd === fd) {
        const { kChannelHandle } = require('internal/child_process');
        handle = process[kChannelHandle];
      }
      stdin = new net.Socket({
        handle,
        fd: handle ? undefined : fd,
        readable: true,
        writable: false,
        manualStart: true,
      });
      // stdin cannot be end()ed.
      stdin._writableState.ended = true;
      break;
    }
    default: {
      const { Readable } = require('stream');
      stdin = new Readable({ read() {} });
      stdin.push(null);
    }
  }
  stdin.fd = fd;

  // The handle starts out not reading: reading starts with the first
  // read(), resume() or 'data' listener.
  if (stdin._handle && stdin._handle.readStop) {
    stdin._handle.reading = false;
    stdin._readableState.reading = false;
    stdin._handle.readStop();
  }

  // After pause() the handle stops too, so that the process can exit.
  stdin.on('pause', () => process.nextTick(onStdinPause));
  return stdin;
}

function onStdinPause() {
  if (!stdin._handle) return;
  if (stdin._handle.reading && !stdin.readableFlowing) {
    stdin._readableState.reading = false;
    stdin._handle.reading = false;
    stdin._handle.readStop();
  }
}

function defineStdio(process) {
  ObjectDefineProperty(process, 'stdout', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      stdout ??= makeStdioWriter(1);
      return stdout;
    },
  });
  ObjectDefineProperty(process, 'stderr', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      stderr ??= makeStdioWriter(2);
      return stderr;
    },
  });
  ObjectDefineProperty(process, 'stdin', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get: getStdin,
  });
  // The old way to start reading stdin.
  process.openStdin = function openStdin() {
    process.stdin.resume();
    return process.stdin;
  };
}

// Before a user snapshot is taken (their handles are closed then): the
// streams are made again, over the run's descriptors, on first use after
// deserialization.
function forgetStdioStreams() {
  stdin = undefined;
  stdout = undefined;
  stderr = undefined;
}

module.exports = { defineStdio, forgetStdioStreams };
