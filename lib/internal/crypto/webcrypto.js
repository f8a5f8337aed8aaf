'use strict';

// Web Crypto: globalThis.crypto (a Crypto), its getRandomValues and
// randomUUID, and SubtleCrypto: digest here, the key methods over
// internal/crypto/webcrypto_keys (algorithms, generate/import/export) and
// internal/crypto/webcrypto_ops (cipher, sign, derive). The KEM methods
// reject with ERR_NOT_IMPLEMENTED (they need OpenSSL 3.5).

const {
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  DataViewPrototypeGetBuffer,
  TypedArrayPrototypeGetBuffer,
  MathTrunc,
  NumberIsFinite,
  NumberIsInteger,
  SymbolIterator,
  Uint8Array,
  ObjectDefineProperties,
  PromiseReject,
  ReflectApply,
  ReflectConstruct,
  StringPrototypeStartsWith,
  StringPrototypeToUpperCase,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
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
  isArrayBuffer,
  isArrayBufferView,
  isDataView,
  isSharedArrayBuffer,
} = require('internal/util/types');

function viewBuffer(view) {
  return isDataView(view) ? DataViewPrototypeGetBuffer(view) :
    TypedArrayPrototypeGetBuffer(view);
}

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

  // Whether `operation` with `algorithm` (and the length or the other
  // algorithm some operations take) would be attempted: the algorithm is
  // normalized and checked as the operation would, with no key and no work.
  static supports(operation, algorithm, lengthOrAdditionalAlgorithm = null) {
    if (this !== SubtleCrypto) {
      throw new ERR_INVALID_THIS('SubtleCrypto constructor');
    }
    emitExperimentalWarning('The supports Web Crypto API method');
    requireArguments(arguments.length, 2,
                     "Failed to execute 'supports' on 'SubtleCrypto'");
    return supportsOperation(`${operation}`, algorithm,
                             lengthOrAdditionalAlgorithm);
  }
}

const kSupportsOperations = [
  'encrypt', 'decrypt', 'sign', 'verify', 'digest', 'generateKey',
  'deriveKey', 'deriveBits', 'importKey', 'exportKey', 'wrapKey',
  'unwrapKey', 'getPublicKey', 'encapsulateBits', 'encapsulateKey',
  'decapsulateBits', 'decapsulateKey',
];

// Secret-key algorithms an encapsulated 256-bit secret can become.
const kEncapsulatedKeyAlgorithms = [
  'AES-OCB', 'AES-KW', 'AES-GCM', 'AES-CTR', 'AES-CBC', 'ChaCha20-Poly1305',
  'HKDF', 'PBKDF2',
];

function normalizeFor(algorithm, op) {
  try {
    return lazyKeys().normalizeAlgorithm(algorithm, op);
  } catch {
    return undefined;
  }
}

function supportsOperation(operation, algorithm, extra) {
  if (!ArrayPrototypeIncludes(kSupportsOperations, operation)) return false;
  let length = null;
  let derivingKey = false;
  switch (operation) {
    case 'deriveKey': {
      if (!supportsAlgorithm('importKey', extra, null)) return false;
      const derived = normalizeFor(extra, 'get key length');
      if (derived === undefined) return false;
      // An HMAC key without a length takes the hash's block size, which
      // SHA-3 hashes do not define here.
      if (derived.name === 'HMAC' && derived.length === undefined &&
          StringPrototypeStartsWith(derived.hash.name, 'SHA3-')) {
        return false;
      }
      try {
        length = derivedKeyLength(derived);
      } catch {
        return false;
      }
      // As Node: an agreement's own length bound is not applied to the
      // length a derived key asks for.
      derivingKey = true;
      operation = 'deriveBits';
      break;
    }
    case 'wrapKey':
      if (!supportsAlgorithm('exportKey', extra, null)) return false;
      break;
    case 'unwrapKey':
      if (!supportsAlgorithm('importKey', extra, null)) return false;
      break;
    case 'deriveBits':
      if (extra !== null) length = toUnsignedLong(extra);
      break;
    case 'getPublicKey': {
      const normalized = normalizeFor(algorithm, 'exportKey');
      return normalized !== undefined &&
        !lazyKeys().isSecretAlgorithm(normalized.name);
    }
    case 'encapsulateKey':
    case 'decapsulateKey': {
      const normalized = normalizeFor(extra, 'importKey');
      if (normalized === undefined) return false;
      const { name } = normalized;
      if (name === 'HMAC' || name === 'KMAC128' || name === 'KMAC256') {
        if (normalized.length !== undefined && normalized.length !== 256) {
          return false;
        }
      } else if (!ArrayPrototypeIncludes(kEncapsulatedKeyAlgorithms, name)) {
        return false;
      }
      break;
    }
  }
  try {
    return supportsAlgorithm(operation, algorithm, length, derivingKey);
  } catch {
    return false;
  }
}

