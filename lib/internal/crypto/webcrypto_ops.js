'use strict';

// Web Crypto's operations on keys: encrypt/decrypt (AES-CTR, AES-CBC,
// AES-GCM, RSA-OAEP), AES-KW wrapping, sign/verify (RSASSA-PKCS1-v1_5,
// RSA-PSS, ECDSA, Ed25519, Ed448, HMAC) and deriveBits (ECDH, X25519, X448,
// HKDF, PBKDF2). Each runs as a job on the threadpool; a failure there
// rejects with an OperationError.

const {
  ArrayBuffer,
  MathCeil,
  TypedArrayPrototypeSlice,
  TypedArrayPrototypeGetBuffer,
  Uint8Array,
} = primordials;

const {
  DeriveKeyJob,
  HKDFJob,
  HmacJob,
  KmacJob,
  PBKDF2Job,
  SignJob,
  WebCipherJob,
  kCryptoJobAsync,
} = internalBinding('crypto');

const { lazyDOMException } = require('internal/util');
const {
  codes: {
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');

const {
  jobPromise,
  kHandle,
  kKeyObject,
} = require('internal/crypto/util');

const {
  getSecretKeyBytes,
  kAlgorithm,
} = require('internal/crypto/keys');

const { kHashes, bytesOf } = require('internal/crypto/webcrypto_keys');

const {
  RSA_PKCS1_PADDING,
  RSA_PKCS1_PSS_PADDING,
} = internalBinding('constants').crypto;

const kHashBytes = {
  '__proto__': null,
  'SHA-1': 20, 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64,
  'SHA3-256': 32, 'SHA3-384': 48, 'SHA3-512': 64,
};

const kAesCbc = 0;
const kAesCtr = 1;
const kAesGcm = 2;
const kAesKw = 3;
const kRsaOaep = 4;
const kChaCha20Poly1305 = 5;
const kAesOcb = 6;

function aesKey(key) {
  return getSecretKeyBytes(key[kKeyObject]);
}

function cipher(encrypt, algorithm, key, data) {
  const name = algorithm.name;
  switch (name) {
    case 'RSA-OAEP': {
      const type = encrypt ? 'public' : 'private';
      if (key[kKeyObject].type !== type) {
        throw lazyDOMException(`The requested operation is only valid for ` +
                               `${type} keys`, 'InvalidAccessError');
      }
      return jobPromise(() => new WebCipherJob(
        kCryptoJobAsync, kRsaOaep, encrypt, key[kKeyObject][kHandle], data,
        undefined, undefined, algorithm.label,
        kHashes[key[kAlgorithm].hash.name]));
    }
    case 'AES-CBC':
      if (algorithm.iv.byteLength !== 16) {
        throw lazyDOMException(
          'algorithm.iv must contain exactly 16 bytes', 'OperationError');
      }
      return jobPromise(() => new WebCipherJob(
        kCryptoJobAsync, kAesCbc, encrypt, aesKey(key), data, algorithm.iv));
    case 'AES-CTR':
      if (algorithm.counter.byteLength !== 16) {
        throw lazyDOMException(
          'AES-CTR algorithm.counter must contain exactly 16 bytes',
          'OperationError');
      }
      if (algorithm.length === 0 || algorithm.length > 128) {
        throw lazyDOMException(
          'AES-CTR algorithm.length must be between 1 and 128',
          'OperationError');
      }
      return jobPromise(() => new WebCipherJob(
        kCryptoJobAsync, kAesCtr, encrypt, aesKey(key), data,
        algorithm.counter, algorithm.length));
    case 'AES-GCM': {
      const tagLength = algorithm.tagLength ?? 128;
      if (tagLength !== 32 && tagLength !== 64 && tagLength !== 96 &&
          tagLength !== 104 && tagLength !== 112 && tagLength !== 120 &&
          tagLength !== 128) {
        throw lazyDOMException(
          `${tagLength} is not a valid AES-GCM tag length`, 'OperationError');
      }
      if (!encrypt && data.byteLength < tagLength / 8) {
        throw lazyDOMException('The provided data is too small.',
                               'OperationError');
      }
      return jobPromise(() => new WebCipherJob(
        kCryptoJobAsync, kAesGcm, encrypt, aesKey(key), data, algorithm.iv,
        tagLength / 8, algorithm.additionalData));
    }
    case 'AES-OCB': {
      const tagLength = algorithm.tagLength ?? 128;
      if (tagLength !== 64 && tagLength !== 96 && tagLength !== 128) {
        throw lazyDOMException(
          `${tagLength} is not a valid AES-OCB tag length`, 'OperationError');
      }
      if (algorithm.iv.byteLength < 1 || algorithm.iv.byteLength > 15) {
        throw lazyDOMException(
          'algorithm.iv must contain between 1 and 15 bytes',
          'OperationError');
      }
      if (!encrypt && data.byteLength < tagLength / 8) {
        throw lazyDOMException('The provided data is too small.',
                               'OperationError');
      }
      return jobPromise(() => new WebCipherJob(
        kCryptoJobAsync, kAesOcb, encrypt, aesKey(key), data, algorithm.iv,
        tagLength / 8, algorithm.additionalData));
    }
    case 'ChaCha20-Poly1305': {
      const tagLength = algorithm.tagLength ?? 128;
      if (tagLength !== 128) {
        throw lazyDOMException(
          `${tagLength} is not a valid ChaCha20-Poly1305 tag length`,
          'OperationError');
      }
      if (algorithm.iv.byteLength !== 12) {
        throw lazyDOMException(
          'algorithm.iv must contain exactly 12 bytes', 'OperationError');
      }
      if (!encrypt && data.byteLength < 16) {
        throw lazyDOMException('The provided data is too small.',
                               'OperationError');
      }
      return jobPromise(() => new WebCipherJob(
        kCryptoJobAsync, kChaCha20Poly1305, encrypt, aesKey(key), data,
        algorithm.iv, 16, algorithm.additionalData));
    }
    case 'AES-KW':
      if (data.byteLength % 8 !== 0) {
        throw lazyDOMException('Data must be a multiple of 8 bytes',
                               'OperationError');
      }
      return jobPromise(() => new WebCipherJob(
        kCryptoJobAsync, kAesKw, encrypt, aesKey(key), data));
  }
  throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
}

function signVerify(verify, algorithm, key, data, signature) {
  const name = algorithm.name;
  const keyObject = key[kKeyObject];
  const needed = verify ? 'public' : 'private';
  if (name === 'KMAC128' || name === 'KMAC256') {
    if (algorithm.length % 8) {
      throw lazyDOMException('Unsupported KMAC length', 'NotSupportedError');
    }
    return jobPromise(() => new KmacJob(
      kCryptoJobAsync, verify, name === 'KMAC128' ? 'KMAC-128' : 'KMAC-256',
      getSecretKeyBytes(keyObject), data, algorithm.length / 8,
      algorithm.customization, signature));
  }
  if (name === 'HMAC') {
    return jobPromise(() => new HmacJob(
      kCryptoJobAsync, verify, kHashes[key[kAlgorithm].hash.name],
      getSecretKeyBytes(keyObject), data, signature));
  }
  if (keyObject.type !== needed) {
    throw lazyDOMException(`Unable to use this key to ${verify ? 'verify' :
      'sign'}`, 'InvalidAccessError');
  }
  let digest;
  let padding;
  let saltLength;
  let dsaEncoding = 0;
  switch (name) {
    case 'RSASSA-PKCS1-v1_5':
      digest = kHashes[key[kAlgorithm].hash.name];
      padding = RSA_PKCS1_PADDING;
      break;
    case 'RSA-PSS': {
      digest = kHashes[key[kAlgorithm].hash.name];
      padding = RSA_PKCS1_PSS_PADDING;
      saltLength = algorithm.saltLength;
      const max = MathCeil((key[kAlgorithm].modulusLength - 1) / 8) -
        kHashBytes[key[kAlgorithm].hash.name] - 2;
      if (saltLength > max) {
        throw lazyDOMException(
          'The operation failed for an operation-specific reason',
          { name: 'OperationError',
            cause: new ERR_OUT_OF_RANGE('algorithm.saltLength',
                                        `>= 0 && <= ${max}`, saltLength) });
      }
      break;
    }
    case 'ECDSA':
      digest = kHashes[algorithm.hash.name];
      dsaEncoding = 1;
      break;
    case 'Ed448':
      if (algorithm.context !== undefined &&
          algorithm.context.byteLength !== 0) {
        throw lazyDOMException('Non zero-length context is not yet supported.',
                               'NotSupportedError');
      }
      break;
  }
  return jobPromise(() => new SignJob(
    kCryptoJobAsync, verify, keyObject[kHandle], data, digest,
    verify ? signature : undefined, padding, saltLength, dsaEncoding));
}

// Keeps the first `length` bits of `ab` (the rest of a last partial byte
// cleared).
function truncateBits(ab, length) {
  if (length === null) return ab;
  const bytes = new Uint8Array(ab);
  if (length > bytes.length * 8) {
    throw lazyDOMException('derived bit length is too small',
                           'OperationError');
  }
  const out = TypedArrayPrototypeSlice(bytes, 0, MathCeil(length / 8));
  if (length % 8) {
    out[out.length - 1] &= (0xff << (8 - (length % 8))) & 0xff;
  }
  return TypedArrayPrototypeGetBuffer(out);
}

async function deriveBits(algorithm, baseKey, length) {
  const name = algorithm.name;
  switch (name) {
    case 'ECDH':
    case 'X25519':
    case 'X448': {
      const publicKey = algorithm.public;
      if (publicKey.type !== 'public') {
        throw lazyDOMException('algorithm.public must be a public key',
                               'InvalidAccessError');
      }
      if (baseKey.type !== 'private') {
        throw lazyDOMException('baseKey must be a private key',
                               'InvalidAccessError');
      }
      if (publicKey[kAlgorithm].name !== name) {
        throw lazyDOMException('key algorithm mismatch',
                               'InvalidAccessError');
      }
      if (name === 'ECDH' && publicKey[kAlgorithm].namedCurve !==
          baseKey[kAlgorithm].namedCurve) {
        throw lazyDOMException('Named curve mismatch', 'InvalidAccessError');
      }
      const bits = await jobPromise(() => new DeriveKeyJob(
        kCryptoJobAsync, baseKey[kKeyObject][kHandle],
        publicKey[kKeyObject][kHandle]));
      return truncateBits(bits, length ?? null);
    }
    case 'HKDF': {
      if (length === null || length === undefined) {
        throw lazyDOMException('length cannot be null', 'OperationError');
      }
      if (length % 8) {
        throw lazyDOMException('length must be a multiple of 8',
                               'OperationError');
      }
      if (length === 0) return new ArrayBuffer(0);
      return jobPromise(() => new HKDFJob(
        kCryptoJobAsync, kHashes[algorithm.hash.name],
        getSecretKeyBytes(baseKey[kKeyObject]), algorithm.salt,
        algorithm.info, length / 8));
    }
    case 'PBKDF2': {
      if (length === null || length === undefined) {
        throw lazyDOMException('length cannot be null', 'OperationError');
      }
      if (length % 8) {
        throw lazyDOMException('length must be a multiple of 8',
                               'OperationError');
      }
      if (algorithm.iterations === 0) {
        throw lazyDOMException('iterations cannot be zero',
                               'OperationError');
      }
      return jobPromise(() => new PBKDF2Job(
        kCryptoJobAsync, getSecretKeyBytes(baseKey[kKeyObject]),
        algorithm.salt, algorithm.iterations, length / 8,
        kHashes[algorithm.hash.name]));
    }
  }
  throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
}

module.exports = {
  bytesOf,
  cipher,
  deriveBits,
  signVerify,
};
