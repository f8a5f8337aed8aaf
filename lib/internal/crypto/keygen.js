'use strict';

// generateKey(Sync) for secret keys ('hmac', 'aes'). Key pairs
// (generateKeyPair) are not implemented yet.

const {
  FunctionPrototypeCall,
  MathFloor,
} = primordials;

const {
  validateFunction,
  validateInteger,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_NOT_IMPLEMENTED,
  },
} = require('internal/errors');

const { createSecretKey } = require('internal/crypto/keys');
const { randomBytes } = require('internal/crypto/random');

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

function generateKeyPair() {
  throw new ERR_NOT_IMPLEMENTED('crypto.generateKeyPair');
}

function generateKeyPairSync() {
  throw new ERR_NOT_IMPLEMENTED('crypto.generateKeyPairSync');
}

module.exports = {
  generateKey,
  generateKeyPair,
  generateKeyPairSync,
  generateKeySync,
};
