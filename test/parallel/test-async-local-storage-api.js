'use strict';
// run, exit, enterWith, disable, defaultValue and name, as in Node 24.
const common = require('../common');
const assert = require('assert');
const { AsyncLocalStorage } = require('async_hooks');

const a = new AsyncLocalStorage({ defaultValue: 'default', name: 'a' });
const b = new AsyncLocalStorage();
assert.strictEqual(a.name, 'a');
assert.strictEqual(b.name, '');
assert.strictEqual(a.getStore(), 'default');
assert.strictEqual(b.getStore(), undefined);

// run() returns fn's result, passes the extra arguments, restores after.
assert.strictEqual(a.run(1, (x, y) => {
  assert.strictEqual(a.getStore(), 1);
  // Nested stores and exit().
  a.run(2, () => assert.strictEqual(a.getStore(), 2));
  a.exit(() => assert.strictEqual(a.getStore(), undefined));
  assert.strictEqual(a.getStore(), 1);
  return x + y;
}, 3, 4), 7);
assert.strictEqual(a.getStore(), 'default');

// run() restores even when fn throws.
assert.throws(() => a.run(5, () => { throw new Error('boom'); }),
              { message: 'boom' });
assert.strictEqual(a.getStore(), 'default');

// Stores are independent; enterWith lasts for the rest of the sync code.
b.run('x', () => {
  a.enterWith('entered');
  assert.strictEqual(b.getStore(), 'x');
});
assert.strictEqual(a.getStore(), 'entered');

// disable() forgets the store in the current context.
b.enterWith('y');
b.disable();
assert.strictEqual(b.getStore(), undefined);

assert.throws(() => new AsyncLocalStorage(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
});

// enterWith inside a promise job does not leak to the awaiting code.
async function enterAfterAwait() {
  await 0;
  b.enterWith('inner');
}
(async () => {
  await enterAfterAwait();
  assert.strictEqual(b.getStore(), undefined);
})().then(common.mustCall());
