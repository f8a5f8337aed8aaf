'use strict';

// crypto.hkdf and hkdfSync (RFC 5869). The result is an ArrayBuffer.

const {
  FunctionPrototypeCall,
} = primordials;

const {
  HKDFJob,
  kCryptoJobAsync,
  kCryptoJobSync,
} = internalBinding('crypto');

const {
  validateFunction,
  validateInteger,
  validateString,
} = require('internal/validators');

const { kMaxLength } = require('buffer');

const {
  runJob,
  toBuf,
  validateByteSource,
} = require('internal/crypto/util');

const {
  getSecretKeyBytes,
  isKeyObject,
} = require('internal/crypto/keys');

const {
  isAnyArrayBuffer,
  isArrayBufferView,
} = require('internal/util/types');

const {
  codes: {
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
  hideStackFrames,
} = require('internal/errors');

// The input keying material's bytes.
function keyBytes(key) {
  if (isKeyObject(key)) {
    if (key.type !== 'secret') {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
    }
    return getSecretKeyBytes(key);
  }
  if (isAnyArrayBuffer(key)) return key;
  key = toBuf(key);
  if (!isArrayBufferView(key)) {
    throw new ERR_INVALID_ARG_TYPE(
      'ikm',
      ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView',
       'Buffer'],
      key);
  }
  return key;
}

const checkArgs = hideStackFrames((hash, key, salt, info, length) => {
  validateString.withoutStackTrace(hash, 'digest');
  key = keyBytes(key);
  salt = validateByteSource.withoutStackTrace(salt, 'salt');
  info = validateByteSource.withoutStackTrace(info, 'info');
  validateInteger.withoutStackTrace(length, 'length', 0, kMaxLength);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE.HideStackFramesError(
      'info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  return { hash, key, salt, info, length };
});

function hkdf(hash, key, salt, info, length, callback) {
  ({ hash, key, salt, info, length } =
    checkArgs(hash, key, salt, info, length));
  validateFunction(callback, 'callback');
  const job = new HKDFJob(kCryptoJobAsync, hash, key, salt, info, length);
  runJob(job, 'HKDFREQUEST', (error, bits) => {
    if (error) return FunctionPrototypeCall(callback, job, error);
    FunctionPrototypeCall(callback, job, null, bits);
  });
}

function hkdfSync(hash, key, salt, info, length) {
  ({ hash, key, salt, info, length } =
    checkArgs(hash, key, salt, info, length));
  const { 0: err, 1: bits } =
    new HKDFJob(kCryptoJobSync, hash, key, salt, info, length).run();
  if (err !== undefined) throw err;
  return bits;
}

module.exports = {
  hkdf,
  hkdfSync,
};
