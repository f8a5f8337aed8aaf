'use strict';
// AsyncLocalStorage.snapshot/bind and AsyncResource.bind capture the
// context they were made in; EventEmitter listeners run in the emitter's.
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');

const als = new AsyncLocalStorage();

const snapshot = als.run('snap', () => AsyncLocalStorage.snapshot());
assert.strictEqual(snapshot((x) => `${als.getStore()}-${x}`, 1), 'snap-1');

const bound = als.run('bound', () => AsyncLocalStorage.bind(function(x) {
  return [als.getStore(), this, x];
}));
assert.deepStrictEqual(als.run('other', () => bound.call(7, 8)),
                       ['bound', 7, 8]);
assert.throws(() => AsyncLocalStorage.bind(5), {
  code: 'ERR_INVALID_ARG_TYPE',
});

const resourceBound = als.run('resource', () => {
  return AsyncResource.bind(common.mustCall(() => {
    assert.strictEqual(als.getStore(), 'resource');
  }));
});
als.run('timer', () => setTimeout(resourceBound, 1));

// Listeners see the context of emit(), not of on().
const ee = new EventEmitter();
als.run('listener', () => {
  ee.on('x', common.mustCall(() => assert.strictEqual(als.getStore(), 'emit')));
});
als.run('emit', () => ee.emit('x'));

const resource = als.run('scope', () => new AsyncResource('Test'));
assert.deepStrictEqual(
  resource.runInAsyncScope(function(x) { return [als.getStore(), this, x]; },
                           'this', 1),
  ['scope', 'this', 1]);
assert.strictEqual(als.getStore(), undefined);
