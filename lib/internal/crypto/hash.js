'use strict';

// crypto.createHash(), createHmac() and hash(), and subtle.digest's work.
// Hash and Hmac are streams too (LazyTransform): what is written goes to
// update(), and the digest is pushed at the end.

const {
  FunctionPrototypeCall,
  ObjectSetPrototypeOf,
  StringPrototypeReplace,
  StringPrototypeToLowerCase,
  Symbol,
} = primordials;

const {
  Hash: _Hash,
  HashJob,
  Hmac: _Hmac,
  kCryptoJobAsync,
  oneShotDigest,
} = internalBinding('crypto');

const {
  getStringOption,
  jobPromise,
  kHandle,
} = require('internal/crypto/util');

const { prepareSecretKey } = require('internal/crypto/keys');

const {
  getDeprecationWarningEmitter,
  isPendingDeprecation,
  normalizeEncoding,
} = require('internal/util');

const { FastBuffer } = require('internal/buffer');

const {
  codes: {
    ERR_CRYPTO_HASH_FINALIZED,
    ERR_CRYPTO_HASH_UPDATE_FAILED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');

const {
  validateEncoding,
  validateObject,
  validateString,
  validateUint32,
} = require('internal/validators');

const { isArrayBufferView } = require('internal/util/types');

const LazyTransform = require('internal/streams/lazy_transform');

// DEP0198 (pending): shake128/256 without an explicit output length.
const warnShakeWithoutLength = getDeprecationWarningEmitter(
  'DEP0198',
  'Creating SHAKE128/256 digests without an explicit options.outputLength ' +
  'is deprecated.',
  undefined,
  false,
  (algorithm) => {
    if (!isPendingDeprecation()) return false;
    const name = StringPrototypeReplace(
      StringPrototypeToLowerCase(algorithm), '-', '');
    return name === 'shake128' || name === 'shake256';
  });

const kState = Symbol('kState');
const kFinalized = Symbol('kFinalized');

// What the binding's update() takes: UTF-8 strings as they are, other
// encodings as bytes. An unknown encoding reads as UTF-8, as in Node.
function toUpdateInput(data, encoding) {
  if (typeof data !== 'string') return data;
  const enc = normalizeEncoding(encoding);
  if (enc === undefined || enc === 'utf8') return data;
  const { Buffer } = require('buffer');
  return Buffer.from(data, enc);
}

// A digest in `encoding`: a Buffer for 'buffer', none or one Buffer does
// not know.
function encodeDigest(bytes, encoding) {
  const buf = new FastBuffer(bytes);
  if (!encoding) return buf;
  const enc = normalizeEncoding(encoding);
  if (enc === undefined) return buf;
  return buf.toString(enc);
}

function Hash(algorithm, options) {
  if (!new.target) return new Hash(algorithm, options);
  const isCopy = algorithm instanceof _Hash;
  if (!isCopy) validateString(algorithm, 'algorithm');
  let outputLength = typeof options === 'object' && options !== null ?
    options.outputLength : undefined;
  if (outputLength !== undefined) {
    validateUint32(outputLength, 'options.outputLength');
    outputLength += 0;  // -0 is 0
  }
  this[kHandle] = new _Hash(algorithm, outputLength);
  this[kState] = { [kFinalized]: false };
  if (!isCopy && outputLength === undefined) {
    warnShakeWithoutLength(algorithm);
  }
  FunctionPrototypeCall(LazyTransform, this, options);
}

ObjectSetPrototypeOf(Hash.prototype, LazyTransform.prototype);
ObjectSetPrototypeOf(Hash, LazyTransform);

Hash.prototype.copy = function copy(options) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this[kHandle], options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  if (!this[kHandle].update(toUpdateInput(chunk, encoding))) {
    callback(new ERR_CRYPTO_HASH_UPDATE_FAILED());
    return;
  }
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(new FastBuffer(this[kHandle].digest()));
  callback();
};

Hash.prototype.update = function update(data, encoding) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (typeof data === 'string') {
    validateEncoding(data, encoding);
  } else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE(
      'data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (!this[kHandle].update(toUpdateInput(data, encoding))) {
    throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  }
  return this;
};

Hash.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  // Truthy non-strings are converted, as Node always did.
  const ret = encodeDigest(this[kHandle].digest(),
                           outputEncoding && `${outputEncoding}`);
  state[kFinalized] = true;
  return ret;
};

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = getStringOption(options, 'encoding');
  key = prepareSecretKey(key, encoding);
  this[kHandle] = new _Hmac();
  this[kHandle].init(hmac, key);
  this[kState] = { [kFinalized]: false };
  FunctionPrototypeCall(LazyTransform, this, options);
}

ObjectSetPrototypeOf(Hmac.prototype, LazyTransform.prototype);
ObjectSetPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = Hash.prototype.update;

Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state[kFinalized]) {
    // Asked again: empty, in the encoding asked for.
    const { Buffer } = require('buffer');
    const empty = Buffer.alloc(0);
    if (outputEncoding && outputEncoding !== 'buffer') {
      return empty.toString(outputEncoding);
    }
    return empty;
  }
  const ret = encodeDigest(this[kHandle].digest(),
                           outputEncoding && `${outputEncoding}`);
  state[kFinalized] = true;
  return ret;
};

Hmac.prototype._transform = Hash.prototype._transform;
Hmac.prototype._flush = Hash.prototype._flush;

// crypto.hash(algorithm, input[, outputEncoding | options]): a one-shot
// digest, hex unless told otherwise.
function hash(algorithm, input, options) {
  validateString(algorithm, 'algorithm');
  if (typeof input !== 'string' && !isArrayBufferView(input)) {
    throw new ERR_INVALID_ARG_TYPE(
      'input', ['Buffer', 'TypedArray', 'DataView', 'string'], input);
  }
  let outputEncoding;
  let outputLength;
  if (typeof options === 'string') {
    outputEncoding = options;
  } else if (options !== undefined) {
    validateObject(options, 'options');
    outputLength = options.outputLength;
    outputEncoding = options.outputEncoding;
  }
  outputEncoding ??= 'hex';
  let normalized = outputEncoding;
  if (normalized !== 'hex') {
    validateString(outputEncoding, 'outputEncoding');
    normalized = normalizeEncoding(outputEncoding);
    if (normalized === undefined) {
      if (StringPrototypeToLowerCase(outputEncoding) !== 'buffer') {
        throw new ERR_INVALID_ARG_VALUE('outputEncoding', outputEncoding);
      }
      normalized = 'buffer';
    }
  }
  if (outputLength !== undefined) {
    validateUint32(outputLength, 'outputLength');
    outputLength += 0;
  }
  if (outputLength === undefined) warnShakeWithoutLength(algorithm);
  const bytes = oneShotDigest(algorithm, input, outputLength);
  const buf = new FastBuffer(bytes);
  return normalized === 'buffer' ? buf : buf.toString(normalized);
}

// subtle.digest's work, on the threadpool: `algorithm` is normalized
// ({ name, hash, length in bytes for the XOFs }).
function asyncDigest(algorithm, data) {
  return jobPromise(() => new HashJob(
    kCryptoJobAsync, algorithm.hash, data, algorithm.length));
}

module.exports = {
  Hash,
  Hmac,
  asyncDigest,
  hash,
};
