'use strict';

// The fs module: argument validation in front of internalBinding('fs').
// Every function has a callback form (the call runs on the libuv threadpool
// and reports through an FSReqCallback) and a *Sync form (the binding throws
// the UVException itself). Larger pieces live in internal/fs/*.

const {
  ArrayPrototypePush,
  BigInt,
  BigIntPrototypeToString,
  Number,
  Promise,
  PromisePrototypeThen,
  PromiseResolve,
  FunctionPrototypeCall,
  MathMin,
  NumberIsSafeInteger,
  ObjectDefineProperties,
  ObjectDefineProperty,
  SafeMap,
  SafeSet,
  StringPrototypeCharCodeAt,
  SymbolFor,
  StringPrototypeIndexOf,
  StringPrototypeReplace,
  StringPrototypeSlice,
} = primordials;

const binding = internalBinding('fs');
const { FSReqCallback } = binding;
const { bindRequest } = require('internal/async_hooks');
const { fs: constants } = internalBinding('constants');
const {
  codes: {
    ERR_ACCESS_DENIED,
    ERR_FS_FILE_TOO_LARGE,
    ERR_INVALID_ARG_VALUE,
    ERR_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
  },
  AbortError,
} = require('internal/errors');
const {
  validateBoolean,
  validateBuffer,
  validateEncoding,
  validateFunction,
  validateInteger,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
  kValidateObjectAllowNullable,
  parseFileMode,
} = require('internal/validators');
const {
  bindingEncoding,
  copyObject,
  decodeName,
  Dirent,
  getDirent,
  getDirents,
  getOptions,
  getStatFsFromBinding,
  getStatsFromBinding,
  getValidatedFd,
  getValidatedPath,
  getValidMode,
  kIoMaxLength,
  kMaxUserId,
  kReadFileUnknownBufferLength,
  makeCallback,
  pathToString,
  publicConstants,
  realpathCacheKey,
  Stats,
  stringToFlags,
  stringToSymlinkType,
  toPathIfFileURL,
  toUnixTimestamp,
  validateBufferArray,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePath,
  validatePosition,
  validateRmOptions,
  validateRmOptionsSync,
  validateRmdirOptions,
  validateStringAfterArrayBufferView,
  warnOnNonPortableTemplate,
} = require('internal/fs/utils');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { isArrayBufferView } = require('internal/util/types');
const {
  customPromisifyArgs: kCustomPromisifyArgsSymbol,
  deprecate,
  kEmptyObject,
  promisify,
} = require('internal/util');
const pathModule = require('path');

const {
  O_CREAT, O_TRUNC, O_WRONLY, O_SYNC, S_IFMT, S_IFREG, S_IFIFO, S_IFSOCK,
  F_OK, R_OK, W_OK, X_OK,
} = constants;
const isWindows = process.platform === 'win32';

let fsPromises;
let cpModule;
let rimrafModule;
let dirModule;

function lazyPromises() {
  fsPromises ??= require('internal/fs/promises').exports;
  return fsPromises;
}

// A request whose completion calls `callback(err, result)`.
function req(callback) {
  const r = new FSReqCallback();
  r.oncomplete = bindRequest(r, 'FSREQCALLBACK', callback);
  return r;
}

function maybeCallback(cb) {
  validateFunction(cb, 'cb');
  return cb;
}

function checkAborted(signal, callback) {
  if (signal?.aborted) {
    callback(new AbortError(undefined, { cause: signal.reason }));
    return true;
  }
  return false;
}

// --- access / exists --------------------------------------------------------

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  callback = makeCallback(callback);
  binding.access(path, mode, req(callback));
}

function accessSync(path, mode) {
  binding.access(getValidatedPath(path), mode, undefined);
}

function exists(path, callback) {
  maybeCallback(callback);
  function suppressedCallback(err) {
    callback(!err);
  }
  try {
    access(path, F_OK, suppressedCallback);
  } catch {
    return callback(false);
  }
}

ObjectDefineProperty(exists, promisify.custom, {
  __proto__: null,
  value: function exists(path) {
    return new Promise((resolve) => fs.exists(path, resolve));
  },
});

let warnedExistsSync = false;
function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch (err) {
    if (err?.code === 'ERR_INVALID_ARG_TYPE' && !warnedExistsSync) {
      warnedExistsSync = true;
      process.emitWarning(
        'Passing invalid argument types to fs.existsSync is deprecated',
        'DeprecationWarning', 'DEP0187');
    }
    return false;
  }
  return binding.existsSync(path);
}

// --- open / close -----------------------------------------------------------

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const flagsNumber = stringToFlags(flags);
  callback = makeCallback(callback);
  binding.open(path, flagsNumber, mode, req(callback));
}

function openSync(path, flags, mode) {
  return binding.open(getValidatedPath(path), stringToFlags(flags),
                      parseFileMode(mode, 'mode', 0o666), undefined);
}

function close(fd, callback = defaultCloseCallback) {
  fd = getValidatedFd(fd);
  if (callback !== defaultCloseCallback) callback = makeCallback(callback);
  binding.close(fd, req(callback));
}

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function closeSync(fd) {
  binding.close(getValidatedFd(fd), undefined);
}

// --- read -------------------------------------------------------------------

function readArgs(fd, buffer, offsetOrOptions, length, position, isSync) {
  let offset = offsetOrOptions;
  let params = null;
  if (!isArrayBufferView(buffer) &&
      (buffer === undefined || buffer === null || typeof buffer === 'object') &&
      !isSync) {
    // read(fd, options, callback) / read(fd, callback)
    params = buffer ?? kEmptyObject;
    validateObject(params, 'options', kValidateObjectAllowNullable);
    ({
      buffer = Buffer.alloc(16384),
      offset = 0,
      length = buffer?.byteLength - offset,
      position = null,
    } = params ?? kEmptyObject);
  } else if (offsetOrOptions !== null && typeof offsetOrOptions === 'object' &&
             !isSync) {
    validateBuffer(buffer);
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offsetOrOptions);
  } else if (isSync && offsetOrOptions !== null &&
             typeof offsetOrOptions === 'object') {
    validateBuffer(buffer);
    ({
      offset = 0,
      length = buffer.byteLength - offset,
      position = null,
    } = offsetOrOptions);
  }
  validateBuffer(buffer);
  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }
  if (length === undefined) length = buffer.byteLength - offset;
  length |= 0;
  if (length === 0) return { buffer, offset, length, position, empty: true };
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
  return { buffer, offset, length, position, empty: false };
}

