'use strict';
// Public and private KeyObjects from PEM and DER in every encoding
// (SPKI, PKCS#1, PKCS#8, SEC1): types, details, equality, export round trips.
require('../common');
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const read = (name) =>
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'keys-lode', name),
                  'ascii');

const rsaPkcs8 = crypto.createPrivateKey(read('crypto-rsa-private.pem'));
const rsaPkcs1 = crypto.createPrivateKey(read('crypto-rsa-private-pkcs1.pem'));
const rsaPublic = crypto.createPublicKey(read('crypto-rsa-public.pem'));

assert.strictEqual(rsaPkcs8.type, 'private');
assert.strictEqual(rsaPublic.type, 'public');
assert.strictEqual(rsaPkcs8.asymmetricKeyType, 'rsa');
assert.deepStrictEqual(rsaPkcs8.asymmetricKeyDetails,
                       { modulusLength: 2048, publicExponent: 65537n });
assert(rsaPkcs8.equals(rsaPkcs1));
assert(rsaPublic.equals(crypto.createPublicKey(rsaPkcs8)));
assert(!rsaPublic.equals(rsaPkcs8));
assert.strictEqual(rsaPkcs1.export({ type: 'pkcs1', format: 'pem' }),
                   read('crypto-rsa-private-pkcs1.pem'));
assert.strictEqual(rsaPkcs1.export({ type: 'pkcs8', format: 'pem' }),
                   read('crypto-rsa-private.pem'));
assert.strictEqual(rsaPublic.export({ type: 'spki', format: 'pem' }),
                   read('crypto-rsa-public.pem'));

// DER in and out, and PKCS#1 public keys.
const der = rsaPublic.export({ type: 'pkcs1', format: 'der' });
assert(crypto.createPublicKey({ key: der, format: 'der', type: 'pkcs1' })
  .equals(rsaPublic));
const pkcs8Der = rsaPkcs8.export({ type: 'pkcs8', format: 'der' });
assert(crypto.createPrivateKey({ key: pkcs8Der, format: 'der', type: 'pkcs8' })
  .equals(rsaPkcs8));

// EC keys: SEC1 and PKCS#8 hold the same key.
const ec = crypto.createPrivateKey(read('crypto-ec-p256-private.pem'));
const ecSec1 = crypto.createPrivateKey(read('crypto-ec-p256-private-sec1.pem'));
assert(ec.equals(ecSec1));
assert.deepStrictEqual(ec.asymmetricKeyDetails, { namedCurve: 'prime256v1' });
assert.strictEqual(ec.export({ type: 'sec1', format: 'pem' }),
                   read('crypto-ec-p256-private-sec1.pem'));

const ed = crypto.createPublicKey(read('crypto-ed25519-private.pem'));
assert.strictEqual(ed.asymmetricKeyType, 'ed25519');
assert.deepStrictEqual(ed.asymmetricKeyDetails, {});
assert.strictEqual(ed.export({ type: 'spki', format: 'pem' }),
                   read('crypto-ed25519-public.pem'));

// Encodings that do not fit the key, and keys that are not keys.
assert.throws(() => ec.export({ type: 'pkcs1', format: 'pem' }), {
  code: 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
  message: 'The selected key encoding pkcs1 can only be used for RSA keys.',
});
assert.throws(() => crypto.createPrivateKey('not a key'), {
  code: 'ERR_OSSL_UNSUPPORTED',
});
assert.throws(() => crypto.createPrivateKey(rsaPublic), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => crypto.createPublicKey(crypto.createSecretKey(Buffer.alloc(4))), {
  code: 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE',
});
