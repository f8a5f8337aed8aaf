'use strict';

// fs.promises: the same operations as lib/fs.js, each returning a promise
// settled from the threadpool request's completion, and FileHandle, an
// EventEmitter that owns one file descriptor until close().

const {
  ArrayPrototypePush,
  ErrorCaptureStackTrace,
  MathMin,
  Promise,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  SafeArrayIterator,
  SafeFinalizationRegistry,
  SafeWeakRef,
  Symbol,
  SymbolAsyncIterator,
  SymbolFor,
} = primordials;

const binding = internalBinding('fs');
const { FSReqCallback } = binding;
const { bindRequest } = require('internal/async_hooks');
const { fs: constants } = internalBinding('constants');
const {
  codes: {
    ERR_FS_FILE_TOO_LARGE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INTERNAL_ASSERTION,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_NOT_SUPPORTED_IN_SNAPSHOT,
  },
  AbortError,
} = require('internal/errors');
const {
  bindingEncoding,
  copyObject,
  decodeName,
  getDirents,
  getDirent,
  getOptions,
  getStatFsFromBinding,
  getStatsFromBinding,
  getValidatedFd,
  getValidatedPath,
  kIoMaxLength,
  kMaxUserId,
  kReadFileBufferLength,
  kReadFileUnknownBufferLength,
  kWriteFileMaxChunkSize,
  pathToString,
  publicConstants,
  stringToFlags,
  stringToSymlinkType,
  toUnixTimestamp,
  validateBufferArray,
  validateCpOptions,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePosition,
  validateRmOptions,
  validateRmdirOptions,
  validateStringAfterArrayBufferView,
  warnOnNonPortableTemplate,
} = require('internal/fs/utils');
const {
  parseFileMode,
  validateAbortSignal,
  validateBoolean,
  validateBuffer,
  validateEncoding,
  validateInteger,
  validateObject,
  validateOneOf,
} = require('internal/validators');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { isArrayBufferView } = require('internal/util/types');
const { kEmptyObject, normalizeEncoding } = require('internal/util');
const EventEmitter = require('events');
const pathModule = require('path');

const { S_IFMT, S_IFREG, F_OK } = constants;

const SymbolAsyncDispose = primordials.SymbolAsyncDispose ??
  SymbolFor('nodejs.asyncDispose');

const kFd = Symbol('kFd');
const kRefs = Symbol('kRefs');
const kClosePromise = Symbol('kClosePromise');
const kRef = Symbol('kRef');
const kUnref = Symbol('kUnref');
const kHandle = Symbol('kHandle');
const kClosed = Symbol('kClosed');
const kLocked = Symbol('kLocked');

// An error from the binding is made on the loop, with no JS frames: give
// it the stack of the code awaiting the operation.
function handleErrorFromBinding(error) {
  ErrorCaptureStackTrace(error, handleErrorFromBinding);
  return PromiseReject(error);
}

// Runs binding[name](...args, req) and settles with its result.
function call(name, ...args) {
  return PromisePrototypeThen(new Promise((resolve, reject) => {
    const r = new FSReqCallback();
    r.oncomplete = bindRequest(r, 'FSREQPROMISE', (err, result) => {
      if (err) reject(err);
      else resolve(result);
    });
    ArrayPrototypePush(args, r);
    binding[name](...new SafeArrayIterator(args));
  }), undefined, handleErrorFromBinding);
}

// readFile/writeFile of a path with no AbortSignal: open, read or write it
// all and close as one threadpool job (binding.readFileAll/writeFileAll),
// settled once. Its errors are those of the open, fstat, read, write, fsync
// or close that failed.
function wholeFile(method, path, data, flags, mode, flush) {
  return PromisePrototypeThen(new Promise((resolve, reject) => {
    const req = new FSReqCallback();
    req.oncomplete = bindRequest(req, 'FSREQPROMISE', (err, result) => {
      if (err) reject(err);
      else resolve(result);
    });
    if (method === 'readFileAll') binding.readFileAll(path, flags, req);
    else binding.writeFileAll(path, data, flags, mode, flush, req);
  }), undefined, handleErrorFromBinding);
}

