'use strict';

// createCipheriv/createDecipheriv and getCipherInfo. Cipheriv and
// Decipheriv are streams too (LazyTransform). Also RSA's publicEncrypt,
// privateDecrypt, privateEncrypt and publicDecrypt.

const {
  ObjectSetPrototypeOf,
  ReflectApply,
  StringPrototypeToLowerCase,
} = primordials;

const {
  CipherBase,
  getCipherInfo: _getCipherInfo,
  assertDigest,
  rsaCipher,
} = internalBinding('crypto');

const {
  codes: {
    ERR_CRYPTO_INVALID_STATE,
    ERR_INTERNAL_ASSERTION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');

const {
  validateEncoding,
  validateInt32,
  validateObject,
  validateString,
} = require('internal/validators');

const { prepareSecretKey } = require('internal/crypto/keys');

const {
  getArrayBufferOrView,
  getStringOption,
  kHandle,
} = require('internal/crypto/util');

const { isArrayBufferView } = require('internal/util/types');
const { normalizeEncoding, getDeprecationWarningEmitter } =
  require('internal/util');
const { FastBuffer } = require('internal/buffer');

const LazyTransform = require('internal/streams/lazy_transform');

const { StringDecoder } = require('string_decoder');

const emitShortGCMTagWarning = getDeprecationWarningEmitter(
  'DEP0182',
  'Using AES-GCM authentication tags of less than 128 bits without ' +
  'specifying the authTagLength option when initializing decryption is ' +
  'deprecated.');

// One decoder per cipher keeps multi-byte characters whole across
// update() calls; its encoding cannot change afterwards.
function getDecoder(decoder, encoding) {
  const normalized = normalizeEncoding(encoding);
  decoder ||= new StringDecoder(encoding);
  if (decoder.encoding !== normalized) {
    if (normalized === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    throw new ERR_INTERNAL_ASSERTION('Cannot change encoding');
  }
  return decoder;
}

function getUIntOption(options, key) {
  let value;
  if (options && (value = options[key]) != null) {
    if (value >>> 0 !== value) {
      throw new ERR_INVALID_ARG_VALUE(`options.${key}`, value);
    }
    return value;
  }
  return -1;
}

function initCipher(cipher, key, iv, options, encrypt) {
  validateString(cipher, 'cipher');
  const encoding = getStringOption(options, 'encoding');
  key = prepareSecretKey(key, encoding);
  iv = iv === null ? null : getArrayBufferOrView(iv, 'iv');
  const authTagLength = getUIntOption(options, 'authTagLength');
  this[kHandle] = new CipherBase(encrypt, cipher, key, iv, authTagLength);
  this._decoder = null;
  ReflectApply(LazyTransform, this, [options]);
}

function toBytes(data, encoding) {
  if (typeof data !== 'string') return data;
  const { Buffer } = require('buffer');
  const enc = normalizeEncoding(encoding);
  return Buffer.from(data, enc === undefined ? 'utf8' : enc);
}

function _transform(chunk, encoding, callback) {
  this.push(new FastBuffer(this[kHandle].update(toBytes(chunk, encoding))));
  callback();
}

function _flush(callback) {
  try {
    this.push(new FastBuffer(this[kHandle].final()));
  } catch (err) {
    callback(err);
    return;
  }
  callback();
}

function update(data, inputEncoding, outputEncoding) {
  if (typeof data === 'string') {
    validateEncoding(data, inputEncoding);
  } else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE(
      'data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  const ret = new FastBuffer(
    this[kHandle].update(toBytes(data, inputEncoding)));
  if (outputEncoding && outputEncoding !== 'buffer') {
    this._decoder = getDecoder(this._decoder, outputEncoding);
    return this._decoder.write(ret);
  }
  return ret;
}

function final(outputEncoding) {
  const ret = new FastBuffer(this[kHandle].final());
  if (outputEncoding && outputEncoding !== 'buffer') {
    this._decoder = getDecoder(this._decoder, outputEncoding);
    return this._decoder.end(ret);
  }
  return ret;
}

function setAutoPadding(ap) {
  if (!this[kHandle].setAutoPadding(!!ap)) {
    throw new ERR_CRYPTO_INVALID_STATE('setAutoPadding');
  }
  return this;
}

function getAuthTag() {
  const tag = this[kHandle].getAuthTag();
  if (tag === undefined) throw new ERR_CRYPTO_INVALID_STATE('getAuthTag');
  return new FastBuffer(tag);
}

function setAuthTag(tagbuf, encoding) {
  tagbuf = getArrayBufferOrView(tagbuf, 'buffer', encoding);
  const status = this[kHandle].setAuthTag(tagbuf);
  if (status === 0) throw new ERR_CRYPTO_INVALID_STATE('setAuthTag');
  if (status === 2) emitShortGCMTagWarning();
  return this;
}

function setAAD(aadbuf, options) {
  const encoding = getStringOption(options, 'encoding');
  const plaintextLength = getUIntOption(options, 'plaintextLength');
  aadbuf = getArrayBufferOrView(aadbuf, 'aadbuf', encoding);
  if (!this[kHandle].setAAD(aadbuf, plaintextLength)) {
    throw new ERR_CRYPTO_INVALID_STATE('setAAD');
  }
  return this;
}

// Function-style classes, as in Node: callable without `new`.
function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) {
    return new Cipheriv(cipher, key, iv, options);
  }
  ReflectApply(initCipher, this, [cipher, key, iv, options, true]);
}

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) {
    return new Decipheriv(cipher, key, iv, options);
  }
  ReflectApply(initCipher, this, [cipher, key, iv, options, false]);
}

