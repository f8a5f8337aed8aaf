'use strict';

// Signatures: Sign and Verify (writable streams that digest what they are
// given, then sign or verify with a key) and the one-shot crypto.sign() and
// crypto.verify() (SignJob: at once, or on the threadpool with a callback).

const {
  FunctionPrototypeCall,
  ObjectSetPrototypeOf,
  ReflectApply,
  StringPrototypeToLowerCase,
} = primordials;

const {
  codes: {
    ERR_CRYPTO_OPERATION_FAILED,
    ERR_CRYPTO_SIGN_KEY_REQUIRED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');

const {
  validateEncoding,
  validateFunction,
  validateString,
} = require('internal/validators');

const {
  SignBase,
  SignJob,
  kCryptoJobAsync,
  kCryptoJobSync,
} = internalBinding('crypto');

const {
  getArrayBufferOrView,
  kHandle,
  runJob,
} = require('internal/crypto/util');

const {
  getPrivateKeyHandle,
  getPublicOrPrivateKeyHandle,
  keyHandleOf,
  preparePublicOrPrivateKey,
} = require('internal/crypto/keys');

const { isArrayBufferView } = require('internal/util/types');
const { Writable } = require('stream');

let lazyBuffer;
function bufferFrom(...args) {
  lazyBuffer ??= require('buffer').Buffer;
  return lazyBuffer.from(...args);
}

const kSigEncDER = 0;
const kSigEncP1363 = 1;

function getIntOption(name, options) {
  const value = options[name];
  if (value !== undefined) {
    if (value === value >> 0) return value;
    throw new ERR_INVALID_ARG_VALUE(`options.${name}`, value);
  }
  return undefined;
}

function getDSASignatureEncoding(options) {
  if (typeof options === 'object') {
    const { dsaEncoding = 'der' } = options;
    if (dsaEncoding === 'der') return kSigEncDER;
    if (dsaEncoding === 'ieee-p1363') return kSigEncP1363;
    throw new ERR_INVALID_ARG_VALUE('options.dsaEncoding', dsaEncoding);
  }
  return kSigEncDER;
}

// The bytes to digest: strings in `encoding` (UTF-8 by default).
function updateData(data, encoding) {
  if (typeof data === 'string') {
    validateEncoding(data, encoding);
    if (encoding && encoding !== 'utf8' && encoding !== 'utf-8' &&
        encoding !== 'buffer') {
      return bufferFrom(data, encoding);
    }
    return data;
  }
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE(
      'data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  return data;
}

// OpenSSL 3.0 dropped the old DSS1 name (SHA-1 for DSA); Node still takes it.
function digestName(algorithm) {
  return StringPrototypeToLowerCase(algorithm) === 'dss1' ? 'sha1' : algorithm;
}

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  validateString(algorithm, 'algorithm');
  this[kHandle] = new SignBase();
  this[kHandle].init(digestName(algorithm));
  ReflectApply(Writable, this, [options]);
}
ObjectSetPrototypeOf(Sign.prototype, Writable.prototype);
ObjectSetPrototypeOf(Sign, Writable);

Sign.prototype._write = function _write(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
};

Sign.prototype.update = function update(data, encoding) {
  this[kHandle].update(updateData(data, encoding));
  return this;
};

Sign.prototype.sign = function sign(options, encoding) {
  if (!options) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const handle = getPrivateKeyHandle(options);
  const padding = getIntOption('padding', options);
  const saltLength = getIntOption('saltLength', options);
  const dsaEncoding = getDSASignatureEncoding(options);
  const ret = bufferFrom(
    this[kHandle].sign(handle, padding, saltLength, dsaEncoding));
  if (encoding && encoding !== 'buffer') return ret.toString(encoding);
  return ret;
};

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  validateString(algorithm, 'algorithm');
  this[kHandle] = new SignBase();
  this[kHandle].init(digestName(algorithm));
  ReflectApply(Writable, this, [options]);
}
ObjectSetPrototypeOf(Verify.prototype, Writable.prototype);
ObjectSetPrototypeOf(Verify, Writable);

Verify.prototype._write = Sign.prototype._write;
Verify.prototype.update = Sign.prototype.update;

Verify.prototype.verify = function verify(options, signature, sigEncoding) {
  const prepared = preparePublicOrPrivateKey(options);
  const padding = getIntOption('padding', options);
  const saltLength = getIntOption('saltLength', options);
  const dsaEncoding = getDSASignatureEncoding(options);
  signature = getArrayBufferOrView(signature, 'signature', sigEncoding);
  const handle = keyHandleOf(prepared, false);
  return this[kHandle].verify(handle, signature, padding, saltLength,
                              dsaEncoding);
};

// Ed25519/Ed448 contexts (RFC 8032) need OpenSSL 3.2; an empty one is the
// same as none.
function checkContext(options, handle) {
  if (options === null || typeof options !== 'object' ||
      options.context === undefined) {
    return;
  }
  const context = getArrayBufferOrView(options.context, 'options.context');
  if (context.byteLength > 255) {
    const err = new ERR_OUT_OF_RANGE('options.context', '<= 255',
                                     context.byteLength);
    err.message = 'context string must be at most 255 bytes';
    throw err;
  }
  if (handle === undefined || context.byteLength === 0) return;
  const type = handle.getAsymmetricKeyType();
  if (type === 'ed25519' || type === 'ed448') {
    throw new ERR_CRYPTO_OPERATION_FAILED('Context parameter is unsupported');
  }
}

function signOneShot(algorithm, data, key, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!key) throw new ERR_CRYPTO_SIGN_KEY_REQUIRED();
  const padding = getIntOption('padding', key);
  const saltLength = getIntOption('saltLength', key);
  const dsaEncoding = getDSASignatureEncoding(key);
  checkContext(key);
  const handle = getPrivateKeyHandle(key);
  checkContext(key, handle);
  const job = new SignJob(callback ? kCryptoJobAsync : kCryptoJobSync, false,
                          handle, data, algorithm ?? undefined, undefined,
                          padding, saltLength, dsaEncoding);
  if (!callback) {
    const { 0: err, 1: signature } = job.run();
    if (err !== undefined) throw err;
    return bufferFrom(signature);
  }
  runJob(job, 'SIGNREQUEST', (err, signature) => {
    if (err) return FunctionPrototypeCall(callback, job, err);
    FunctionPrototypeCall(callback, job, null, bufferFrom(signature));
  });
}