function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let args;
  if (arguments.length <= 4) {
    if (arguments.length === 4) {
      // read(fd, buffer, options, callback)
      callback = length;
      args = readArgs(fd, buffer, offsetOrOptions, undefined, undefined,
                      false);
    } else if (arguments.length === 3) {
      if (isArrayBufferView(buffer)) {
        // read(fd, buffer, callback)
        callback = offsetOrOptions;
        args = readArgs(fd, buffer, {}, undefined, undefined, false);
      } else {
        // read(fd, options, callback)
        callback = offsetOrOptions;
        args = readArgs(fd, buffer, undefined, undefined, undefined, false);
      }
    } else {
      // read(fd, callback)
      callback = buffer;
      args = readArgs(fd, undefined, undefined, undefined, undefined, false);
    }
  } else {
    args = readArgs(fd, buffer, offsetOrOptions, length, position, false);
  }
  validateFunction(callback, 'cb');
  const buf = args.buffer;
  if (args.empty) {
    process.nextTick(() => callback(null, 0, buf));
    return;
  }
  binding.read(fd, buf, args.offset, args.length, args.position,
               req((err, bytesRead) => {
                 if (err) return callback(err);
                 callback(null, bytesRead || 0, buf);
               }));
}

ObjectDefineProperty(read, kCustomPromisifyArgsSymbol, {
  __proto__: null, value: ['bytesRead', 'buffer'], enumerable: false,
});

function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  validateBuffer(buffer);
  if (arguments.length <= 3 || typeof offsetOrOptions === 'object') {
    // readSync(fd, buffer[, options])
    if (offsetOrOptions !== undefined) {
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
    }
    offsetOrOptions ??= kEmptyObject;
  }
  const args = readArgs(fd, buffer, offsetOrOptions, length, position, true);
  if (args.empty) return 0;
  return binding.read(fd, args.buffer, args.offset, args.length,
                      args.position, undefined);
}

function readv(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  callback = maybeCallback(callback);
  if (typeof position !== 'number') position = null;
  binding.readBuffers(fd, buffers, position,
                      req((err, n) => {
                        if (err) return callback(err);
                        callback(null, n, buffers);
                      }));
}

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position !== 'number') position = null;
  return binding.readBuffers(fd, buffers, position, undefined);
}

// --- write ------------------------------------------------------------------

function writeArgs(buffer, offsetOrOptions, length, position) {
  if (isArrayBufferView(buffer)) {
    let offset = offsetOrOptions;
    if (offset !== null && typeof offset === 'object') {
      ({
        offset = 0,
        length = buffer.byteLength - offset,
        position = null,
      } = offsetOrOptions ?? kEmptyObject);
    }
    if (offset == null || typeof offset === 'function') {
      offset = 0;
    } else {
      validateInteger(offset, 'offset', 0);
    }
    if (typeof length !== 'number') length = buffer.byteLength - offset;
    if (typeof position !== 'number' && typeof position !== 'bigint') {
      position = null;
    }
    validateOffsetLengthWrite(offset, length, buffer.byteLength);
    return { buffer, offset, length, position };
  }
  validateStringAfterArrayBufferView(buffer, 'buffer');
  // write(fd, string, position, encoding)
  let pos = offsetOrOptions;
  let encoding = length;
  if (typeof pos !== 'number' && typeof pos !== 'bigint') {
    if (typeof pos === 'string' && encoding === undefined) encoding = pos;
    pos = null;
  }
  if (typeof encoding !== 'string') encoding = 'utf8';
  validateEncoding(buffer, encoding);
  const data = Buffer.from(buffer, encoding);
  return { buffer: data, offset: 0, length: data.length, position: pos,
           string: true, original: buffer };
}

function write(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  const argc = arguments.length;
  let cb;
  for (let i = argc - 1; i >= 2; i--) {
    if (typeof arguments[i] === 'function') {
      cb = arguments[i];
      break;
    }
  }
  validateFunction(cb, 'cb');
  if (isArrayBufferView(buffer)) {
    if (typeof offsetOrOptions === 'function') offsetOrOptions = null;
    if (typeof length === 'function') length = undefined;
    if (typeof position === 'function') position = null;
  } else {
    if (typeof offsetOrOptions === 'function') offsetOrOptions = null;
    if (typeof length === 'function') length = undefined;
  }
  const args = writeArgs(buffer, offsetOrOptions, length, position);
  const value = args.string ? args.original : args.buffer;
  binding.writeBuffer(fd, args.buffer, args.offset, args.length,
                      args.position, req((err, written) => {
                        if (err) return cb(err);
                        cb(null, written || 0, value);
                      }));
}

ObjectDefineProperty(write, kCustomPromisifyArgsSymbol, {
  __proto__: null, value: ['bytesWritten', 'buffer'], enumerable: false,
});

function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  const args = writeArgs(buffer, offsetOrOptions, length, position);
  return binding.writeBuffer(fd, args.buffer, args.offset, args.length,
                             args.position, undefined);
}

ObjectDefineProperty(readv, kCustomPromisifyArgsSymbol, {
  __proto__: null, value: ['bytesRead', 'buffers'], enumerable: false,
});

function writev(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  callback = maybeCallback(callback);
  if (buffers.length === 0) {
    process.nextTick(callback, null, 0, buffers);
    return;
  }
  if (typeof position !== 'number') position = null;
  binding.writeBuffers(fd, buffers, position,
                       req((err, n) => {
                         if (err) return callback(err);
                         callback(null, n, buffers);
                       }));
}

ObjectDefineProperty(writev, kCustomPromisifyArgsSymbol, {
  __proto__: null, value: ['bytesWritten', 'buffers'], enumerable: false,
});

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  if (typeof position !== 'number') position = null;
  return binding.writeBuffers(fd, buffers, position, undefined);
}

// --- readFile / writeFile / appendFile --------------------------------------

function isFileType(stats, fileType) {
  let mode = stats[1];
  if (typeof mode === 'bigint') mode = Number(mode);
  return (mode & S_IFMT) === fileType;
}

function isFd(path) {
  return typeof path === 'number' && (path | 0) === path;
}

// A string without NUL bytes is a valid path as it is (getValidatedPath()
// returns it unchanged): the common case, told without the validators.
function isPlainPath(path) {
  return typeof path === 'string' &&
    StringPrototypeIndexOf(path, '\u0000') === -1;
}

