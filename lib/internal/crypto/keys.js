'use strict';

// KeyObject for secret keys: createSecretKey(), and the key argument of
// Hmac, the ciphers and HKDF (prepareSecretKey). Asymmetric keys
// (createPublicKey, createPrivateKey) are not implemented yet.

const {
  ObjectDefineProperty,
  Symbol,
  SymbolToStringTag,
  TypedArrayPrototypeSlice,
  Uint8Array,
} = primordials;

const {
  validateObject,
  validateOneOf,
} = require('internal/validators');

const {
  codes: {
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_NOT_IMPLEMENTED,
  },
} = require('internal/errors');

const {
  kHandle,
  kKeyObject,
  getArrayBufferOrView,
} = require('internal/crypto/util');

const {
  isAnyArrayBuffer,
  isArrayBufferView,
} = require('internal/util/types');

const { timingSafeEqual } = internalBinding('crypto');

const kKeyType = Symbol('kKeyType');
const kKeyBytes = Symbol('kKeyBytes');

// The key material of a KeyObject: a private copy of the bytes.
class KeyObjectHandle {
  constructor(bytes) {
    this[kKeyBytes] = bytes;
  }
}

function copyBytes(data) {
  if (isAnyArrayBuffer(data)) return TypedArrayPrototypeSlice(new Uint8Array(data));
  return TypedArrayPrototypeSlice(
    new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
}

class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('type', type);
    }
    if (typeof handle !== 'object' || !(handle instanceof KeyObjectHandle)) {
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    this[kKeyType] = type;
    ObjectDefineProperty(this, kHandle, {
      __proto__: null,
      value: handle,
      enumerable: false,
      configurable: false,
      writable: false,
    });
  }

  get type() {
    return this[kKeyType];
  }

  static from(key) {
    if (!isCryptoKey(key)) {
      throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    }
    return key[kKeyObject];
  }

  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) {
      throw new ERR_INVALID_ARG_TYPE(
        'otherKeyObject', 'KeyObject', otherKeyObject);
    }
    if (otherKeyObject.type !== this.type) return false;
    const a = this[kHandle][kKeyBytes];
    const b = otherKeyObject[kHandle][kKeyBytes];
    return a.byteLength === b.byteLength && timingSafeEqual(a, b);
  }
}

ObjectDefineProperty(KeyObject.prototype, SymbolToStringTag, {
  __proto__: null,
  configurable: true,
  value: 'KeyObject',
});

class SecretKeyObject extends KeyObject {
  constructor(handle) {
    super('secret', handle);
  }

  get symmetricKeySize() {
    return this[kHandle][kKeyBytes].byteLength;
  }

  export(options) {
    const bytes = this[kHandle][kKeyBytes];
    if (options !== undefined) {
      validateObject(options, 'options');
      validateOneOf(
        options.format, 'options.format', [undefined, 'buffer', 'jwk']);
      if (options.format === 'jwk') {
        const { Buffer } = require('buffer');
        return {
          kty: 'oct',
          k: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
            .toString('base64url'),
        };
      }
    }
    const { Buffer } = require('buffer');
    return Buffer.from(TypedArrayPrototypeSlice(bytes).buffer);
  }

  toCryptoKey() {
    throw new ERR_NOT_IMPLEMENTED('KeyObject.prototype.toCryptoKey');
  }
}

function isKeyObject(obj) {
  return obj != null && obj[kKeyType] !== undefined &&
    obj[kKeyObject] === undefined;
}

// Web Crypto's key: no way to make one yet (subtle.importKey and
// generateKey are not implemented), so none ever exists.
class CryptoKey {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
}

ObjectDefineProperty(CryptoKey.prototype, SymbolToStringTag, {
  __proto__: null,
  configurable: true,
  value: 'CryptoKey',
});

function isCryptoKey(obj) {
  return obj != null && obj[kKeyObject] !== undefined;
}

function getKeyTypes(allowKeyObject, bufferOnly = false) {
  const types = ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];
  if (bufferOnly) return types;
  types.push('string');
  if (allowKeyObject) types.push('KeyObject', 'CryptoKey');
  return types;
}

// The bytes of a secret key given as a KeyObject, a CryptoKey, a string (in
// `encoding`) or a buffer source. `bufferOnly` refuses keys and strings.
function prepareSecretKey(key, encoding, bufferOnly = false) {
  if (!bufferOnly) {
    if (isKeyObject(key)) {
      if (key.type !== 'secret') {
        throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      }
      return key[kHandle][kKeyBytes];
    } else if (isCryptoKey(key)) {
      if (key[kKeyObject].type !== 'secret') {
        throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(
          key[kKeyObject].type, 'secret');
      }
      return key[kKeyObject][kHandle][kKeyBytes];
    }
  }
  if (typeof key !== 'string' &&
      !isArrayBufferView(key) &&
      !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE(
      'key', getKeyTypes(!bufferOnly, bufferOnly), key);
  }
  return getArrayBufferOrView(key, 'key', encoding);
}

function createSecretKey(key, encoding) {
  key = prepareSecretKey(key, encoding, true);
  return new SecretKeyObject(new KeyObjectHandle(copyBytes(key)));
}

// The bytes of a secret KeyObject (for HKDF's key argument).
function getSecretKeyBytes(keyObject) {
  return keyObject[kHandle][kKeyBytes];
}

function createPublicKey() {
  throw new ERR_NOT_IMPLEMENTED('crypto.createPublicKey');
}

function createPrivateKey() {
  throw new ERR_NOT_IMPLEMENTED('crypto.createPrivateKey');
}

module.exports = {
  CryptoKey,
  KeyObject,
  SecretKeyObject,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  getSecretKeyBytes,
  isCryptoKey,
  isKeyObject,
  prepareSecretKey,
};
