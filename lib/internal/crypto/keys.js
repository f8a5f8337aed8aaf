'use strict';

// KeyObject and CryptoKey. Secret keys keep their bytes here; public and
// private keys hold a native KeyObjectHandle (one OpenSSL key) made by
// internalBinding('crypto').parseKey/keyFromJwk/keyFromRaw or by key pair
// generation. Also the option parsing every asymmetric API shares
// (prepareAsymmetricKey and the key encodings of export and keygen).

const {
  ArrayPrototypeIncludes,
  ArrayPrototypeSlice,
  ObjectDefineProperty,
  ObjectDefineProperties,
  ObjectFreeze,
  ObjectKeys,
  Symbol,
  SymbolToStringTag,
  TypedArrayPrototypeSlice,
  Uint8Array,
} = primordials;

const {
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');

const {
  codes: {
    ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS,
    ERR_CRYPTO_INVALID_JWK,
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_CRYPTO_JWK_UNSUPPORTED_CURVE,
    ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE,
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
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

const {
  kClone,
  makeCloneable,
} = require('internal/worker/js_transferable');

const {
  customInspectSymbol: kInspect,
  kEnumerableProperty,
} = require('internal/util');

const {
  isKeyHandle,
  keyFromJwk,
  parseKey,
  timingSafeEqual,
} = internalBinding('crypto');

const kKeyType = Symbol('kKeyType');
const kKeyBytes = Symbol('kKeyBytes');
const kAsymmetricKeyType = Symbol('kAsymmetricKeyType');
const kAsymmetricKeyDetails = Symbol('kAsymmetricKeyDetails');
const kAlgorithm = Symbol('kAlgorithm');
const kExtractable = Symbol('kExtractable');
const kKeyUsages = Symbol('kKeyUsages');
// What the algorithm and usages getters return: copies the caller may
// change, made on first read; the key itself keeps using the slots above.
const kAlgorithmView = Symbol('kAlgorithmView');
const kKeyUsagesView = Symbol('kKeyUsagesView');

// Key input contexts.
const kConsumePublic = 0;
const kConsumePrivate = 1;
const kCreatePublic = 2;
const kCreatePrivate = 3;

let lazyBuffer;
function bufferFrom(...args) {
  lazyBuffer ??= require('buffer').Buffer;
  return lazyBuffer.from(...args);
}

// The key material of a secret KeyObject: a private copy of the bytes.
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
    if (typeof handle !== 'object' || handle === null ||
        (type === 'secret' ? !(handle instanceof KeyObjectHandle) :
          !isKeyHandle(handle))) {
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    }
    // An object postMessage() can clone (see [kClone]).
    const self = makeCloneable(new.target);
    self[kKeyType] = type;
    ObjectDefineProperty(self, kHandle, {
      __proto__: null,
      value: handle,
      enumerable: false,
      configurable: false,
      writable: false,
    });
    return self;
  }

  // The key travels as its bytes (secret) or its DER encoding (SPKI or
  // PKCS #8), made into a new key of the same type by keyObjectFromClone.
  [kClone]() {
    const type = this[kKeyType];
    let data;
    if (type === 'secret') {
      data = TypedArrayPrototypeSlice(this[kHandle][kKeyBytes]);
    } else if (type === 'public') {
      data = this[kHandle].export(false, 'der', 'spki');
    } else {
      data = this[kHandle].export(true, 'der', 'pkcs8');
    }
    return {
      data: { type, data },
      deserializeInfo: 'internal/crypto/keys:keyObjectFromClone',
    };
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
    if (this.type !== 'secret') {
      return this[kHandle].equals(otherKeyObject[kHandle]);
    }
    const a = this[kHandle][kKeyBytes];
    const b = otherKeyObject[kHandle][kKeyBytes];
    return a.byteLength === b.byteLength && timingSafeEqual(a, b);
  }

  toCryptoKey(algorithm, extractable, keyUsages) {
    return require('internal/crypto/webcrypto_keys')
      .keyObjectToCryptoKey(this, algorithm, extractable, keyUsages);
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
        return {
          kty: 'oct',
          k: bufferFrom(bytes.buffer, bytes.byteOffset, bytes.byteLength)
            .toString('base64url'),
        };
      }
    }
    return bufferFrom(TypedArrayPrototypeSlice(bytes).buffer);
  }
}