function checkAborted(signal) {
  if (signal?.aborted) {
    throw new AbortError(undefined, { cause: signal.reason });
  }
}

// --- FileHandle -------------------------------------------------------------

// A FileHandle dropped without close(): its descriptor is closed when the
// object is collected, with a warning (and DEP0137, once).
let gcRegistry = null;
let warnedGcClose = false;
function closeOnGC(fd) {
  try {
    binding.close(fd);
  } catch {
    return;
  }
  process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
  if (!warnedGcClose) {
    warnedGcClose = true;
    process.emitWarning(
      'Closing a FileHandle object on garbage collection is deprecated. ' +
      'Please close FileHandle objects explicitly using ' +
      'FileHandle.prototype.close(). In the future, an error will be ' +
      'thrown if a file descriptor is closed during garbage collection.',
      'DeprecationWarning', 'DEP0137');
  }
}

function forgetOnGC(handle) {
  gcRegistry?.unregister(handle);
}

// FileHandles opened while a user-land snapshot is built (weakly): one
// still open when the snapshot is written would come back in every run with
// a descriptor number that names some other file there, so the build fails.
let startupSnapshot;
let snapshotHandles;
function noteHandleInSnapshotBuilder(handle) {
  startupSnapshot ??= require('internal/v8/startup_snapshot');
  if (!startupSnapshot.namespace.isBuildingSnapshot()) return;
  if (snapshotHandles === undefined) {
    snapshotHandles = [];
    startupSnapshot.addAfterUserSerializeCallback(() => {
      for (let i = 0; i < snapshotHandles.length; i++) {
        const open = snapshotHandles[i].deref();
        if (open !== undefined && open[kFd] !== -1) {
          throw new ERR_NOT_SUPPORTED_IN_SNAPSHOT(
            `An open FileHandle (fd ${open[kFd]})`);
        }
      }
    });
  }
  ArrayPrototypePush(snapshotHandles, new SafeWeakRef(handle));
}