function supportsAlgorithm(op, algorithm, length, derivingKey = false) {
  const normalized = normalizeFor(algorithm, op);
  if (normalized === undefined) {
    // A key may be wrapped with an encryption algorithm too.
    if (op === 'wrapKey') return supportsAlgorithm('encrypt', algorithm, null);
    if (op === 'unwrapKey') {
      return supportsAlgorithm('decrypt', algorithm, null);
    }
    return false;
  }
  const { name } = normalized;
  switch (op) {
    case 'digest':
      // cSHAKE's function name and customization are not supported.
      return !((name === 'cSHAKE128' || name === 'cSHAKE256') &&
               (normalized.functionName?.byteLength ||
                normalized.customization?.byteLength));
    case 'deriveBits':
      return lazyKeys().checkDeriveBitsParams(normalized,
                                              derivingKey ? null : length,
                                              length);
    case 'generateKey':
    case 'importKey':
      return lazyKeys().checkKeyParams(normalized, op);
    case 'encrypt':
    case 'decrypt':
      return lazyKeys().checkCipherParams(normalized);
    case 'sign':
    case 'verify':
      // Ed448 contexts need OpenSSL 3.2.
      return !(name === 'Ed448' && normalized.context?.byteLength);
    case 'exportKey':
      return name !== 'HKDF' && name !== 'PBKDF2';
    default:
      return true;
  }
}
const subtle = ReflectConstruct(function() {}, [], SubtleCrypto);

async function digest(algorithm, data) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  const prefix = "Failed to execute 'digest' on 'SubtleCrypto'";
  requireArguments(arguments.length, 2, prefix);
  checkBufferSource(data, 1, prefix);
  algorithm = normalizeDigestAlgorithm(algorithm);
  const { asyncDigest } = require('internal/crypto/hash');
  return await asyncDigest(algorithm, data);
}

// --- Keys and operations ----------------------------------------------------

let keysModule;
function lazyKeys() {
  keysModule ??= require('internal/crypto/webcrypto_keys');
  return keysModule;
}

let opsModule;
function lazyOps() {
  opsModule ??= require('internal/crypto/webcrypto_ops');
  return opsModule;
}

const kOrdinals = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th'];

function checkCryptoKey(value, position, prefix) {
  const { isCryptoKey } = require('internal/crypto/keys');
  if (!isCryptoKey(value)) {
    const err = new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', value);
    err.message = `${prefix}: ${kOrdinals[position]} argument is not of ` +
      'type CryptoKey.';
    throw err;
  }
  return value;
}

// A Web IDL BufferSource: an ArrayBuffer (of any realm) or a view on one;
// shared memory is refused.
function checkBufferSource(value, position, prefix) {
  if (isArrayBufferView(value)) {
    if (isSharedArrayBuffer(viewBuffer(value))) {
      const err = new ERR_INVALID_ARG_TYPE('data', 'ArrayBuffer', value);
      err.message = `${prefix}: ${kOrdinals[position]} argument is a view ` +
        'on a SharedArrayBuffer, which is not allowed.';
      throw err;
    }
    return value;
  }
  if (!isArrayBuffer(value)) {
    const err = new ERR_INVALID_ARG_TYPE('data', 'ArrayBuffer', value);
    err.message = `${prefix}: ${kOrdinals[position]} argument is not ` +
      'instance of ArrayBuffer, Buffer, TypedArray, or DataView.';
    throw err;
  }
  return value;
}

