'use strict';
// KeyObject, CryptoKey and X509Certificate are cloned as what they are by
// structuredClone() and postMessage(), to the same thread and to a worker.
const common = require('../common');
const assert = require('assert');
const fixtures = require('../common/fixtures');
const {
  X509Certificate,
  createSecretKey,
  generateKeyPairSync,
} = require('crypto');
const { Worker, isMainThread, parentPort } = require('worker_threads');
const { subtle } = globalThis.crypto;

if (!isMainThread) {
  parentPort.once('message', ({ secret, publicKey, privateKey, cryptoKey, cert }) => {
    parentPort.postMessage({
      secret: secret.export().toString('hex'),
      publicKey: publicKey.export({ format: 'jwk' }),
      privateType: privateKey.asymmetricKeyType,
      cryptoKey: [cryptoKey.algorithm, cryptoKey.usages, cryptoKey.extractable],
      subject: cert.subject,
      keys: [secret, publicKey, cryptoKey],
    });
  });
  return;
}

const secret = createSecretKey(Buffer.from('0011223344556677', 'hex'));
const { publicKey, privateKey } = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
});
const cert = new X509Certificate(
  fixtures.readSync(['keys-lode', 'server-cert.pem']));

// structuredClone: new objects of the same classes, equal keys.
for (const key of [secret, publicKey, privateKey]) {
  const copy = structuredClone(key);
  assert.notStrictEqual(copy, key);
  assert.strictEqual(Object.getPrototypeOf(copy), Object.getPrototypeOf(key));
  assert.strictEqual(copy.equals(key), true);
}
const certCopy = structuredClone(cert);
assert.ok(certCopy instanceof X509Certificate);
assert.deepStrictEqual(certCopy.raw, cert.raw);
// A key met twice is cloned once.
const pair = structuredClone({ a: publicKey, b: [publicKey] });
assert.strictEqual(pair.a, pair.b[0]);

(async () => {
  const cryptoKey = await subtle.importKey(
    'raw', Buffer.alloc(32, 1), { name: 'HMAC', hash: 'SHA-256' },
    true, ['sign']);
  const keyCopy = structuredClone(cryptoKey);
  assert.ok(keyCopy instanceof CryptoKey);
  assert.deepStrictEqual(keyCopy.algorithm, cryptoKey.algorithm);
  assert.deepStrictEqual(
    await subtle.sign('HMAC', keyCopy, Buffer.from('x')),
    await subtle.sign('HMAC', cryptoKey, Buffer.from('x')));

  const worker = new Worker(__filename);
  worker.postMessage({ secret, publicKey, privateKey, cryptoKey, cert });
  worker.once('message', common.mustCall((reply) => {
    assert.strictEqual(reply.secret, '0011223344556677');
    assert.deepStrictEqual(reply.publicKey, publicKey.export({ format: 'jwk' }));
    assert.strictEqual(reply.privateType, 'ec');
    assert.deepStrictEqual(reply.cryptoKey, [
      { name: 'HMAC', length: 256, hash: { name: 'SHA-256' } }, ['sign'], true,
    ]);
    assert.strictEqual(reply.subject, cert.subject);
    // And back again.
    assert.strictEqual(reply.keys[0].equals(secret), true);
    assert.strictEqual(reply.keys[1].equals(publicKey), true);
    assert.strictEqual(reply.keys[2].type, 'secret');
  }));
})().then(common.mustCall());
