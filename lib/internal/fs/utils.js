'use strict';

// What lib/fs.js and the promise API share: argument validation and
// normalization (paths, fds, flags, modes, offsets), the Stats, BigIntStats,
// StatFs and Dirent classes built from the binding's flat arrays, and option
// parsing for rm, rmdir and cp.

const {
  ArrayIsArray,
  BigInt,
  Date,
  DateNow,
  DatePrototypeGetTime,
  ErrorCaptureStackTrace,
  FunctionPrototypeCall,
  MathMin,
  MathRound,
  Number,
  NumberIsFinite,
  NumberIsInteger,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectIs,
  ObjectSetPrototypeOf,
  ReflectApply,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  Symbol,
  TypedArrayPrototypeAt,
  TypedArrayPrototypeIncludes,
  TypedArrayPrototypeGetSymbolToStringTag,
} = primordials;

const { fs: constants } = internalBinding('constants');
// fs.constants: the binding's values, on an object with no prototype.
const publicConstants = { __proto__: null };
for (const key in constants) {
  publicConstants[key] = constants[key];
}
const {
  codes: {
    ERR_FS_EISDIR,
    ERR_FS_INVALID_SYMLINK_TYPE,
    ERR_INCOMPATIBLE_OPTION_PAIR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
  hideStackFrames,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateInteger,
  validateObject,
  validateUint32,
} = require('internal/validators');
const { Buffer } = require('buffer');
const { isUint8Array, isArrayBufferView, isDate, isBigInt64Array } =
  require('internal/util/types');
const { kEmptyObject, once } = require('internal/util');
const pathModule = require('path');

const {
  F_OK = 0,
  W_OK = 0,
  R_OK = 0,
  X_OK = 0,
  COPYFILE_EXCL,
  COPYFILE_FICLONE,
  COPYFILE_FICLONE_FORCE,
  O_APPEND,
  O_CREAT,
  O_EXCL,
  O_RDONLY,
  O_RDWR,
  O_SYNC,
  O_TRUNC,
  O_WRONLY,
  S_IFBLK,
  S_IFCHR,
  S_IFDIR,
  S_IFIFO,
  S_IFLNK,
  S_IFMT,
  S_IFREG,
  S_IFSOCK,
  UV_FS_SYMLINK_DIR,
  UV_FS_SYMLINK_JUNCTION,
  UV_DIRENT_UNKNOWN,
  UV_DIRENT_FILE,
  UV_DIRENT_DIR,
  UV_DIRENT_LINK,
  UV_DIRENT_FIFO,
  UV_DIRENT_SOCKET,
  UV_DIRENT_CHAR,
  UV_DIRENT_BLOCK,
} = constants;

const isWindows = process.platform === 'win32';

// The largest uid/gid: 2 ** 32 - 1.
const kMaxUserId = 2 ** 32 - 1;

// Largest file readFile reads in one piece (2 GiB).
const kIoMaxLength = 2 ** 31 - 1;
const kReadFileBufferLength = 512 * 1024;
const kReadFileUnknownBufferLength = 64 * 1024;
const kWriteFileMaxChunkSize = 512 * 1024;

const kType = Symbol('type');
const kStats = Symbol('stats');

// --- Encodings and options --------------------------------------------------

function assertEncoding(encoding) {
  if (encoding && !Buffer.isEncoding(encoding)) {
    const reason = 'is invalid encoding';
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, reason);
  }
}

// `options` may be an encoding name, an object, or nullish.
function getOptions(options, defaultOptions = kEmptyObject) {
  if (options == null || typeof options === 'function') {
    return defaultOptions;
  }
  if (typeof options === 'string') {
    defaultOptions = { ...defaultOptions };
    defaultOptions.encoding = options;
    options = defaultOptions;
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) {
    validateAbortSignal(options.signal, 'options.signal');
  }
  return options;
}

function copyObject(source) {
  const target = {};
  for (const key in source) target[key] = source[key];
  return target;
}

// A callback as the last argument, validated.
function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return (...args) => ReflectApply(cb, undefined, args);
}

// --- Paths ------------------------------------------------------------------

function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined &&
                 self.path === undefined);
}

