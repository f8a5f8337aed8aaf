'use strict';

// crypto.encapsulate() and crypto.decapsulate(): key encapsulation over
// internalBinding('crypto').KemJob. OpenSSL 3.0 implements RSASVE (RSA
// keys); other key types fail as OpenSSL refuses them (DHKEM needs 3.2,
// ML-KEM 3.5).

const {
  FunctionPrototypeCall,
} = primordials;

const {
  KemJob,
  kCryptoJobAsync,
  kCryptoJobSync,
} = internalBinding('crypto');

const { validateFunction } = require('internal/validators');
const {
  getArrayBufferOrView,
  runJob,
} = require('internal/crypto/util');
const {
  getPrivateKeyHandle,
  getPublicOrPrivateKeyHandle,
} = require('internal/crypto/keys');
const { FastBuffer } = require('internal/buffer');

function encapsulated(result) {
  return {
    sharedKey: new FastBuffer(result[0]),
    ciphertext: new FastBuffer(result[1]),
  };
}

function encapsulate(key, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  const handle = getPublicOrPrivateKeyHandle(key);
  const job = new KemJob(callback ? kCryptoJobAsync : kCryptoJobSync, handle);
  if (callback === undefined) {
    const { 0: err, 1: result } = job.run();
    if (err !== undefined) throw err;
    return encapsulated(result);
  }
  runJob(job, 'KEMREQUEST', (err, result) => {
    if (err) return FunctionPrototypeCall(callback, job, err);
    FunctionPrototypeCall(callback, job, null, encapsulated(result));
  });
}

function decapsulate(key, ciphertext, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  const handle = getPrivateKeyHandle(key);
  ciphertext = getArrayBufferOrView(ciphertext, 'ciphertext');
  const job = new KemJob(callback ? kCryptoJobAsync : kCryptoJobSync, handle,
                         ciphertext);
  if (callback === undefined) {
    const { 0: err, 1: secret } = job.run();
    if (err !== undefined) throw err;
    return new FastBuffer(secret);
  }
  runJob(job, 'KEMREQUEST', (err, secret) => {
    if (err) return FunctionPrototypeCall(callback, job, err);
    FunctionPrototypeCall(callback, job, null, new FastBuffer(secret));
  });
}

module.exports = {
  decapsulate,
  encapsulate,
};