function verifyOneShot(algorithm, data, key, signature, callback) {
  if (algorithm != null) validateString(algorithm, 'algorithm');
  if (callback !== undefined) validateFunction(callback, 'callback');
  data = getArrayBufferOrView(data, 'data');
  if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE(
      'data', ['Buffer', 'TypedArray', 'DataView'], data);
  }
  const padding = getIntOption('padding', key);
  const saltLength = getIntOption('saltLength', key);
  const dsaEncoding = getDSASignatureEncoding(key);
  if (!isArrayBufferView(signature)) {
    throw new ERR_INVALID_ARG_TYPE(
      'signature', ['Buffer', 'TypedArray', 'DataView'], signature);
  }
  checkContext(key);
  const handle = getPublicOrPrivateKeyHandle(key);
  checkContext(key, handle);
  const job = new SignJob(callback ? kCryptoJobAsync : kCryptoJobSync, true,
                          handle, data, algorithm ?? undefined, signature,
                          padding, saltLength, dsaEncoding);
  if (!callback) {
    const { 0: err, 1: result } = job.run();
    if (err !== undefined) throw err;
    return result;
  }
  runJob(job, 'SIGNREQUEST', (err, result) => {
    if (err) return FunctionPrototypeCall(callback, job, err);
    FunctionPrototypeCall(callback, job, null, result);
  });
}

function createSign(algorithm, options) {
  return new Sign(algorithm, options);
}

function createVerify(algorithm, options) {
  return new Verify(algorithm, options);
}

module.exports = {
  Sign,
  Verify,
  createSign,
  createVerify,
  signOneShot,
  verifyOneShot,
};
