'use strict';
// pbkdf2, scrypt and hkdf: RFC vectors, sync and on the threadpool, and
// the argument errors.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');

// RFC 6070.
const pbkdf2Vector = '4b007901b765489abead49d926f721d065a429c1';
assert.strictEqual(
  crypto.pbkdf2Sync('password', 'salt', 4096, 20, 'sha1').toString('hex'),
  pbkdf2Vector);
crypto.pbkdf2('password', 'salt', 4096, 20, 'sha1', common.mustSucceed((key) => {
  assert(Buffer.isBuffer(key));
  assert.strictEqual(key.toString('hex'), pbkdf2Vector);
}));
assert.throws(() => crypto.pbkdf2Sync('p', 's', 1, 20, 'nope'), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_DIGEST',
});
assert.throws(() => crypto.pbkdf2Sync('p', 's', 0, 20, 'sha1'), {
  code: 'ERR_OUT_OF_RANGE',
});
assert.throws(() => crypto.pbkdf2('p', 's', 1, 20, 'sha1'), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => crypto.pbkdf2Sync(1, 's', 1, 20, 'sha1'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /^The "password" argument must be of type string or an instance/,
});

// RFC 7914 section 12 (the second vector).
const scryptVector = 'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e7' +
  '7376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbd' +
  'fa2cc0640';
assert.strictEqual(
  crypto.scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 })
    .toString('hex'),
  scryptVector);
crypto.scrypt('password', 'NaCl', 64, { cost: 1024, blockSize: 8,
                                         parallelization: 16 },
              common.mustSucceed((key) => {
                assert.strictEqual(key.toString('hex'), scryptVector);
              }));
assert.strictEqual(crypto.scryptSync('a', 'b', 0).length, 0);
for (const N of [1, 3, 2 ** 20]) {
  assert.throws(() => crypto.scryptSync('p', 's', 16, { N }), {
    name: 'RangeError', code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
    message: /^Invalid scrypt params/,
  });
}
assert.throws(() => crypto.scryptSync('p', 's', 16, { N: 16, cost: 16 }), {
  code: 'ERR_INCOMPATIBLE_OPTION_PAIR',
});
assert.throws(() => crypto.scryptSync('p', 's', 16, { maxmem: -1 }), {
  code: 'ERR_OUT_OF_RANGE',
});

// RFC 5869 test case 1.
const ikm = Buffer.alloc(22, 0x0b);
const salt = Buffer.from('000102030405060708090a0b0c', 'hex');
const info = Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex');
const okm = '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf' +
  '34007208d5b887185865';
{
  const bits = crypto.hkdfSync('sha256', ikm, salt, info, 42);
  assert(bits instanceof ArrayBuffer);
  assert.strictEqual(Buffer.from(bits).toString('hex'), okm);
}
crypto.hkdf('sha256', crypto.createSecretKey(ikm), salt, info, 42,
            common.mustSucceed((bits) => {
              assert.strictEqual(Buffer.from(bits).toString('hex'), okm);
            }));
// An empty key is allowed (Web Crypto needs it).
assert.strictEqual(crypto.hkdfSync('sha256', '', '', '', 16).byteLength, 16);
assert.throws(() => crypto.hkdfSync('sha256', 'k', 's', 'i', 255 * 32 + 1), {
  name: 'RangeError', code: 'ERR_CRYPTO_INVALID_KEYLEN',
});
assert.throws(() => crypto.hkdfSync('sha256', 'k', 's', Buffer.alloc(1025), 1), {
  code: 'ERR_OUT_OF_RANGE',
});
assert.throws(() => crypto.hkdfSync('sha256', 1, 's', 'i', 1), {
  code: 'ERR_INVALID_ARG_TYPE', message: /^The "ikm" argument/,
});
assert.throws(() => crypto.hkdfSync('nope', 'k', 's', 'i', 1), {
  code: 'ERR_CRYPTO_INVALID_DIGEST',
});
