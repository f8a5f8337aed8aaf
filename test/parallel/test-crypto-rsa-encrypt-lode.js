'use strict';
// RSA encryption: publicEncrypt/privateDecrypt with OAEP (hash and label),
// privateEncrypt/publicDecrypt, raw RSA, and the errors.
require('../common');
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const read = (name) =>
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'keys-lode', name),
                  'ascii');
const priv = read('crypto-rsa-private.pem');
const pub = read('crypto-rsa-public.pem');
const message = Buffer.from('a secret for lode');
const { RSA_NO_PADDING, RSA_PKCS1_PADDING } = crypto.constants;

const ct = crypto.publicEncrypt(pub, message);
assert.strictEqual(ct.length, 256);
assert.deepStrictEqual(crypto.privateDecrypt(priv, ct), message);
// A private key encrypts with its public half too.
assert.deepStrictEqual(crypto.privateDecrypt(priv, crypto.publicEncrypt(priv, message)),
                       message);

const oaep = { oaepHash: 'sha512', oaepLabel: Buffer.from('label') };
const labelled = crypto.publicEncrypt({ key: pub, ...oaep }, message);
assert.deepStrictEqual(crypto.privateDecrypt({ key: priv, ...oaep }, labelled), message);
assert.throws(() => crypto.privateDecrypt({ key: priv, oaepHash: 'sha512' }, labelled), {
  code: 'ERR_OSSL_RSA_OAEP_DECODING_ERROR',
});

// Signing-style RSA is deterministic with PKCS#1 v1.5 padding.
const signed = crypto.privateEncrypt(priv, message);
assert.deepStrictEqual(crypto.privateEncrypt(priv, message), signed);
assert.deepStrictEqual(crypto.publicDecrypt(pub, signed), message);
assert.deepStrictEqual(
  crypto.publicDecrypt({ key: pub, padding: RSA_PKCS1_PADDING }, signed), message);

const block = Buffer.alloc(256, 0);
block[255] = 7;
const raw = crypto.publicEncrypt({ key: pub, padding: RSA_NO_PADDING }, block);
assert.deepStrictEqual(crypto.privateDecrypt({ key: priv, padding: RSA_NO_PADDING }, raw),
                       block);

assert.throws(() => crypto.publicEncrypt(pub, Buffer.alloc(300)), {
  code: 'ERR_OSSL_RSA_DATA_TOO_LARGE_FOR_KEY_SIZE',
});
assert.throws(() => crypto.publicEncrypt({ key: pub, oaepHash: 'nope' }, message), {
  code: 'ERR_OSSL_EVP_INVALID_DIGEST',
});
assert.throws(() => crypto.publicEncrypt({ key: pub, oaepHash: 1 }, message), {
  code: 'ERR_INVALID_ARG_TYPE',
});
