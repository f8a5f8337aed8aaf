// Flags: --expose-internals
'use strict';
// Internal helpers under Node's module ids: internal/fixed_queue (the
// nextTick queue), internal/freelist (the http parser pool),
// internal/webidl's integer conversion and internal/assert.
require('../common');
const assert = require('assert');
const FixedQueue = require('internal/fixed_queue');
const FreeList = require('internal/freelist');
const { convertToInt, evenRound } = require('internal/webidl');
const internalAssert = require('internal/assert');

{
  const queue = new FixedQueue();
  assert.strictEqual(queue.shift(), null);
  for (let i = 0; i < 5000; i++) queue.push(i);
  assert.notStrictEqual(queue.head, queue.tail);
  for (let i = 0; i < 5000; i++) assert.strictEqual(queue.shift(), i);
  assert(queue.isEmpty());
  assert.strictEqual(queue.head, queue.tail);
}

{
  let made = 0;
  const list = new FreeList('test', 1, () => ({ n: ++made }));
  const a = list.alloc();
  assert.deepStrictEqual(a, { n: 1 });
  assert.strictEqual(list.free(a), true);
  assert.strictEqual(list.free({}), false);
  assert.strictEqual(list.alloc(), a);
  assert.strictEqual(list.alloc().n, 2);
}

assert.strictEqual(evenRound(2.5), 2);
assert.strictEqual(evenRound(-2.5), -2);
assert(Object.is(evenRound(-0.4), 0));
assert.strictEqual(convertToInt('v', 300, 8), 44);
assert.strictEqual(convertToInt('v', 200, 8, { signed: true }), -56);
assert.strictEqual(convertToInt('v', 300, 8, { clamp: true }), 255);
assert.strictEqual(convertToInt('v', '12.9', 32), 12);
assert.throws(() => convertToInt('v', 256, 8, { enforceRange: true }), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'v' is invalid. Received 256",
});
assert.throws(() => convertToInt('v', 1n, 8), TypeError);

internalAssert(true);
assert.throws(() => internalAssert(false, 'boom'),
              { code: 'ERR_INTERNAL_ASSERTION' });
assert.throws(() => internalAssert.fail('boom'),
              { code: 'ERR_INTERNAL_ASSERTION' });
