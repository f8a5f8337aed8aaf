'use strict';

// generateKey(Sync) for secret keys ('hmac', 'aes') and
// generateKeyPair(Sync) for rsa, rsa-pss, dsa, ec, ed25519, ed448, x25519,
// x448 and dh: the options are checked here, the pair is made by
// KeyPairGenJob (on the threadpool for the async form) and encoded here
// when publicKeyEncoding/privateKeyEncoding ask for it.

const {
  FunctionPrototypeCall,
  MathFloor,
  ObjectDefineProperty,
} = primordials;

const {
  validateBuffer,
  validateFunction,
  validateInt32,
  validateInteger,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
} = require('internal/validators');

const {
  codes: {
    ERR_INCOMPATIBLE_OPTION_PAIR,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_OPTION,
  },
} = require('internal/errors');

const {
  KeyPairGenJob,
  kCryptoJobAsync,
  kCryptoJobSync,
} = internalBinding('crypto');

const {
  PrivateKeyObject,
  PublicKeyObject,
  createSecretKey,
  parsePrivateKeyEncoding,
  parsePublicKeyEncoding,
} = require('internal/crypto/keys');
const { randomBytes } = require('internal/crypto/random');
const { runJob } = require('internal/crypto/util');
const { customPromisifyArgs } = require('internal/util');

// The key's size in bytes, after checking the type and length (in bits).
function checkKeyArgs(type, options) {
  validateString(type, 'type');
  validateObject(options, 'options');
  const { length } = options;
  switch (type) {
    case 'hmac':
      validateInteger(length, 'options.length', 8, 2 ** 31 - 1);
      break;
    case 'aes':
      validateOneOf(length, 'options.length', [128, 192, 256]);
      break;
    default:
      throw new ERR_INVALID_ARG_VALUE('type', type,
                                      'must be a supported key type');
  }
  return MathFloor(length / 8);
}

function generateKey(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const size = checkKeyArgs(type, options);
  randomBytes(size, function(err, bytes) {
    if (err) return FunctionPrototypeCall(callback, this, err);
    FunctionPrototypeCall(callback, this, null, createSecretKey(bytes));
  });
}

function generateKeySync(type, options) {
  return createSecretKey(randomBytes(checkKeyArgs(type, options)));
}

// --- Key pairs --------------------------------------------------------------

// DEP0154 names both options, each once.
function onceWarning(msg) {
  let warned = false;
  return () => {
    if (warned) return;
    warned = true;
    process.emitWarning(msg, 'DeprecationWarning', 'DEP0154');
  };
}
const emitHashWarning = onceWarning(
  '"options.hash" is deprecated, use "options.hashAlgorithm" instead.');
const emitMgf1HashWarning = onceWarning(
  '"options.mgf1Hash" is deprecated, use "options.mgf1HashAlgorithm" ' +
  'instead.');

function parseEncodings(type, options) {
  const result = {};
  if (options === undefined) return result;
  const { publicKeyEncoding, privateKeyEncoding } = options;
  if (publicKeyEncoding != null) {
    if (typeof publicKeyEncoding !== 'object') {
      throw new ERR_INVALID_ARG_VALUE('options.publicKeyEncoding',
                                      publicKeyEncoding);
    }
    result.public = publicKeyEncoding.format === 'jwk' ?
      { format: 'jwk' } :
      parsePublicKeyEncoding(publicKeyEncoding, type, 'publicKeyEncoding');
  }
  if (privateKeyEncoding != null) {
    if (typeof privateKeyEncoding !== 'object') {
      throw new ERR_INVALID_ARG_VALUE('options.privateKeyEncoding',
                                      privateKeyEncoding);
    }
    result.private = privateKeyEncoding.format === 'jwk' ?
      { format: 'jwk' } :
      parsePrivateKeyEncoding(privateKeyEncoding, type, 'privateKeyEncoding');
  }
  return result;
}