for (const constructor of [Cipheriv, Decipheriv]) {
  ObjectSetPrototypeOf(constructor.prototype, LazyTransform.prototype);
  ObjectSetPrototypeOf(constructor, LazyTransform);
  const proto = constructor.prototype;
  proto._transform = _transform;
  proto._flush = _flush;
  proto.update = update;
  proto.final = final;
  proto.setAutoPadding = setAutoPadding;
  if (constructor === Cipheriv) {
    proto.getAuthTag = getAuthTag;
  } else {
    proto.setAuthTag = setAuthTag;
  }
  proto.setAAD = setAAD;
}

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== 'string' && typeof nameOrNid !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('nameOrNid', ['string', 'number'],
                                   nameOrNid);
  }
  if (typeof nameOrNid === 'number') validateInt32(nameOrNid, 'nameOrNid');
  let keyLength, ivLength;
  if (options !== undefined) {
    validateObject(options, 'options');
    ({ keyLength, ivLength } = options);
    if (keyLength !== undefined) validateInt32(keyLength, 'options.keyLength');
    if (ivLength !== undefined) validateInt32(ivLength, 'options.ivLength');
  }
  const info = _getCipherInfo(nameOrNid, keyLength, ivLength);
  if (info !== undefined) {
    info.name &&= StringPrototypeToLowerCase(info.name);
    info.type &&= StringPrototypeToLowerCase(info.type);
  }
  return info;
}

// RSA with a public or private key: `op` is rsaCipher's operation number.
function rsaFunctionFor(op, defaultPadding, keyType) {
  return (options, buffer) => {
    const {
      getPrivateKeyHandle,
      getPublicOrPrivateKeyHandle,
    } = require('internal/crypto/keys');
    const padding = (options.padding || defaultPadding) >>> 0;
    const { oaepHash, encoding } = options;
    let { oaepLabel } = options;
    if (oaepHash !== undefined) validateString(oaepHash, 'key.oaepHash');
    if (oaepLabel !== undefined) {
      oaepLabel = getArrayBufferOrView(oaepLabel, 'key.oaepLabel', encoding);
    }
    if (oaepHash !== undefined) assertDigest(oaepHash);
    const handle = keyType === 'private' ?
      getPrivateKeyHandle(options) : getPublicOrPrivateKeyHandle(options);
    buffer = getArrayBufferOrView(buffer, 'buffer', encoding);
    return new FastBuffer(
      rsaCipher(op, handle, buffer, padding, oaepHash, oaepLabel));
  };
}

const {
  RSA_PKCS1_OAEP_PADDING,
  RSA_PKCS1_PADDING,
} = internalBinding('constants').crypto;

module.exports = {
  Cipheriv,
  Decipheriv,
  getCipherInfo,
  privateDecrypt: rsaFunctionFor(1, RSA_PKCS1_OAEP_PADDING, 'private'),
  privateEncrypt: rsaFunctionFor(2, RSA_PKCS1_PADDING, 'private'),
  publicDecrypt: rsaFunctionFor(3, RSA_PKCS1_PADDING, 'public'),
  publicEncrypt: rsaFunctionFor(0, RSA_PKCS1_OAEP_PADDING, 'public'),
};