const kJwkCurves = {
  '__proto__': null,
  'prime256v1': 'P-256',
  'secp256k1': 'secp256k1',
  'secp384r1': 'P-384',
  'secp521r1': 'P-521',
};

function base64url(ab) {
  return bufferFrom(ab).toString('base64url');
}

class AsymmetricKeyObject extends KeyObject {
  get asymmetricKeyType() {
    return this[kAsymmetricKeyType] ||
      (this[kAsymmetricKeyType] = this[kHandle].getAsymmetricKeyType());
  }

  get asymmetricKeyDetails() {
    switch (this.asymmetricKeyType) {
      case 'rsa':
      case 'rsa-pss':
      case 'dsa':
      case 'ec':
        return this[kAsymmetricKeyDetails] ||
          (this[kAsymmetricKeyDetails] = normalizeDetails(
            this[kHandle].keyDetail()));
      default:
        return {};
    }
  }

  // The key as a JWK (kty and members in Node's order).
  exportJwk(isPrivate) {
    const type = this.asymmetricKeyType;
    let crv;
    switch (type) {
      case 'rsa': {
        const parts = this[kHandle].exportJwk(isPrivate);
        const jwk = { kty: 'RSA' };
        for (const name of ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi']) {
          if (parts[name] !== undefined) jwk[name] = base64url(parts[name]);
        }
        return jwk;
      }
      case 'ec': {
        crv = kJwkCurves[this.asymmetricKeyDetails.namedCurve];
        if (crv === undefined) {
          throw new ERR_CRYPTO_JWK_UNSUPPORTED_CURVE(
            this.asymmetricKeyDetails.namedCurve);
        }
        const parts = this[kHandle].exportJwk(isPrivate);
        const jwk = {
          kty: 'EC',
          x: base64url(parts.x),
          y: base64url(parts.y),
          crv,
        };
        if (isPrivate) jwk.d = base64url(parts.d);
        return jwk;
      }
      case 'ed25519': crv = 'Ed25519'; break;
      case 'ed448': crv = 'Ed448'; break;
      case 'x25519': crv = 'X25519'; break;
      case 'x448': crv = 'X448'; break;
      default:
        throw new ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE();
    }
    const parts = this[kHandle].exportJwk(isPrivate);
    const jwk = { crv };
    if (isPrivate) jwk.d = base64url(parts.d);
    jwk.x = base64url(parts.x);
    jwk.kty = 'OKP';
    return jwk;
  }
}

function normalizeDetails(details) {
  if (details.publicExponent !== undefined) {
    details.publicExponent = BigInt(`0x${details.publicExponent}`);
  }
  return details;
}

class PublicKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('public', handle);
  }

  export(options) {
    if (options && options.format === 'jwk') {
      return this.exportJwk(false);
    }
    const { format, type } =
      parsePublicKeyEncoding(options, this.asymmetricKeyType);
    return encoded(this[kHandle].export(false, format, type));
  }
}

class PrivateKeyObject extends AsymmetricKeyObject {
  constructor(handle) {
    super('private', handle);
  }

  export(options) {
    if (options && options.format === 'jwk') {
      if (options.passphrase !== undefined) {
        throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(
          'jwk', 'does not support encryption');
      }
      return this.exportJwk(true);
    }
    const { format, type, cipher, passphrase } =
      parsePrivateKeyEncoding(options, this.asymmetricKeyType);
    return encoded(
      this[kHandle].export(true, format, type, cipher, passphrase));
  }
}

// PEM comes back as a string, DER as an ArrayBuffer to wrap.
function encoded(result) {
  return typeof result === 'string' ? result : bufferFrom(result);
}

