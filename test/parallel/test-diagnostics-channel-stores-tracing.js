'use strict';
// bindStore/runStores, and the events of tracingChannel's traceSync,
// tracePromise and traceCallback.
const common = require('../common');
const assert = require('assert');
const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');

const store = new AsyncLocalStorage();
const channel = dc.channel('test:stores');
channel.bindStore(store, (data) => ({ wrapped: data }));
assert.strictEqual(channel.hasSubscribers, true);
const result = channel.runStores(1, function(x) {
  assert.deepStrictEqual(store.getStore(), { wrapped: 1 });
  return [this, x];
}, 'this', 2);
assert.deepStrictEqual(result, ['this', 2]);
assert.strictEqual(store.getStore(), undefined);
assert.strictEqual(channel.unbindStore(store), true);
assert.strictEqual(channel.unbindStore(store), false);
assert.strictEqual(channel.hasSubscribers, false);

const tc = dc.tracingChannel('test:trace');
const events = [];
const handlers = {};
for (const name of ['start', 'end', 'asyncStart', 'asyncEnd', 'error']) {
  handlers[name] = (ctx) => {
    events.push([name, ctx.error?.message ?? ctx.result]);
  };
}
assert.strictEqual(tc.hasSubscribers, false);
tc.subscribe(handlers);
assert.strictEqual(tc.hasSubscribers, true);

assert.strictEqual(tc.traceSync((x) => x + 1, {}, null, 1), 2);
assert.throws(() => tc.traceSync(() => { throw new Error('sync'); }),
              { message: 'sync' });
assert.deepStrictEqual(events.splice(0), [
  ['start', undefined], ['end', 2],
  ['start', undefined], ['error', 'sync'], ['end', 'sync'],
]);

tc.traceCallback((x, cb) => cb(null, x * 2), -1, {}, null, 21,
                 common.mustCall((err, value) => {
                   assert.strictEqual(value, 42);
                 }));
assert.deepStrictEqual(events.splice(0), [
  ['start', undefined], ['asyncStart', 42], ['asyncEnd', 42], ['end', 42],
]);
assert.throws(() => tc.traceCallback(() => {}, 0, {}, null, 1),
              { code: 'ERR_INVALID_ARG_TYPE' });

tc.tracePromise(async (x) => x, {}, null, 'ok').then(common.mustCall((v) => {
  assert.strictEqual(v, 'ok');
  return tc.tracePromise(() => Promise.reject(new Error('async')));
})).catch(common.mustCall((err) => {
  assert.strictEqual(err.message, 'async');
  assert.deepStrictEqual(events.splice(0), [
    ['start', undefined], ['end', undefined],
    ['asyncStart', 'ok'], ['asyncEnd', 'ok'],
    ['start', undefined], ['end', undefined],
    ['error', 'async'], ['asyncStart', 'async'], ['asyncEnd', 'async'],
  ]);
  assert.strictEqual(tc.unsubscribe(handlers), true);
  assert.strictEqual(tc.hasSubscribers, false);
}));

assert.throws(() => dc.tracingChannel(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "nameOrChannels" argument must be of type string or an ' +
           'instance of TracingChannel or Object. Received type number (5)',
});
assert.throws(() => dc.tracingChannel({ start: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
