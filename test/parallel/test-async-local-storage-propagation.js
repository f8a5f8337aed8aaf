'use strict';
// The store follows the program across lode's asynchronous boundaries:
// timers, immediates, ticks, microtasks, promises and await, fs callbacks.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const { AsyncLocalStorage } = require('async_hooks');

const als = new AsyncLocalStorage();

function expectStore(store) {
  return common.mustCall(() => assert.strictEqual(als.getStore(), store));
}

assert.strictEqual(als.getStore(), undefined);

als.run('timeout', () => setTimeout(expectStore('timeout'), 1));
als.run('interval', () => {
  const timer = setInterval(common.mustCall(() => {
    assert.strictEqual(als.getStore(), 'interval');
    clearInterval(timer);
  }), 1);
});
als.run('immediate', () => setImmediate(expectStore('immediate')));
als.run('tick', () => process.nextTick(expectStore('tick')));
als.run('microtask', () => queueMicrotask(expectStore('microtask')));
als.run('then', () => Promise.resolve().then(expectStore('then')));
als.run('await', async () => {
  await null;
  assert.strictEqual(als.getStore(), 'await');
  await new Promise((resolve) => setTimeout(resolve, 2));
  assert.strictEqual(als.getStore(), 'await');
}).then(common.mustCall());
als.run('fs', () => {
  fs.stat(__filename, common.mustSucceed(() => {
    assert.strictEqual(als.getStore(), 'fs');
    fs.readFile(__filename, expectStore('fs'));
  }));
});
als.run('fs.promises', async () => {
  await fs.promises.readFile(__filename);
  assert.strictEqual(als.getStore(), 'fs.promises');
}).then(common.mustCall());

// Outside of run(), nothing leaks.
assert.strictEqual(als.getStore(), undefined);
setTimeout(expectStore(undefined), 1);
Promise.resolve().then(expectStore(undefined));
