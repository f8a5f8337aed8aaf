'use strict';
// SubtleCrypto keys: generateKey, importKey and exportKey in the raw, spki,
// pkcs8 and jwk formats, CryptoKey's shape, KeyObject.from/toCryptoKey, and
// Web Crypto's DOMException errors.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');
const { subtle } = globalThis.crypto;

(async () => {
  const aes = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true,
                                       ['decrypt', 'encrypt', 'encrypt']);
  assert(aes instanceof CryptoKey);
  assert.strictEqual(aes.type, 'secret');
  assert.deepStrictEqual(aes.algorithm, { name: 'AES-GCM', length: 256 });
  assert.deepStrictEqual(aes.usages, ['decrypt', 'encrypt']);
  const jwk = await subtle.exportKey('jwk', aes);
  assert.deepStrictEqual(Object.keys(jwk), ['key_ops', 'ext', 'alg', 'kty', 'k']);
  assert.deepStrictEqual(jwk.key_ops, ['decrypt', 'encrypt']);
  assert.strictEqual(jwk.alg, 'A256GCM');
  const raw = await subtle.exportKey('raw', aes);
  assert.strictEqual(raw.byteLength, 32);
  assert.deepStrictEqual(crypto.KeyObject.from(aes).export(), Buffer.from(raw));

  const ec = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true,
                                      ['sign', 'verify']);
  assert.deepStrictEqual(ec.publicKey.usages, ['verify']);
  assert.deepStrictEqual(ec.privateKey.usages, ['sign']);
  const spki = await subtle.exportKey('spki', ec.publicKey);
  const point = await subtle.exportKey('raw', ec.publicKey);
  assert.strictEqual(new Uint8Array(point)[0], 4);
  const back = await subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-384' },
                                      true, ['verify']);
  assert(crypto.KeyObject.from(back).equals(crypto.KeyObject.from(ec.publicKey)));
  const pkcs8 = await subtle.exportKey('pkcs8', ec.privateKey);
  assert.strictEqual(crypto.createPrivateKey({ key: Buffer.from(pkcs8), format: 'der',
                                               type: 'pkcs8' }).asymmetricKeyType, 'ec');

  const rsa = await subtle.generateKey({
    name: 'RSA-OAEP', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]),
    hash: 'SHA-256',
  }, false, ['encrypt', 'decrypt']);
  assert.strictEqual(rsa.privateKey.extractable, false);
  assert.strictEqual(rsa.publicKey.extractable, true);
  assert.strictEqual((await subtle.exportKey('jwk', rsa.publicKey)).alg, 'RSA-OAEP-256');

  const { publicKey } = crypto.generateKeyPairSync('ed25519');
  const ed = publicKey.toCryptoKey('Ed25519', true, ['verify']);
  assert.deepStrictEqual(ed.algorithm, { name: 'Ed25519' });

  await assert.rejects(subtle.exportKey('raw', rsa.privateKey), {
    name: 'InvalidAccessException', message: 'key is not extractable',
  });
  await assert.rejects(subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, ['sign']), {
    name: 'SyntaxError',
  });
  await assert.rejects(subtle.generateKey({ name: 'AES-GCM', length: 128 }, true, []), {
    name: 'SyntaxError', message: 'Usages cannot be empty when creating a key.',
  });
  await assert.rejects(subtle.generateKey('nope', true, ['sign']), {
    name: 'NotSupportedError', message: 'Unrecognized algorithm name',
  });
  await assert.rejects(subtle.generateKey({ name: 'HMAC' }, true, ['sign']), {
    code: 'ERR_MISSING_OPTION',
  });
  await assert.rejects(subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' },
                                        true, ['verify']), {
    name: 'DataError', message: 'Named curve mismatch',
  });
  await assert.rejects(subtle.exportKey('x', aes), {
    code: 'ERR_INVALID_ARG_VALUE',
  });
})().then(common.mustCall());
