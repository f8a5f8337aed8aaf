'use strict';
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');

// An 'error' event without listeners throws the error itself when it is an
// Error, and ERR_UNHANDLED_ERROR otherwise.
const ee = new EventEmitter();
const err = new Error('boom');
assert.throws(() => ee.emit('error', err), (e) => e === err);

assert.throws(() => ee.emit('error', 'text'), {
  name: 'Error',
  code: 'ERR_UNHANDLED_ERROR',
  message: "Unhandled error. ('text')",
  context: 'text',
});
assert.throws(() => ee.emit('error'), {
  code: 'ERR_UNHANDLED_ERROR',
  message: 'Unhandled error. (undefined)',
});
assert.throws(() => ee.emit('error', { a: 1 }), {
  code: 'ERR_UNHANDLED_ERROR',
  message: 'Unhandled error. ({ a: 1 })',
});
const thrown = (() => {
  try {
    ee.emit('error', 42);
  } catch (e) {
    return e;
  }
})();
assert.strictEqual(thrown.context, 42);
assert.strictEqual(thrown.stack.split('\n')[0],
                   'Error [ERR_UNHANDLED_ERROR]: Unhandled error. (42)');

// errorMonitor listeners see the error first but do not handle it.
const monitored = new EventEmitter();
monitored.on(EventEmitter.errorMonitor, common.mustCall((e) => {
  assert.strictEqual(e, err);
}, 2));
assert.throws(() => monitored.emit('error', err), (e) => e === err);
monitored.on('error', common.mustCall((e) => assert.strictEqual(e, err)));
assert.strictEqual(monitored.emit('error', err), true);
assert.strictEqual(typeof EventEmitter.errorMonitor, 'symbol');
assert.strictEqual(EventEmitter.errorMonitor.description,
                   'events.errorMonitor');

// An emitter without _events still throws for 'error'.
const bare = Object.create(EventEmitter.prototype);
assert.strictEqual(bare.emit('x'), false);
assert.throws(() => bare.emit('error', err), (e) => e === err);