function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  const isUserFd = isFd(path);
  const fd = isUserFd ? getValidatedFd(path) :
    openSync(path, options.flag, 0o666);
  let buffer;
  try {
    const stats = binding.fstat(fd, false, undefined);
    const size = isFileType(stats, S_IFREG) ? stats[8] : 0;
    if (size > kIoMaxLength) throw new ERR_FS_FILE_TOO_LARGE(size);
    if (size === 0) {
      const chunks = [];
      let total = 0;
      for (;;) {
        const chunk = Buffer.allocUnsafe(kReadFileUnknownBufferLength);
        const n = binding.read(fd, chunk, 0, chunk.length, -1, undefined);
        if (n === 0) break;
        ArrayPrototypePush(chunks, n === chunk.length ? chunk :
          chunk.subarray(0, n));
        total += n;
      }
      buffer = Buffer.concat(chunks, total);
    } else {
      buffer = Buffer.allocUnsafe(size);
      let pos = 0;
      while (pos < size) {
        const n = binding.read(fd, buffer, pos, size - pos, -1, undefined);
        if (n === 0) break;
        pos += n;
      }
      if (pos < size) buffer = buffer.subarray(0, pos);
    }
  } finally {
    if (!isUserFd) binding.close(fd, undefined);
  }
  if (options.encoding) return buffer.toString(options.encoding);
  return buffer;
}

function readFile(path, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { flag: 'r' });
  const isUserFd = isFd(path);
  if (!isUserFd) path = getValidatedPath(path);
  else getValidatedFd(path);
  const flags = stringToFlags(options.flag);
  const signal = options.signal;
  if (checkAborted(signal, callback)) return;
  if (!isUserFd && signal === undefined) {
    // One threadpool job: open, read it all, close.
    binding.readFileAll(path, flags, req((err, result) => {
      if (err) return callback(err);
      if (typeof result === 'number') {
        return callback(new ERR_FS_FILE_TOO_LARGE(result));
      }
      let buffer = new FastBuffer(result);
      if (options.encoding) {
        try {
          buffer = buffer.toString(options.encoding);
        } catch (err) {
          return callback(err);
        }
      }
      callback(null, buffer);
    }));
    return;
  }
  const chunks = [];
  let total = 0;
  let size = 0;
  let fd;
  const finish = (err, result) => {
    const report = (err) => {
      if (err) callback(err);
      else callback(null, result);
    };
    if (isUserFd || fd === undefined) return report(err);
    binding.close(fd, req((closeErr) => report(err || closeErr)));
  };
  const done = () => {
    let buffer = Buffer.concat(chunks, total);
    if (options.encoding) {
      try {
        buffer = buffer.toString(options.encoding);
      } catch (err) {
        return finish(err);
      }
    }
    finish(null, buffer);
  };
  const readMore = () => {
    if (signal?.aborted) {
      return finish(new AbortError(undefined, { cause: signal.reason }));
    }
    const length = size === 0 ? kReadFileUnknownBufferLength :
      MathMin(size - total, kIoMaxLength);
    if (size !== 0 && length === 0) return done();
    const buffer = Buffer.allocUnsafe(length);
    binding.read(fd, buffer, 0, length, -1, req((err, n) => {
      if (err) return finish(err);
      if (n === 0) return done();
      ArrayPrototypePush(chunks, n === length ? buffer :
        buffer.subarray(0, n));
      total += n;
      if (size !== 0 && total >= size) return done();
      readMore();
    }));
  };
  const afterOpen = (err, openedFd) => {
    if (err) return callback(err);
    fd = openedFd;
    binding.fstat(fd, false, req((err, stats) => {
      if (err) return finish(err);
      size = isFileType(stats, S_IFREG) ? stats[8] : 0;
      if (size > kIoMaxLength) {
        return finish(new ERR_FS_FILE_TOO_LARGE(size));
      }
      readMore();
    }));
  };
  if (isUserFd) {
    afterOpen(null, path);
    return;
  }
  binding.open(path, flags, 0o666, req(afterOpen));
}

// Data for writeFile: a view as is, a string encoded.
function toWriteData(data, encoding, name = 'data') {
  if (isArrayBufferView(data)) {
    return new FastBuffer(data.buffer, data.byteOffset, data.byteLength);
  }
  validateStringAfterArrayBufferView(data, name);
  return Buffer.from(data, encoding || 'utf8');
}

function writeFileSync(path, data, options) {
  if (options === undefined && typeof data === 'string' &&
      isPlainPath(path)) {
    // The defaults (UTF-8, flag 'w', mode 0o666, no flush) need no checks.
    binding.writeFileUtf8(path, data, O_TRUNC | O_CREAT | O_WRONLY, 0o666);
    return;
  }
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  if (!isArrayBufferView(data)) {
    validateStringAfterArrayBufferView(data, 'data');
  }
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  const flag = options.flag || 'w';
  const isUserFd = isFd(path);
  if (typeof data === 'string' && !flush &&
      (options.encoding == null || options.encoding === 'utf8' ||
       options.encoding === 'utf-8')) {
    // One binding call: open, write the UTF-8 bytes, close.
    binding.writeFileUtf8(
      isUserFd ? getValidatedFd(path) : getValidatedPath(path), data,
      stringToFlags(flag), parseFileMode(options.mode, 'mode', 0o666));
    return;
  }
  const buffer = toWriteData(data, options.encoding);
  // Through the exports, as Node does (programs and tests replace them).
  const fd = isUserFd ? getValidatedFd(path) :
    fs.openSync(path, flag, options.mode);
  try {
    let offset = 0;
    let length = buffer.byteLength;
    while (length > 0) {
      const written = fs.writeSync(fd, buffer, offset, length);
      offset += written;
      length -= written;
    }
    if (flush) fs.fsyncSync(fd);
  } finally {
    if (!isUserFd) fs.closeSync(fd);
  }
}

function writeFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w',
                                  flush: false });
  const flag = options.flag || 'w';
  const flush = options.flush ?? false;
  validateBoolean(flush, 'options.flush');
  if (!isArrayBufferView(data)) {
    validateStringAfterArrayBufferView(data, 'data');
  }
  const buffer = toWriteData(data, options.encoding);
  const signal = options.signal;
  if (checkAborted(signal, callback)) return;
  const isUserFd = isFd(path);
  let fd;
  const finish = (err) => {
    if (isUserFd) return callback(err || null);
    binding.close(fd, req((closeErr) => callback(err || closeErr || null)));
  };
  let offset = 0;
  const writeMore = () => {
    if (signal?.aborted) {
      return finish(new AbortError(undefined, { cause: signal.reason }));
    }
    if (offset >= buffer.byteLength) {
      if (flush) return fs.fsync(fd, (err) => finish(err));
      return finish(null);
    }
    binding.writeBuffer(fd, buffer, offset, buffer.byteLength - offset, null,
                        req((err, written) => {
                          if (err) return finish(err);
                          offset += written;
                          writeMore();
                        }));
  };
  if (isUserFd) {
    fd = getValidatedFd(path);
    writeMore();
    return;
  }
  path = getValidatedPath(path);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  if (signal === undefined && !flush) {
    // One threadpool job: open, write it all, close. (A flush goes through
    // fs.fsync, which tests spy on.)
    binding.writeFileAll(path, buffer, stringToFlags(flag), mode, false,
                         req((err) => callback(err || null)));
    return;
  }
  binding.open(path, stringToFlags(flag), mode, req((err, openedFd) => {
    if (err) return callback(err);
    fd = openedFd;
    writeMore();
  }));
}

function appendFile(path, data, options, callback) {
  callback ||= options;
  validateFunction(callback, 'cb');
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  if (!options.flag || typeof path === 'number') options.flag = 'a';
  writeFile(path, data, options, callback);
}

function appendFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  if (!options.flag || typeof path === 'number') options.flag = 'a';
  writeFileSync(path, data, options);
}

// --- stat family ------------------------------------------------------------

function stat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.stat(path, !!options.bigint, req((err, stats) => {
    if (err) return callback(err);
    callback(null, getStatsFromBinding(stats));
  }));
}

function lstat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  // The last argument asks for the permission check (realpath's walk
  // through the folders above a path does not).
  binding.lstat(path, !!options.bigint, req((err, stats) => {
    if (err) return callback(err);
    callback(null, getStatsFromBinding(stats));
  }), undefined, true);
}

function fstat(fd, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  binding.fstat(fd, !!options.bigint, req((err, stats) => {
    if (err) return callback(err);
    callback(null, getStatsFromBinding(stats));
  }));
}

const kStatSyncDefaults = { __proto__: null, bigint: false,
                            throwIfNoEntry: true };

function statSync(path, options = kStatSyncDefaults) {
  const stats = binding.stat(isPlainPath(path) ? path : getValidatedPath(path),
                             !!options.bigint, undefined,
                             options.throwIfNoEntry !== false);
  return getStatsFromBinding(stats);
}

function lstatSync(path, options = kStatSyncDefaults) {
  path = isPlainPath(path) ? path : getValidatedPath(path);
  const stats = binding.lstat(path, !!options.bigint, undefined,
                              options.throwIfNoEntry !== false, true);
  return getStatsFromBinding(stats);
}

function fstatSync(fd, options = { bigint: false }) {
  return getStatsFromBinding(
    binding.fstat(getValidatedFd(fd), !!options.bigint, undefined));
}

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = kEmptyObject;
  }
  validateFunction(callback, 'cb');
  path = getValidatedPath(path);
  binding.statfs(path, !!options.bigint, req((err, stats) => {
    if (err) return callback(err);
    callback(null, getStatFsFromBinding(stats));
  }));
}

function statfsSync(path, options = { bigint: false }) {
  return getStatFsFromBinding(
    binding.statfs(getValidatedPath(path), !!options.bigint, undefined));
}

// --- directories ------------------------------------------------------------

function mkdirOptions(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) {
      mode = parseFileMode(options.mode, 'options.mode');
    }
  }
  validateBoolean(recursive, 'options.recursive');
  return { mode, recursive };
}

function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const { mode, recursive } = mkdirOptions(options);
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.mkdir(path, mode, recursive, req(callback));
}

function mkdirSync(path, options) {
  const { mode, recursive } = mkdirOptions(options);
  const result = binding.mkdir(getValidatedPath(path), mode, recursive,
                               undefined);
  if (recursive) return result;
}

function mkdtemp(prefix, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(pathToString(prefix));
  const enc = options.encoding;
  binding.mkdtemp(pathToString(prefix), bindingEncoding(enc),
                  req((err, name) => {
                    if (err) return callback(err);
                    callback(null, decodeName(name, enc));
                  }));
}

function mkdtempSync(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(pathToString(prefix));
  const enc = options.encoding;
  return decodeName(binding.mkdtemp(pathToString(prefix),
                                    bindingEncoding(enc), undefined), enc);
}

// A temporary directory removed by remove() or at the end of a `using`
// block.
function mkdtempDisposableSync(prefix, options) {
  const path = mkdtempSync(prefix, options);
  const full = pathModule.resolve(pathToString(path));
  const remove = () => rmSync(full, { maxRetries: 0, recursive: true,
                                      force: true });
  const result = {
    path,
    remove,
  };
  const SymbolDispose = primordials.SymbolDispose ??
    SymbolFor('nodejs.dispose');
  result[SymbolDispose] = remove;
  return result;
}

let rmdirRecursiveWarned = false;
function emitRecursiveRmdirWarning() {
  if (rmdirRecursiveWarned) return;
  rmdirRecursiveWarned = true;
  process.emitWarning(
    'In future versions of Node.js, fs.rmdir(path, { recursive: true }) ' +
      'will be removed. Use fs.rm(path, { recursive: true }) instead',
    'DeprecationWarning', 'DEP0147');
}

let permissionModule;
function lazyPermission() {
  permissionModule ??= require('internal/process/permission');
  return permissionModule;
}

function lazyRimraf() {
  rimrafModule ??= require('internal/fs/rimraf');
  return rimrafModule;
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    validateRmOptions(path, { ...options, force: false }, true,
                      (err, opts) => {
                        if (err === false) {
                          return binding.rmdir(path, req(callback));
                        }
                        if (err) return callback(err);
                        lazyRimraf().rimraf(path, opts, callback);
                      });
    return;
  }
  validateRmdirOptions(options);
  binding.rmdir(path, req(callback));
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    const opts = validateRmOptionsSync(path, { ...options, force: false },
                                       true);
    if (opts !== false) return lazyRimraf().rimrafSync(path, opts);
  } else {
    validateRmdirOptions(options);
  }
  binding.rmdir(path, undefined);
}

function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  path = getValidatedPath(path);
  validateRmOptions(path, options, false, (err, opts) => {
    if (err) return callback(err);
    const denied = lazyPermission().deniedPath('fs.write', path);
    if (denied) return callback(denied);
    lazyRimraf().rimraf(path, opts, callback);
  });
}