// The job's arguments after the type, from the options.
function jobArguments(type, options) {
  switch (type) {
    case 'rsa':
    case 'rsa-pss': {
      validateObject(options, 'options');
      const { modulusLength } = options;
      validateUint32(modulusLength, 'options.modulusLength');
      let { publicExponent } = options;
      if (publicExponent == null) {
        publicExponent = 0x10001;
      } else {
        validateUint32(publicExponent, 'options.publicExponent');
      }
      if (type === 'rsa') return [modulusLength, publicExponent];

      const { hash, mgf1Hash, hashAlgorithm, mgf1HashAlgorithm, saltLength } =
        options;
      if (saltLength !== undefined) {
        validateInt32(saltLength, 'options.saltLength', 0);
      }
      if (hashAlgorithm !== undefined) {
        validateString(hashAlgorithm, 'options.hashAlgorithm');
      }
      if (mgf1HashAlgorithm !== undefined) {
        validateString(mgf1HashAlgorithm, 'options.mgf1HashAlgorithm');
      }
      if (hash !== undefined) {
        emitHashWarning();
        validateString(hash, 'options.hash');
        if (hashAlgorithm && hash !== hashAlgorithm) {
          throw new ERR_INVALID_ARG_VALUE('options.hash', hash);
        }
      }
      if (mgf1Hash !== undefined) {
        emitMgf1HashWarning();
        validateString(mgf1Hash, 'options.mgf1Hash');
        if (mgf1HashAlgorithm && mgf1Hash !== mgf1HashAlgorithm) {
          throw new ERR_INVALID_ARG_VALUE('options.mgf1Hash', mgf1Hash);
        }
      }
      let md = hashAlgorithm || hash;
      let mgf1Md = mgf1HashAlgorithm || mgf1Hash;
      // Restricting one parameter restricts them all (SHA-1 by default).
      if (md === undefined &&
          (mgf1Md !== undefined || saltLength !== undefined)) {
        md = 'sha1';
      }
      if (mgf1Md === undefined && md !== undefined) mgf1Md = md;
      return [modulusLength, publicExponent, md, mgf1Md, saltLength];
    }
    case 'dsa': {
      validateObject(options, 'options');
      const { modulusLength } = options;
      validateUint32(modulusLength, 'options.modulusLength');
      let { divisorLength } = options;
      if (divisorLength == null) {
        divisorLength = -1;
      } else {
        validateInt32(divisorLength, 'options.divisorLength', 0);
      }
      return [modulusLength, divisorLength];
    }
    case 'ec': {
      validateObject(options, 'options');
      const { namedCurve } = options;
      validateString(namedCurve, 'options.namedCurve');
      const { paramEncoding } = options;
      if (paramEncoding != null && paramEncoding !== 'named' &&
          paramEncoding !== 'explicit') {
        throw new ERR_INVALID_ARG_VALUE('options.paramEncoding',
                                        paramEncoding);
      }
      return [namedCurve, paramEncoding === 'explicit'];
    }
    case 'ed25519':
    case 'ed448':
    case 'x25519':
    case 'x448':
      if (options !== undefined) validateObject(options, 'options');
      return [];
    case 'dh': {
      validateObject(options, 'options');
      const { group, primeLength, prime, generator } = options;
      if (group != null) {
        if (prime != null) {
          throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'prime');
        }
        if (primeLength != null) {
          throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'primeLength');
        }
        if (generator != null) {
          throw new ERR_INCOMPATIBLE_OPTION_PAIR('group', 'generator');
        }
        validateString(group, 'options.group');
        return [group];
      }
      if (prime != null) {
        if (primeLength != null) {
          throw new ERR_INCOMPATIBLE_OPTION_PAIR('prime', 'primeLength');
        }
        validateBuffer(prime, 'options.prime');
      } else if (primeLength != null) {
        validateInt32(primeLength, 'options.primeLength', 0);
      } else {
        throw new ERR_MISSING_OPTION(
          'At least one of the group, prime, or primeLength options');
      }
      if (generator != null) {
        validateInt32(generator, 'options.generator', 0);
      }
      return [prime != null ? prime : primeLength,
              generator == null ? 2 : generator];
    }
    default:
      throw new ERR_INVALID_ARG_VALUE('type', type,
                                      'must be a supported key type');
  }
}

function createJob(mode, type, options) {
  validateString(type, 'type');
  const args = jobArguments(type, options);
  const encodings = parseEncodings(type, options);
  const job = new KeyPairGenJob(mode, type, ...args);
  return { job, encodings };
}

function encodeKey(handle, encoding, isPrivate) {
  const key = isPrivate ? new PrivateKeyObject(handle) :
    new PublicKeyObject(handle);
  if (encoding === undefined) return key;
  return key.export(encoding);
}

function keyPair(handles, encodings) {
  return {
    publicKey: encodeKey(handles[0], encodings.public, false),
    privateKey: encodeKey(handles[1], encodings.private, true),
  };
}

function generateKeyPair(type, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const { job, encodings } = createJob(kCryptoJobAsync, type, options);
  runJob(job, 'KEYPAIRGENREQUEST', function(err, handles) {
    if (err) return FunctionPrototypeCall(callback, job, err);
    let pair;
    try {
      pair = keyPair(handles, encodings);
    } catch (e) {
      return FunctionPrototypeCall(callback, job, e);
    }
    FunctionPrototypeCall(callback, job, null, pair.publicKey,
                          pair.privateKey);
  });
}

ObjectDefineProperty(generateKeyPair, customPromisifyArgs, {
  __proto__: null,
  value: ['publicKey', 'privateKey'],
  enumerable: false,
});

function generateKeyPairSync(type, options) {
  const { job, encodings } = createJob(kCryptoJobSync, type, options);
  const { 0: err, 1: handles } = job.run();
  if (err) throw err;
  return keyPair(handles, encodings);
}

module.exports = {
  generateKey,
  generateKeyPair,
  generateKeyPairSync,
  generateKeySync,
};