function checkUsageList(value, position, prefix) {
  if (value === null || typeof value !== 'object' ||
      typeof value[SymbolIterator] !== 'function') {
    const err = new ERR_INVALID_ARG_TYPE('keyUsages', 'Array', value);
    err.message = `${prefix}: ${kOrdinals[position]} argument can not be ` +
      'converted to sequence.';
    throw err;
  }
  const list = [];
  for (const usage of value) {
    const u = `${usage}`;
    if (!ArrayPrototypeIncludes(kUsages, u)) {
      const err = new ERR_INVALID_ARG_VALUE('keyUsages', u);
      err.message = `${prefix}: ${kOrdinals[position]} argument value '${u}'` +
        ' is not a valid enum value of type KeyUsage.';
      throw err;
    }
    ArrayPrototypePush(list, u);
  }
  return list;
}

const kUsages = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey',
                 'deriveBits', 'wrapKey', 'unwrapKey'];
const kFormats = ['raw', 'spki', 'pkcs8', 'jwk', 'raw-secret', 'raw-public'];

function checkFormat(value, position, prefix) {
  const format = `${value}`;
  if (!ArrayPrototypeIncludes(kFormats, format)) {
    const err = new ERR_INVALID_ARG_VALUE('format', format);
    err.message = `${prefix}: ${kOrdinals[position]} argument value ` +
      `'${format}' is not a valid enum value of type KeyFormat.`;
    throw err;
  }
  return format;
}

function keyAlgorithmName(key) {
  const { kAlgorithm } = require('internal/crypto/keys');
  return key[kAlgorithm].name;
}

function keyHasUsage(key, usage) {
  const { hasUsage } = require('internal/crypto/keys');
  return hasUsage(key, usage);
}

function prefixFor(name) {
  return `Failed to execute '${name}' on 'SubtleCrypto'`;
}

async function generateKey(algorithm, extractable, keyUsages) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  const prefix = prefixFor('generateKey');
  requireArguments(arguments.length, 3, prefix);
  keyUsages = checkUsageList(keyUsages, 2, prefix);
  algorithm = lazyKeys().normalizeAlgorithm(algorithm, 'generateKey');
  return lazyKeys().generateKey(algorithm, !!extractable, keyUsages);
}

async function importKey(format, keyData, algorithm, extractable, keyUsages) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  const prefix = prefixFor('importKey');
  requireArguments(arguments.length, 5, prefix);
  format = checkFormat(format, 0, prefix);
  if (format !== 'jwk') keyData = checkBufferSource(keyData, 1, prefix);
  keyUsages = checkUsageList(keyUsages, 4, prefix);
  algorithm = lazyKeys().normalizeAlgorithm(algorithm, 'importKey');
  return lazyKeys().importKey(format, keyData, algorithm, !!extractable,
                              keyUsages);
}

async function exportKey(format, key) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  const prefix = prefixFor('exportKey');
  requireArguments(arguments.length, 2, prefix);
  format = checkFormat(format, 0, prefix);
  checkCryptoKey(key, 1, prefix);
  return lazyKeys().exportKey(format, key);
}

async function sign(algorithm, key, data) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  const prefix = prefixFor('sign');
  requireArguments(arguments.length, 3, prefix);
  checkCryptoKey(key, 1, prefix);
  checkBufferSource(data, 2, prefix);
  algorithm = lazyKeys().normalizeAlgorithm(algorithm, 'sign');
  if (!keyHasUsage(key, 'sign') ||
      algorithm.name !== keyAlgorithmName(key)) {
    throw lazyDOMException('Unable to use this key to sign',
                           'InvalidAccessError');
  }
  return lazyOps().signVerify(false, algorithm, key, data);
}

async function verify(algorithm, key, signature, data) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  const prefix = prefixFor('verify');
  requireArguments(arguments.length, 4, prefix);
  checkCryptoKey(key, 1, prefix);
  checkBufferSource(signature, 2, prefix);
  checkBufferSource(data, 3, prefix);
  algorithm = lazyKeys().normalizeAlgorithm(algorithm, 'verify');
  if (!keyHasUsage(key, 'verify') ||
      algorithm.name !== keyAlgorithmName(key)) {
    throw lazyDOMException('Unable to use this key to verify',
                           'InvalidAccessError');
  }
  return lazyOps().signVerify(true, algorithm, key, data, signature);
}