function rmSync(path, options) {
  path = getValidatedPath(path);
  const opts = validateRmOptionsSync(path, options, false);
  const denied = lazyPermission().deniedPath('fs.write', path);
  if (denied) throw denied;
  lazyRimraf().rimrafSync(path, opts);
}

function readdirOptions(options) {
  options = getOptions(options);
  if (options.recursive != null) {
    validateBoolean(options.recursive, 'options.recursive');
  }
  return options;
}

// Breadth-first listing below `basePath`, names relative to it.
function readdirSyncRecursive(basePath, options) {
  const withFileTypes = Boolean(options.withFileTypes);
  const encoding = options.encoding;
  const rawEnc = bindingEncoding(encoding);
  const readdirResults = [];
  const pathsQueue = [basePath];
  const baseStr = pathToString(basePath);

  function read(path) {
    const result = binding.readdir(path, rawEnc, true, undefined);
    if (result === undefined) return;
    if (withFileTypes) {
      const names = result[0];
      const types = result[1];
      for (let i = 0; i < names.length; i++) {
        const name = decodeName(names[i], encoding);
        const dirent = getDirent(path, name, types[i]);
        ArrayPrototypePush(readdirResults, dirent);
        if (dirent.isDirectory()) {
          ArrayPrototypePush(pathsQueue,
                             pathModule.join(dirent.parentPath,
                                             pathToString(dirent.name)));
        }
      }
    } else {
      const names = result[0];
      const types = result[1];
      for (let i = 0; i < names.length; i++) {
        const name = pathToString(decodeName(names[i], 'utf8'));
        const resultPath = pathModule.join(path, name);
        const relativeResultPath =
          pathModule.relative(baseStr, resultPath);
        ArrayPrototypePush(readdirResults,
                           encoding && encoding !== 'utf8' &&
                           encoding !== 'utf-8' ?
                             decodeName(Buffer.from(relativeResultPath),
                                        encoding) :
                             relativeResultPath);
        let isDir = types[i] === constants.UV_DIRENT_DIR;
        if (types[i] === constants.UV_DIRENT_UNKNOWN) {
          const st = binding.lstat(resultPath, false, undefined, false);
          isDir = st !== undefined && (st[1] & S_IFMT) === constants.S_IFDIR;
        }
        if (isDir) ArrayPrototypePush(pathsQueue, resultPath);
      }
    }
  }

  for (let i = 0; i < pathsQueue.length; i++) read(pathsQueue[i]);
  return readdirResults;
}

function readdir(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = readdirOptions(options);
  path = getValidatedPath(path);
  if (options.recursive) {
    // The threadpool runs the whole walk: one request per directory.
    let result;
    try {
      result = readdirSyncRecursive(path, options);
    } catch (err) {
      process.nextTick(callback, err);
      return;
    }
    process.nextTick(callback, null, result);
    return;
  }
  const encoding = options.encoding;
  const withFileTypes = Boolean(options.withFileTypes);
  binding.readdir(path, bindingEncoding(encoding), withFileTypes,
                  req((err, result) => {
                    if (err) return callback(err);
                    if (!withFileTypes) {
                      for (let i = 0; i < result.length; i++) {
                        result[i] = decodeName(result[i], encoding);
                      }
                      return callback(null, result);
                    }
                    const names = result[0];
                    for (let i = 0; i < names.length; i++) {
                      names[i] = decodeName(names[i], encoding);
                    }
                    getDirents(path, result, callback);
                  }));
}

function readdirSync(path, options) {
  options = readdirOptions(options);
  if (!isPlainPath(path)) path = getValidatedPath(path);
  if (options.recursive) return readdirSyncRecursive(path, options);
  const encoding = options.encoding;
  const withFileTypes = Boolean(options.withFileTypes);
  const result = binding.readdir(path, bindingEncoding(encoding),
                                 withFileTypes, undefined);
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

function lazyDir() {
  dirModule ??= require('internal/fs/dir');
  return dirModule;
}

function opendir(path, options, callback) {
  return lazyDir().opendir(path, options, callback);
}

function opendirSync(path, options) {
  return lazyDir().opendirSync(path, options);
}

// --- links, rename, unlink --------------------------------------------------

function rename(oldPath, newPath, callback) {
  callback = makeCallback(callback);
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath, req(callback));
}

function renameSync(oldPath, newPath) {
  binding.rename(getValidatedPath(oldPath, 'oldPath'),
                 getValidatedPath(newPath, 'newPath'), undefined);
}

function link(existingPath, newPath, callback) {
  callback = makeCallback(callback);
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath, req(callback));
}

function linkSync(existingPath, newPath) {
  binding.link(getValidatedPath(existingPath, 'existingPath'),
               getValidatedPath(newPath, 'newPath'), undefined);
}

function symlinkType(type) {
  validateOneOf(type, 'type', ['dir', 'file', 'junction', null, undefined]);
  return stringToSymlinkType(type);
}

function symlink(target, path, type, callback) {
  if (callback === undefined) {
    callback = makeCallback(type);
    type = undefined;
  } else {
    callback = makeCallback(callback);
  }
  const flags = symlinkType(type);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  binding.symlink(target, path, flags, req(callback));
}

function symlinkSync(target, path, type) {
  const flags = symlinkType(type);
  binding.symlink(getValidatedPath(target, 'target'), getValidatedPath(path),
                  flags, undefined);
}

function readlink(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  const enc = options.encoding;
  binding.readlink(path, bindingEncoding(enc), req((err, link) => {
    if (err) return callback(err);
    callback(null, decodeName(link, enc));
  }));
}

function readlinkSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  const enc = options.encoding;
  return decodeName(binding.readlink(path, bindingEncoding(enc), undefined),
                    enc);
}

function unlink(path, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.unlink(path, req(callback));
}

function unlinkSync(path) {
  binding.unlink(getValidatedPath(path), undefined);
}

// --- permissions, ownership, times ------------------------------------------

function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  binding.chmod(path, mode, req(callback));
}

function chmodSync(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  binding.chmod(path, mode, undefined);
}

function fchmod(fd, mode, callback) {
  fd = getValidatedFd(fd);
  mode = parseFileMode(mode, 'mode');
  callback = makeCallback(callback);
  binding.fchmod(fd, mode, req(callback));
}

function fchmodSync(fd, mode) {
  binding.fchmod(getValidatedFd(fd), parseFileMode(mode, 'mode'), undefined);
}

function validateIds(uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
}

function chown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.chown(path, uid, gid, req(callback));
}

