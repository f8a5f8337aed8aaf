'use strict';

// Web Crypto: globalThis.crypto (a Crypto), its getRandomValues and
// randomUUID, and SubtleCrypto with digest(). The other SubtleCrypto
// methods reject with ERR_NOT_IMPLEMENTED until keys come.

const {
  ArrayPrototypeIncludes,
  NumberIsInteger,
  ObjectDefineProperties,
  PromiseReject,
  ReflectApply,
  ReflectConstruct,
  StringPrototypeToUpperCase,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
    ERR_NOT_IMPLEMENTED,
  },
} = require('internal/errors');

const {
  emitExperimentalWarning,
  kEnumerableProperty,
  lazyDOMException,
} = require('internal/util');

const {
  isAnyArrayBuffer,
  isArrayBufferView,
} = require('internal/util/types');

const { CryptoKey } = require('internal/crypto/keys');

let random;
function lazyRandom() {
  random ??= require('internal/crypto/random');
  return random;
}

function requireArguments(length, required, prefix) {
  if (length < required) {
    const s = required === 1 ? '' : 's';
    const err = new ERR_MISSING_ARGS('');
    err.message = `${prefix}: ${required} argument${s} required, but only ` +
      `${length} present.`;
    throw err;
  }
}

// The digests subtle.digest() knows, by their Web Crypto names, with
// OpenSSL's; SHA3 and cSHAKE are experimental in Node 24 too.
const kDigests = {
  '__proto__': null,
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
  'SHA3-256': 'sha3-256',
  'SHA3-384': 'sha3-384',
  'SHA3-512': 'sha3-512',
  'cSHAKE128': 'shake128',
  'cSHAKE256': 'shake256',
};
const kExperimentalDigests = ['SHA3-256', 'SHA3-384', 'SHA3-512',
                              'cSHAKE128', 'cSHAKE256'];

function normalizeError(message) {
  const err = new ERR_INVALID_ARG_TYPE('algorithm', 'object', undefined);
  err.message = `Failed to normalize algorithm: passed algorithm: ${message}`;
  return err;
}

// { name, hash, length } for asyncDigest(): `length` in bytes for the
// cSHAKE functions.
function normalizeDigestAlgorithm(algorithm) {
  const isObject = typeof algorithm === 'object' && algorithm !== null;
  const name = isObject ? algorithm.name : algorithm;
  if (isObject && name === undefined) {
    throw normalizeError("'name' is required in 'Algorithm'.");
  }
  const upper = StringPrototypeToUpperCase(`${name}`);
  let canonical;
  for (const key in kDigests) {
    if (StringPrototypeToUpperCase(key) === upper) canonical = key;
  }
  if (canonical === undefined) {
    throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  }
  if (ArrayPrototypeIncludes(kExperimentalDigests, canonical)) {
    emitExperimentalWarning(`The ${canonical} Web Crypto API algorithm`);
  }
  const result = { name: canonical, hash: kDigests[canonical] };
  if (canonical === 'cSHAKE128' || canonical === 'cSHAKE256') {
    const length = isObject ? algorithm.length : undefined;
    if (length === undefined) {
      throw normalizeError("'length' is required in 'CShakeParams'.");
    }
    const bits = +length;
    if (!NumberIsInteger(bits) || bits < 0 || bits > 0xFFFFFFFF) {
      throw normalizeError("'length' is outside the accepted range.");
    }
    // Web Crypto allows any bit count; Node takes whole bytes only.
    if (bits % 8) {
      throw lazyDOMException('Unsupported CShakeParams length',
                             'NotSupportedError');
    }
    for (const key of ['functionName', 'customization']) {
      const value = algorithm[key];
      if (value !== undefined && value.byteLength) {
        throw lazyDOMException(
          `Non zero-length CShakeParams.${key} is not supported.`,
          'NotSupportedError');
      }
    }
    result.length = bits / 8;
  }
  return result;
}

class SubtleCrypto {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  static supports() {
    if (this !== SubtleCrypto) {
      throw new ERR_INVALID_THIS('SubtleCrypto constructor');
    }
    throw new ERR_NOT_IMPLEMENTED('SubtleCrypto.supports');
  }
}
const subtle = ReflectConstruct(function() {}, [], SubtleCrypto);

async function digest(algorithm, data) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  const prefix = "Failed to execute 'digest' on 'SubtleCrypto'";
  requireArguments(arguments.length, 2, prefix);
  if (!isAnyArrayBuffer(data) && !isArrayBufferView(data)) {
    const err = new ERR_INVALID_ARG_TYPE('data', 'ArrayBuffer', data);
    err.message = `${prefix}: 2nd argument is not instance of ArrayBuffer, ` +
      'Buffer, TypedArray, or DataView.';
    throw err;
  }
  algorithm = normalizeDigestAlgorithm(algorithm);
  const { asyncDigest } = require('internal/crypto/hash');
  return await asyncDigest(algorithm, data);
}

// The methods that need keys.
function notImplemented(name) {
  return function() {
    if (this !== subtle) {
      return PromiseReject(new ERR_INVALID_THIS('SubtleCrypto'));
    }
    return PromiseReject(
      new ERR_NOT_IMPLEMENTED(`SubtleCrypto.prototype.${name}`));
  };
}

const subtleMethods = { __proto__: null, digest };
for (const name of ['encrypt', 'decrypt', 'sign', 'verify', 'generateKey',
                    'deriveKey', 'deriveBits', 'importKey', 'exportKey',
                    'wrapKey', 'unwrapKey', 'getPublicKey',
                    'encapsulateBits', 'encapsulateKey', 'decapsulateBits',
                    'decapsulateKey']) {
  subtleMethods[name] = notImplemented(name);
}

const subtleDescriptors = {
  __proto__: null,
  [SymbolToStringTag]: {
    __proto__: null,
    enumerable: false,
    configurable: true,
    writable: false,
    value: 'SubtleCrypto',
  },
};
for (const name of ['encrypt', 'decrypt', 'sign', 'verify', 'digest',
                    'generateKey', 'deriveKey', 'deriveBits', 'importKey',
                    'exportKey', 'wrapKey', 'unwrapKey', 'getPublicKey',
                    'encapsulateBits', 'encapsulateKey', 'decapsulateBits',
                    'decapsulateKey']) {
  subtleDescriptors[name] = {
    __proto__: null,
    enumerable: true,
    configurable: true,
    writable: true,
    value: subtleMethods[name],
  };
}
ObjectDefineProperties(SubtleCrypto.prototype, subtleDescriptors);

class Crypto {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get subtle() {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }
}
const crypto = ReflectConstruct(function() {}, [], Crypto);

function getRandomValues(array) {
  if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
  requireArguments(arguments.length, 1,
                   "Failed to execute 'getRandomValues' on 'Crypto'");
  return ReflectApply(lazyRandom().getRandomValues, this, arguments);
}

function randomUUID() {
  if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
  return lazyRandom().randomUUID();
}

ObjectDefineProperties(Crypto.prototype, {
  [SymbolToStringTag]: {
    __proto__: null,
    enumerable: false,
    configurable: true,
    writable: false,
    value: 'Crypto',
  },
  subtle: kEnumerableProperty,
  getRandomValues: {
    __proto__: null,
    enumerable: true,
    configurable: true,
    writable: true,
    value: getRandomValues,
  },
  randomUUID: {
    __proto__: null,
    enumerable: true,
    configurable: true,
    writable: true,
    value: randomUUID,
  },
});

module.exports = {
  Crypto,
  CryptoKey,
  SubtleCrypto,
  crypto,
};