class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this[kHandle] = {};
    this[kFd] = fd;
    this[kRefs] = 1;
    this[kClosePromise] = null;
    this[kClosed] = false;
    gcRegistry ??= new SafeFinalizationRegistry(closeOnGC);
    gcRegistry.register(this, fd, this);
    noteHandleInSnapshotBuilder(this);
  }

  getAsyncId() {
    return -1;
  }

  get fd() {
    return this[kFd];
  }

  appendFile(data, options) {
    return fsCall(writeFileHandle, this, data,
                  appendOptions(options));
  }

  chmod(mode) {
    return fsCall(fchmod, this, mode);
  }

  chown(uid, gid) {
    return fsCall(fchown, this, uid, gid);
  }

  datasync() {
    return fsCall(fdatasync, this);
  }

  sync() {
    return fsCall(fsync, this);
  }

  read(buffer, offset, length, position) {
    return fsCall(read, this, buffer, offset, length, position);
  }

  readv(buffers, position) {
    return fsCall(readv, this, buffers, position);
  }

  readFile(options) {
    return fsCall(readFileHandle, this, options);
  }

  readLines(options = undefined) {
    const { Interface } = require('internal/readline/interface');
    return new Interface({
      input: this.createReadStream(options),
      crlfDelay: Infinity,
    });
  }

  stat(options) {
    return fsCall(fstat, this, options);
  }

  truncate(len = 0) {
    return fsCall(ftruncate, this, len);
  }

  utimes(atime, mtime) {
    return fsCall(futimes, this, atime, mtime);
  }

  write(buffer, offset, length, position) {
    return fsCall(write, this, buffer, offset, length, position);
  }

  writev(buffers, position) {
    return fsCall(writev, this, buffers, position);
  }

  writeFile(data, options) {
    return fsCall(writeFileHandle, this, data, options);
  }

  // 'close' is emitted as soon as close() is called; the descriptor itself
  // is closed once no operation (or stream) holds a reference to it.
  close = () => {
    if (this[kFd] === -1) return PromiseResolve();
    if (this[kClosePromise]) return this[kClosePromise];
    this[kRefs]--;
    if (this[kRefs] === 0) {
      const fd = this[kFd];
      this[kFd] = -1;
      forgetOnGC(this);
      this[kClosePromise] = PromisePrototypeThen(
        call('close', fd),
        () => {
          this[kClosePromise] = undefined;
        },
        (err) => {
          this[kClosePromise] = undefined;
          throw err;
        });
    } else {
      this[kClosePromise] = new Promise((resolve, reject) => {
        this[kCloseResolve] = resolve;
        this[kCloseReject] = reject;
      });
    }
    this.emit('close');
    return this[kClosePromise];
  };

  [kRef]() {
    this[kRefs]++;
  }

  [kUnref]() {
    releaseRef(this);
  }

  async [SymbolAsyncDispose]() {
    return this.close();
  }

  // A byte stream over the file from its current position; the handle is
  // locked to it, and closing the handle closes the stream.
  readableWebStream(options = kEmptyObject) {
    if (this[kFd] === -1) {
      throw new ERR_INVALID_STATE('The FileHandle is closed');
    }
    if (this[kClosePromise]) {
      throw new ERR_INVALID_STATE('The FileHandle is closing');
    }
    if (this[kLocked]) {
      throw new ERR_INVALID_STATE('The FileHandle is locked');
    }
    this[kLocked] = true;
    validateObject(options, 'options');
    if (options.type !== undefined && `${options.type}` !== 'bytes') {
      process.emitWarning(
        'A non-"bytes" options.type has no effect. A byte-oriented steam ' +
        'is always created.', 'ExperimentalWarning');
    }
    const { ReadableStream } =
      require('internal/webstreams/readablestream');
    const handle = this;
    let done = false;
    let streamController;
    const readable = new ReadableStream({
      type: 'bytes',
      autoAllocateChunkSize: 16384,
      start(controller) {
        streamController = controller;
      },
      async pull(controller) {
        const view = controller.byobRequest.view;
        const { bytesRead } = await handle.read(view, 0, view.byteLength);
        if (done) return;
        if (bytesRead === 0) {
          done = true;
          controller.close();
          controller.byobRequest?.respond(0);
        } else {
          controller.byobRequest.respond(bytesRead);
        }
      },
      cancel() {
        done = true;
      },
    });
    this.once('close', () => {
      if (done) return;
      done = true;
      try {
        streamController.close();
        streamController.byobRequest?.respond(0);
      } catch {
        // Already closed or errored.
      }
    });
    return readable;
  }

  createReadStream(options = undefined) {
    const { ReadStream } = require('fs');
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = require('fs');
    return new WriteStream(undefined, { ...options, fd: this });
  }
}

const kCloseResolve = Symbol('kCloseResolve');
const kCloseReject = Symbol('kCloseReject');

async function fsCall(fn, handle, ...args) {
  if (handle?.[kRefs] === undefined) {
    throw new ERR_INTERNAL_ASSERTION(
      'handle must be an instance of FileHandle');
  }
  if (handle[kFd] === -1) {
    // eslint-disable-next-line no-restricted-syntax
    const err = new Error('file closed');
    err.code = 'EBADF';
    err.syscall = fn.name;
    throw err;
  }
  try {
    handle[kRefs]++;
    return await fn(handle, ...new SafeArrayIterator(args));
  } finally {
    releaseRef(handle);
  }
}

// Drops one reference; the last one gone after close() was called closes
// the descriptor and settles close()'s promise.
function releaseRef(handle) {
  handle[kRefs]--;
  if (handle[kRefs] === 0 && handle[kCloseResolve]) {
    const fd = handle[kFd];
    const resolve = handle[kCloseResolve];
    const reject = handle[kCloseReject];
    handle[kCloseResolve] = undefined;
    handle[kCloseReject] = undefined;
    handle[kFd] = -1;
    forgetOnGC(handle);
    PromisePrototypeThen(call('close', fd), () => {
      handle[kClosePromise] = undefined;
      resolve();
    }, (err) => {
      handle[kClosePromise] = undefined;
      reject(err);
    });
  }
}

