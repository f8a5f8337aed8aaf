'use strict';

// Recursive removal for fs.rm, fs.rmSync and rmdir({ recursive }): a file is
// unlinked, a directory is emptied depth-first and then removed. Transient
// errors (EBUSY, EMFILE, ENFILE, ENOTEMPTY, EPERM) are retried up to
// options.maxRetries times, retryDelay milliseconds apart (growing linearly).
// A path that has already vanished is not an error.

const {
  ArrayPrototypeForEach,
  SafeSet,
} = primordials;

const binding = internalBinding('fs');
const { FSReqCallback } = binding;
const { bindRequest } = require('internal/async_hooks');
const pathModule = require('path');
const { sleep } = require('internal/util');
const { Buffer } = require('buffer');

const retryErrorCodes = new SafeSet(
  ['EBUSY', 'EMFILE', 'ENFILE', 'ENOTEMPTY', 'EPERM']);
const notEmptyErrorCodes = new SafeSet(['ENOTEMPTY', 'EEXIST', 'EPERM']);

function req(callback) {
  const r = new FSReqCallback();
  r.oncomplete = bindRequest(r, 'FSREQCALLBACK', callback);
  return r;
}

// Children are joined as bytes: a name need not be valid UTF-8.
function join(parent, name) {
  if (typeof parent === 'string') parent = Buffer.from(parent);
  return Buffer.concat([parent, Buffer.from(pathModule.sep), name]);
}

function isDirStats(stats) {
  return stats !== undefined && (stats[1] & 0o170000) === 0o040000;
}

// --- asynchronous -----------------------------------------------------------

function rimraf(path, options, callback) {
  let retries = 0;
  _rimraf(path, options, function CB(err) {
    if (err) {
      if (retryErrorCodes.has(err.code) && retries < options.maxRetries) {
        retries++;
        const delay = retries * options.retryDelay;
        setTimeout(_rimraf, delay, path, options, CB);
        return;
      }
      if (err.code === 'ENOENT') err = null;
    }
    callback(err);
  });
}

function _rimraf(path, options, callback) {
  binding.lstat(path, false, req((err, stats) => {
    if (err) {
      if (err.code === 'ENOENT') return callback(null);
      return callback(err);
    }
    if (isDirStats(stats)) return _rmdir(path, options, err, callback);
    binding.unlink(path, req((err) => {
      if (err) {
        if (err.code === 'ENOENT') return callback(null);
        if (err.code === 'EISDIR') return _rmdir(path, options, err, callback);
      }
      callback(err);
    }));
  }));
}

function _rmdir(path, options, originalErr, callback) {
  binding.rmdir(path, req((err) => {
    if (err) {
      if (err.code === 'ENOENT') return callback(null);
      if (err.code === 'ENOTDIR') return callback(originalErr || err);
      if (notEmptyErrorCodes.has(err.code)) {
        return _rmchildren(path, options, callback);
      }
    }
    callback(err);
  }));
}

function _rmchildren(path, options, callback) {
  const enc = 'buffer';
  binding.readdir(path, enc, false, req((err, files) => {
    if (err) return callback(err);
    let numFiles = files.length;
    if (numFiles === 0) return binding.rmdir(path, req(callback));
    let done = false;
    ArrayPrototypeForEach(files, (child) => {
      if (enc === 'buffer') {
        child = Buffer.from(child.buffer, child.byteOffset, child.length);
      }
      rimraf(join(path, child), options, (err) => {
        if (done) return;
        if (err) {
          done = true;
          return callback(err);
        }
        numFiles--;
        if (numFiles === 0) binding.rmdir(path, req(callback));
      });
    });
  }));
}

// --- synchronous ------------------------------------------------------------

function rimrafSync(path, options) {
  let stats;
  try {
    stats = binding.lstat(path, false, undefined, false);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
  if (stats === undefined) return;
  try {
    if (isDirStats(stats)) {
      _rmdirSync(path, options, null);
    } else {
      _unlinkSync(path, options);
    }
  } catch (err) {
    if (err.code === 'ENOENT') return;
    if (err.code !== 'EISDIR') throw err;
    _rmdirSync(path, options, err);
  }
}

function withRetries(fn, options) {
  const tries = options.maxRetries + 1;
  for (let i = 1; i <= tries; i++) {
    try {
      return fn();
    } catch (err) {
      if (!retryErrorCodes.has(err.code) || i === tries) throw err;
      sleep(i * options.retryDelay);
    }
  }
}

function _unlinkSync(path, options) {
  withRetries(() => binding.unlink(path, undefined), options);
}

// The children are listed and removed first, then the directory: no
// expected error (ENOTEMPTY) is thrown along the way.
function _rmdirSync(path, options, originalErr) {
  let files = null;
  try {
    files = binding.readdir(path, 'buffer', false, undefined);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    if (err.code === 'ENOTDIR') throw originalErr || err;
    // Unreadable: rmdir still removes it if it is empty.
  }
  if (files !== null) {
    for (let i = 0; i < files.length; i++) {
      const name = files[i];
      const child = Buffer.from(name.buffer, name.byteOffset, name.length);
      rimrafSync(join(path, child), options);
    }
  }
  withRetries(() => {
    try {
      binding.rmdir(path, undefined);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
  }, options);
}

module.exports = { rimraf, rimrafSync };
