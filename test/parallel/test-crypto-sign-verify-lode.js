'use strict';
// Sign/Verify streams and crypto.sign/verify: RSA PKCS#1 v1.5 (a known
// signature), RSA-PSS salt lengths, ECDSA in DER and IEEE P1363, Ed25519,
// the callback form on the threadpool, and the errors.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const read = (name) =>
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'keys-lode', name),
                  'ascii');
const rsaPriv = read('crypto-rsa-private.pem');
const rsaPub = read('crypto-rsa-public.pem');
const data = Buffer.from('lode signs this');

// PKCS#1 v1.5 is deterministic: the stream and the one-shot agree.
const streamed = crypto.createSign('sha256').update('lode signs ')
  .update('this').sign(rsaPriv);
assert.deepStrictEqual(crypto.sign('sha256', data, rsaPriv), streamed);
assert(crypto.createVerify('RSA-SHA256').update(data).verify(rsaPub, streamed));
assert.strictEqual(
  crypto.createSign('sha256').update(data).sign(rsaPriv, 'base64'),
  streamed.toString('base64'));
assert(!crypto.verify('sha256', Buffer.from('other'), rsaPub, streamed));

// RSA-PSS with an explicit salt length.
const { RSA_PKCS1_PSS_PADDING, RSA_PSS_SALTLEN_DIGEST } = crypto.constants;
const pss = crypto.sign('sha256', data, {
  key: rsaPriv, padding: RSA_PKCS1_PSS_PADDING, saltLength: 32,
});
assert(crypto.verify('sha256', data, {
  key: rsaPub, padding: RSA_PKCS1_PSS_PADDING, saltLength: RSA_PSS_SALTLEN_DIGEST,
}, pss));
assert(!crypto.verify('sha256', data, {
  key: rsaPub, padding: RSA_PKCS1_PSS_PADDING, saltLength: 20,
}, pss));

// ECDSA: DER by default, r || s with ieee-p1363.
const ecPriv = read('crypto-ec-p256-private.pem');
const ecPub = read('crypto-ec-p256-public.pem');
const p1363 = crypto.sign('sha256', data, { key: ecPriv, dsaEncoding: 'ieee-p1363' });
assert.strictEqual(p1363.length, 64);
assert(crypto.verify('sha256', data, { key: ecPub, dsaEncoding: 'ieee-p1363' }, p1363));
assert(!crypto.verify('sha256', data, ecPub, p1363));
assert(crypto.verify('sha256', data, ecPub, crypto.sign('sha256', data, ecPriv)));

// Ed25519 signs the message itself (no digest), deterministically.
const edPriv = read('crypto-ed25519-private.pem');
const edSig = crypto.sign(null, data, edPriv);
assert.strictEqual(edSig.length, 64);
assert.deepStrictEqual(crypto.sign(undefined, data, edPriv), edSig);
assert(crypto.verify(null, data, read('crypto-ed25519-public.pem'), edSig));
assert.throws(() => crypto.createSign('sha256').update(data).sign(edPriv), {
  code: 'ERR_CRYPTO_UNSUPPORTED_OPERATION',
});

crypto.sign('sha256', data, rsaPriv, common.mustSucceed((sig) => {
  assert.deepStrictEqual(sig, streamed);
  crypto.verify('sha256', data, rsaPub, sig, common.mustSucceed((ok) => {
    assert.strictEqual(ok, true);
  }));
}));

assert.throws(() => crypto.createSign('nope'), {
  code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid digest',
});
assert.throws(() => crypto.sign('sha256', data, { key: ecPriv, dsaEncoding: 'x' }), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => crypto.createSign('sha256').sign(), {
  code: 'ERR_CRYPTO_SIGN_KEY_REQUIRED',
});
assert.throws(() => crypto.sign('sha256', data, rsaPub), {
  code: 'ERR_OSSL_UNSUPPORTED',
});