function fdOf(handle) {
  return handle instanceof FileHandle ? handle[kFd] : handle;
}

// --- handle operations ------------------------------------------------------

async function fchmod(handle, mode) {
  mode = parseFileMode(mode, 'mode');
  return call('fchmod', fdOf(handle), mode);
}

async function fchown(handle, uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return call('fchown', fdOf(handle), uid, gid);
}

async function fdatasync(handle) {
  return call('fdatasync', fdOf(handle));
}

async function fsync(handle) {
  return call('fsync', fdOf(handle));
}

async function read(handle, bufferOrParams, offset, length, position) {
  let buffer = bufferOrParams;
  if (!isArrayBufferView(buffer)) {
    if (bufferOrParams !== undefined && bufferOrParams !== null) {
      validateObject(bufferOrParams, 'options', { nullable: true });
    }
    ({
      buffer = Buffer.alloc(16384),
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = bufferOrParams ?? kEmptyObject);
    validateBuffer(buffer);
  }
  if (offset !== null && typeof offset === 'object') {
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offset);
  }
  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }
  length ??= buffer.byteLength - offset;
  if (length === 0) {
    return { __proto__: null, bytesRead: length, buffer };
  }
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer,
                                    'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  if (position == null) {
    position = -1;
  } else {
    validatePosition(position, 'position', length);
  }
  const bytesRead = (await call('read', fdOf(handle), buffer, offset, length,
                                position)) || 0;
  return { __proto__: null, bytesRead, buffer };
}

async function readv(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  const bytesRead = (await call('readBuffers', fdOf(handle), buffers,
                                position)) || 0;
  return { __proto__: null, bytesRead, buffers };
}

