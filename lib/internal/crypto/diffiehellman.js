'use strict';

// Key agreement: DiffieHellman (own or generated prime), DiffieHellmanGroup
// (the modp groups), ECDH with ECDH.convertKey, and crypto.diffieHellman()
// over two KeyObjects (at once, or on the threadpool with a callback).

const {
  FunctionPrototypeCall,
  ObjectDefineProperty,
  SafeSet,
} = primordials;

const {
  codes: {
    ERR_CRYPTO_ECDH_INVALID_FORMAT,
    ERR_CRYPTO_INCOMPATIBLE_KEY,
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');

const {
  validateFunction,
  validateInt32,
  validateObject,
  validateString,
} = require('internal/validators');

const {
  DeriveKeyJob,
  DiffieHellmanHandle,
  ECDHHandle,
  ecdhConvertKey,
  kCryptoJobAsync,
  kCryptoJobSync,
} = internalBinding('crypto');

const {
  POINT_CONVERSION_COMPRESSED,
  POINT_CONVERSION_HYBRID,
  POINT_CONVERSION_UNCOMPRESSED,
} = internalBinding('constants').crypto;

const {
  getArrayBufferOrView,
  kHandle,
  runJob,
  toBuf,
} = require('internal/crypto/util');

const { isKeyObject } = require('internal/crypto/keys');

const {
  isAnyArrayBuffer,
  isArrayBufferView,
} = require('internal/util/types');

const { FastBuffer } = require('internal/buffer');

const DH_GENERATOR = 2;

let lazyBuffer;
function isEncoding(enc) {
  lazyBuffer ??= require('buffer').Buffer;
  return lazyBuffer.isEncoding(enc);
}

function encode(ab, encoding) {
  const buffer = new FastBuffer(ab);
  if (encoding && encoding !== 'buffer') return buffer.toString(encoding);
  return buffer;
}

function defineVerifyError(obj) {
  ObjectDefineProperty(obj, 'verifyError', {
    __proto__: null,
    enumerable: true,
    value: obj[kHandle].verifyError(),
    writable: false,
  });
}

function DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding) {
  if (!(this instanceof DiffieHellman)) {
    return new DiffieHellman(sizeOrKey, keyEncoding, generator, genEncoding);
  }
  if (typeof sizeOrKey !== 'number' &&
      typeof sizeOrKey !== 'string' &&
      !isArrayBufferView(sizeOrKey) &&
      !isAnyArrayBuffer(sizeOrKey)) {
    throw new ERR_INVALID_ARG_TYPE(
      'sizeOrKey',
      ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
      sizeOrKey);
  }
  // Negative sizes pass here; OpenSSL refuses them.
  if (typeof sizeOrKey === 'number') validateInt32(sizeOrKey, 'sizeOrKey');

  if (keyEncoding && !isEncoding(keyEncoding) && keyEncoding !== 'buffer') {
    genEncoding = generator;
    generator = keyEncoding;
    keyEncoding = false;
  }
  keyEncoding ||= 'buffer';
  genEncoding ||= 'buffer';

  if (typeof sizeOrKey !== 'number') sizeOrKey = toBuf(sizeOrKey, keyEncoding);

  if (!generator) {
    generator = DH_GENERATOR;
  } else if (typeof generator === 'number') {
    validateInt32(generator, 'generator');
  } else if (typeof generator === 'string') {
    generator = toBuf(generator, genEncoding);
  } else if (!isArrayBufferView(generator) && !isAnyArrayBuffer(generator)) {
    throw new ERR_INVALID_ARG_TYPE(
      'generator',
      ['number', 'string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
      generator);
  }

  this[kHandle] = new DiffieHellmanHandle(sizeOrKey, generator);
  defineVerifyError(this);
}

function DiffieHellmanGroup(name) {
  if (!(this instanceof DiffieHellmanGroup)) {
    return new DiffieHellmanGroup(name);
  }
  this[kHandle] = new DiffieHellmanHandle(`${name}`);
  defineVerifyError(this);
}

function dhGenerateKeys(encoding) {
  return encode(this[kHandle].generateKeys(), encoding);
}

function dhComputeSecret(key, inEnc, outEnc) {
  key = getArrayBufferOrView(key, 'key', inEnc || 'buffer');
  return encode(this[kHandle].computeSecret(key), outEnc);
}

function dhGetter(field) {
  return function(encoding) {
    return encode(this[kHandle].getField(field), encoding);
  };
}

function dhSetter(isPrivate) {
  return function(key, encoding) {
    key = getArrayBufferOrView(key, 'key', encoding);
    this[kHandle].setKey(isPrivate, key);
    return this;
  };
}

for (const Ctor of [DiffieHellman, DiffieHellmanGroup]) {
  Ctor.prototype.generateKeys = dhGenerateKeys;
  Ctor.prototype.computeSecret = dhComputeSecret;
  Ctor.prototype.getPrime = dhGetter(0);
  Ctor.prototype.getGenerator = dhGetter(1);
  Ctor.prototype.getPublicKey = dhGetter(2);
  Ctor.prototype.getPrivateKey = dhGetter(3);
}
DiffieHellman.prototype.setPublicKey = dhSetter(false);
DiffieHellman.prototype.setPrivateKey = dhSetter(true);

// --- ECDH -------------------------------------------------------------------

function getFormat(format) {
  if (format) {
    if (format === 'compressed') return POINT_CONVERSION_COMPRESSED;
    if (format === 'hybrid') return POINT_CONVERSION_HYBRID;
    if (format !== 'uncompressed') {
      throw new ERR_CRYPTO_ECDH_INVALID_FORMAT(format);
    }
  }
  return POINT_CONVERSION_UNCOMPRESSED;
}

function ECDH(curve) {
  if (!(this instanceof ECDH)) return new ECDH(curve);
  validateString(curve, 'curve');
  this[kHandle] = new ECDHHandle(curve);
}

ECDH.prototype.computeSecret = dhComputeSecret;

ECDH.prototype.setPrivateKey = function setPrivateKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  this[kHandle].setPrivateKey(key);
  return this;
};

ECDH.prototype.setPublicKey = function setPublicKey(key, encoding) {
  key = getArrayBufferOrView(key, 'key', encoding);
  this[kHandle].setPublicKey(key);
  return this;
};

ECDH.prototype.getPrivateKey = function getPrivateKey(encoding) {
  return encode(this[kHandle].getPrivateKey(), encoding);
};

ECDH.prototype.generateKeys = function generateKeys(encoding, format) {
  this[kHandle].generateKeys();
  return this.getPublicKey(encoding, format);
};

ECDH.prototype.getPublicKey = function getPublicKey(encoding, format) {
  const f = getFormat(format);
  return encode(this[kHandle].getPublicKey(f), encoding);
};

ECDH.convertKey = function convertKey(key, curve, inEnc, outEnc, format) {
  validateString(curve, 'curve');
  key = getArrayBufferOrView(key, 'key', inEnc);
  const f = getFormat(format);
  return encode(ecdhConvertKey(key, curve, f), outEnc);
};

// --- Stateless --------------------------------------------------------------

const dhEnabledKeyTypes = new SafeSet(['dh', 'ec', 'x448', 'x25519']);

function diffieHellman(options, callback) {
  validateObject(options, 'options');
  if (callback !== undefined) validateFunction(callback, 'callback');
  const { privateKey, publicKey } = options;
  if (!isKeyObject(privateKey)) {
    throw new ERR_INVALID_ARG_VALUE('options.privateKey', privateKey);
  }
  if (!isKeyObject(publicKey)) {
    throw new ERR_INVALID_ARG_VALUE('options.publicKey', publicKey);
  }
  if (privateKey.type !== 'private') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(privateKey.type, 'private');
  }
  if (publicKey.type !== 'public' && publicKey.type !== 'private') {
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(publicKey.type,
                                                 'private or public');
  }
  const privateType = privateKey.asymmetricKeyType;
  const publicType = publicKey.asymmetricKeyType;
  if (privateType !== publicType || !dhEnabledKeyTypes.has(privateType)) {
    throw new ERR_CRYPTO_INCOMPATIBLE_KEY('key types for Diffie-Hellman',
                                          `${privateType} and ${publicType}`);
  }
  const job = new DeriveKeyJob(callback ? kCryptoJobAsync : kCryptoJobSync,
                               privateKey[kHandle], publicKey[kHandle]);
  if (callback === undefined) {
    const { 0: err, 1: secret } = job.run();
    if (err !== undefined) throw err;
    return new FastBuffer(secret);
  }
  runJob(job, 'DHBITSREQUEST', (err, secret) => {
    if (err) return FunctionPrototypeCall(callback, job, err);
    FunctionPrototypeCall(callback, job, null, new FastBuffer(secret));
  });
}

module.exports = {
  DiffieHellman,
  DiffieHellmanGroup,
  ECDH,
  diffieHellman,
};
