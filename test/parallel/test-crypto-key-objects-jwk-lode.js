'use strict';
// KeyObjects as JSON Web Keys: export and import for RSA, EC and the OKP
// types, and the errors for what JWK cannot hold.
require('../common');
const assert = require('assert');
const crypto = require('crypto');

for (const [type, options, members] of [
  ['rsa', { modulusLength: 1024 }, ['kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi']],
  ['ec', { namedCurve: 'P-384' }, ['kty', 'x', 'y', 'crv', 'd']],
  ['ed25519', undefined, ['crv', 'd', 'x', 'kty']],
  ['x448', undefined, ['crv', 'd', 'x', 'kty']],
]) {
  const { publicKey, privateKey } = crypto.generateKeyPairSync(type, options);
  const jwk = privateKey.export({ format: 'jwk' });
  assert.deepStrictEqual(Object.keys(jwk), members);
  const imported = crypto.createPrivateKey({ key: jwk, format: 'jwk' });
  assert(imported.equals(privateKey));
  const pub = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  assert(pub.equals(publicKey));
  assert.strictEqual(publicKey.export({ format: 'jwk' }).d, undefined);
}

const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
assert.strictEqual(ec.publicKey.export({ format: 'jwk' }).crv, 'P-256');

// What JWK cannot hold.
const dsa = crypto.generateKeyPairSync('dsa', { modulusLength: 1024 });
assert.throws(() => dsa.privateKey.export({ format: 'jwk' }), {
  code: 'ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE',
  message: 'Unsupported JWK Key Type.',
});
const k1 = crypto.generateKeyPairSync('ec', { namedCurve: 'secp224r1' });
assert.throws(() => k1.publicKey.export({ format: 'jwk' }), {
  code: 'ERR_CRYPTO_JWK_UNSUPPORTED_CURVE',
  message: 'Unsupported JWK EC curve: secp224r1.',
});
assert.throws(() => ec.privateKey.export({ format: 'jwk', passphrase: 'x' }), {
  code: 'ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS',
});

// Bad JWKs.
assert.throws(() => crypto.createPublicKey({ key: { kty: 'oct' }, format: 'jwk' }), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => crypto.createPublicKey({
  key: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }, format: 'jwk',
}), { code: 'ERR_CRYPTO_INVALID_JWK', message: 'Invalid JWK EC key' });
assert.throws(() => crypto.createPublicKey({
  key: { kty: 'OKP', crv: 'Ed25519', x: 'AA' }, format: 'jwk',
}), { code: 'ERR_CRYPTO_INVALID_JWK', message: 'Invalid JWK data' });
assert.throws(() => crypto.createPublicKey({ key: { kty: 'RSA' }, format: 'jwk' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /"key\.n" property must be of type string/,
});