// --- Encodings --------------------------------------------------------------

function parseKeyFormat(formatStr, defaultFormat, optionName) {
  if (formatStr === undefined && defaultFormat !== undefined) {
    return defaultFormat;
  } else if (formatStr === 'pem' || formatStr === 'der') {
    return formatStr;
  }
  throw new ERR_INVALID_ARG_VALUE(optionName, formatStr);
}

function parseKeyType(typeStr, required, keyType, isPublic, optionName) {
  if (typeStr === undefined && !required) {
    return undefined;
  } else if (typeStr === 'pkcs1') {
    if (keyType !== undefined && keyType !== 'rsa') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(
        typeStr, 'can only be used for RSA keys');
    }
    return typeStr;
  } else if (typeStr === 'spki' && isPublic !== false) {
    return typeStr;
  } else if (typeStr === 'pkcs8' && isPublic !== true) {
    return typeStr;
  } else if (typeStr === 'sec1' && isPublic !== true) {
    if (keyType !== undefined && keyType !== 'ec') {
      throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(
        typeStr, 'can only be used for EC keys');
    }
    return typeStr;
  }
  throw new ERR_INVALID_ARG_VALUE(optionName, typeStr);
}

function option(name, objName) {
  return objName === undefined ?
    `options.${name}` : `options.${objName}.${name}`;
}

function isStringOrBuffer(val) {
  return typeof val === 'string' ||
    isArrayBufferView(val) ||
    isAnyArrayBuffer(val);
}

// { format, type, cipher, passphrase } of an encoding object. `keyType` is
// undefined for input (where the format defaults to PEM) and the key's type
// for output.
function parseKeyEncoding(enc, keyType, isPublic, objName) {
  if (enc === null || typeof enc !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'object', enc);
  }
  const isInput = keyType === undefined;
  const format = parseKeyFormat(enc.format, isInput ? 'pem' : undefined,
                                option('format', objName));
  const type = parseKeyType(enc.type, !isInput || format === 'der',
                            keyType, isPublic, option('type', objName));

  let cipher, passphrase, encoding;
  if (isPublic !== true) {
    ({ cipher, passphrase, encoding } = enc);
    if (!isInput) {
      if (cipher != null) {
        if (typeof cipher !== 'string') {
          throw new ERR_INVALID_ARG_VALUE(option('cipher', objName), cipher);
        }
        if (format === 'der' && (type === 'pkcs1' || type === 'sec1')) {
          throw new ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS(
            type, 'does not support encryption');
        }
      } else if (passphrase !== undefined) {
        throw new ERR_INVALID_ARG_VALUE(option('cipher', objName), cipher);
      }
    }
    if ((isInput && passphrase !== undefined &&
         !isStringOrBuffer(passphrase)) ||
        (!isInput && cipher != null && !isStringOrBuffer(passphrase))) {
      throw new ERR_INVALID_ARG_VALUE(option('passphrase', objName),
                                      passphrase);
    }
  }
  if (passphrase !== undefined) {
    passphrase = getArrayBufferOrView(passphrase, 'key.passphrase', encoding);
  }
  return { format, type, cipher, passphrase };
}

function parsePublicKeyEncoding(enc, keyType, objName) {
  return parseKeyEncoding(enc, keyType, keyType ? true : undefined, objName);
}

function parsePrivateKeyEncoding(enc, keyType, objName) {
  return parseKeyEncoding(enc, keyType, false, objName);
}

// --- Input ------------------------------------------------------------------

function getKeyObjectHandle(key, ctx) {
  if (ctx === kCreatePrivate) {
    throw new ERR_INVALID_ARG_TYPE(
      'key', ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
      key);
  }
  if (key.type !== 'private') {
    if (ctx === kConsumePrivate || ctx === kCreatePublic) {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'private');
    }
    if (key.type !== 'public') {
      throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type,
                                                   'private or public');
    }
  }
  return key[kHandle];
}