function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.chown(path, uid, gid, undefined);
}

function lchown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.lchown(path, uid, gid, req(callback));
}

function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  validateIds(uid, gid);
  binding.lchown(path, uid, gid, undefined);
}

function fchown(fd, uid, gid, callback) {
  fd = getValidatedFd(fd);
  validateIds(uid, gid);
  callback = makeCallback(callback);
  binding.fchown(fd, uid, gid, req(callback));
}

function fchownSync(fd, uid, gid) {
  fd = getValidatedFd(fd);
  validateIds(uid, gid);
  binding.fchown(fd, uid, gid, undefined);
}

function utimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime),
                 req(callback));
}

function utimesSync(path, atime, mtime) {
  binding.utimes(getValidatedPath(path), toUnixTimestamp(atime),
                 toUnixTimestamp(mtime), undefined);
}

function lutimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.lutimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime),
                  req(callback));
}

function lutimesSync(path, atime, mtime) {
  binding.lutimes(getValidatedPath(path), toUnixTimestamp(atime),
                  toUnixTimestamp(mtime), undefined);
}

function futimes(fd, atime, mtime, callback) {
  fd = getValidatedFd(fd);
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  callback = makeCallback(callback);
  binding.futimes(fd, atime, mtime, req(callback));
}

function futimesSync(fd, atime, mtime) {
  binding.futimes(getValidatedFd(fd), toUnixTimestamp(atime, 'atime'),
                  toUnixTimestamp(mtime, 'mtime'), undefined);
}

// --- truncate, sync ---------------------------------------------------------

function truncate(path, len, callback) {
  if (typeof path === 'number') {
    process.emitWarning(
      'Using fs.truncate with a file descriptor is deprecated. Please use ' +
        'fs.ftruncate with a file descriptor instead.',
      'DeprecationWarning', 'DEP0081');
    return ftruncate(path, len, callback);
  }
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  validateInteger(len, 'len');
  len = len < 0 ? 0 : len;
  callback = maybeCallback(callback);
  open(path, 'r+', (err, fd) => {
    if (err) return callback(err);
    binding.ftruncate(fd, len, req((err) => {
      binding.close(fd, req((closeErr) => callback(err || closeErr || null)));
    }));
  });
}

function truncateSync(path, len) {
  if (typeof path === 'number') {
    return ftruncateSync(path, len);
  }
  if (len === undefined) len = 0;
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, len);
  } finally {
    closeSync(fd);
  }
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  len = len < 0 ? 0 : len;
  callback = makeCallback(callback);
  binding.ftruncate(fd, len, req(callback));
}

function ftruncateSync(fd, len = 0) {
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  binding.ftruncate(fd, len < 0 ? 0 : len, undefined);
}

function fsync(fd, callback) {
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  binding.fsync(fd, req(callback));
}

function fsyncSync(fd) {
  binding.fsync(getValidatedFd(fd), undefined);
}

function fdatasync(fd, callback) {
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  binding.fdatasync(fd, req(callback));
}

function fdatasyncSync(fd) {
  binding.fdatasync(getValidatedFd(fd), undefined);
}

// --- copy -------------------------------------------------------------------

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  callback = makeCallback(callback);
  binding.copyFile(src, dest, mode, req(callback));
}

function copyFileSync(src, dest, mode) {
  binding.copyFile(getValidatedPath(src, 'src'),
                   getValidatedPath(dest, 'dest'), mode, undefined);
}

function lazyCp() {
  cpModule ??= require('internal/fs/cp/cp');
  return cpModule;
}

function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  const { validateCpOptions } = require('internal/fs/utils');
  options = validateCpOptions(options);
  src = pathModule.toNamespacedPath(pathToString(getValidatedPath(src, 'src')));
  dest = pathModule.toNamespacedPath(
    pathToString(getValidatedPath(dest, 'dest')));
  lazyCp().cpFn(src, dest, options).then(() => callback(null), callback);
}

function cpSync(src, dest, options) {
  const { validateCpOptions } = require('internal/fs/utils');
  options = validateCpOptions(options);
  src = pathToString(getValidatedPath(src, 'src'));
  dest = pathToString(getValidatedPath(dest, 'dest'));
  // Node checks both paths before any work, with the bindings' message.
  const denied = lazyPermission().deniedPath('fs.read', src) ??
    lazyPermission().deniedPath('fs.write', dest);
  if (denied) throw denied;
  lazyCp().cpSyncFn(src, dest, options);
}

// --- realpath ---------------------------------------------------------------

function encodeRealpathResult(result, options) {
  if (!options || !options.encoding || options.encoding === 'utf8') {
    return result;
  }
  const asBuffer = Buffer.from(result);
  if (options.encoding === 'buffer') return asBuffer;
  return asBuffer.toString(options.encoding);
}

// The index just past the root of an absolute POSIX path.
function splitRoot(p) {
  let i = 0;
  while (i < p.length && StringPrototypeCharCodeAt(p, i) === 47) i++;
  return i;
}

// Whether a stat array (from binding.stat) is a FIFO or a socket.
function isPipeOrSocket(stats) {
  return isFileType(stats, S_IFIFO) || isFileType(stats, S_IFSOCK);
}

// Resolves symbolic links one component at a time with lstat and
// readlink, as Node's JS realpath does (so errors name lstat).
function realpathSync(p, options) {
  options = getOptions(options);
  p = pathToString(getValidatedPath(p));
  const cache = options[realpathCacheKey];
  const seenLinks = new SafeMap();
  const knownHard = new SafeSet();
  p = pathModule.resolve(p);
  let targetIsPipe = false;

  let pos;
  let current;
  let base;
  let previous;

  function start() {
    pos = splitRoot(p);
    current = StringPrototypeSlice(p, 0, pos);
    base = current;
    previous = '';
  }
  start();
  knownHard.add(base);

  while (pos < p.length) {
    const result = StringPrototypeIndexOf(p, '/', pos);
    previous = current;
    if (result === -1) {
      const last = StringPrototypeSlice(p, pos);
      current += last;
      base = previous + last;
      pos = p.length;
    } else {
      current += StringPrototypeSlice(p, pos, result + 1);
      base = previous + StringPrototypeSlice(p, pos, result);
      pos = result + 1;
    }
    if (knownHard.has(base) || cache?.get(base) === base) {
      // A link that led to a pipe or socket (/dev/stdin -> socket:[...])
      // ends the walk there, as in Node.
      if (targetIsPipe) break;
      continue;
    }
    let resolvedLink;
    const maybeCached = cache?.get(base);
    if (maybeCached) {
      resolvedLink = maybeCached;
    } else {
      const stats = binding.lstat(base, true, undefined, true);
      if ((stats[1] & BigInt(S_IFMT)) !== BigInt(constants.S_IFLNK)) {
        knownHard.add(base);
        cache?.set(base, base);
        continue;
      }
      const dev = BigIntPrototypeToString(stats[0], 32);
      const ino = BigIntPrototypeToString(stats[7], 32);
      const id = `${dev}:${ino}`;
      let linkTarget = seenLinks.get(id);
      if (linkTarget === undefined) {
        const target = binding.stat(base, false, undefined, true);
        targetIsPipe = isPipeOrSocket(target);
        linkTarget = binding.readlink(base, 'utf8', undefined);
      }
      seenLinks.set(id, linkTarget);
      resolvedLink = pathModule.resolve(previous, linkTarget);
      cache?.set(base, resolvedLink);
    }
    p = pathModule.resolve(resolvedLink, StringPrototypeSlice(p, pos));
    start();
    knownHard.add(base);
  }
  cache?.set(p, p);
  return encodeRealpathResult(p, options);
}

