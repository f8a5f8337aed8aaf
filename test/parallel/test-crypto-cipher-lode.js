'use strict';
// Cipheriv/Decipheriv: a known AES vector, round trips in several modes,
// authenticated modes and a wrong tag, padding, and the errors.
require('../common');
const assert = require('assert');
const crypto = require('crypto');

// FIPS 197 appendix C.1, without padding.
{
  const key = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
  const c = crypto.createCipheriv('aes-128-ecb', key, null);
  c.setAutoPadding(false);
  const out = Buffer.concat([
    c.update(Buffer.from('00112233445566778899aabbccddeeff', 'hex')),
    c.final(),
  ]);
  assert.strictEqual(out.toString('hex'), '69c4e0d86a7b0430d8cdb78070b4c55a');
}

// Round trips with string encodings in and out.
const key32 = crypto.randomBytes(32);
for (const [name, ivLength] of [['aes-256-cbc', 16], ['aes-256-ctr', 16],
                                 ['aes-256-cfb', 16], ['aes-256-ofb', 16]]) {
  const iv = crypto.randomBytes(ivLength);
  const text = 'Lode crypto round trip: é ✓';
  const c = crypto.createCipheriv(name, key32, iv);
  const enc = c.update(text, 'utf8', 'base64') + c.final('base64');
  const d = crypto.createDecipheriv(name, key32, iv);
  assert.strictEqual(d.update(enc, 'base64', 'utf8') + d.final('utf8'), text);
}

// Authenticated modes: the tag verifies; a changed one fails in final().
for (const [name, options] of [['aes-256-gcm', undefined],
                               ['aes-256-ccm', { authTagLength: 16 }],
                               ['aes-256-ocb', { authTagLength: 16 }],
                               ['chacha20-poly1305', undefined]]) {
  const iv = crypto.randomBytes(12);
  const aad = Buffer.from('header');
  const text = Buffer.from('secret message');
  const c = crypto.createCipheriv(name, key32, iv, options);
  c.setAAD(aad, { plaintextLength: text.length });
  const enc = Buffer.concat([c.update(text), c.final()]);
  const tag = c.getAuthTag();
  assert.strictEqual(tag.length, 16);

  const d = crypto.createDecipheriv(name, key32, iv, options);
  d.setAuthTag(tag);
  d.setAAD(aad, { plaintextLength: enc.length });
  assert.deepStrictEqual(Buffer.concat([d.update(enc), d.final()]), text);

  const bad = crypto.createDecipheriv(name, key32, iv, options);
  const wrong = Buffer.from(tag);
  wrong[0] ^= 1;
  bad.setAuthTag(wrong);
  bad.setAAD(aad, { plaintextLength: enc.length });
  bad.update(enc);
  assert.throws(() => bad.final(), {
    message: 'Unsupported state or unable to authenticate data',
  });
}

// GCM: tag lengths and state errors.
{
  const iv = Buffer.alloc(12);
  assert.throws(
    () => crypto.createCipheriv('aes-256-gcm', key32, iv, { authTagLength: 7 }),
    { code: 'ERR_CRYPTO_INVALID_AUTH_TAG',
      message: 'Invalid authentication tag length: 7' });
  const c = crypto.createCipheriv('aes-256-gcm', key32, iv);
  assert.throws(() => c.getAuthTag(), {
    code: 'ERR_CRYPTO_INVALID_STATE',
    message: 'Invalid state for operation getAuthTag',
  });
  const d = crypto.createDecipheriv('aes-256-gcm', key32, iv);
  assert.throws(() => d.setAuthTag(Buffer.alloc(5)), {
    code: 'ERR_CRYPTO_INVALID_AUTH_TAG',
  });
  assert.throws(
    () => crypto.createCipheriv('aes-128-ccm', key32.subarray(0, 16), iv),
    { message: 'authTagLength required for aes-128-ccm' });
}

// Padding: a wrong key fails to unpad; without padding a partial block
// fails.
{
  const iv = Buffer.alloc(16);
  const c = crypto.createCipheriv('aes-256-cbc', key32, iv);
  const enc = Buffer.concat([c.update('hello'), c.final()]);
  const d = crypto.createDecipheriv('aes-256-cbc', crypto.randomBytes(32), iv);
  d.update(enc);
  assert.throws(() => d.final(), (err) => {
    return /bad decrypt/.test(err.message) && typeof err.code === 'string';
  });
  const p = crypto.createCipheriv('aes-256-cbc', key32, iv);
  p.setAutoPadding(false);
  p.update('short');
  assert.throws(() => p.final(), { code: 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH' });
  assert.throws(() => p.final(), { code: 'ERR_CRYPTO_INVALID_STATE' });
  assert.throws(() => p.setAutoPadding(true), {
    message: 'Invalid state for operation setAutoPadding',
  });
}

// Argument errors.
assert.throws(() => crypto.createCipheriv('nope', key32, null), {
  code: 'ERR_CRYPTO_UNKNOWN_CIPHER', message: 'Unknown cipher',
});
assert.throws(() => crypto.createCipheriv('aes-256-cbc', key32.subarray(1),
                                          Buffer.alloc(16)), {
  name: 'RangeError', code: 'ERR_CRYPTO_INVALID_KEYLEN',
});
assert.throws(() => crypto.createCipheriv('aes-256-cbc', key32,
                                          Buffer.alloc(15)), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_IV',
});
assert.throws(() => crypto.createCipheriv('aes-256-cbc', key32, 1), {
  code: 'ERR_INVALID_ARG_TYPE', message: /^The "iv" argument/,
});

// getCipherInfo.
assert.deepStrictEqual(crypto.getCipherInfo('aes-128-cbc'), {
  mode: 'cbc', name: 'aes-128-cbc', nid: 419, blockSize: 16, ivLength: 16,
  keyLength: 16,
});
assert.strictEqual(crypto.getCipherInfo('nope'), undefined);
assert.strictEqual(crypto.getCipherInfo('aes-128-cbc', { keyLength: 5 }),
                   undefined);
assert.strictEqual(crypto.getCipherInfo('aes-128-gcm', { ivLength: 8 }).ivLength,
                   8);
assert(crypto.getCiphers().includes('aes-256-gcm'));
