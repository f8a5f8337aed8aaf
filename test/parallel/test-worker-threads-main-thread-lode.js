'use strict';
require('../common');
const assert = require('assert');
const wt = require('worker_threads');

assert.strictEqual(wt.isMainThread, true);
assert.strictEqual(wt.isInternalThread, false);
assert.strictEqual(wt.threadId, 0);
assert.strictEqual(wt.parentPort, null);
assert.strictEqual(wt.workerData, null);
assert.deepStrictEqual(wt.resourceLimits, {});
assert.strictEqual(wt.SHARE_ENV, Symbol.for('nodejs.worker_threads.SHARE_ENV'));

const obj = {};
assert.strictEqual(wt.isMarkedAsUntransferable(obj), false);
wt.markAsUntransferable(obj);
assert.strictEqual(wt.isMarkedAsUntransferable(obj), true);
assert.strictEqual(wt.isMarkedAsUntransferable(1), false);

for (const Ctor of [wt.Worker, wt.MessageChannel, wt.MessagePort,
                    wt.BroadcastChannel]) {
  assert.throws(() => new Ctor('x'), { code: 'ERR_NOT_IMPLEMENTED' });
}
assert.throws(() => wt.receiveMessageOnPort({}), {
  code: 'ERR_NOT_IMPLEMENTED',
  message: 'The worker_threads.receiveMessageOnPort API is not implemented ' +
           'in lode yet',
});
assert.throws(() => wt.getEnvironmentData('k'), { code: 'ERR_NOT_IMPLEMENTED' });