realpathSync.native = function realpathSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  const enc = options.encoding;
  return decodeName(binding.realpath(path, bindingEncoding(enc), undefined),
                    enc);
};

function realpath(p, options, callback) {
  callback = typeof options === 'function' ? options : maybeCallback(callback);
  options = getOptions(options);
  p = pathToString(getValidatedPath(p));
  p = pathModule.resolve(p);
  const seenLinks = new SafeMap();
  const knownHard = new SafeSet();
  let targetIsPipe = false;
  let pos;
  let current;
  let base;
  let previous;

  function start() {
    pos = splitRoot(p);
    current = StringPrototypeSlice(p, 0, pos);
    base = current;
    previous = '';
    knownHard.add(base);
  }
  start();

  function loop() {
    if (pos >= p.length) {
      return callback(null, encodeRealpathResult(p, options));
    }
    const result = StringPrototypeIndexOf(p, '/', pos);
    previous = current;
    if (result === -1) {
      const last = StringPrototypeSlice(p, pos);
      current += last;
      base = previous + last;
      pos = p.length;
    } else {
      current += StringPrototypeSlice(p, pos, result + 1);
      base = previous + StringPrototypeSlice(p, pos, result);
      pos = result + 1;
    }
    if (knownHard.has(base)) {
      if (targetIsPipe) {
        return callback(null, encodeRealpathResult(p, options));
      }
      return process.nextTick(loop);
    }
    binding.lstat(base, true, req((err, stats) => {
      if (err) return callback(err);
      if ((stats[1] & BigInt(S_IFMT)) !== BigInt(constants.S_IFLNK)) {
        knownHard.add(base);
        return loop();
      }
      const id = `${BigIntPrototypeToString(stats[0], 32)}:` +
        `${BigIntPrototypeToString(stats[7], 32)}`;
      if (seenLinks.has(id)) return gotTarget(seenLinks.get(id));
      binding.stat(base, false, req((err, target) => {
        if (err) return callback(err);
        targetIsPipe = isPipeOrSocket(target);
        binding.readlink(base, 'utf8', req((err, target) => {
          if (err) return callback(err);
          seenLinks.set(id, target);
          gotTarget(target);
        }));
      }));
    }));
  }

  function gotTarget(target) {
    const resolvedLink = pathModule.resolve(previous, target);
    p = pathModule.resolve(resolvedLink, StringPrototypeSlice(p, pos));
    start();
    loop();
  }

  loop();
}

realpath.native = function realpath(path, options, callback) {
  callback = makeCallback(callback || options);
  options = getOptions(options);
  path = getValidatedPath(path);
  const enc = options.encoding;
  binding.realpath(path, bindingEncoding(enc), req((err, result) => {
    if (err) return callback(err);
    callback(null, decodeName(result, enc));
  }));
};

// --- openAsBlob -------------------------------------------------------------

// A Blob over a file: its bytes are read when the Blob is, and reading
// fails if the file has changed since.
function openAsBlob(path, options = kEmptyObject) {
  validateObject(options, 'options');
  const type = options.type || '';
  validateString(type, 'options.type');
  path = getValidatedPath(path);
  let stats;
  try {
    stats = statSync(path);
  } catch (err) {
    // A path --permission refuses is reported as such.
    if (err?.code === 'ERR_ACCESS_DENIED') throw err;
    stats = undefined;
  }
  if (stats === undefined) {
    const error = new ERR_INVALID_ARG_VALUE('path', path);
    const message = 'Unable to open file as blob';
    error.stack = StringPrototypeReplace(error.stack, error.message, message);
    error.message = message;
    throw error;
  }
  const { createBlobFromFile } = require('internal/blob');
  return PromiseResolve(createBlobFromFile(path, stats, type));
}

// --- watching ---------------------------------------------------------------

let watchersModule;
function lazyWatchers() {
  watchersModule ??= require('internal/fs/watchers');
  return watchersModule;
}

let kResistStopPropagation;

function watch(filename, options, listener) {
  if (typeof options === 'function') listener = options;
  options = copyObject(getOptions(options));
  if (options.persistent === undefined) options.persistent = true;
  if (options.recursive === undefined) options.recursive = false;
  const watchers = lazyWatchers();
  const path = getValidatedPath(filename);
  let watcher;
  // inotify watches one directory level: Linux watches a tree in JS.
  if (options.recursive && process.platform !== 'darwin' && !isWindows) {
    const { FSWatcher } = require('internal/fs/recursive_watch');
    watcher = new FSWatcher(options);
    watcher[watchers.kFSWatchStart](path);
  } else {
    watcher = new watchers.FSWatcher();
    watcher[watchers.kFSWatchStart](path, options.persistent,
                                     options.recursive, options.encoding);
  }
  if (listener) watcher.addListener('change', listener);
  const { signal } = options;
  if (signal) {
    if (signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      kResistStopPropagation ??=
        require('internal/event_target').kResistStopPropagation;
      const onAbort = () => watcher.close();
      signal.addEventListener('abort', onAbort, {
        __proto__: null, [kResistStopPropagation]: true,
      });
      watcher.once('close', () => {
        signal.removeEventListener('abort', onAbort);
      });
    }
  }
  return watcher;
}

const statWatchers = new SafeMap();

