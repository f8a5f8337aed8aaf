'use strict';
// Key agreement: DiffieHellman with the modp groups and own primes, ECDH
// and ECDH.convertKey, and crypto.diffieHellman() over KeyObjects (also
// with a callback, on the threadpool).
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');

{
  const a = crypto.getDiffieHellman('modp5');
  const b = crypto.createDiffieHellmanGroup('modp5');
  a.generateKeys();
  b.generateKeys();
  const secret = a.computeSecret(b.getPublicKey());
  assert.strictEqual(secret.length, 192);
  assert.deepStrictEqual(secret, b.computeSecret(a.getPublicKey('hex'), 'hex'));
  assert.strictEqual(a.getGenerator('hex'), '02');
  assert.strictEqual(a.verifyError, 0);
  assert.throws(() => a.computeSecret(Buffer.from([1])), {
    code: 'ERR_CRYPTO_INVALID_KEYLEN', message: 'Supplied key is too small',
  });

  const c = crypto.createDiffieHellman(a.getPrime(), 2);
  c.setPrivateKey(Buffer.from([3]));
  c.setPublicKey(Buffer.from([8]));
  assert.strictEqual(c.getPrivateKey('hex') + c.getPublicKey('hex'), '0308');
  assert.throws(() => crypto.getDiffieHellman('modp3'), {
    code: 'ERR_CRYPTO_UNKNOWN_DH_GROUP',
  });
  assert.throws(() => crypto.createDiffieHellman(a.getPrime(), 1), {
    code: 'ERR_OSSL_DH_BAD_GENERATOR',
  });
}

{
  const a = crypto.createECDH('prime256v1');
  const b = crypto.createECDH('prime256v1');
  const aPub = a.generateKeys();
  b.generateKeys();
  assert.strictEqual(aPub.length, 65);
  assert.deepStrictEqual(a.computeSecret(b.getPublicKey()),
                         b.computeSecret(a.getPublicKey(null, 'compressed')));
  const compressed = crypto.ECDH.convertKey(aPub, 'prime256v1', null, 'hex',
                                            'compressed');
  assert.strictEqual(compressed, a.getPublicKey('hex', 'compressed'));
  const copy = crypto.createECDH('prime256v1');
  copy.setPrivateKey(a.getPrivateKey());
  assert.deepStrictEqual(copy.getPublicKey(), aPub);
  assert.throws(() => a.computeSecret(Buffer.from([4, 1, 2])), {
    code: 'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY',
  });
  assert.throws(() => a.getPublicKey(null, 'x'), { code: 'ERR_CRYPTO_ECDH_INVALID_FORMAT' });
  assert.throws(() => crypto.createECDH('nope'), { code: 'ERR_CRYPTO_INVALID_CURVE' });
}

for (const [type, options] of [['x25519'], ['ec', { namedCurve: 'P-384' }],
                               ['dh', { group: 'modp5' }]]) {
  const a = crypto.generateKeyPairSync(type, options);
  const b = crypto.generateKeyPairSync(type, options);
  const secret = crypto.diffieHellman({ privateKey: a.privateKey,
                                        publicKey: b.publicKey });
  assert.deepStrictEqual(secret, crypto.diffieHellman({
    privateKey: b.privateKey, publicKey: a.publicKey,
  }));
  crypto.diffieHellman({ privateKey: b.privateKey, publicKey: a.publicKey },
                       common.mustSucceed((s) => assert.deepStrictEqual(s, secret)));
}

const ed = crypto.generateKeyPairSync('ed25519');
const x = crypto.generateKeyPairSync('x25519');
assert.throws(() => crypto.diffieHellman({ privateKey: x.privateKey,
                                           publicKey: ed.publicKey }), {
  code: 'ERR_CRYPTO_INCOMPATIBLE_KEY',
  message: 'Incompatible key types for Diffie-Hellman: x25519 and ed25519',
});