async function write(handle, buffer, offsetOrOptions, length, position) {
  if (buffer?.byteLength === 0) {
    return { __proto__: null, bytesWritten: 0, buffer };
  }
  if (isArrayBufferView(buffer)) {
    let offset = offsetOrOptions;
    if (offset !== null && typeof offset === 'object') {
      ({
        offset = 0,
        length = buffer.byteLength - offset,
        position = null,
      } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null) {
      offset = 0;
    } else {
      validateInteger(offset, 'offset', 0);
    }
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number') position = null;
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    const bytesWritten = (await call('writeBuffer', fdOf(handle), buffer,
                                     offset, length, position)) || 0;
    return { __proto__: null, bytesWritten, buffer };
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  let encoding = length;
  position = offsetOrOptions;
  if (typeof position !== 'number') {
    if (typeof position === 'string' && encoding === undefined) {
      encoding = position;
    }
    position = null;
  }
  encoding ||= 'utf8';
  validateEncoding(buffer, encoding);
  const data = Buffer.from(buffer, encoding);
  const bytesWritten = (await call('writeBuffer', fdOf(handle), data, 0,
                                   data.length, position)) || 0;
  return { __proto__: null, bytesWritten, buffer };
}

async function writev(handle, buffers, position) {
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  if (buffers.length === 0) {
    return { __proto__: null, bytesWritten: 0, buffers };
  }
  const bytesWritten = (await call('writeBuffers', fdOf(handle), buffers,
                                   position)) || 0;
  return { __proto__: null, bytesWritten, buffers };
}

async function fstat(handle, options = { bigint: false }) {
  const result = await call('fstat', fdOf(handle), !!options.bigint);
  return getStatsFromBinding(result);
}

async function ftruncate(handle, len = 0) {
  validateInteger(len, 'len');
  len = len < 0 ? 0 : len;
  return call('ftruncate', fdOf(handle), len);
}

async function futimes(handle, atime, mtime) {
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  return call('futimes', fdOf(handle), atime, mtime);
}

async function readFileHandle(filehandle, options) {
  options = getOptions(options, { flag: 'r' });
  const signal = options?.signal;
  const encoding = options?.encoding;
  checkAborted(signal);
  const fd = fdOf(filehandle);
  const statFields = await call('fstat', fd, false);
  checkAborted(signal);
  let size = 0;
  if ((statFields[1] & S_IFMT) === S_IFREG) size = statFields[8];
  if (size > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(size);
  let result;
  if (size > 0) {
    // A regular file of known size: read straight into one buffer of that
    // size, at most kReadFileBufferLength bytes per request, and stop once
    // it is full (bytes appended meanwhile are not read, as in Node).
    result = Buffer.allocUnsafeSlow(size);
    let total = 0;
    while (total < size) {
      checkAborted(signal);
      const n = await call('read', fd, result, total,
                           MathMin(size - total, kReadFileBufferLength), -1);
      if (n === 0) break;
      total += n;
    }
    if (total < size) result = result.subarray(0, total);
  } else {
    const chunks = [];
    let total = 0;
    for (;;) {
      checkAborted(signal);
      const buffer = Buffer.allocUnsafe(kReadFileUnknownBufferLength);
      const n = await call('read', fd, buffer, 0,
                           kReadFileUnknownBufferLength, -1);
      if (n === 0) break;
      ArrayPrototypePush(chunks, n === kReadFileUnknownBufferLength ?
        buffer : buffer.subarray(0, n));
      total += n;
      if (total > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(total);
    }
    result = Buffer.concat(chunks, total);
  }
  return encoding ? result.toString(encoding) : result;
}

async function writeFileHandle(filehandle, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const signal = options?.signal;
  const encoding = options?.encoding;
  checkAborted(signal);
  let buffer;
  if (isArrayBufferView(data)) {
    buffer = new FastBuffer(data.buffer, data.byteOffset, data.byteLength);
  } else if (typeof data === 'string') {
    buffer = Buffer.from(data, encoding || 'utf8');
  } else if (data != null && typeof data[SymbolAsyncIterator] === 'function' ||
             data != null && typeof data[primordials.SymbolIterator] ===
             'function') {
    for await (const chunk of data) {
      checkAborted(signal);
      // Anything but a view goes through Buffer.from(), which rejects
      // what is neither a string nor bytes.
      const buf = isArrayBufferView(chunk) ? chunk :
        Buffer.from(chunk, encoding || 'utf8');
      await writeAll(filehandle, buf, signal);
    }
    return;
  } else {
    validateStringAfterArrayBufferView(data, 'data');
  }
  await writeAll(filehandle, buffer, signal);
}

async function writeAll(filehandle, buffer, signal) {
  const fd = fdOf(filehandle);
  let offset = 0;
  let remaining = buffer.byteLength;
  if (remaining === 0) return;
  while (remaining > 0) {
    checkAborted(signal);
    const toWrite = MathMin(kWriteFileMaxChunkSize, remaining);
    const written = await call('writeBuffer', fd, buffer, offset, toWrite,
                               null);
    offset += written;
    remaining -= written;
  }
}

function appendOptions(options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  options.flag ||= 'a';
  return options;
}

// --- path operations --------------------------------------------------------

async function access(path, mode = F_OK) {
  path = getValidatedPath(path);
  return call('access', path, mode);
}

async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  return call('copyFile', src, dest, mode);
}

async function cp(src, dest, options) {
  options = validateCpOptions(options);
  src = pathToString(getValidatedPath(src, 'src'));
  dest = pathToString(getValidatedPath(dest, 'dest'));
  return require('internal/fs/cp/cp').cpFn(src, dest, options);
}

async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  return new FileHandle(await call('open', path, flagsNumber, mode));
}

async function opendir(path, options) {
  const { opendir } = require('internal/fs/dir');
  return new Promise((resolve, reject) => {
    opendir(path, options, (err, dir) => {
      if (err) reject(err);
      else resolve(dir);
    });
  });
}

async function rename(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return call('rename', oldPath, newPath);
}

async function truncate(path, len = 0) {
  const fd = await open(path, 'r+');
  return handleFdClose(ftruncate(fd, len), fd.close);
}

async function handleFdClose(fileOpPromise, closeFunc) {
  let result;
  try {
    result = await fileOpPromise;
  } catch (opError) {
    try {
      await closeFunc();
    } catch {
      // The operation's error is the one reported.
    }
    throw opError;
  }
  await closeFunc();
  return result;
}

async function rm(path, options) {
  path = getValidatedPath(path);
  options = await new Promise((resolve, reject) => {
    validateRmOptions(path, options, false, (err, options) => {
      if (err) return reject(err);
      const denied = require('internal/process/permission')
        .deniedPath('fs.write', path);
      if (denied) return reject(denied);
      resolve(options);
    });
  });
  return new Promise((resolve, reject) => {
    require('internal/fs/rimraf').rimraf(path, options, (err) => {
      if (err) reject(err);
      else resolve();
    });
  });
}

async function rmdir(path, options) {
  path = getValidatedPath(path);
  options = validateRmdirOptions(options);
  if (options.recursive) {
    require('fs').rmdirSync; // eslint-disable-line no-unused-expressions
    const stats = await call('lstat', path, false);
    if ((stats[1] & S_IFMT) === constants.S_IFDIR) {
      return new Promise((resolve, reject) => {
        require('internal/fs/rimraf').rimraf(path, options, (err) => {
          if (err) reject(err);
          else resolve();
        });
      });
    }
  }
  return call('rmdir', path);
}

async function mkdir(path, options) {
  if (typeof options === 'number' || typeof options === 'string') {
    options = { mode: options };
  }
  const {
    recursive = false,
    mode = 0o777,
  } = options || kEmptyObject;
  path = getValidatedPath(path);
  validateBoolean(recursive, 'options.recursive');
  const result = await call('mkdir', path, parseFileMode(mode, 'mode', 0o777),
                            recursive);
  return recursive ? result : undefined;
}

async function readdirRecursive(path, options) {
  const { readdirSync } = require('fs');
  // The walk issues one request per directory.
  const withFileTypes = Boolean(options.withFileTypes);
  const encoding = options.encoding;
  const rawEnc = bindingEncoding(encoding);
  const base = pathToString(path);
  const results = [];
  const queue = [base];
  for (let q = 0; q < queue.length; q++) {
    const dir = queue[q];
    const result = await call('readdir', dir, rawEnc, true);
    const names = result[0];
    const types = result[1];
    for (let i = 0; i < names.length; i++) {
      const name = decodeName(names[i], encoding);
      const dirent = getDirent(dir, name, types[i]);
      const full = pathModule.join(dir, pathToString(name));
      if (withFileTypes) {
        ArrayPrototypePush(results, dirent);
      } else {
        const rel = pathModule.relative(base, full);
        ArrayPrototypePush(results, rawEnc === 'utf8' ? rel :
          decodeName(Buffer.from(rel), encoding));
      }
      if (dirent.isDirectory()) ArrayPrototypePush(queue, full);
    }
  }
  void readdirSync;
  return results;
}

async function readdir(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive != null) {
    validateBoolean(options.recursive, 'options.recursive');
  }
  if (options.recursive) return readdirRecursive(path, options);
  const encoding = options.encoding;
  const withFileTypes = Boolean(options.withFileTypes);
  const result = await call('readdir', path, bindingEncoding(encoding),
                            withFileTypes);
  if (!withFileTypes) {
    for (let i = 0; i < result.length; i++) {
      result[i] = decodeName(result[i], encoding);
    }
    return result;
  }
  const names = result[0];
  for (let i = 0; i < names.length; i++) {
    names[i] = decodeName(names[i], encoding);
  }
  return getDirents(path, result);
}

async function readlink(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  const enc = options.encoding;
  return decodeName(await call('readlink', path, bindingEncoding(enc)), enc);
}

async function symlink(target, path, type) {
  validateOneOf(type, 'type', ['dir', 'file', 'junction', null, undefined]);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  return call('symlink', target, path, stringToSymlinkType(type));
}

async function lstat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatsFromBinding(await call('lstat', path, !!options.bigint));
}