function watchFile(filename, options, listener) {
  filename = pathModule.resolve(getValidatedPath(filename));
  if (options === null || typeof options !== 'object') {
    listener = options;
    options = null;
  }
  options = { interval: 5007, persistent: true, ...options };
  validateFunction(listener, 'listener');
  const watchers = lazyWatchers();
  let watcher = statWatchers.get(filename);
  if (watcher === undefined) {
    watcher = new watchers.StatWatcher(options.bigint);
    watcher[watchers.kFSStatWatcherStart](filename, options.persistent,
                                          options.interval);
    statWatchers.set(filename, watcher);
  } else {
    watcher[watchers.kFSStatWatcherAddOrCleanRef]('add');
  }
  watcher.addListener('change', listener);
  return watcher;
}

function unwatchFile(filename, listener) {
  filename = pathModule.resolve(getValidatedPath(filename));
  const watcher = statWatchers.get(filename);
  if (watcher === undefined) return;
  const watchers = lazyWatchers();
  if (typeof listener === 'function') {
    const before = watcher.listenerCount('change');
    watcher.removeListener('change', listener);
    if (watcher.listenerCount('change') < before) {
      watcher[watchers.kFSStatWatcherAddOrCleanRef]('clean');
    }
  } else {
    watcher.removeAllListeners('change');
    watcher[watchers.kFSStatWatcherAddOrCleanRef]('cleanAll');
  }
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(filename);
  }
}

// --- glob -------------------------------------------------------------------

let globModule;
function lazyGlob() {
  globModule ??= require('internal/fs/glob');
  return globModule;
}

function glob(pattern, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  const { Glob } = lazyGlob();
  const iterator = new Glob(pattern, options).glob();
  const results = [];
  const iterate = async () => {
    for await (const entry of iterator) {
      ArrayPrototypePush(results, entry);
    }
    return results;
  };
  PromisePrototypeThen(iterate(), (r) => callback(null, r), callback);
}

function globSync(pattern, options) {
  const { Glob } = lazyGlob();
  return new Glob(pattern, options).globSync();
}

let streamsModule;
// Assigning over one of the lazy stream getters turns it into a plain data
// property holding the caller's value, as it would be on a normal object.
function replaceLazyExport(name, value) {
  ObjectDefineProperty(fs, name, {
    __proto__: null, value, writable: true, enumerable: true,
    configurable: true,
  });
}

let utf8Stream;
function lazyStreams() {
  if (streamsModule === undefined) {
    try {
      streamsModule = require('internal/fs/streams');
    } catch {
      streamsModule = null;
    }
  }
  if (streamsModule === null) {
    throw new ERR_NOT_IMPLEMENTED('fs streams');
  }
  return streamsModule;
}

function createReadStream(path, options) {
  const { ReadStream } = lazyStreams();
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  const { WriteStream } = lazyStreams();
  return new WriteStream(path, options);
}

const fs = module.exports = {
  appendFile,
  appendFileSync,
  access,
  accessSync,
  chown,
  chownSync,
  chmod,
  chmodSync,
  close,
  closeSync,
  copyFile,
  copyFileSync,
  cp,
  cpSync,
  createReadStream,
  createWriteStream,
  exists,
  existsSync,
  fchown,
  fchownSync,
  fchmod,
  fchmodSync,
  fdatasync,
  fdatasyncSync,
  fstat,
  fstatSync,
  fsync,
  fsyncSync,
  ftruncate,
  ftruncateSync,
  futimes,
  futimesSync,
  glob,
  globSync,
  lchown,
  lchownSync,
  lchmod: undefined,
  lchmodSync: undefined,
  link,
  linkSync,
  lstat,
  lstatSync,
  lutimes,
  lutimesSync,
  mkdir,
  mkdirSync,
  mkdtemp,
  mkdtempSync,
  mkdtempDisposableSync,
  open,
  openSync,
  openAsBlob,
  readdir,
  readdirSync,
  read,
  readSync,
  readv,
  readvSync,
  readFile,
  readFileSync,
  readlink,
  readlinkSync,
  realpath,
  realpathSync,
  rename,
  renameSync,
  rm,
  rmSync,
  rmdir,
  rmdirSync,
  stat,
  statfs,
  statSync,
  statfsSync,
  symlink,
  symlinkSync,
  truncate,
  truncateSync,
  unwatchFile,
  unlink,
  unlinkSync,
  utimes,
  utimesSync,
  watch,
  watchFile,
  writeFile,
  writeFileSync,
  write,
  writeSync,
  writev,
  writevSync,
  Dirent,
  Stats: deprecate(Stats, 'fs.Stats constructor is deprecated.', 'DEP0180'),

  get ReadStream() {
    return lazyStreams().ReadStream;
  },
  set ReadStream(val) { replaceLazyExport('ReadStream', val); },
  get WriteStream() {
    return lazyStreams().WriteStream;
  },
  set WriteStream(val) { replaceLazyExport('WriteStream', val); },
  get FileReadStream() {
    return lazyStreams().ReadStream;
  },
  set FileReadStream(val) { replaceLazyExport('FileReadStream', val); },
  get FileWriteStream() {
    return lazyStreams().WriteStream;
  },
  set FileWriteStream(val) { replaceLazyExport('FileWriteStream', val); },
  get Utf8Stream() {
    utf8Stream ??= require('internal/streams/fast-utf8-stream');
    return utf8Stream;
  },

  _toUnixTimestamp: toUnixTimestamp,
};

let warnedAccessConstants = false;
function accessConstant(name, value) {
  return {
    __proto__: null,
    enumerable: false,
    configurable: true,
    get() {
      if (!warnedAccessConstants) {
        warnedAccessConstants = true;
        process.emitWarning(
          `fs.${name} is deprecated, use fs.constants.${name} instead`,
          'DeprecationWarning', 'DEP0176');
      }
      return value;
    },
  };
}

ObjectDefineProperties(fs, {
  F_OK: accessConstant('F_OK', F_OK),
  R_OK: accessConstant('R_OK', R_OK),
  W_OK: accessConstant('W_OK', W_OK),
  X_OK: accessConstant('X_OK', X_OK),
  Dir: {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() { return lazyDir().Dir; },
  },
  opendir: {
    __proto__: null, enumerable: true, writable: true, configurable: true,
    value: opendir,
  },
  opendirSync: {
    __proto__: null, enumerable: true, writable: true, configurable: true,
    value: opendirSync,
  },
  constants: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: publicConstants,
  },
  promises: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return lazyPromises();
    },
  },
});
