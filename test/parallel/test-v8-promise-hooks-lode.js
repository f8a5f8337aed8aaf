'use strict';
// v8.promiseHooks: the four hooks, createHook(), their argument checks, and
// a hook that throws (an uncaught exception; execution goes on).
const common = require('../common');
const assert = require('assert');
const { promiseHooks } = require('v8');
const { AsyncLocalStorage } = require('async_hooks');

for (const name of ['init', 'before', 'after', 'settled']) {
  const method = `on${name[0].toUpperCase()}${name.slice(1)}`;
  for (const bad of [undefined, 1, async () => {}, async function*() {}]) {
    assert.throws(() => promiseHooks[method](bad), {
      code: 'ERR_INVALID_ARG_TYPE',
      message: new RegExp(`^The "${name}Hook" argument must be of type ` +
                          'function'),
    });
    assert.throws(() => promiseHooks.createHook({ [name]: bad || 1 }),
                  { code: 'ERR_INVALID_ARG_TYPE' });
  }
}

const events = [];
const stop = promiseHooks.createHook({
  init(promise, parent) { events.push(['init', promise, parent]); },
  before(promise) { events.push(['before', promise]); },
  after(promise) { events.push(['after', promise]); },
  settled(promise) { events.push(['settled', promise]); },
});
assert.strictEqual(typeof stop, 'function');
const parent = Promise.resolve(1);
assert.deepStrictEqual(events, [['init', parent, undefined],
                                ['settled', parent]]);
events.length = 0;
const child = parent.then(common.mustCall(() => {
  assert.deepStrictEqual(events, [['init', grandChild, child],
                                  ['before', child]]);
  events.length = 0;
}));
assert.deepStrictEqual(events, [['init', child, parent]]);
events.length = 0;
const grandChild = child.then(common.mustCall(() => {
  stop();
  assert.deepStrictEqual(events, [['settled', child], ['after', child],
                                  ['before', grandChild]]);
  events.length = 0;
  Promise.resolve();
  assert.deepStrictEqual(events, []);

  // With AsyncLocalStorage on (async_hooks' own promise hooks), both work.
  const als = new AsyncLocalStorage();
  let seen = 0;
  const stopInit = promiseHooks.onInit(() => { seen++; });
  als.run('store', common.mustCall(async () => {
    await null;
    assert.strictEqual(als.getStore(), 'store');
    stopInit();
    assert(seen > 0);
    throwingHook();
  }));
}));

function throwingHook() {
  const error = new Error('from hook');
  process.once('uncaughtException', common.mustCall((err) => {
    assert.strictEqual(err, error);
  }));
  const stopThrow = promiseHooks.onSettled(common.mustCall(() => {
    stopThrow();
    throw error;
  }));
  const p = Promise.resolve('still made');
  assert.strictEqual(typeof p.then, 'function');
}