function cipherMethod(name, encrypt) {
  return async function(algorithm, key, data) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    const prefix = prefixFor(name);
    requireArguments(arguments.length, 3, prefix);
    checkCryptoKey(key, 1, prefix);
    checkBufferSource(data, 2, prefix);
    algorithm = lazyKeys().normalizeAlgorithm(algorithm, name);
    if (algorithm.name !== keyAlgorithmName(key) ||
        !keyHasUsage(key, name)) {
      throw lazyDOMException(
        'The requested operation is not valid for the provided key',
        'InvalidAccessError');
    }
    return lazyOps().cipher(encrypt, algorithm, key, data);
  };
}

async function deriveBits(algorithm, baseKey, length = null) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  const prefix = prefixFor('deriveBits');
  requireArguments(arguments.length, 2, prefix);
  checkCryptoKey(baseKey, 1, prefix);
  if (length !== null) length = toUnsignedLong(length);
  algorithm = lazyKeys().normalizeAlgorithm(algorithm, 'deriveBits');
  if (!keyHasUsage(baseKey, 'deriveBits')) {
    throw lazyDOMException('baseKey does not have deriveBits usage',
                           'InvalidAccessError');
  }
  if (keyAlgorithmName(baseKey) !== algorithm.name) {
    throw lazyDOMException('Key algorithm mismatch', 'InvalidAccessError');
  }
  return lazyOps().deriveBits(algorithm, baseKey, length);
}

function toUnsignedLong(value) {
  let n = +value;
  if (!NumberIsFinite(n)) return 0;
  n = MathTrunc(n) % 2 ** 32;
  return n < 0 ? n + 2 ** 32 : n;
}

// The bit length deriveKey asks for, from the derived key's algorithm.
function derivedKeyLength(algorithm) {
  switch (algorithm.name) {
    case 'AES-CTR':
    case 'AES-CBC':
    case 'AES-GCM':
    case 'AES-KW':
    case 'AES-OCB':
      if (algorithm.length !== 128 && algorithm.length !== 192 &&
          algorithm.length !== 256) {
        throw lazyDOMException(
          'AES key length must be 128, 192, or 256 bits', 'OperationError');
      }
      return algorithm.length;
    case 'HMAC':
      if (algorithm.length !== undefined) {
        if (algorithm.length === 0) {
          throw lazyDOMException('Zero-length key is not supported',
                                 'TypeError');
        }
        return algorithm.length;
      }
      return lazyKeys().hashBlockBits(algorithm.hash.name);
    case 'KMAC128':
      return algorithm.length ?? 128;
    case 'KMAC256':
      return algorithm.length ?? 256;
    case 'ChaCha20-Poly1305':
      return 256;
    default:
      return null;
  }
}

async function deriveKey(algorithm, baseKey, derivedKeyAlgorithm,
                         extractable, keyUsages) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  const prefix = prefixFor('deriveKey');
  requireArguments(arguments.length, 5, prefix);
  checkCryptoKey(baseKey, 1, prefix);
  keyUsages = checkUsageList(keyUsages, 4, prefix);
  const keys = lazyKeys();
  algorithm = keys.normalizeAlgorithm(algorithm, 'deriveBits');
  const importAlgorithm =
    keys.normalizeAlgorithm(derivedKeyAlgorithm, 'importKey');
  const lengthAlgorithm =
    keys.normalizeAlgorithm(derivedKeyAlgorithm, 'get key length');
  if (!keyHasUsage(baseKey, 'deriveKey')) {
    throw lazyDOMException('baseKey does not have deriveKey usage',
                           'InvalidAccessError');
  }
  if (keyAlgorithmName(baseKey) !== algorithm.name) {
    throw lazyDOMException('Key algorithm mismatch', 'InvalidAccessError');
  }
  const length = derivedKeyLength(lengthAlgorithm);
  const bits = await lazyOps().deriveBits(algorithm, baseKey, length);
  return keys.importKey('raw-secret', bits, importAlgorithm, !!extractable,
                        keyUsages);
}

function normalizeWrapAlgorithm(algorithm, op) {
  const keys = lazyKeys();
  try {
    return keys.normalizeAlgorithm(algorithm, op);
  } catch (err) {
    if (err?.name !== 'NotSupportedError') throw err;
    return keys.normalizeAlgorithm(algorithm,
                                   op === 'wrapKey' ? 'encrypt' : 'decrypt');
  }
}