function getKeyTypes(allowKeyObject, bufferOnly = false) {
  const types = ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'];
  if (bufferOnly) return types;
  types.push('string');
  if (allowKeyObject) types.push('KeyObject', 'CryptoKey');
  return types;
}

function decodeJwkMember(value) {
  return bufferFrom(value, 'base64');
}

const kOkpLengths = {
  '__proto__': null,
  'Ed25519': 32, 'X25519': 32, 'Ed448': 57, 'X448': 56,
};

const kJwkCurveNames = {
  '__proto__': null,
  'P-256': 'prime256v1',
  'secp256k1': 'secp256k1',
  'P-384': 'secp384r1',
  'P-521': 'secp521r1',
};

// A handle from a JWK object, as createPublicKey/createPrivateKey take it.
function getKeyObjectHandleFromJwk(key, ctx) {
  validateObject(key, 'key');
  // 'AKP' (ML-DSA) needs OpenSSL 3.5: Node built with an older one lists
  // only these.
  validateOneOf(key.kty, 'key.kty', ['RSA', 'EC', 'OKP']);
  const isPublic = ctx === kConsumePublic || ctx === kCreatePublic;

  if (key.kty === 'OKP') {
    validateString(key.crv, 'key.crv');
    validateOneOf(key.crv, 'key.crv', ['Ed25519', 'Ed448', 'X25519', 'X448']);
    validateString(key.x, 'key.x');
    if (!isPublic) validateString(key.d, 'key.d');
    const x = decodeJwkMember(key.x);
    const d = isPublic ? undefined : decodeJwkMember(key.d);
    if ((isPublic ? x : d).byteLength !== kOkpLengths[key.crv]) {
      throw new ERR_CRYPTO_INVALID_JWK();
    }
    const handle = keyFromJwk(!isPublic, 'OKP', {
      type: key.crv.toLowerCase(), x, d,
    });
    if (handle === undefined) throw new ERR_CRYPTO_INVALID_JWK();
    return handle;
  }

  if (key.kty === 'EC') {
    validateString(key.crv, 'key.crv');
    validateOneOf(key.crv, 'key.crv', ['P-256', 'secp256k1', 'P-384', 'P-521']);
    validateString(key.x, 'key.x');
    validateString(key.y, 'key.y');
    if (!isPublic) validateString(key.d, 'key.d');
    const handle = keyFromJwk(!isPublic, 'EC', {
      crv: kJwkCurveNames[key.crv],
      x: decodeJwkMember(key.x),
      y: decodeJwkMember(key.y),
      d: isPublic ? undefined : decodeJwkMember(key.d),
    });
    if (handle === undefined) {
      const err = new ERR_CRYPTO_INVALID_JWK();
      err.message = 'Invalid JWK EC key';
      throw err;
    }
    return handle;
  }

  validateString(key.n, 'key.n');
  validateString(key.e, 'key.e');
  const fields = { n: decodeJwkMember(key.n), e: decodeJwkMember(key.e) };
  if (!isPublic) {
    for (const name of ['d', 'p', 'q', 'dp', 'dq', 'qi']) {
      validateString(key[name], `key.${name}`);
      fields[name] = decodeJwkMember(key[name]);
    }
  }
  const handle = keyFromJwk(!isPublic, 'RSA', fields);
  if (handle === undefined) {
    const err = new ERR_CRYPTO_INVALID_JWK();
    err.message = 'Invalid JWK RSA key';
    throw err;
  }
  return handle;
}

