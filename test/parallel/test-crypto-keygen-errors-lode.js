'use strict';
// generateKeyPair(Sync) refuses bad options with Node's errors, before any
// work starts.
require('../common');
const assert = require('assert');
const crypto = require('crypto');

const cases = [
  [['foo', {}], { code: 'ERR_INVALID_ARG_VALUE', name: 'TypeError',
                  message: "The argument 'type' must be a supported key type. Received 'foo'" }],
  [['rsa', {}], { code: 'ERR_INVALID_ARG_TYPE',
                  message: 'The "options.modulusLength" property must be of type number. Received undefined' }],
  [['rsa', { modulusLength: -1 }], { code: 'ERR_OUT_OF_RANGE', name: 'RangeError' }],
  [['rsa-pss', { modulusLength: 512, hashAlgorithm: 'nope' }],
   { code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid digest: nope' }],
  [['rsa-pss', { modulusLength: 512, mgf1HashAlgorithm: 'nope' }],
   { code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid MGF1 digest: nope' }],
  [['ec', { namedCurve: 'nope' }],
   { code: 'ERR_CRYPTO_INVALID_CURVE', name: 'TypeError', message: 'Invalid EC curve name' }],
  [['ec', { namedCurve: 'P-256', paramEncoding: 'x' }], { code: 'ERR_INVALID_ARG_VALUE' }],
  [['dh', {}], { code: 'ERR_MISSING_OPTION',
                 message: 'At least one of the group, prime, or primeLength options is required' }],
  [['dh', { group: 'modp5', prime: Buffer.alloc(8) }],
   { code: 'ERR_INCOMPATIBLE_OPTION_PAIR' }],
  [['dh', { group: 'modp99' }], { code: 'ERR_CRYPTO_UNKNOWN_DH_GROUP', message: 'Unknown DH group' }],
  [['rsa', { modulusLength: 512, publicKeyEncoding: 'pem' }],
   { code: 'ERR_INVALID_ARG_VALUE',
     message: "The property 'options.publicKeyEncoding' is invalid. Received 'pem'" }],
  [['rsa', { modulusLength: 512, publicKeyEncoding: { format: 'pem' } }],
   { code: 'ERR_INVALID_ARG_VALUE',
     message: "The property 'options.publicKeyEncoding.type' is invalid. Received undefined" }],
  [['ed25519', { privateKeyEncoding: { type: 'sec1', format: 'pem' } }],
   { code: 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS' }],
];
for (const [args, error] of cases) {
  assert.throws(() => crypto.generateKeyPairSync(...args), error);
  assert.throws(() => crypto.generateKeyPair(...args, () => {}), error);
}

assert.throws(() => crypto.generateKeyPair('ed25519', {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /"callback" argument must be of type function/,
});
