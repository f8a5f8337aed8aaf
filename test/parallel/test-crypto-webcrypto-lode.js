'use strict';
// globalThis.crypto as in Node 24, subtle.digest, secret KeyObjects, and the
// APIs still missing (KEM) throwing ERR_NOT_IMPLEMENTED with their name.
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
  code: 'ERR_MISSING_ARGS',
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

// KEM: the key is validated first (test-crypto-kem-rsa covers the rest).
assert.throws(() => crypto.encapsulate(), { code: 'ERR_INVALID_ARG_TYPE' });