// What an asymmetric key argument is: { data: handle } for key objects and
// JWKs, else the bytes with their { format, type, passphrase }.
function prepareAsymmetricKey(key, ctx) {
  if (isKeyObject(key)) {
    return { data: getKeyObjectHandle(key, ctx) };
  } else if (isCryptoKey(key)) {
    return { data: getKeyObjectHandle(key[kKeyObject], ctx) };
  } else if (isStringOrBuffer(key)) {
    return { format: 'pem', data: getArrayBufferOrView(key, 'key') };
  } else if (typeof key === 'object' && key !== null) {
    const { key: data, encoding, format } = key;
    if (isKeyObject(data)) {
      return { data: getKeyObjectHandle(data, ctx) };
    } else if (isCryptoKey(data)) {
      return { data: getKeyObjectHandle(data[kKeyObject], ctx) };
    } else if (format === 'jwk') {
      validateObject(data, 'key.key');
      return { data: getKeyObjectHandleFromJwk(data, ctx), format: 'jwk' };
    }
    if (!isStringOrBuffer(data)) {
      throw new ERR_INVALID_ARG_TYPE(
        'key.key', getKeyTypes(ctx !== kCreatePrivate), data);
    }
    const isPublic =
      (ctx === kConsumePrivate || ctx === kCreatePrivate) ? false : undefined;
    return {
      data: getArrayBufferOrView(data, 'key', encoding),
      ...parseKeyEncoding(key, undefined, isPublic),
    };
  }
  throw new ERR_INVALID_ARG_TYPE(
    'key', getKeyTypes(ctx !== kCreatePrivate), key);
}

// The handle of a prepared key: parsed now unless it is one already.
function handleOf(prepared, isPrivate) {
  const { data, format, type, passphrase } = prepared;
  if (isKeyHandle(data)) return data;
  return parseKey(isPrivate, data, format, type, passphrase);
}

function preparePrivateKey(key) {
  return prepareAsymmetricKey(key, kConsumePrivate);
}

function preparePublicOrPrivateKey(key) {
  return prepareAsymmetricKey(key, kConsumePublic);
}

// The handle of a key argument an operation consumes (sign/decrypt take a
// private key; verify/encrypt a public one, or the public half of a
// private one).
function getPrivateKeyHandle(key) {
  return handleOf(preparePrivateKey(key), true);
}

function getPublicOrPrivateKeyHandle(key) {
  const prepared = preparePublicOrPrivateKey(key);
  if (isKeyHandle(prepared.data)) return prepared.data;
  // PKCS#1, PKCS#8 and SEC1 DER input may hold a private key.
  return handleOf(prepared, false);
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

// A secret KeyObject that takes `bytes` (a Uint8Array nobody else keeps).
function secretKeyFromBytes(bytes) {
  return new SecretKeyObject(new KeyObjectHandle(bytes));
}

// The bytes of a secret KeyObject (for HKDF's key argument).
function getSecretKeyBytes(keyObject) {
  return keyObject[kHandle][kKeyBytes];
}

function createPublicKey(key) {
  const prepared = prepareAsymmetricKey(key, kCreatePublic);
  return new PublicKeyObject(handleOf(prepared, false));
}

function createPrivateKey(key) {
  const prepared = prepareAsymmetricKey(key, kCreatePrivate);
  return new PrivateKeyObject(handleOf(prepared, true));
}

function isKeyObject(obj) {
  return obj != null && obj[kKeyType] !== undefined &&
    obj[kKeyObject] === undefined;
}

// --- CryptoKey --------------------------------------------------------------

// Web Crypto's key: a KeyObject with an algorithm, usages and whether it
// may be exported. Only lode's Web Crypto code makes them.
class CryptoKey {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    const opts = {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    };
    return `CryptoKey ${inspect({
      type: this.type,
      extractable: this.extractable,
      algorithm: this[kAlgorithm],
      usages: this[kKeyUsages],
    }, opts)}`;
  }

  get type() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_ARG_TYPE('this', 'CryptoKey', this);
    return this[kKeyObject].type;
  }

  get extractable() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_ARG_TYPE('this', 'CryptoKey', this);
    return this[kExtractable];
  }

  get algorithm() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_ARG_TYPE('this', 'CryptoKey', this);
    this[kAlgorithmView] ??= copyAlgorithm(this[kAlgorithm]);
    return this[kAlgorithmView];
  }

  get usages() {
    if (!isCryptoKey(this)) throw new ERR_INVALID_ARG_TYPE('this', 'CryptoKey', this);
    this[kKeyUsagesView] ??= ArrayPrototypeSlice(this[kKeyUsages]);
    return this[kKeyUsagesView];
  }
}

