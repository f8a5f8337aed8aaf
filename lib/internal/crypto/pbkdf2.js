'use strict';

// crypto.pbkdf2 and pbkdf2Sync (PKCS #5 v2.0 with HMAC).

const {
  FunctionPrototypeCall,
} = primordials;

const {
  PBKDF2Job,
  kCryptoJobAsync,
  kCryptoJobSync,
} = internalBinding('crypto');

const {
  validateFunction,
  validateInt32,
  validateString,
} = require('internal/validators');

const { getArrayBufferOrView, runJob } = require('internal/crypto/util');
const { FastBuffer } = require('internal/buffer');

function checkArgs(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  // OpenSSL takes ints.
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  return { password, salt, iterations, keylen, digest };
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  ({ password, salt, iterations, keylen, digest } =
    checkArgs(password, salt, iterations, keylen, digest));
  validateFunction(callback, 'callback');
  const job = new PBKDF2Job(kCryptoJobAsync, password, salt, iterations,
                            keylen, digest);
  runJob(job, 'PBKDF2REQUEST', (err, result) => {
    if (err !== undefined) return FunctionPrototypeCall(callback, job, err);
    FunctionPrototypeCall(callback, job, null, new FastBuffer(result));
  });
}

function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  ({ password, salt, iterations, keylen, digest } =
    checkArgs(password, salt, iterations, keylen, digest));
  const { 0: err, 1: result } = new PBKDF2Job(
    kCryptoJobSync, password, salt, iterations, keylen, digest).run();
  if (err !== undefined) throw err;
  return new FastBuffer(result);
}

module.exports = {
  pbkdf2,
  pbkdf2Sync,
};