// file: URLs go through internal/url, loaded when one is first seen.
function fileURLToPath(url) {
  return require('internal/url').fileURLToPath(url);
}

function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

const nullCheck = hideStackFrames((path, propName, throwError = true) => {
  const pathIsString = typeof path === 'string';
  const pathIsUint8Array = isUint8Array(path);
  if ((!pathIsString && !pathIsUint8Array) ||
      (pathIsString && !StringPrototypeIncludes(path, '\u0000')) ||
      (pathIsUint8Array && !TypedArrayPrototypeIncludes(path, 0))) {
    return;
  }
  const err = new ERR_INVALID_ARG_VALUE(
    propName, path,
    'must be a string, Uint8Array, or URL without null bytes');
  if (throwError) throw err;
  return err;
});

const validatePath = hideStackFrames((path, propName = 'path') => {
  if (typeof path !== 'string' && !isUint8Array(path)) {
    throw new ERR_INVALID_ARG_TYPE(propName, ['string', 'Buffer', 'URL'],
                                   path);
  }
  const err = nullCheck(path, propName, false);
  if (err !== undefined) throw err;
});

const getValidatedPath =
  hideStackFrames((fileURLOrPath, propName = 'path') => {
    const path = toPathIfFileURL(fileURLOrPath);
    validatePath(path, propName);
    return path;
  });

const getValidatedFd = hideStackFrames((fd, propName = 'fd') => {
  if (ObjectIs(fd, -0)) return 0;
  validateInt32(fd, propName, 0);
  return fd;
});

// A path or a Buffer path as a string for error messages and for the
// recursive helpers that join names.
function pathToString(path) {
  return typeof path === 'string' ? path : Buffer.from(path).toString();
}

// --- Flags and modes --------------------------------------------------------

function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') {
    validateInt32(flags, name);
    return flags;
  }
  if (flags == null) return O_RDONLY;
  switch (flags) {
    case 'r' : return O_RDONLY;
    case 'rs' :
    case 'sr' : return O_RDONLY | O_SYNC;
    case 'r+' : return O_RDWR;
    case 'rs+' :
    case 'sr+' : return O_RDWR | O_SYNC;
    case 'w' : return O_TRUNC | O_CREAT | O_WRONLY;
    case 'wx' :
    case 'xw' : return O_TRUNC | O_CREAT | O_WRONLY | O_EXCL;
    case 'w+' : return O_TRUNC | O_CREAT | O_RDWR;
    case 'wx+':
    case 'xw+': return O_TRUNC | O_CREAT | O_RDWR | O_EXCL;
    case 'a' : return O_APPEND | O_CREAT | O_WRONLY;
    case 'ax' :
    case 'xa' : return O_APPEND | O_CREAT | O_WRONLY | O_EXCL;
    case 'as' :
    case 'sa' : return O_APPEND | O_CREAT | O_WRONLY | O_SYNC;
    case 'a+' : return O_APPEND | O_CREAT | O_RDWR;
    case 'ax+':
    case 'xa+': return O_APPEND | O_CREAT | O_RDWR | O_EXCL;
    case 'as+':
    case 'sa+': return O_APPEND | O_CREAT | O_RDWR | O_SYNC;
  }
  throw new ERR_INVALID_ARG_VALUE('flags', flags);
}

const validateAccessMode = hideStackFrames((mode, name, def = F_OK) => {
  if (mode === undefined) return def;
  validateInteger(mode, name, 0, F_OK | W_OK | R_OK | X_OK);
  return mode;
});

function getValidMode(mode, type) {
  let min = 0;
  let max = 0;
  let def = 0;
  if (type === 'copyFile') {
    min = 0;
    max = COPYFILE_EXCL | COPYFILE_FICLONE | COPYFILE_FICLONE_FORCE;
    def = 0;
  } else {
    max = F_OK | W_OK | R_OK | X_OK;
    def = F_OK;
  }
  if (mode == null) return def;
  validateInteger(mode, 'mode', min, max);
  return mode;
}

// --- Offsets, lengths, positions --------------------------------------------

