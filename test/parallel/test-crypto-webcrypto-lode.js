'use strict';
// globalThis.crypto as in Node 24, subtle.digest, secret KeyObjects, and the
// APIs still missing throwing ERR_NOT_IMPLEMENTED with their name.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');

{
  const desc = Object.getOwnPropertyDescriptor(globalThis, 'crypto');
  assert.strictEqual(typeof desc.get, 'function');
  assert.strictEqual(desc.enumerable, true);
  assert.strictEqual(globalThis.crypto, crypto.webcrypto);
  assert.strictEqual(crypto.subtle, globalThis.crypto.subtle);
  assert.strictEqual(Object.prototype.toString.call(globalThis.crypto),
                     '[object Crypto]');
  for (const C of [Crypto, CryptoKey, SubtleCrypto]) {
    assert.throws(() => new C(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
  }
}

globalThis.crypto.subtle.digest('SHA-256', Buffer.from('abc'))
  .then(common.mustCall((ab) => {
    assert(ab instanceof ArrayBuffer);
    assert.strictEqual(Buffer.from(ab).toString('hex'),
                       crypto.hash('sha256', 'abc'));
  }));
assert.rejects(globalThis.crypto.subtle.digest('MD5', Buffer.alloc(1)), {
  name: 'NotSupportedError',
}).then(common.mustCall());
assert.rejects(globalThis.crypto.subtle.importKey('raw', Buffer.alloc(16)), {
  code: 'ERR_NOT_IMPLEMENTED',
}).then(common.mustCall());

// Secret keys.
{
  const key = crypto.createSecretKey(Buffer.from('abc'));
  assert.strictEqual(key.type, 'secret');
  assert.strictEqual(key.symmetricKeySize, 3);
  assert.deepStrictEqual(key.export(), Buffer.from('abc'));
  assert.deepStrictEqual(key.export({ format: 'jwk' }), { kty: 'oct', k: 'YWJj' });
  assert(key.equals(crypto.createSecretKey('abc', 'utf8')));
  assert(!key.equals(crypto.createSecretKey('abd', 'utf8')));
  assert(require('util').types.isKeyObject(key));
  assert(key instanceof crypto.KeyObject);
  const aes = crypto.generateKeySync('aes', { length: 128 });
  assert.strictEqual(aes.symmetricKeySize, 16);
  assert.throws(() => crypto.createSecretKey(1), { code: 'ERR_INVALID_ARG_TYPE' });
}

// Not there yet: a clear error naming the API.
for (const [fn, name] of [
  [() => crypto.createSign('sha256'), 'crypto.createSign'],
  [() => crypto.generateKeyPairSync('rsa', {}), 'crypto.generateKeyPairSync'],
  [() => crypto.createPublicKey('x'), 'crypto.createPublicKey'],
  [() => crypto.createECDH('prime256v1'), 'crypto.createECDH'],
  [() => new crypto.X509Certificate('x'), 'crypto.X509Certificate'],
]) {
  assert.throws(fn, {
    code: 'ERR_NOT_IMPLEMENTED',
    message: `The ${name} API is not implemented in lode yet`,
  });
}
