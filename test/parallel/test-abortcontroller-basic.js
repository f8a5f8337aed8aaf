'use strict';
const common = require('../common');
const assert = require('assert');
const { inspect } = require('util');

const ac = new AbortController();
assert.strictEqual(inspect(ac), 'AbortController { signal: AbortSignal { aborted: false } }');
assert.strictEqual(inspect(ac.signal, { depth: -1 }), '[AbortSignal]');
assert.strictEqual(ac.signal.reason, undefined);
assert.strictEqual(ac.signal.onabort, null);
const order = [];
ac.signal.onabort = common.mustCall((e) => order.push('onabort'));
ac.signal.addEventListener('abort', common.mustCall((e) => {
  assert.strictEqual(e.type, 'abort');
  assert.strictEqual(e.isTrusted, true);
  order.push('listener');
}));
ac.abort();
ac.abort();  // A second abort does nothing.
assert.deepStrictEqual(order, ['onabort', 'listener']);
assert.strictEqual(ac.signal.aborted, true);
assert.strictEqual(ac.signal.reason.name, 'AbortError');
assert.strictEqual(ac.signal.reason.message, 'This operation was aborted');
assert.strictEqual(ac.signal.reason.code, 20);
assert.throws(() => ac.signal.throwIfAborted(), { name: 'AbortError' });

assert.strictEqual(AbortSignal.abort('why').reason, 'why');
assert.throws(() => new AbortSignal(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
assert.throws(() => AbortSignal.prototype.aborted,
              { code: 'ERR_INVALID_THIS' });
assert.throws(() => AbortSignal.timeout(-1), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => AbortSignal.any([{ aborted: false }]),
              { code: 'ERR_INVALID_ARG_TYPE' });

// any(): every member of the group is aborted before any event fires.
{
  const source = new AbortController();
  const any = AbortSignal.any([source.signal]);
  const anyOfAny = AbortSignal.any([any]);
  source.signal.addEventListener('abort', common.mustCall(() => {
    assert.strictEqual(any.aborted, true);
    assert.strictEqual(anyOfAny.aborted, true);
  }));
  anyOfAny.addEventListener('abort', common.mustCall());
  source.abort('r');
  assert.strictEqual(anyOfAny.reason, 'r');
  assert.strictEqual(AbortSignal.any([AbortSignal.abort(1)]).reason, 1);
}

// timeout(): a TimeoutError, from a timer that does not hold the loop.
{
  const signal = AbortSignal.timeout(1);
  signal.addEventListener('abort', common.mustCall(() => {
    assert.strictEqual(signal.reason.name, 'TimeoutError');
    assert.strictEqual(signal.reason.message,
                       'The operation was aborted due to timeout');
  }));
  // Keep the loop alive long enough.
  setTimeout(() => {}, 50);
}
