'use strict';

// node:crypto: hashes, HMAC, random values, key derivation (PBKDF2, scrypt,
// HKDF), symmetric ciphers, KeyObjects, key pairs, signatures, RSA
// encryption, Diffie-Hellman and ECDH, key encapsulation, X.509, SPKAC and
// Web Crypto. setEngine throws ERR_NOT_IMPLEMENTED (see doc/status.md).

const {
  ObjectDefineProperties,
  ObjectDefineProperty,
} = primordials;

const {
  assertCrypto,
  deprecate,
} = require('internal/util');
assertCrypto();

const {
  codes: {
    ERR_CRYPTO_ARGON2_NOT_SUPPORTED,
    ERR_CRYPTO_FIPS_FORCED,
    ERR_WORKER_UNSUPPORTED_OPERATION,
  },
} = require('internal/errors');

const constants = internalBinding('constants').crypto;
const { getOptionValue } = require('internal/options');
const {
  getFipsCrypto,
  setFipsCrypto,
  timingSafeEqual,
} = internalBinding('crypto');

const {
  checkPrime,
  checkPrimeSync,
  generatePrime,
  generatePrimeSync,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
} = require('internal/crypto/random');
const { pbkdf2, pbkdf2Sync } = require('internal/crypto/pbkdf2');
const { scrypt, scryptSync } = require('internal/crypto/scrypt');
const { hkdf, hkdfSync } = require('internal/crypto/hkdf');
const {
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  KeyObject,
} = require('internal/crypto/keys');
const {
  generateKey,
  generateKeyPair,
  generateKeyPairSync,
  generateKeySync,
} = require('internal/crypto/keygen');
const {
  Sign,
  Verify,
  createSign,
  createVerify,
  signOneShot,
  verifyOneShot,
} = require('internal/crypto/sig');
const {
  DiffieHellman,
  DiffieHellmanGroup,
  ECDH,
  diffieHellman,
} = require('internal/crypto/diffiehellman');
const { decapsulate, encapsulate } = require('internal/crypto/kem');
const {
  Cipheriv,
  Decipheriv,
  getCipherInfo,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
} = require('internal/crypto/cipher');
const { Hash, Hmac, hash } = require('internal/crypto/hash');
const {
  getCiphers,
  getCurves,
  getHashes,
  secureHeapUsed,
  setEngine,
} = require('internal/crypto/util');

let webcrypto;
function lazyWebCrypto() {
  webcrypto ??= require('internal/crypto/webcrypto');
  return webcrypto;
}


const Certificate = require('internal/crypto/certificate');
const { X509Certificate } = require('internal/crypto/x509');

function createDiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
}

function createDiffieHellmanGroup(name) {
  return new DiffieHellmanGroup(name);
}

function createECDH(curve) {
  return new ECDH(curve);
}

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}

function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

// Argon2 needs OpenSSL 3.2; this one is older, and Node says so too.
function argon2() {
  throw new ERR_CRYPTO_ARGON2_NOT_SUPPORTED();
}

function getFips() {
  return getOptionValue('--force-fips') ? 1 : getFipsCrypto();
}

function setFips(val) {
  if (!require('internal/worker').isMainThread) {
    throw new ERR_WORKER_UNSUPPORTED_OPERATION('Calling crypto.setFips()');
  }
  if (getOptionValue('--force-fips')) {
    if (val) return;
    throw new ERR_CRYPTO_FIPS_FORCED();
  }
  // As in Node with OpenSSL 3: the default properties ask for FIPS
  // implementations, which fail to fetch without a FIPS provider.
  setFipsCrypto(val);
}

function getRandomValues(array) {
  return lazyWebCrypto().crypto.getRandomValues(array);
}

module.exports = {
  // Functions
  argon2,
  argon2Sync: argon2,
  checkPrime,
  checkPrimeSync,
  createCipheriv,
  createDecipheriv,
  createDiffieHellman,
  createDiffieHellmanGroup,
  createECDH,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  createSign,
  createVerify,
  diffieHellman,
  generatePrime,
  generatePrimeSync,
  getCiphers,
  getCipherInfo,
  getCurves,
  getDiffieHellman: createDiffieHellmanGroup,
  getHashes,
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  generateKeyPair,
  generateKeyPairSync,
  generateKey,
  generateKeySync,
  privateDecrypt,
  privateEncrypt,
  publicDecrypt,
  publicEncrypt,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  scrypt,
  scryptSync,
  sign: signOneShot,
  setEngine,
  timingSafeEqual,
  getFips,
  setFips,
  verify: verifyOneShot,
  hash,
  encapsulate,
  decapsulate,

  // Classes
  Certificate,
  Cipheriv,
  Decipheriv,
  DiffieHellman,
  DiffieHellmanGroup,
  ECDH,
  Hash: deprecate(Hash, 'crypto.Hash constructor is deprecated.', 'DEP0179'),
  Hmac: deprecate(Hmac, 'crypto.Hmac constructor is deprecated.', 'DEP0181'),
  KeyObject,
  Sign,
  Verify,
  X509Certificate,
  secureHeapUsed,
};

ObjectDefineProperty(constants, 'defaultCipherList', {
  __proto__: null,
  get() {
    const value = getOptionValue('--tls-cipher-list') ??
      constants.defaultCoreCipherList;
    ObjectDefineProperty(this, 'defaultCipherList', {
      __proto__: null,
      writable: true,
      configurable: true,
      enumerable: true,
      value,
    });
    return value;
  },
  set(val) {
    ObjectDefineProperty(this, 'defaultCipherList', {
      __proto__: null,
      writable: true,
      configurable: true,
      enumerable: true,
      value: val,
    });
  },
  configurable: true,
  enumerable: true,
});

// prng, pseudoRandomBytes and rng: old names of randomBytes (DEP0115 with
// --pending-deprecation).
function randomBytesAlias(key) {
  return {
    __proto__: null,
    enumerable: false,
    configurable: true,
    get() {
      const value = getOptionValue('--pending-deprecation') ?
        deprecate(randomBytes, `crypto.${key} is deprecated.`, 'DEP0115') :
        randomBytes;
      ObjectDefineProperty(this, key, {
        __proto__: null,
        enumerable: false,
        configurable: true,
        writable: true,
        value,
      });
      return value;
    },
    set(value) {
      ObjectDefineProperty(this, key, {
        __proto__: null,
        enumerable: true,
        configurable: true,
        writable: true,
        value,
      });
    },
  };
}

ObjectDefineProperties(module.exports, {
  fips: {
    __proto__: null,
    get: deprecate(getFips, 'The crypto.fips is deprecated. ' +
      'Please use crypto.getFips()', 'DEP0093'),
    set: deprecate(setFips, 'The crypto.fips is deprecated. ' +
      'Please use crypto.setFips()', 'DEP0093'),
  },
  constants: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: constants,
  },
  webcrypto: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get() { return lazyWebCrypto().crypto; },
    set: undefined,
  },
  subtle: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get() { return lazyWebCrypto().crypto.subtle; },
    set: undefined,
  },
  getRandomValues: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get: () => getRandomValues,
    set: undefined,
  },
  prng: randomBytesAlias('prng'),
  pseudoRandomBytes: randomBytesAlias('pseudoRandomBytes'),
  rng: randomBytesAlias('rng'),
});
