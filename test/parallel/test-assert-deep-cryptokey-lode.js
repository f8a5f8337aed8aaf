'use strict';
// Deep equality of Web Crypto keys compares what the key is (material,
// algorithm, usages, extractability), in loose and strict mode alike.
const common = require('../common');
if (!common.hasCrypto) common.skip('missing crypto');
const assert = require('assert');
const { isDeepStrictEqual } = require('util');
const { subtle } = globalThis.crypto;

function hmac(byte, { hash = 'SHA-256', extractable = true,
                      usages = ['sign'] } = {}) {
  return subtle.importKey('raw', Buffer.alloc(1, byte), { name: 'HMAC', hash },
                          extractable, usages);
}

function assertDifferent(a, b) {
  assert.throws(() => assert.deepEqual(a, b), { code: 'ERR_ASSERTION' });
  assert.throws(() => assert.deepStrictEqual(a, b), { code: 'ERR_ASSERTION' });
  assert.strictEqual(isDeepStrictEqual(a, b), false);
}

(async () => {
  const base = await hmac(0);
  assertDifferent(base, await hmac(1));
  assertDifferent(base, await hmac(0, { extractable: false }));
  assertDifferent(base, await hmac(0, { hash: 'SHA-384' }));
  assertDifferent(base, await hmac(0, { usages: ['verify'] }));
  assertDifferent(base, {});

  const same = await hmac(0);
  assert.deepEqual(base, same);
  assert.deepStrictEqual(base, same);
})().then(common.mustCall());