const validateOffsetLengthRead = hideStackFrames(
  (offset, length, bufferLength) => {
    if (offset < 0) {
      throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
    }
    if (length < 0) {
      throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
    }
    if (offset + length > bufferLength) {
      throw new ERR_OUT_OF_RANGE('length',
                                 `<= ${bufferLength - offset}`, length);
    }
  });

const validateOffsetLengthWrite = hideStackFrames(
  (offset, length, byteLength) => {
    if (offset > byteLength) {
      throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
    }
    if (length > byteLength - offset) {
      throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`,
                                 length);
    }
    if (length < 0) {
      throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
    }
    validateInt32(length, 'length', 0);
  });

const validatePosition = hideStackFrames((position, name, length) => {
  if (typeof position === 'number') {
    validateInteger(position, name, -1);
  } else if (typeof position === 'bigint') {
    const maxPosition = 2n ** 63n - 1n - BigInt(length);
    if (!(position >= -1n && position <= maxPosition)) {
      throw new ERR_OUT_OF_RANGE(name, `>= -1 && <= ${maxPosition}`,
                                 position);
    }
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
});

const validateBufferArray = hideStackFrames((buffers, propName = 'buffers') => {
  if (!ArrayIsArray(buffers)) {
    throw new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers);
  }
  for (let i = 0; i < buffers.length; i++) {
    if (!isArrayBufferView(buffers[i])) {
      throw new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers);
    }
  }
  return buffers;
});

const validateStringAfterArrayBufferView = hideStackFrames((buffer, name) => {
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(
      name, ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
});

// Seconds since the epoch from a Date, a number or a numeric string.
function toUnixTimestamp(time, name = 'time') {
  if (typeof time === 'string' && +time == time) { // eslint-disable-line eqeqeq
    return +time;
  }
  if (NumberIsFinite(time)) {
    if (time < 0) return DateNow() / 1000;
    return time;
  }
  if (isDate(time)) return DatePrototypeGetTime(time) / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

// --- Stats ------------------------------------------------------------------

const kNsPerMsBigInt = 10n ** 6n;
const kNsPerSecBigInt = 10n ** 9n;
const kMsPerSec = 1e3;
const kNsPerMs = 1e6;

function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize,
                   ino, size, blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}

StatsBase.prototype.isDirectory = function() {
  return this._checkModeProperty(S_IFDIR);
};
StatsBase.prototype.isFile = function() {
  return this._checkModeProperty(S_IFREG);
};
StatsBase.prototype.isBlockDevice = function() {
  return this._checkModeProperty(S_IFBLK);
};
StatsBase.prototype.isCharacterDevice = function() {
  return this._checkModeProperty(S_IFCHR);
};
StatsBase.prototype.isSymbolicLink = function() {
  return this._checkModeProperty(S_IFLNK);
};
StatsBase.prototype.isFIFO = function() {
  return this._checkModeProperty(S_IFIFO);
};
StatsBase.prototype.isSocket = function() {
  return this._checkModeProperty(S_IFSOCK);
};

// Lazily created Date properties; assigning replaces them with a plain
// value.
function defineDateGetters(proto, toDate) {
  const names = ['atime', 'mtime', 'ctime', 'birthtime'];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const msName = `${name}Ms`;
    const nsName = `${name}Ns`;
    const cacheKey = Symbol(name);
    ObjectDefineProperty(proto, name, {
      __proto__: null,
      enumerable: true,
      configurable: true,
      get() {
        const cached = this[cacheKey];
        if (cached !== undefined) return cached;
        const value = toDate(this[msName], this[nsName]);
        ObjectDefineProperty(this, cacheKey, {
          __proto__: null, value, writable: true, enumerable: false,
          configurable: true,
        });
        return value;
      },
      set(value) {
        ObjectDefineProperty(this, name, {
          __proto__: null, value, writable: true, enumerable: true,
          configurable: true,
        });
      },
    });
  }
}

function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize,
                     ino, size, blocks,
                     atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  FunctionPrototypeCall(StatsBase, this, dev, mode, nlink, uid, gid, rdev,
                        blksize, ino, size, blocks);
  this.atimeMs = atimeNs / kNsPerMsBigInt;
  this.mtimeMs = mtimeNs / kNsPerMsBigInt;
  this.ctimeMs = ctimeNs / kNsPerMsBigInt;
  this.birthtimeMs = birthtimeNs / kNsPerMsBigInt;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
}

ObjectSetPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
ObjectSetPrototypeOf(BigIntStats, StatsBase);
defineDateGetters(BigIntStats.prototype, (ms) => new Date(Number(ms)));

BigIntStats.prototype._checkModeProperty = function(property) {
  if (isWindows && (property === S_IFIFO || property === S_IFBLK ||
                    property === S_IFSOCK)) {
    return false;
  }
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};

function Stats(dev, mode, nlink, uid, gid, rdev, blksize,
               ino, size, blocks,
               atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  FunctionPrototypeCall(StatsBase, this, dev, mode, nlink, uid, gid, rdev,
                        blksize, ino, size, blocks);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
}

ObjectSetPrototypeOf(Stats.prototype, StatsBase.prototype);
ObjectSetPrototypeOf(Stats, StatsBase);
// The Date of a fractional millisecond count is the nearest millisecond (a
// time set from a Date reads back as the same Date).
defineDateGetters(Stats.prototype, (ms) => new Date(MathRound(ms)));

Stats.prototype._checkModeProperty = function(property) {
  if (isWindows && (property === S_IFIFO || property === S_IFBLK ||
                    property === S_IFSOCK)) {
    return false;
  }
  return (this.mode & S_IFMT) === property;
};

function msFromTimeSpec(sec, nsec) {
  return sec * kMsPerSec + nsec / kNsPerMs;
}

function nsFromTimeSpecBigInt(sec, nsec) {
  return sec * kNsPerSecBigInt + nsec;
}

// Builds a Stats (or BigIntStats) from the binding's 18-field array;
// undefined stays undefined (throwIfNoEntry: false).
function getStatsFromBinding(stats, offset = 0) {
  if (stats === undefined) return undefined;
  if (isBigInt64Array(stats)) {
    const s = new BigIntStats(
      stats[0 + offset], stats[1 + offset], stats[2 + offset],
      stats[3 + offset], stats[4 + offset], stats[5 + offset],
      stats[6 + offset], stats[7 + offset], stats[8 + offset],
      stats[9 + offset],
      nsFromTimeSpecBigInt(stats[10 + offset], stats[11 + offset]),
      nsFromTimeSpecBigInt(stats[12 + offset], stats[13 + offset]),
      nsFromTimeSpecBigInt(stats[14 + offset], stats[15 + offset]),
      nsFromTimeSpecBigInt(stats[16 + offset], stats[17 + offset]));
    return s;
  }
  return new Stats(
    stats[0 + offset], stats[1 + offset], stats[2 + offset],
    stats[3 + offset], stats[4 + offset], stats[5 + offset],
    stats[6 + offset],
    stats[7 + offset], stats[8 + offset], stats[9 + offset],
    msFromTimeSpec(stats[10 + offset], stats[11 + offset]),
    msFromTimeSpec(stats[12 + offset], stats[13 + offset]),
    msFromTimeSpec(stats[14 + offset], stats[15 + offset]),
    msFromTimeSpec(stats[16 + offset], stats[17 + offset]));
}

class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

function getStatFsFromBinding(stats) {
  return new StatFs(stats[0], stats[1], stats[2], stats[3], stats[4],
                    stats[5], stats[6]);
}

// --- Dirent -----------------------------------------------------------------

class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this[kType] = type;
  }

  isDirectory() { return this[kType] === UV_DIRENT_DIR; }
  isFile() { return this[kType] === UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}

class DirentFromStats extends Dirent {
  constructor(name, stats, path) {
    super(name, null, path);
    this[kStats] = stats;
  }
}

for (const name of ['isDirectory', 'isFile', 'isBlockDevice',
                    'isCharacterDevice', 'isSymbolicLink', 'isFIFO',
                    'isSocket']) {
  ObjectDefineProperty(DirentFromStats.prototype, name, {
    __proto__: null,
    writable: true,
    configurable: true,
    value: function() { return this[kStats][name](); },
  });
}

// Node's binding hands back raw bytes for any encoding but UTF-8; this turns
// them into the requested form.
function decodeName(name, encoding) {
  if (typeof name === 'string') return name;
  const buf = Buffer.from(name.buffer, name.byteOffset, name.length);
  if (encoding === 'buffer') return buf;
  return buf.toString(encoding);
}

// The binding's encoding argument: 'buffer' unless UTF-8 was asked for.
function bindingEncoding(encoding) {
  if (encoding == null || encoding === 'utf8' || encoding === 'utf-8') {
    return 'utf8';
  }
  return 'buffer';
}

// The path of a directory entry: strings and Buffers, as readdir gives them.
function direntPath(path, name) {
  if (typeof path === 'string' && typeof name === 'string') {
    return pathModule.join(path, name);
  }
  if ((typeof path === 'string' || isUint8Array(path)) &&
      (typeof name === 'string' || isUint8Array(name))) {
    return Buffer.concat([Buffer.from(path), Buffer.from(pathModule.sep),
                          Buffer.from(name)]);
  }
  throw new ERR_INVALID_ARG_TYPE('path', ['string', 'Buffer'], path);
}

function getDirent(path, name, type, callback) {
  if (type === UV_DIRENT_UNKNOWN) {
    // The file system did not say: lstat it.
    let full;
    try {
      full = direntPath(path, name);
    } catch (err) {
      if (typeof callback !== 'function') throw err;
      callback(err);
      return;
    }
    if (typeof callback === 'function') {
      const { lstat } = require('fs');
      lstat(full, (err, stats) => {
        if (err) return callback(err);
        callback(null, new DirentFromStats(name, stats, path));
      });
      return;
    }
    const { lstatSync } = require('fs');
    return new DirentFromStats(name, lstatSync(full), path);
  }
  if (typeof callback === 'function') {
    callback(null, new Dirent(name, type, path));
    return;
  }
  return new Dirent(name, type, path);
}

// Dirent objects for [names, types] as returned by the binding.
function getDirents(path, { 0: names, 1: types }, callback) {
  if (typeof callback === 'function') {
    const len = names.length;
    let toFinish = 0;
    callback = once(callback);
    for (let i = 0; i < len; i++) {
      const type = types[i];
      if (type === UV_DIRENT_UNKNOWN) {
        const name = names[i];
        const idx = i;
        toFinish++;
        getDirent(path, name, type, (err, dirent) => {
          if (err) {
            callback(err);
            return;
          }
          names[idx] = dirent;
          if (--toFinish === 0) callback(null, names);
        });
      } else {
        names[i] = new Dirent(names[i], types[i], path);
      }
    }
    if (toFinish === 0) callback(null, names);
    return;
  }
  const len = names.length;
  for (let i = 0; i < len; i++) {
    names[i] = getDirent(path, names[i], types[i]);
  }
  return names;
}

// --- rm / rmdir / cp options ------------------------------------------------

const defaultRmOptions = {
  recursive: false,
  force: false,
  retryDelay: 100,
  maxRetries: 0,
};

const defaultRmdirOptions = {
  retryDelay: 100,
  maxRetries: 0,
  recursive: false,
};

const validateRmOptions = hideStackFrames((path, options, expectDir, cb) => {
  options = validateRmdirOptions(options, defaultRmOptions);
  validateBoolean(options.force, 'options.force');
  const { lstat } = require('fs');
  lstat(path, (err, stats) => {
    if (err) {
      if (options.force && err.code === 'ENOENT') {
        return cb(null, options);
      }
      return cb(err, options);
    }
    if (expectDir && !stats.isDirectory()) {
      return cb(false);
    }
    if (stats.isDirectory() && !options.recursive) {
      return cb(new ERR_FS_EISDIR({
        code: 'EISDIR',
        message: 'is a directory',
        path,
        syscall: 'rm',
        errno: constants.EISDIR ?? 21,
      }));
    }
    return cb(null, options);
  });
});

const validateRmOptionsSync = hideStackFrames((path, options, expectDir) => {
  options = validateRmdirOptions(options, defaultRmOptions);
  validateBoolean(options.force, 'options.force');
  if (!options.force || expectDir || !options.recursive) {
    const { lstatSync } = require('fs');
    const isDirectory = lstatSync(path, { throwIfNoEntry: !options.force })
      ?.isDirectory();
    if (expectDir && !isDirectory) return false;
    if (isDirectory && !options.recursive) {
      throw new ERR_FS_EISDIR({
        code: 'EISDIR',
        message: 'is a directory',
        path,
        syscall: 'rm',
        errno: 21,
      });
    }
  }
  return options;
});

const validateRmdirOptions = hideStackFrames(
  (options, defaults = defaultRmdirOptions) => {
    if (options === undefined) return defaults;
    validateObject(options, 'options');
    options = { ...defaults, ...options };
    validateBoolean(options.recursive, 'options.recursive');
    validateInt32(options.retryDelay, 'options.retryDelay', 0);
    validateUint32(options.maxRetries, 'options.maxRetries');
    return options;
  });

const defaultCpOptions = {
  dereference: false,
  errorOnExist: false,
  filter: undefined,
  force: true,
  preserveTimestamps: false,
  recursive: false,
  verbatimSymlinks: false,
  mode: 0,
};

const validateCpOptions = hideStackFrames((options) => {
  if (options === undefined) return { ...defaultCpOptions };
  validateObject(options, 'options');
  options = { ...defaultCpOptions, ...options };
  validateBoolean(options.dereference, 'options.dereference');
  validateBoolean(options.errorOnExist, 'options.errorOnExist');
  validateBoolean(options.force, 'options.force');
  validateBoolean(options.preserveTimestamps, 'options.preserveTimestamps');
  validateBoolean(options.recursive, 'options.recursive');
  validateBoolean(options.verbatimSymlinks, 'options.verbatimSymlinks');
  options.mode = getValidMode(options.mode, 'copyFile');
  if (options.dereference === true && options.verbatimSymlinks === true) {
    throw new ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  if (options.filter !== undefined) {
    validateFunction(options.filter, 'options.filter');
  }
  return options;
});

// --- Symlinks ---------------------------------------------------------------

function stringToSymlinkType(type) {
  let flags = 0;
  if (typeof type === 'string') {
    switch (type) {
      case 'dir':
        flags |= UV_FS_SYMLINK_DIR;
        break;
      case 'junction':
        flags |= UV_FS_SYMLINK_JUNCTION;
        break;
      case 'file':
        break;
      default:
        throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
    }
  }
  return flags;
}

function preprocessSymlinkDestination(path, type, linkPath) {
  // Windows needs absolute targets for junctions; POSIX takes them as given.
  return path;
}

let nonPortableTemplateWarn = true;
function warnOnNonPortableTemplate(template) {
  if (nonPortableTemplateWarn && StringPrototypeEndsWith(template, 'X')) {
    process.emitWarning('mkdtemp() templates ending with X are not portable. ' +
                        'For details see: https://nodejs.org/api/fs.html');
    nonPortableTemplateWarn = false;
  }
}

const emptyObj = { __proto__: null };

module.exports = {
  constants,
  publicConstants,
  assertEncoding,
  bindingEncoding,
  BigIntStats,
  copyObject,
  decodeName,
  Dirent,
  DirentFromStats,
  emptyObj,
  fileURLToPath,
  getDirent,
  getDirents,
  getOptions,
  getValidatedFd,
  getValidatedPath,
  getValidMode,
  getStatFsFromBinding,
  getStatsFromBinding,
  isURL,
  kIoMaxLength,
  kMaxUserId,
  kReadFileBufferLength,
  kReadFileUnknownBufferLength,
  kWriteFileMaxChunkSize,
  kType,
  makeCallback,
  nullCheck,
  pathToString,
  preprocessSymlinkDestination,
  realpathCacheKey: Symbol('realpathCacheKey'),
  Stats,
  StatFs,
  stringToFlags,
  stringToSymlinkType,
  toPathIfFileURL,
  toUnixTimestamp,
  validateAccessMode,
  validateBufferArray,
  validateCpOptions,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePath,
  validatePosition,
  validateRmOptions,
  validateRmOptionsSync,
  validateRmdirOptions,
  validateStringAfterArrayBufferView,
  warnOnNonPortableTemplate,
};