ObjectDefineProperties(CryptoKey.prototype, {
  type: kEnumerableProperty,
  extractable: kEnumerableProperty,
  algorithm: kEnumerableProperty,
  usages: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'CryptoKey',
  },
});

// A mutable deep copy of a (frozen) algorithm dictionary: its nested
// dictionaries (hash) and byte arrays (publicExponent) are copied too.
function copyAlgorithm(algorithm) {
  const copy = {};
  const keys = ObjectKeys(algorithm);
  for (let i = 0; i < keys.length; i++) {
    const value = algorithm[keys[i]];
    if (isArrayBufferView(value)) {
      copy[keys[i]] = TypedArrayPrototypeSlice(value);
    } else if (typeof value === 'object' && value !== null) {
      copy[keys[i]] = copyAlgorithm(value);
    } else {
      copy[keys[i]] = value;
    }
  }
  return copy;
}

// A CryptoKey over `keyObject`; `algorithm` and `usages` are frozen copies
// the caller made.
function InternalCryptoKey(keyObject, algorithm, usages, extractable) {
  // An object postMessage() can clone (see [kClone]).
  const self = makeCloneable(InternalCryptoKey);
  self[kKeyObject] = keyObject;
  self[kAlgorithm] = algorithm;
  self[kExtractable] = extractable;
  self[kKeyUsages] = usages;
  // The getters' cached copies are not enumerable: whether a getter was
  // read must not make two keys unequal to assert.deepStrictEqual().
  ObjectDefineProperty(self, kAlgorithmView, {
    __proto__: null, writable: true, value: undefined,
  });
  ObjectDefineProperty(self, kKeyUsagesView, {
    __proto__: null, writable: true, value: undefined,
  });
  return self;
}
InternalCryptoKey.prototype = CryptoKey.prototype;

ObjectDefineProperty(CryptoKey.prototype, kClone, {
  __proto__: null,
  configurable: false,
  enumerable: false,
  writable: false,
  value: function() {
    return {
      data: {
        keyObject: this[kKeyObject],
        algorithm: this[kAlgorithm],
        usages: this[kKeyUsages],
        extractable: this[kExtractable],
      },
      deserializeInfo: 'internal/crypto/keys:cryptoKeyFromClone',
    };
  },
});

// The other halves of [kClone]: a copy of the key made from its data.
function keyObjectFromClone({ type, data }) {
  if (type === 'secret') return new SecretKeyObject(new KeyObjectHandle(data));
  if (type === 'public') {
    return createPublicKey({ key: data, format: 'der', type: 'spki' });
  }
  return createPrivateKey({ key: data, format: 'der', type: 'pkcs8' });
}

function cryptoKeyFromClone({ keyObject, algorithm, usages, extractable }) {
  return new InternalCryptoKey(keyObject, ObjectFreeze(algorithm),
                               ObjectFreeze(usages), extractable);
}

function isCryptoKey(obj) {
  return obj != null && obj[kKeyObject] !== undefined;
}

function hasUsage(key, usage) {
  return ArrayPrototypeIncludes(key[kKeyUsages], usage);
}

module.exports = {
  AsymmetricKeyObject,
  CryptoKey,
  InternalCryptoKey,
  KeyObject,
  PrivateKeyObject,
  PublicKeyObject,
  SecretKeyObject,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  cryptoKeyFromClone,
  getKeyObjectHandle,
  getPrivateKeyHandle,
  getPublicOrPrivateKeyHandle,
  getSecretKeyBytes,
  hasUsage,
  isCryptoKey,
  isKeyObject,
  kAlgorithm,
  keyHandleOf: handleOf,
  keyObjectFromClone,
  kExtractable,
  kKeyUsages,
  parsePrivateKeyEncoding,
  parsePublicKeyEncoding,
  preparePrivateKey,
  preparePublicOrPrivateKey,
  prepareSecretKey,
  secretKeyFromBytes,
};