async function stat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatsFromBinding(await call('stat', path, !!options.bigint));
}

async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatFsFromBinding(await call('statfs', path, !!options.bigint));
}

async function link(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return call('link', existingPath, newPath);
}

async function unlink(path) {
  return call('unlink', getValidatedPath(path));
}

async function chmod(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  return call('chmod', path, mode);
}

// Only systems with O_SYMLINK (macOS) can change a link's own mode.
async function lchmod(path, mode) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
}

async function lchown(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return call('lchown', path, uid, gid);
}

async function chown(path, uid, gid) {
  path = getValidatedPath(path);
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
  return call('chown', path, uid, gid);
}

async function utimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return call('utimes', path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

async function lutimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return call('lutimes', path, toUnixTimestamp(atime),
              toUnixTimestamp(mtime));
}

async function realpath(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  const enc = options.encoding;
  return decodeName(await call('realpath', path, bindingEncoding(enc)), enc);
}

async function mkdtemp(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(pathToString(prefix));
  const enc = options.encoding;
  return decodeName(await call('mkdtemp', pathToString(prefix),
                               bindingEncoding(enc)), enc);
}

async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w',
                                  flush: false });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  if (!isArrayBufferView(data) && typeof data !== 'string' &&
      !(data != null && (typeof data[SymbolAsyncIterator] === 'function' ||
                         typeof data[primordials.SymbolIterator] ===
                         'function'))) {
    validateStringAfterArrayBufferView(data, 'data');
  }
  validateAbortSignal(options.signal, 'options.signal');
  if (path instanceof FileHandle) {
    return writeFileHandle(path, data, options);
  }
  checkAborted(options.signal);
  if (options.signal === undefined &&
      (isArrayBufferView(data) || typeof data === 'string')) {
    path = getValidatedPath(path);
    const flags = stringToFlags(flag);
    const mode = parseFileMode(options.mode, 'mode', 0o666);
    if (typeof data === 'string' &&
        normalizeEncoding(options.encoding) !== 'utf8') {
      data = Buffer.from(data, options.encoding);
    }
    return wholeFile('writeFileAll', path, data, flags, mode, flush);
  }
  const fd = await open(path, flag, options.mode);
  let promise = writeFileHandle(fd, data, options);
  if (flush) {
    promise = PromisePrototypeThen(promise, () => fd.sync());
  }
  return handleFdClose(promise, fd.close);
}

