'use strict';
// generateKeyPairSync and generateKeyPair (on the threadpool, also through
// util.promisify) for every key type, with and without encodings.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');
const { promisify } = require('util');

for (const [type, options, details] of [
  ['rsa', { modulusLength: 1024, publicExponent: 3 },
   { modulusLength: 1024, publicExponent: 3n }],
  ['rsa-pss', { modulusLength: 1024, hashAlgorithm: 'sha256' },
   { modulusLength: 1024, publicExponent: 65537n, hashAlgorithm: 'sha256',
     mgf1HashAlgorithm: 'sha256', saltLength: 32 }],
  ['dsa', { modulusLength: 1024, divisorLength: 160 },
   { modulusLength: 1024, divisorLength: 160 }],
  ['ec', { namedCurve: 'secp256k1' }, { namedCurve: 'secp256k1' }],
  ['ed25519', undefined, {}],
  ['ed448', undefined, {}],
  ['x25519', undefined, {}],
  ['x448', undefined, {}],
  ['dh', { group: 'modp5' }, {}],
]) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type, options);
  assert.strictEqual(publicKey.type, 'public');
  assert.strictEqual(privateKey.type, 'private');
  assert.strictEqual(privateKey.asymmetricKeyType, type);
  assert.deepStrictEqual(privateKey.asymmetricKeyDetails, details);
  assert(publicKey.equals(crypto.createPublicKey(privateKey)));
}

// Encodings: strings for PEM, Buffers for DER.
{
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'sec1', format: 'pem' },
  });
  assert(Buffer.isBuffer(publicKey));
  assert.match(privateKey, /^-----BEGIN EC PRIVATE KEY-----\n/);
  assert(crypto.createPublicKey({ key: publicKey, format: 'der', type: 'spki' })
    .equals(crypto.createPublicKey(privateKey)));
}

crypto.generateKeyPair('rsa', {
  modulusLength: 1024,
  privateKeyEncoding: {
    type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw',
  },
}, common.mustSucceed((publicKey, privateKey) => {
  assert.strictEqual(publicKey.asymmetricKeyType, 'rsa');
  assert.match(privateKey, /ENCRYPTED PRIVATE KEY/);
  const key = crypto.createPrivateKey({ key: privateKey, passphrase: 'pw' });
  assert(crypto.createPublicKey(key).equals(publicKey));
}));

promisify(crypto.generateKeyPair)('x25519').then(common.mustCall((pair) => {
  assert.deepStrictEqual(Object.keys(pair), ['publicKey', 'privateKey']);
  assert.strictEqual(pair.privateKey.asymmetricKeyType, 'x25519');
}));
