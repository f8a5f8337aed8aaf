'use strict';
// SubtleCrypto operations on the threadpool: AES-GCM/CBC/CTR/KW, HMAC,
// ECDSA, RSA-PSS, Ed25519, ECDH/X25519, HKDF, PBKDF2, deriveKey and
// wrapKey/unwrapKey, with known answers where they are deterministic.
const common = require('../common');
const assert = require('assert');
const { subtle } = globalThis.crypto;

const hex = (ab) => Buffer.from(ab).toString('hex');

(async () => {
  // AES-CBC, NIST SP 800-38A F.2.1 (first block, then PKCS#7 padding).
  const cbcKey = await subtle.importKey(
    'raw', Buffer.from('2b7e151628aed2a6abf7158809cf4f3c', 'hex'), 'AES-CBC', false,
    ['encrypt', 'decrypt']);
  const iv = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
  const ct = await subtle.encrypt({ name: 'AES-CBC', iv }, cbcKey,
                                  Buffer.from('6bc1bee22e409f96e93d7e117393172a', 'hex'));
  assert.strictEqual(hex(ct).slice(0, 32), '7649abac8119b246cee98e9b12e9197d');
  assert.strictEqual(hex(await subtle.decrypt({ name: 'AES-CBC', iv }, cbcKey, ct)),
                     '6bc1bee22e409f96e93d7e117393172a');

  const gcm = await subtle.generateKey({ name: 'AES-GCM', length: 128 }, true,
                                       ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey']);
  const sealed = await subtle.encrypt({ name: 'AES-GCM', iv: Buffer.alloc(12), tagLength: 96 },
                                      gcm, Buffer.from('lode'));
  assert.strictEqual(sealed.byteLength, 4 + 12);
  await assert.rejects(subtle.decrypt({ name: 'AES-GCM', iv: Buffer.alloc(12) }, gcm, sealed), {
    name: 'OperationError',
  });

  // HMAC-SHA-256, RFC 4231 test case 2.
  const hmac = await subtle.importKey('raw', Buffer.from('Jefe'), { name: 'HMAC', hash: 'SHA-256' },
                                      false, ['sign', 'verify']);
  const mac = await subtle.sign('HMAC', hmac, Buffer.from('what do ya want for nothing?'));
  assert.strictEqual(hex(mac),
                     '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  assert(await subtle.verify('HMAC', hmac, mac, Buffer.from('what do ya want for nothing?')));

  for (const [gen, sign] of [
    [{ name: 'ECDSA', namedCurve: 'P-256' }, { name: 'ECDSA', hash: 'SHA-256' }],
    [{ name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]),
       hash: 'SHA-256' }, { name: 'RSA-PSS', saltLength: 32 }],
    ['Ed25519', 'Ed25519'],
  ]) {
    const { publicKey, privateKey } = await subtle.generateKey(gen, false, ['sign', 'verify']);
    const sig = await subtle.sign(sign, privateKey, Buffer.from('data'));
    assert(await subtle.verify(sign, publicKey, sig, Buffer.from('data')));
    assert(!await subtle.verify(sign, publicKey, sig, Buffer.from('other')));
    await assert.rejects(subtle.sign(sign, publicKey, Buffer.from('data')), {
      name: 'InvalidAccessError', message: 'Unable to use this key to sign',
    });
  }

  for (const gen of [{ name: 'ECDH', namedCurve: 'P-256' }, 'X25519']) {
    const a = await subtle.generateKey(gen, false, ['deriveBits', 'deriveKey']);
    const b = await subtle.generateKey(gen, false, ['deriveBits']);
    const name = gen.name || gen;
    const ab = await subtle.deriveBits({ name, public: b.publicKey }, a.privateKey, 256);
    const ba = await subtle.deriveBits({ name, public: a.publicKey }, b.privateKey, 256);
    assert.strictEqual(hex(ab), hex(ba));
    const key = await subtle.deriveKey({ name, public: b.publicKey }, a.privateKey,
                                       { name: 'AES-KW', length: 256 }, true, ['wrapKey']);
    assert.deepStrictEqual(key.algorithm, { name: 'AES-KW', length: 256 });
  }

  // PBKDF2-HMAC-SHA-256 (RFC 7914 section 11) and HKDF (RFC 5869 A.1).
  const pw = await subtle.importKey('raw', Buffer.from('passwd'), 'PBKDF2', false, ['deriveBits']);
  assert.strictEqual(hex(await subtle.deriveBits({
    name: 'PBKDF2', salt: Buffer.from('salt'), iterations: 1, hash: 'SHA-256',
  }, pw, 128)), '55ac046e56e3089fec1691c22544b605');
  const ikm = await subtle.importKey('raw', Buffer.alloc(22, 0x0b), 'HKDF', false, ['deriveBits']);
  assert.strictEqual(hex(await subtle.deriveBits({
    name: 'HKDF', hash: 'SHA-256', salt: Buffer.from('000102030405060708090a0b0c', 'hex'),
    info: Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex'),
  }, ikm, 128)), '3cb25f25faacd57a90434f64d0362f2a');

  const kw = await subtle.generateKey({ name: 'AES-KW', length: 128 }, false,
                                      ['wrapKey', 'unwrapKey']);
  const wrapped = await subtle.wrapKey('jwk', hmac.extractable ? hmac : gcm, kw, 'AES-KW');
  const unwrapped = await subtle.unwrapKey('jwk', wrapped, kw, 'AES-KW', 'AES-GCM', true,
                                           ['encrypt']);
  assert.strictEqual(hex(await subtle.exportKey('raw', unwrapped)),
                     hex(await subtle.exportKey('raw', gcm)));
})().then(common.mustCall());