async function appendFile(path, data, options) {
  return writeFile(path, data, appendOptions(options));
}

async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  const flag = options.flag || 'r';
  if (path instanceof FileHandle) return readFileHandle(path, options);
  checkAborted(options.signal);
  if (options.signal === undefined) {
    path = getValidatedPath(path);
    const result = await wholeFile('readFileAll', path, undefined,
                                   stringToFlags(flag));
    if (typeof result === 'number') throw new ERR_FS_FILE_TOO_LARGE(result);
    const buffer = new FastBuffer(result);
    return options.encoding ? buffer.toString(options.encoding) : buffer;
  }
  const fd = await open(path, flag, 0o666);
  return handleFdClose(readFileHandle(fd, options), fd.close);
}

// A temporary directory removed by remove() or at the end of an
// `await using` block.
async function mkdtempDisposable(prefix, options) {
  const path = await mkdtemp(prefix, options);
  const full = pathModule.resolve(pathToString(path));
  const remove = () => rm(full, { maxRetries: 0, recursive: true,
                                  force: true });
  return {
    __proto__: null,
    path,
    remove,
    [SymbolAsyncDispose]: remove,
  };
}

function watch(filename, options) {
  return require('internal/fs/watchers').watch(filename, options);
}

async function* glob(pattern, options) {
  const { Glob } = require('internal/fs/glob');
  yield* new Glob(pattern, options).glob();
}

module.exports = {
  exports: {
    access,
    copyFile,
    cp,
    glob,
    open,
    opendir,
    rename,
    truncate,
    rm,
    rmdir,
    mkdir,
    readdir,
    readlink,
    symlink,
    lstat,
    stat,
    statfs,
    link,
    unlink,
    chmod,
    lchmod: undefined,
    lchmod,
    lchown,
    chown,
    utimes,
    lutimes,
    realpath,
    mkdtemp,
    mkdtempDisposable,
    writeFile,
    appendFile,
    readFile,
    watch,
    constants: publicConstants,
  },
  FileHandle,
  kRef,
  kUnref,
};
