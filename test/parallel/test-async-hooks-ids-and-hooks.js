'use strict';
// executionAsyncId/triggerAsyncId per resource, and the init/before/after/
// destroy/promiseResolve hooks of createHook.
const common = require('../common');
const assert = require('assert');
const async_hooks = require('async_hooks');
const { executionAsyncId, triggerAsyncId } = async_hooks;

assert.strictEqual(executionAsyncId(), 1);
assert.strictEqual(triggerAsyncId(), 0);

const types = new Map();
const events = [];
const hook = async_hooks.createHook({
  init(id, type, trigger) { types.set(id, { type, trigger }); },
  before(id) { events.push(['before', id]); },
  after(id) { events.push(['after', id]); },
  destroy(id) { events.push(['destroy', id]); },
  promiseResolve(id) { events.push(['resolve', id]); },
}).enable();

const timeout = setTimeout(common.mustCall(() => {
  const id = executionAsyncId();
  assert.deepStrictEqual(types.get(id), { type: 'Timeout', trigger: 1 });
  assert.strictEqual(triggerAsyncId(), 1);
  process.nextTick(common.mustCall(() => {
    assert.strictEqual(types.get(executionAsyncId()).type, 'TickObject');
    assert.strictEqual(triggerAsyncId(), id);
  }));
}), 1);
assert.strictEqual(typeof timeout[Symbol.toPrimitive](), 'number');

setImmediate(common.mustCall(() => {
  assert.strictEqual(types.get(executionAsyncId()).type, 'Immediate');
}));

Promise.resolve().then(common.mustCall(() => {
  assert.strictEqual(types.get(executionAsyncId()).type, 'PROMISE');
}));

require('fs').stat(__filename, common.mustSucceed(() => {
  assert.strictEqual(types.get(executionAsyncId()).type, 'FSREQCALLBACK');
}));

const resource = new async_hooks.AsyncResource('Custom');
assert.strictEqual(types.get(resource.asyncId()).type, 'Custom');
resource.runInAsyncScope(() => {
  assert.strictEqual(executionAsyncId(), resource.asyncId());
  assert.strictEqual(async_hooks.executionAsyncResource(), resource);
});
resource.emitDestroy();

process.on('exit', () => {
  hook.disable();
  const has = (kind, id) =>
    events.some(([k, i]) => k === kind && (id === undefined || i === id));
  assert(has('before', resource.asyncId()));
  assert(has('after', resource.asyncId()));
  assert(has('destroy', resource.asyncId()));
  assert(has('resolve'));
});

assert.throws(() => async_hooks.createHook({ before: 1 }), {
  code: 'ERR_ASYNC_CALLBACK',
  message: 'hook.before must be a function',
});
assert.throws(() => new async_hooks.AsyncResource('x', { triggerAsyncId: -2 }),
              { code: 'ERR_INVALID_ASYNC_ID', name: 'RangeError' });
