'use strict';
// randomBytes/randomFill/randomInt/randomUUID/getRandomValues/
// timingSafeEqual: ranges, the threadpool path, and validation errors.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');

assert.strictEqual(crypto.randomBytes(16).length, 16);
crypto.randomBytes(8, common.mustSucceed((buf) => {
  assert.strictEqual(buf.length, 8);
}));
{
  const buf = Buffer.alloc(8);
  crypto.randomFill(buf, 2, 4, common.mustSucceed((b) => {
    assert.strictEqual(b, buf);
    assert.strictEqual(b[0] + b[1] + b[6] + b[7], 0);
  }));
  const u32 = new Uint32Array(4);
  assert.strictEqual(crypto.randomFillSync(u32, 1, 2), u32);
  assert.strictEqual(u32[0] + u32[3], 0);
}
assert.throws(() => crypto.randomBytes(-1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "size" is out of range. It must be >= 0 && <= ' +
           '2147483647. Received -1',
});
assert.throws(() => crypto.randomFillSync(Buffer.alloc(4), 5), {
  code: 'ERR_OUT_OF_RANGE',
});
assert.throws(() => crypto.randomFillSync(Buffer.alloc(4), 1, 4), {
  message: 'The value of "size + offset" is out of range. It must be <= 4. ' +
           'Received 5',
});
assert.throws(() => crypto.randomFillSync('x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => crypto.randomFill(Buffer.alloc(1)), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// randomInt stays in [min, max).
for (let i = 0; i < 200; i++) {
  const n = crypto.randomInt(-3, 3);
  assert(Number.isInteger(n) && n >= -3 && n < 3);
}
assert.strictEqual(crypto.randomInt(1), 0);
crypto.randomInt(5, 6, common.mustSucceed((n) => assert.strictEqual(n, 5)));
assert.throws(() => crypto.randomInt(1.5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "max" argument must be a safe integer. Received type number (1.5)',
});
assert.throws(() => crypto.randomInt(5, 3), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "max" is out of range. It must be greater than ' +
           'the value of "min" (5). Received 3',
});
assert.throws(() => crypto.randomInt(0, 2 ** 48), {
  message: /^The value of "max - min" is out of range/,
});
assert.throws(() => crypto.randomInt(1, 2, 3), { code: 'ERR_INVALID_ARG_TYPE' });

// UUIDs: version 4, variant 10.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
assert.match(crypto.randomUUID(), uuid);
assert.match(crypto.randomUUID({ disableEntropyCache: true }), uuid);
assert.match(globalThis.crypto.randomUUID(), uuid);
assert.notStrictEqual(crypto.randomUUID(), crypto.randomUUID());

// getRandomValues, through the module and the global.
assert.strictEqual(crypto.getRandomValues(new Uint8Array(4)).length, 4);
assert.throws(() => globalThis.crypto.getRandomValues(new Float32Array(1)), {
  name: 'TypeMismatchError',
});
assert.throws(() => globalThis.crypto.getRandomValues(new Uint8Array(65537)), {
  name: 'QuotaExceededError',
});
{
  const unbound = globalThis.crypto.getRandomValues;
  assert.throws(() => unbound(new Uint8Array(1)), { code: 'ERR_INVALID_THIS' });
}

// timingSafeEqual.
assert.strictEqual(crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')),
                   true);
assert.strictEqual(crypto.timingSafeEqual(new Uint8Array([1, 2]),
                                          new Uint8Array([1, 3])), false);
assert.throws(() => crypto.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)), {
  name: 'RangeError', code: 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH',
  message: 'Input buffers must have the same byte length',
});
assert.throws(() => crypto.timingSafeEqual('a', Buffer.alloc(1)), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buf1" argument must be an instance of ArrayBuffer, Buffer, ' +
           'TypedArray, or DataView.',
});

// Callbacks run in the async context the call was made in.
{
  const { AsyncLocalStorage } = require('async_hooks');
  const als = new AsyncLocalStorage();
  als.run('store', () => {
    crypto.randomBytes(4, common.mustSucceed(() => {
      assert.strictEqual(als.getStore(), 'store');
    }));
    crypto.pbkdf2('p', 's', 1, 8, 'sha256', common.mustSucceed(() => {
      assert.strictEqual(als.getStore(), 'store');
    }));
  });
}
