'use strict';
// crypto.encapsulate()/decapsulate() with RSA keys (RSASVE, the KEM
// OpenSSL 3.0 has), synchronously and with a callback; other keys fail.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');

const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
  modulusLength: 2048,
});

const { sharedKey, ciphertext } = crypto.encapsulate(publicKey);
assert(Buffer.isBuffer(sharedKey));
assert.strictEqual(sharedKey.length, 256);
assert.strictEqual(ciphertext.length, 256);
assert.deepStrictEqual(crypto.decapsulate(privateKey, ciphertext), sharedKey);
// Keys in other forms.
const pem = privateKey.export({ format: 'pem', type: 'pkcs8' });
assert.deepStrictEqual(crypto.decapsulate(pem, ciphertext), sharedKey);
const jwk = { key: publicKey.export({ format: 'jwk' }), format: 'jwk' };
assert.strictEqual(crypto.encapsulate(jwk).ciphertext.length, 256);

crypto.encapsulate(publicKey, common.mustSucceed((result) => {
  crypto.decapsulate(privateKey, result.ciphertext,
                     common.mustSucceed((secret) => {
                       assert.deepStrictEqual(secret, result.sharedKey);
                     }));
}));

assert.throws(() => crypto.encapsulate(), {
  code: 'ERR_INVALID_ARG_TYPE', message: /The "key" argument must be of type/,
});
assert.throws(() => crypto.decapsulate(privateKey, null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /instance of ArrayBuffer, Buffer, TypedArray, or DataView\. Received null/,
});

const x25519 = crypto.generateKeyPairSync('x25519');
assert.throws(() => crypto.decapsulate(x25519.privateKey, ciphertext), {
  code: 'ERR_CRYPTO_OPERATION_FAILED',
  // OpenSSL 3.0 has no X25519 KEM (3.2 has DHKEM).
  message: /^Failed to (initialize|perform) decapsulation$/,
});
crypto.decapsulate(x25519.privateKey, ciphertext, common.mustCall((err) => {
  assert.strictEqual(err.message, 'Deriving bits failed');
}));