async function wrapKey(format, key, wrappingKey, wrapAlgorithm) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  const prefix = prefixFor('wrapKey');
  requireArguments(arguments.length, 4, prefix);
  format = checkFormat(format, 0, prefix);
  checkCryptoKey(key, 1, prefix);
  checkCryptoKey(wrappingKey, 2, prefix);
  wrapAlgorithm = normalizeWrapAlgorithm(wrapAlgorithm, 'wrapKey');
  if (wrapAlgorithm.name !== keyAlgorithmName(wrappingKey) ||
      !keyHasUsage(wrappingKey, 'wrapKey')) {
    throw lazyDOMException(
      'The requested operation is not valid for the provided key',
      'InvalidAccessError');
  }
  const keys = lazyKeys();
  let exported = await keys.exportKey(format, key);
  if (format === 'jwk') {
    exported = keys.jwkToBytes(exported);
    // AES-KW wraps whole 64-bit blocks: JSON takes trailing spaces.
    if (wrapAlgorithm.name === 'AES-KW' && exported.length % 8) {
      const { Buffer } = require('buffer');
      exported = Buffer.concat([exported,
                                Buffer.alloc(8 - exported.length % 8, 0x20)]);
    }
  }
  return lazyOps().cipher(true, wrapAlgorithm, wrappingKey, exported);
}

async function unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm,
                         unwrappedKeyAlgorithm, extractable, keyUsages) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  const prefix = prefixFor('unwrapKey');
  requireArguments(arguments.length, 7, prefix);
  format = checkFormat(format, 0, prefix);
  checkBufferSource(wrappedKey, 1, prefix);
  checkCryptoKey(unwrappingKey, 2, prefix);
  keyUsages = checkUsageList(keyUsages, 6, prefix);
  unwrapAlgorithm = normalizeWrapAlgorithm(unwrapAlgorithm, 'unwrapKey');
  const keys = lazyKeys();
  unwrappedKeyAlgorithm =
    keys.normalizeAlgorithm(unwrappedKeyAlgorithm, 'importKey');
  if (unwrapAlgorithm.name !== keyAlgorithmName(unwrappingKey) ||
      !keyHasUsage(unwrappingKey, 'unwrapKey')) {
    throw lazyDOMException(
      'The requested operation is not valid for the provided key',
      'InvalidAccessError');
  }
  let keyData = await lazyOps().cipher(false, unwrapAlgorithm, unwrappingKey,
                                       wrappedKey);
  if (format === 'jwk') keyData = keys.bytesToJwk(new Uint8Array(keyData));
  return keys.importKey(format, keyData, unwrappedKeyAlgorithm,
                        !!extractable, keyUsages);
}

async function getPublicKey(key, keyUsages) {
  if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
  const prefix = prefixFor('getPublicKey');
  requireArguments(arguments.length, 2, prefix);
  checkCryptoKey(key, 0, prefix);
  keyUsages = checkUsageList(keyUsages, 1, prefix);
  const {
    createPublicKey,
    kAlgorithm,
  } = require('internal/crypto/keys');
  if (key.type !== 'private') {
    throw lazyDOMException('key must be a private key',
                           key.type === 'secret' ? 'NotSupportedError' :
                             'InvalidAccessError');
  }
  const { kKeyObject } = require('internal/crypto/util');
  const publicKey = createPublicKey(key[kKeyObject]);
  return publicKey.toCryptoKey(key[kAlgorithm], true, keyUsages);
}

function notImplemented(name) {
  return function() {
    if (this !== subtle) {
      return PromiseReject(new ERR_INVALID_THIS('SubtleCrypto'));
    }
    return PromiseReject(
      new ERR_NOT_IMPLEMENTED(`SubtleCrypto.prototype.${name}`));
  };
}

const subtleMethods = {
  __proto__: null,
  digest,
  generateKey,
  importKey,
  exportKey,
  sign,
  verify,
  encrypt: cipherMethod('encrypt', true),
  decrypt: cipherMethod('decrypt', false),
  deriveBits,
  deriveKey,
  wrapKey,
  unwrapKey,
  getPublicKey,
};
for (const name of ['encapsulateBits', 'encapsulateKey', 'decapsulateBits',
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
  normalizeDigestAlgorithm,
};
