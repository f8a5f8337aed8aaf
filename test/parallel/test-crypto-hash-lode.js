'use strict';
// createHash/createHmac/hash(): known vectors, encodings, copy(), XOF
// lengths, the stream side, and Node's errors.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');

// FIPS 180 "abc" vectors.
assert.strictEqual(crypto.createHash('sha1').update('abc').digest('hex'),
                   'a9993e364706816aba3e25717850c26c9cd0d89d');
assert.strictEqual(
  crypto.createHash('sha256').update('a').update('bc').digest('hex'),
  'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
assert.strictEqual(crypto.createHash('md5').update('').digest('base64'),
                   '1B2M2Y8AsgTpgAmY7PhCfg==');
assert.strictEqual(crypto.createHash('SHA256').update('a').digest('base64url'),
                   'ypeBEsobvcr6wjGzmiPcTaeG7_gUfE5yuYB3ha_uSLs');
// Aliases and an unknown output encoding (a Buffer).
assert.deepStrictEqual(crypto.createHash('RSA-SHA1').update('abc').digest(),
                       crypto.createHash('sha1').update('abc').digest('foo'));
// Input encodings: latin1 differs from UTF-8, 'buffer' reads as UTF-8.
assert.notStrictEqual(crypto.createHash('md5').update('é', 'latin1').digest('hex'),
                      crypto.createHash('md5').update('é').digest('hex'));
assert.strictEqual(crypto.createHash('md5').update('é', 'buffer').digest('hex'),
                   crypto.createHash('md5').update('é', 'utf8').digest('hex'));

// copy() continues from the same state.
{
  const h = crypto.createHash('sha256').update('ab');
  const c = h.copy();
  assert.strictEqual(c.update('c').digest('hex'),
                     crypto.hash('sha256', 'abc'));
  h.digest();
  assert.throws(() => h.copy(), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
  assert.throws(() => h.digest(), {
    code: 'ERR_CRYPTO_HASH_FINALIZED', message: 'Digest already called',
  });
  assert.throws(() => h.update('x'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
}

// Extendable output.
assert.strictEqual(
  crypto.createHash('shake128', { outputLength: 5 }).digest('hex'),
  '7f9c2ba4e8');
assert.strictEqual(crypto.hash('shake256', 'a', { outputLength: 4 }), '867e2cb0');
assert.throws(() => crypto.createHash('sha256', { outputLength: 5 }), {
  code: 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH',
  library: 'digital envelope routines',
});
assert.throws(() => crypto.hash('sha1', 'a', { outputLength: 4 }), {
  message: 'Output length 4 is invalid for sha1, which does not support XOF',
});

// Errors, as Node words them.
assert.throws(() => crypto.createHash('nope'), {
  name: 'Error', message: 'Digest method not supported',
});
assert.throws(() => crypto.createHash(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "algorithm" argument must be of type string. ' +
           'Received type number (1)',
});
assert.throws(() => crypto.createHash('sha1').update(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "data" argument must be of type string or an instance of ' +
           'Buffer, TypedArray, or DataView. Received type number (1)',
});
assert.throws(() => crypto.hash('nope', 'a'), {
  message: 'Digest method nope is not supported',
});
assert.throws(() => crypto.hash('sha1', 'a', 'nope'), {
  code: 'ERR_INVALID_ARG_VALUE',
});

// HMAC (RFC 4231 test case 2).
assert.strictEqual(
  crypto.createHmac('sha256', 'Jefe')
    .update('what do ya want for nothing?').digest('hex'),
  '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
assert.strictEqual(
  crypto.createHmac('sha256', crypto.createSecretKey(Buffer.from('Jefe')))
    .update('what do ya want for nothing?').digest('hex').slice(0, 8),
  '5bdcc146');
{
  const h = crypto.createHmac('sha1', '');
  h.digest();
  assert.strictEqual(h.digest('hex'), '');
}
assert.throws(() => crypto.createHmac('nope', 'k'), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_DIGEST',
  message: 'Invalid digest: nope',
});
assert.throws(() => crypto.createHmac('sha1', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// The stream side.
{
  const h = crypto.createHash('sha1');
  h.setEncoding('hex');
  h.on('data', common.mustCall((d) => {
    assert.strictEqual(d, 'a9993e364706816aba3e25717850c26c9cd0d89d');
  }));
  h.end('abc');
}

assert(crypto.getHashes().includes('sha256'));
