'use strict';

// Web Crypto's algorithms and keys: normalizeAlgorithm (the dictionaries
// each operation takes), generateKey, importKey, exportKey and
// KeyObject.prototype.toCryptoKey. CryptoKeys wrap KeyObjects; the key
// material never leaves them.

const {
  ArrayBufferIsView,
  ArrayBufferPrototypeSlice,
  ArrayIsArray,
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  JSONParse,
  JSONStringify,
  MathFloor,
  NumberIsFinite,
  ObjectFreeze,
  ObjectKeys,
  SafeSet,
  StringPrototypeStartsWith,
  StringPrototypeToUpperCase,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeSlice,
  Uint8Array,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');

const { lazyDOMException } = require('internal/util');

const {
  isAnyArrayBuffer,
  isArrayBufferView,
} = require('internal/util/types');

const {
  KeyPairGenJob,
  kCryptoJobAsync,
  keyFromRaw,
  parseKey,
} = internalBinding('crypto');

const {
  InternalCryptoKey,
  PrivateKeyObject,
  PublicKeyObject,
  getSecretKeyBytes,
  isCryptoKey,
  kAlgorithm,
  kExtractable,
  kKeyUsages,
  secretKeyFromBytes,
  createPublicKey,
  createPrivateKey,
} = require('internal/crypto/keys');

const {
  jobPromise,
  kHandle,
  kKeyObject,
} = require('internal/crypto/util');

// --- Normalization ----------------------------------------------------------

const kHashes = {
  '__proto__': null,
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
  'SHA3-256': 'sha3-256',
  'SHA3-384': 'sha3-384',
  'SHA3-512': 'sha3-512',
};

const kCurves = {
  '__proto__': null,
  'P-256': 'prime256v1',
  'P-384': 'secp384r1',
  'P-521': 'secp521r1',
};

// The dictionary each operation takes for each algorithm: its members and
// whether they are required. `null` means the bare Algorithm dictionary.
const kRsaGen = { type: 'RsaHashedKeyGenParams',
                  members: { modulusLength: 'ulong', publicExponent: 'bigint',
                             hash: 'hash' } };
const kRsaImport = { type: 'RsaHashedImportParams', members: { hash: 'hash' } };
const kEcGen = { type: 'EcKeyGenParams', members: { namedCurve: 'string' } };
const kEcImport = { type: 'EcKeyImportParams',
                    members: { namedCurve: 'string' } };
const kAesGen = { type: 'AesKeyGenParams', members: { length: 'ushort' } };
const kHmacGen = { type: 'HmacKeyGenParams',
                   members: { hash: 'hash', length: '?ulong' } };
const kHmacImport = { type: 'HmacImportParams',
                      members: { hash: 'hash', length: '?ulong' } };
const kAesDerived = { type: 'AesDerivedKeyParams',
                      members: { length: 'ushort' } };
const kKmacGen = { type: 'KmacKeyGenParams', members: { length: '?ulong' } };
const kKmacImport = { type: 'KmacImportParams',
                      members: { length: '?ulong' } };
const kAead = { type: 'AeadParams',
                members: { iv: 'buffer', additionalData: '?buffer',
                           tagLength: '?octet' } };

const kOperations = {
  '__proto__': null,
  'generateKey': {
    'RSASSA-PKCS1-v1_5': kRsaGen, 'RSA-PSS': kRsaGen, 'RSA-OAEP': kRsaGen,
    'ECDSA': kEcGen, 'ECDH': kEcGen,
    'Ed25519': null, 'Ed448': null, 'X25519': null, 'X448': null,
    'HMAC': kHmacGen,
    'AES-CTR': kAesGen, 'AES-CBC': kAesGen, 'AES-GCM': kAesGen,
    'AES-KW': kAesGen, 'AES-OCB': kAesGen, 'ChaCha20-Poly1305': null,
    'KMAC128': kKmacGen, 'KMAC256': kKmacGen,
  },
  'importKey': {
    'RSASSA-PKCS1-v1_5': kRsaImport, 'RSA-PSS': kRsaImport,
    'RSA-OAEP': kRsaImport,
    'ECDSA': kEcImport, 'ECDH': kEcImport,
    'Ed25519': null, 'Ed448': null, 'X25519': null, 'X448': null,
    'HMAC': kHmacImport,
    'AES-CTR': null, 'AES-CBC': null, 'AES-GCM': null, 'AES-KW': null,
    'AES-OCB': null, 'ChaCha20-Poly1305': null,
    'KMAC128': kKmacImport, 'KMAC256': kKmacImport,
    'PBKDF2': null, 'HKDF': null,
  },
  'sign': {
    'RSASSA-PKCS1-v1_5': null,
    'RSA-PSS': { type: 'RsaPssParams', members: { saltLength: 'ulong' } },
    'ECDSA': { type: 'EcdsaParams', members: { hash: 'hash' } },
    'Ed25519': null,
    'Ed448': { type: 'Ed448Params', members: { context: '?buffer' } },
    'HMAC': null,
    'KMAC128': { type: 'KmacParams',
                 members: { length: 'ulong', customization: '?buffer' } },
    'KMAC256': { type: 'KmacParams',
                 members: { length: 'ulong', customization: '?buffer' } },
  },
  'encrypt': {
    'RSA-OAEP': { type: 'RsaOaepParams', members: { label: '?buffer' } },
    'AES-CTR': { type: 'AesCtrParams',
                 members: { counter: 'buffer', length: 'octet' } },
    'AES-CBC': { type: 'AesCbcParams', members: { iv: 'buffer' } },
    'AES-GCM': { type: 'AesGcmParams',
                 members: { iv: 'buffer', additionalData: '?buffer',
                            tagLength: '?octet' } },
    'AES-OCB': kAead,
    'ChaCha20-Poly1305': kAead,
  },
  'wrapKey': {
    'AES-KW': null,
  },
  'deriveBits': {
    'ECDH': { type: 'EcdhKeyDeriveParams', members: { public: 'key' } },
    'X25519': { type: 'EcdhKeyDeriveParams', members: { public: 'key' } },
    'X448': { type: 'EcdhKeyDeriveParams', members: { public: 'key' } },
    'HKDF': { type: 'HkdfParams',
              members: { hash: 'hash', salt: 'buffer', info: 'buffer' } },
    'PBKDF2': { type: 'Pbkdf2Params',
                members: { hash: 'hash', salt: 'buffer',
                           iterations: 'ulong' } },
  },
  'get key length': {
    'AES-CTR': kAesDerived, 'AES-CBC': kAesDerived, 'AES-GCM': kAesDerived,
    'AES-KW': kAesDerived, 'AES-OCB': kAesDerived,
    'ChaCha20-Poly1305': null,
    'HMAC': kHmacImport,
    'KMAC128': kKmacImport, 'KMAC256': kKmacImport,
    'HKDF': null, 'PBKDF2': null,
  },
};
// exportKey takes the algorithms importKey does, with no parameters
// (SubtleCrypto.supports asks about it).
kOperations.exportKey = { '__proto__': null };
for (const name of ObjectKeys(kOperations.importKey)) {
  kOperations.exportKey[name] = null;
}
kOperations.verify = kOperations.sign;
kOperations.decrypt = kOperations.encrypt;
kOperations.unwrapKey = kOperations.wrapKey;

function normalizeError(message) {
  const err = new ERR_INVALID_ARG_TYPE('algorithm', 'object', undefined);
  err.message = `Failed to normalize algorithm: ${message}`;
  return err;
}

function copyBuffer(value) {
  if (isAnyArrayBuffer(value)) {
    return new Uint8Array(ArrayBufferPrototypeSlice(value, 0));
  }
  return TypedArrayPrototypeSlice(new Uint8Array(
    value.buffer, value.byteOffset, value.byteLength));
}

function convertMember(kind, value, key, type, op) {
  const optional = kind[0] === '?';
  if (optional) kind = kind.slice(1);
  if (value === undefined) {
    if (optional) return undefined;
    const err = normalizeError(
      `passed algorithm can not be converted to '${type}' because ` +
      `'${key}' is required in '${type}'.`);
    err.code = 'ERR_MISSING_OPTION';
    throw err;
  }
  switch (kind) {
    case 'hash':
      return normalizeHash(value);
    case 'string':
      return `${value}`;
    case 'ulong':
    case 'ushort':
    case 'octet': {
      // Web Crypto's numbers are [EnforceRange]: no wrapping around.
      const max = kind === 'octet' ? 0xff : kind === 'ushort' ? 0xffff :
        0xffffffff;
      let n = +value;
      if (!NumberIsFinite(n)) {
        throw normalizeError(`${key} is not a finite number.`);
      }
      n = n < 0 ? -MathFloor(-n) : MathFloor(n);
      if (n < 0 || n > max) {
        throw normalizeError(`${key} is outside the accepted range of 0 to ` +
                             `${max}, inclusive.`);
      }
      return n;
    }
    case 'bigint':
      if (!(value instanceof Uint8Array)) {
        throw normalizeError(`'${key}' of '${type}' is not an instance of ` +
                             'Uint8Array.');
      }
      return copyBuffer(value);
    case 'buffer':
      if (!isAnyArrayBuffer(value) && !isArrayBufferView(value)) {
        throw normalizeError(`'${key}' of '${type}' is not an instance of ` +
                             'ArrayBuffer, Buffer, TypedArray, or DataView.');
      }
      return copyBuffer(value);
    case 'key':
      if (!isCryptoKey(value)) {
        throw normalizeError(`'${key}' of '${type}' is not of type ` +
                             "'CryptoKey'.");
      }
      return value;
  }
}

function normalizeHash(hash) {
  const name = typeof hash === 'object' && hash !== null ? hash.name : hash;
  if (typeof hash === 'object' && hash !== null && name === undefined) {
    throw normalizeError("'name' is required in 'Algorithm'.");
  }
  const upper = StringPrototypeToUpperCase(`${name}`);
  for (const known of ObjectKeys(kHashes)) {
    if (known === upper) return { name: known };
  }
  throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
}

// The algorithm's canonical dictionary for `op`, a new object (the input is
// never changed).
function normalizeAlgorithm(algorithm, op) {
  if (typeof algorithm === 'string') {
    return normalizeAlgorithm({ name: algorithm }, op);
  }
  if (typeof algorithm !== 'object' || algorithm === null) {
    throw normalizeError('passed algorithm is not an object.');
  }
  if (op === 'digest') {
    const { normalizeDigestAlgorithm } = require('internal/crypto/webcrypto');
    return normalizeDigestAlgorithm(algorithm);
  }
  const name = algorithm.name;
  if (name === undefined) {
    throw normalizeError("'name' is required in 'Algorithm'.");
  }
  const registered = kOperations[op];
  const upper = StringPrototypeToUpperCase(`${name}`);
  let canonical;
  for (const known of ObjectKeys(registered)) {
    if (StringPrototypeToUpperCase(known) === upper) canonical = known;
  }
  if (canonical === undefined) {
    throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  }
  const dict = registered[canonical];
  const result = { name: canonical };
  if (dict !== null) {
    for (const key of ObjectKeys(dict.members)) {
      const value = convertMember(dict.members[key], algorithm[key], key,
                                  dict.type, op);
      if (value !== undefined) result[key] = value;
    }
  }
  return result;
}

// --- Helpers ----------------------------------------------------------------

const kUsageOrder = ['encrypt', 'decrypt', 'sign', 'verify', 'deriveKey',
                     'deriveBits', 'wrapKey', 'unwrapKey'];

// The usages in the given order without duplicates; SyntaxError if one is
// not allowed (`allowed`).
function checkUsages(usages, allowed, label) {
  if (!ArrayIsArray(usages)) {
    throw new ERR_INVALID_ARG_TYPE('keyUsages', 'Array', usages);
  }
  const seen = new SafeSet();
  const list = [];
  for (const usage of usages) {
    const u = `${usage}`;
    if (!ArrayPrototypeIncludes(kUsageOrder, u)) {
      throw new ERR_INVALID_ARG_TYPE('keyUsages', 'KeyUsage[]', usages);
    }
    if (!ArrayPrototypeIncludes(allowed, u)) {
      throw lazyDOMException(`Unsupported key usage for ${label}`,
                             'SyntaxError');
    }
    if (!seen.has(u)) {
      seen.add(u);
      ArrayPrototypePush(list, u);
    }
  }
  return list;
}

function usageLabel(name) {
  if (name.startsWith('AES')) return 'an AES key';
  if (name === 'HMAC') return 'HMAC key';
  if (name.startsWith('KMAC')) return 'a KMAC key';
  if (name === 'ECDSA' || name === 'ECDH') return `an ${name} key`;
  return `a ${name} key`;
}

function createKey(keyObject, algorithm, extractable, usages) {
  return new InternalCryptoKey(keyObject, ObjectFreeze(algorithm),
                               ObjectFreeze(usages), !!extractable);
}

function keyAlgorithmCopy(algorithm) {
  const copy = { ...algorithm };
  if (copy.hash) copy.hash = { ...copy.hash };
  if (copy.publicExponent) copy.publicExponent = copyBuffer(copy.publicExponent);
  return copy;
}

function isSecretAlgorithm(name) {
  return name === 'HMAC' || name === 'PBKDF2' || name === 'HKDF' ||
    name.startsWith('AES') || name.startsWith('KMAC') ||
    name === 'ChaCha20-Poly1305';
}

// Algorithms newer than Web Crypto's first version take 'raw-secret' only.
function isModernSecret(name) {
  return name === 'AES-OCB' || name === 'ChaCha20-Poly1305' ||
    name.startsWith('KMAC');
}

const kPublicUsages = {
  '__proto__': null,
  'RSASSA-PKCS1-v1_5': ['verify'], 'RSA-PSS': ['verify'],
  'RSA-OAEP': ['encrypt', 'wrapKey'],
  'ECDSA': ['verify'], 'Ed25519': ['verify'], 'Ed448': ['verify'],
  'ECDH': [], 'X25519': [], 'X448': [],
};
const kPrivateUsages = {
  '__proto__': null,
  'RSASSA-PKCS1-v1_5': ['sign'], 'RSA-PSS': ['sign'],
  'RSA-OAEP': ['decrypt', 'unwrapKey'],
  'ECDSA': ['sign'], 'Ed25519': ['sign'], 'Ed448': ['sign'],
  'ECDH': ['deriveKey', 'deriveBits'], 'X25519': ['deriveKey', 'deriveBits'],
  'X448': ['deriveKey', 'deriveBits'],
};
const kSecretUsages = {
  '__proto__': null,
  'AES-CTR': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-CBC': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-GCM': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'AES-KW': ['wrapKey', 'unwrapKey'],
  'AES-OCB': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'ChaCha20-Poly1305': ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
  'HMAC': ['sign', 'verify'],
  'KMAC128': ['sign', 'verify'],
  'KMAC256': ['sign', 'verify'],
  'PBKDF2': ['deriveKey', 'deriveBits'],
  'HKDF': ['deriveKey', 'deriveBits'],
};

function bytesOf(data) {
  if (isAnyArrayBuffer(data)) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function toArrayBuffer(buf) {
  const bytes = bytesOf(buf);
  return TypedArrayPrototypeGetBuffer(TypedArrayPrototypeSlice(bytes));
}

function exponentValue(bytes) {
  let value = 0;
  for (let i = 0; i < bytes.length; i++) value = value * 256 + bytes[i];
  return value;
}

// --- generateKey ------------------------------------------------------------

async function generateKey(algorithm, extractable, keyUsages) {
  const name = algorithm.name;
  if (isSecretAlgorithm(name)) {
    const usages = checkUsages(keyUsages, kSecretUsages[name],
                               usageLabel(name));
    if (usages.length === 0) {
      throw lazyDOMException('Usages cannot be empty when creating a key.',
                             'SyntaxError');
    }
    let length;
    const keyAlgorithm = { name };
    if (name === 'HMAC') {
      length = algorithm.length ?? hashBlockBits(algorithm.hash.name);
      if (length === 0) {
        throw lazyDOMException('Zero-length key is not supported',
                               'OperationError');
      }
      keyAlgorithm.length = length;
      keyAlgorithm.hash = algorithm.hash;
    } else if (name.startsWith('KMAC')) {
      length = algorithm.length ?? (name === 'KMAC128' ? 128 : 256);
      if (length === 0) {
        throw lazyDOMException('Zero-length key is not supported',
                               'OperationError');
      }
      keyAlgorithm.length = length;
    } else if (name === 'ChaCha20-Poly1305') {
      length = 256;
    } else {
      length = algorithm.length;
      if (length !== 128 && length !== 192 && length !== 256) {
        throw lazyDOMException(
          'AES key length must be 128, 192, or 256 bits', 'OperationError');
      }
      keyAlgorithm.length = length;
    }
    const { randomBytes } = require('internal/crypto/random');
    const bytes = await new Promise((resolve, reject) => {
      randomBytes(MathFloor((length + 7) / 8), (err, buf) => {
        if (err) reject(err); else resolve(buf);
      });
    });
    const keyBytes = TypedArrayPrototypeSlice(bytesOf(bytes));
    return createKey(secretKeyFromBytes(keyBytes), keyAlgorithm, extractable,
                     usages);
  }

  const publicAllowed = kPublicUsages[name];
  const privateAllowed = kPrivateUsages[name];
  const usages = checkUsages(
    keyUsages, [...publicAllowed, ...privateAllowed], usageLabel(name));
  let jobArgs;
  const keyAlgorithm = { name };
  switch (name) {
    case 'RSASSA-PKCS1-v1_5':
    case 'RSA-PSS':
    case 'RSA-OAEP': {
      const exponent = exponentValue(algorithm.publicExponent);
      let significant = algorithm.publicExponent.length;
      for (const byte of algorithm.publicExponent) {
        if (byte !== 0) break;
        significant--;
      }
      if (significant > 4) {
        throw lazyDOMException('The publicExponent must be equivalent to an ' +
                               'unsigned 32-bit value', 'OperationError');
      }
      if (exponent < 3 || exponent % 2 === 0) {
        throw lazyDOMException('The operation failed for an ' +
                               'operation-specific reason', 'OperationError');
      }
      jobArgs = ['rsa', algorithm.modulusLength, exponent];
      keyAlgorithm.modulusLength = algorithm.modulusLength;
      keyAlgorithm.publicExponent = algorithm.publicExponent;
      keyAlgorithm.hash = algorithm.hash;
      break;
    }
    case 'ECDSA':
    case 'ECDH': {
      const curve = kCurves[algorithm.namedCurve];
      if (curve === undefined) {
        throw lazyDOMException('Unrecognized namedCurve', 'NotSupportedError');
      }
      jobArgs = ['ec', curve, false];
      keyAlgorithm.namedCurve = algorithm.namedCurve;
      break;
    }
    default:
      jobArgs = [StringPrototypeToLowerCase(name)];
  }
  const privateUsages = ArrayPrototypeFilter(
    usages, (u) => ArrayPrototypeIncludes(privateAllowed, u));
  if (privateUsages.length === 0) {
    throw lazyDOMException('Usages cannot be empty when creating a key.',
                           'SyntaxError');
  }
  const publicUsages = ArrayPrototypeFilter(
    usages, (u) => ArrayPrototypeIncludes(publicAllowed, u));
  const handles = await jobPromise(
    () => new KeyPairGenJob(kCryptoJobAsync, ...jobArgs));
  return {
    publicKey: createKey(new PublicKeyObject(handles[0]),
                         keyAlgorithmCopy(keyAlgorithm), true, publicUsages),
    privateKey: createKey(new PrivateKeyObject(handles[1]),
                          keyAlgorithmCopy(keyAlgorithm), extractable,
                          privateUsages),
  };
}

function StringPrototypeToLowerCase(s) {
  return s.toLowerCase();
}

// The block size of each hash, HMAC's default key length.
function hashBlockBits(hash) {
  switch (hash) {
    case 'SHA-1':
    case 'SHA-256':
      return 512;
    case 'SHA3-256':
      return 1088;
    case 'SHA3-384':
      return 832;
    case 'SHA3-512':
      return 576;
    default:
      return 1024;
  }
}

// --- importKey --------------------------------------------------------------

const kJwkAlg = {
  '__proto__': null,
  'RSASSA-PKCS1-v1_5': { 'SHA-1': 'RS1', 'SHA-256': 'RS256',
                         'SHA-384': 'RS384', 'SHA-512': 'RS512' },
  'RSA-PSS': { 'SHA-1': 'PS1', 'SHA-256': 'PS256', 'SHA-384': 'PS384',
               'SHA-512': 'PS512' },
  'RSA-OAEP': { 'SHA-1': 'RSA-OAEP', 'SHA-256': 'RSA-OAEP-256',
                'SHA-384': 'RSA-OAEP-384', 'SHA-512': 'RSA-OAEP-512' },
  'HMAC': { 'SHA-1': 'HS1', 'SHA-256': 'HS256', 'SHA-384': 'HS384',
            'SHA-512': 'HS512' },
};

function aesJwkAlg(name, bits) {
  const suffix = { 'AES-CTR': 'CTR', 'AES-CBC': 'CBC', 'AES-GCM': 'GCM',
                   'AES-KW': 'KW', 'AES-OCB': 'OCB' }[name];
  return `A${bits}${suffix}`;
}

// The JWK "alg" of a secret key of `bits` bits.
function secretJwkAlg(name, algorithm, bits) {
  if (name === 'HMAC') return kJwkAlg.HMAC[algorithm.hash.name];
  if (name === 'ChaCha20-Poly1305') return 'C20P';
  if (name === 'KMAC128') return 'K128';
  if (name === 'KMAC256') return 'K256';
  return aesJwkAlg(name, bits);
}

function ecJwkAlg(name, curve) {
  if (name !== 'ECDSA') return undefined;
  return { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' }[curve];
}

function checkJwkCommon(jwk, usages, extractable, expectedUse) {
  if (jwk.use !== undefined && jwk.use !== expectedUse) {
    throw lazyDOMException('Invalid JWK "use" Parameter', 'DataError');
  }
  if (jwk.key_ops !== undefined) {
    if (!ArrayIsArray(jwk.key_ops)) {
      throw lazyDOMException('Invalid JWK "key_ops" Parameter', 'DataError');
    }
    for (const usage of usages) {
      if (!ArrayPrototypeIncludes(jwk.key_ops, usage)) {
        throw lazyDOMException('Key operations and usage mismatch',
                               'DataError');
      }
    }
  }
  if (jwk.ext !== undefined && jwk.ext === false && extractable) {
    throw lazyDOMException('JWK "ext" Parameter and extractable mismatch',
                           'DataError');
  }
}

function decodeB64(value, what) {
  if (typeof value !== 'string') {
    throw lazyDOMException(`Invalid keyData: ${what}`, 'DataError');
  }
  const { Buffer } = require('buffer');
  return Buffer.from(value, 'base64url');
}

function keyBytesView(keyData) {
  if (!isAnyArrayBuffer(keyData) && !ArrayBufferIsView(keyData)) {
    throw new ERR_INVALID_ARG_TYPE(
      'keyData', ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
      keyData);
  }
  return copyBuffer(keyData);
}

function importSecret(format, keyData, algorithm, extractable, usages) {
  const name = algorithm.name;
  let bytes;
  if (format === 'raw') {
    bytes = keyBytesView(keyData);
  } else if (format === 'jwk' && name !== 'PBKDF2' && name !== 'HKDF') {
    const jwk = keyData;
    if (jwk === null || typeof jwk !== 'object') {
      throw lazyDOMException('Invalid keyData', 'DataError');
    }
    if (jwk.kty === undefined) {
      throw lazyDOMException('Invalid keyData', 'DataError');
    }
    if (jwk.kty !== 'oct') {
      throw lazyDOMException('Invalid JWK "kty" Parameter', 'DataError');
    }
    checkJwkCommon(jwk, usages, extractable,
                   name === 'HMAC' || name.startsWith('KMAC') ? 'sig' : 'enc');
    bytes = new Uint8Array(decodeB64(jwk.k, 'k'));
    if (jwk.alg !== undefined) {
      const expected = secretJwkAlg(name, algorithm, bytes.length * 8);
      // SHA-3 has no registered "alg": then any is accepted.
      if (expected !== undefined && jwk.alg !== expected) {
        throw lazyDOMException('JWK "alg" does not match the requested ' +
                               'algorithm', 'DataError');
      }
    }
  } else {
    throw lazyDOMException(`Unable to import ${name} key with format ` +
                           `${format}`, 'NotSupportedError');
  }
  const keyAlgorithm = { name };
  if (name === 'HMAC') {
    if (bytes.length === 0) {
      throw lazyDOMException('Zero-length key is not supported', 'DataError');
    }
    let length = bytes.length * 8;
    if (algorithm.length !== undefined) {
      if (algorithm.length === 0) {
        throw lazyDOMException('HmacImportParams.length cannot be 0',
                               'DataError');
      }
      if (algorithm.length > length) {
        throw lazyDOMException('Invalid key length', 'DataError');
      }
      if (algorithm.length !== length) {
        throw lazyDOMException('Unsupported HmacImportParams.length',
                               'NotSupportedError');
      }
      length = algorithm.length;
    }
    keyAlgorithm.length = length;
    keyAlgorithm.hash = algorithm.hash;
  } else if (name.startsWith('KMAC')) {
    if (bytes.length === 0) {
      throw lazyDOMException('Zero-length key is not supported', 'DataError');
    }
    const length = bytes.length * 8;
    if (algorithm.length === 0) {
      throw lazyDOMException('KmacImportParams.length cannot be 0',
                             'DataError');
    }
    if (algorithm.length !== undefined && algorithm.length > length) {
      throw lazyDOMException('Invalid key length', 'DataError');
    }
    if (algorithm.length !== undefined && algorithm.length !== length) {
      throw lazyDOMException('Unsupported KmacImportParams.length',
                             'NotSupportedError');
    }
    keyAlgorithm.length = length;
  } else if (name === 'ChaCha20-Poly1305') {
    if (bytes.length !== 32) {
      throw lazyDOMException('Invalid key length', 'DataError');
    }
  } else if (name.startsWith('AES')) {
    const bits = bytes.length * 8;
    if (bits !== 128 && bits !== 192 && bits !== 256) {
      throw lazyDOMException('Invalid key length', 'DataError');
    }
    keyAlgorithm.length = bits;
  } else if (extractable) {
    throw lazyDOMException(`${name} keys are not extractable`, 'SyntaxError');
  }
  return createKey(secretKeyFromBytes(bytes), keyAlgorithm, extractable,
                   usages);
}

const kOkpTypes = {
  '__proto__': null,
  'Ed25519': 'ed25519', 'Ed448': 'ed448', 'X25519': 'x25519', 'X448': 'x448',
};

function asymmetricKeyFromFormat(format, keyData, algorithm) {
  const name = algorithm.name;
  if (format === 'spki' || format === 'pkcs8') {
    const bytes = keyBytesView(keyData);
    const isPrivate = format === 'pkcs8';
    let handle;
    try {
      handle = parseKey(isPrivate, bytes, 'der', isPrivate ? 'pkcs8' : 'spki');
    } catch (err) {
      throw lazyDOMException('Invalid keyData', { name: 'DataError',
                                                  cause: err });
    }
    return isPrivate ? new PrivateKeyObject(handle) :
      new PublicKeyObject(handle);
  }
  if (format === 'raw') {
    const bytes = keyBytesView(keyData);
    let handle;
    if (name === 'ECDSA' || name === 'ECDH') {
      const curve = kCurves[algorithm.namedCurve];
      if (curve === undefined) {
        throw lazyDOMException('Unrecognized namedCurve', 'NotSupportedError');
      }
      handle = keyFromRaw(`ec:${curve}`, false, bytes);
    } else if (kOkpTypes[name] !== undefined) {
      handle = keyFromRaw(kOkpTypes[name], false, bytes);
    } else {
      throw lazyDOMException(`Unable to import ${name} key with format raw`,
                             'NotSupportedError');
    }
    if (handle === undefined) {
      throw lazyDOMException('Invalid keyData', 'DataError');
    }
    return new PublicKeyObject(handle);
  }
  if (format === 'jwk') {
    const jwk = keyData;
    if (jwk === null || typeof jwk !== 'object') {
      throw lazyDOMException('Invalid keyData', 'DataError');
    }
    const isPrivate = jwk.d !== undefined;
    if (jwk.kty === undefined) {
      throw lazyDOMException('Invalid keyData', 'DataError');
    }
    let expectedKty;
    if (name.startsWith('RSA')) expectedKty = 'RSA';
    else if (name === 'ECDSA' || name === 'ECDH') expectedKty = 'EC';
    else expectedKty = 'OKP';
    if (jwk.kty !== expectedKty) {
      throw lazyDOMException('Invalid JWK "kty" Parameter', 'DataError');
    }
    if (expectedKty === 'EC' && jwk.crv !== algorithm.namedCurve) {
      throw lazyDOMException('JWK "crv" does not match the requested ' +
                             'algorithm', 'DataError');
    }
    if (expectedKty === 'OKP' && jwk.crv !== name) {
      throw lazyDOMException('JWK "crv" Parameter and algorithm name ' +
                             'mismatch', 'DataError');
    }
    if (jwk.alg !== undefined) {
      let expected;
      if (expectedKty === 'RSA') {
        expected = kJwkAlg[name][algorithm.hash.name];
      } else if (expectedKty === 'EC') {
        expected = ecJwkAlg(name, algorithm.namedCurve);
      } else {
        expected = name.startsWith('Ed') ? 'EdDSA' : undefined;
        if (expected === 'EdDSA' && jwk.alg === name) expected = name;
      }
      if (expected !== undefined && jwk.alg !== expected) {
        throw lazyDOMException('JWK "alg" does not match the requested ' +
                               'algorithm', 'DataError');
      }
    }
    try {
      const key = { key: jwk, format: 'jwk' };
      return isPrivate ? createPrivateKey(key) : createPublicKey(key);
    } catch (err) {
      throw lazyDOMException('Invalid keyData', { name: 'DataError',
                                                  cause: err });
    }
  }
  throw lazyDOMException(`Unable to import ${name} key with format ` +
                         `${format}`, 'NotSupportedError');
}

const kKeyTypes = {
  '__proto__': null,
  'RSASSA-PKCS1-v1_5': 'rsa', 'RSA-PSS': 'rsa', 'RSA-OAEP': 'rsa',
  'ECDSA': 'ec', 'ECDH': 'ec',
  'Ed25519': 'ed25519', 'Ed448': 'ed448', 'X25519': 'x25519', 'X448': 'x448',
};

// A CryptoKey for an asymmetric KeyObject under `algorithm`, after the
// checks importKey makes.
function asymmetricCryptoKey(keyObject, algorithm, extractable, keyUsages,
                             format, jwk) {
  const name = algorithm.name;
  const isPrivate = keyObject.type === 'private';
  const usages = checkUsages(
    keyUsages, isPrivate ? kPrivateUsages[name] : kPublicUsages[name],
    usageLabel(name));
  const type = keyObject.asymmetricKeyType;
  if (type !== kKeyTypes[name] &&
      !(type === 'rsa-pss' && name === 'RSA-PSS')) {
    throw lazyDOMException('Invalid key type', 'DataError');
  }
  if (jwk !== undefined) {
    checkJwkCommon(jwk, usages, extractable,
                   name === 'RSA-OAEP' || name === 'ECDH' ||
                   name.startsWith('X') ? 'enc' : 'sig');
  }
  if (isPrivate && usages.length === 0) {
    throw lazyDOMException('Usages cannot be empty when importing a ' +
                           'private key.', 'SyntaxError');
  }
  const keyAlgorithm = { name };
  if (kKeyTypes[name] === 'rsa') {
    const details = keyObject.asymmetricKeyDetails;
    keyAlgorithm.modulusLength = details.modulusLength;
    keyAlgorithm.publicExponent = bigIntToBytes(details.publicExponent);
    keyAlgorithm.hash = algorithm.hash;
  } else if (kKeyTypes[name] === 'ec') {
    if (!keyObject[kHandle].checkKey(isPrivate)) {
      throw lazyDOMException('Invalid keyData', 'DataError');
    }
    keyObject[kHandle].uncompressPoint();
    const curve = keyObject.asymmetricKeyDetails.namedCurve;
    if (kCurves[algorithm.namedCurve] === undefined) {
      throw lazyDOMException('Unrecognized namedCurve', 'NotSupportedError');
    }
    if (kCurves[algorithm.namedCurve] !== curve) {
      throw lazyDOMException('Named curve mismatch', 'DataError');
    }
    keyAlgorithm.namedCurve = algorithm.namedCurve;
  }
  return createKey(keyObject, keyAlgorithm, extractable, usages);
}

function bigIntToBytes(value) {
  const bytes = [];
  while (value > 0n) {
    bytes.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  return new Uint8Array(bytes);
}

async function importKey(format, keyData, algorithm, extractable, keyUsages) {
  return importKeySync(format, keyData, algorithm, extractable, keyUsages);
}

// Node 24's explicit raw formats: 'raw-secret' and 'raw-public' are 'raw'
// for the key kind they name.
function rawFormat(format, name) {
  if (format === 'raw-secret' && isSecretAlgorithm(name)) return 'raw';
  if (format === 'raw-public' && !isSecretAlgorithm(name)) return 'raw';
  return format;
}

function importKeySync(format, keyData, algorithm, extractable, keyUsages) {
  const name = algorithm.name;
  if (format === 'raw' && isModernSecret(name)) {
    throw lazyDOMException(`Unable to import ${name} using raw format`,
                           'NotSupportedError');
  }
  format = rawFormat(format, name);
  if (format !== 'raw' && format !== 'spki' && format !== 'pkcs8' &&
      format !== 'jwk') {
    throw lazyDOMException(`Unable to import ${name} key with format ` +
                           `${format}`, 'NotSupportedError');
  }
  if (format === 'jwk' && (keyData === null || typeof keyData !== 'object' ||
                           isAnyArrayBuffer(keyData) ||
                           ArrayBufferIsView(keyData))) {
    throw lazyDOMException('Invalid keyData', 'DataError');
  }
  if (isSecretAlgorithm(name)) {
    const usages = checkUsages(keyUsages, kSecretUsages[name],
                               usageLabel(name));
    if (usages.length === 0) {
      throw lazyDOMException('Usages cannot be empty when importing a ' +
                             'secret key.', 'SyntaxError');
    }
    return importSecret(format, keyData, algorithm, extractable, usages);
  }
  const keyObject = asymmetricKeyFromFormat(format, keyData, algorithm);
  return asymmetricCryptoKey(keyObject, algorithm, extractable, keyUsages,
                             format, format === 'jwk' ? keyData : undefined);
}

// --- exportKey --------------------------------------------------------------

async function exportKey(format, key) {
  return exportKeySync(format, key);
}

function exportKeySync(format, key) {
  const keyObject = key[kKeyObject];
  const algorithm = key[kAlgorithm];
  const name = algorithm.name;
  const explicitRaw = format === 'raw-secret' || format === 'raw-public';
  format = rawFormat(format, name);
  if (name === 'PBKDF2' || name === 'HKDF') {
    throw lazyDOMException(`${name} key export is not supported`,
                           'NotSupportedError');
  }
  if (!key[kExtractable]) {
    throw lazyDOMException('key is not extractable', 'InvalidAccessException');
  }
  switch (format) {
    case 'raw':
      if (keyObject.type === 'secret') {
        if (isModernSecret(name) && !explicitRaw) {
          throw lazyDOMException(`Unable to export ${name} secret key using ` +
                                 'raw format', 'NotSupportedError');
        }
        return toArrayBuffer(getSecretKeyBytes(keyObject));
      }
      if (keyObject.type === 'public' &&
          (kKeyTypes[name] === 'ec' || kOkpTypes[name] !== undefined)) {
        return keyObject[kHandle].exportRaw(false, false);
      }
      break;
    case 'spki':
      if (keyObject.type === 'public') {
        return toArrayBuffer(keyObject.export({ format: 'der',
                                                type: 'spki' }));
      }
      break;
    case 'pkcs8':
      if (keyObject.type === 'private') {
        return toArrayBuffer(keyObject.export({ format: 'der',
                                                type: 'pkcs8' }));
      }
      break;
    case 'jwk': {
      const jwk = {
        key_ops: ArrayPrototypeSlice(key[kKeyUsages]),
        ext: true,
      };
      if (isSecretAlgorithm(name)) {
        jwk.alg = secretJwkAlg(name, algorithm,
                               getSecretKeyBytes(keyObject).byteLength * 8);
      } else if (kJwkAlg[name] !== undefined) {
        jwk.alg = kJwkAlg[name][algorithm.hash.name];
      } else if (name === 'Ed25519' || name === 'Ed448') {
        jwk.alg = name;
      }
      return { ...jwk, ...keyObject.export({ format: 'jwk' }) };
    }
    default:
      throw lazyDOMException(`Unable to export ${name} key with format ` +
                             `${format}`, 'NotSupportedError');
  }
  throw lazyDOMException(`Unable to export ${name} ${keyObject.type} key ` +
                         `using ${format} format`, 'NotSupportedError');
}

// --- KeyObject.prototype.toCryptoKey ----------------------------------------

function keyObjectToCryptoKey(keyObject, algorithm, extractable, keyUsages) {
  algorithm = normalizeAlgorithm(algorithm, 'importKey');
  if (typeof extractable !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('extractable', 'boolean', extractable);
  }
  const name = algorithm.name;
  if (keyObject.type === 'secret') {
    if (!isSecretAlgorithm(name)) {
      throw lazyDOMException('Invalid key type', 'DataError');
    }
    return importKeySync('raw-secret', getSecretKeyBytes(keyObject),
                         algorithm, extractable, keyUsages);
  }
  if (isSecretAlgorithm(name)) {
    throw lazyDOMException('Invalid key type', 'DataError');
  }
  return asymmetricCryptoKey(keyObject, algorithm, extractable, keyUsages,
                             keyObject.type === 'private' ? 'pkcs8' : 'spki');
}

// JWKs travel through wrapKey/unwrapKey as UTF-8 JSON.
function jwkToBytes(jwk) {
  const { Buffer } = require('buffer');
  return Buffer.from(JSONStringify(jwk), 'utf8');
}

function bytesToJwk(bytes) {
  const { Buffer } = require('buffer');
  try {
    return JSONParse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw lazyDOMException('Invalid wrapped JWK key', 'DataError');
  }
}

// For SubtleCrypto.supports: whether generateKey/importKey would accept
// the parameters of a normalized algorithm (the checks they make before
// any work).
const kNamedCurves = ['P-256', 'P-384', 'P-521'];
function checkKeyParams(algorithm, op) {
  const { name, length } = algorithm;
  if (StringPrototypeStartsWith(name, 'AES-')) {
    return op === 'importKey' ||
      length === 128 || length === 192 || length === 256;
  }
  if (name === 'HMAC' || name === 'KMAC128' || name === 'KMAC256') {
    if (length !== undefined && (length === 0 || length % 8 !== 0)) {
      return false;
    }
    // HMAC's default length comes from the hash's block size, which
    // SHA-3 hashes do not define here.
    return !(op === 'generateKey' && name === 'HMAC' &&
             length === undefined &&
             StringPrototypeStartsWith(algorithm.hash.name, 'SHA3-'));
  }
  if (name === 'ECDSA' || name === 'ECDH') {
    return ArrayPrototypeIncludes(kNamedCurves, algorithm.namedCurve);
  }
  return true;
}

// For SubtleCrypto.supports: whether encrypt/decrypt would accept the
// nonce and tag sizes of the AEAD algorithms.
function checkCipherParams(algorithm) {
  const { name, iv, tagLength } = algorithm;
  if (name === 'ChaCha20-Poly1305') {
    return iv.byteLength === 12 && (tagLength === undefined || tagLength === 128);
  }
  if (name === 'AES-OCB') {
    return iv.byteLength >= 1 && iv.byteLength <= 15 &&
      (tagLength === undefined || tagLength === 64 || tagLength === 96 ||
       tagLength === 128);
  }
  return true;
}

// For SubtleCrypto.supports: whether deriveBits would accept the
// parameters and the length (null: none given); `bound` is the length
// checked against an agreement's output size (null: none).
function checkDeriveBitsParams(algorithm, bound, length) {
  const { name } = algorithm;
  switch (name) {
    case 'HKDF':
      return length !== null && length % 8 === 0;
    case 'PBKDF2':
      return length !== null && length % 8 === 0 && algorithm.iterations > 0;
    case 'ECDH':
    case 'X25519':
    case 'X448': {
      const key = algorithm.public;
      if (key[kKeyObject].type !== 'public' ||
          key[kAlgorithm].name !== name) {
        return false;
      }
      const max = name === 'X25519' ? 256 : name === 'X448' ? 448 :
        { '__proto__': null, 'P-256': 256, 'P-384': 384,
          'P-521': 528 }[key[kAlgorithm].namedCurve];
      return bound === null || bound <= max;
    }
    default:
      return true;
  }
}

module.exports = {
  bytesToJwk,
  exportKey,
  generateKey,
  checkCipherParams,
  checkDeriveBitsParams,
  checkKeyParams,
  importKey,
  isSecretAlgorithm,
  jwkToBytes,
  kHashes,
  keyObjectToCryptoKey,
  normalizeAlgorithm,
  toArrayBuffer,
  bytesOf,
  hashBlockBits,
};
