'use strict';
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');

assert.strictEqual(EventEmitter.captureRejections, false);
assert.strictEqual(EventEmitter.captureRejectionSymbol,
                   Symbol.for('nodejs.rejection'));
assert.throws(() => { EventEmitter.captureRejections = 1; }, {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "EventEmitter.captureRejections" property must be of type ' +
           'boolean. Received type number (1)',
});
assert.throws(() => new EventEmitter({ captureRejections: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.captureRejections" property must be of type ' +
           'boolean. Received type number (1)',
});

// A rejected async listener becomes an 'error' event.
const err = new Error('async boom');
const ee = new EventEmitter({ captureRejections: true });
ee.on('thing', async () => { throw err; });
ee.on('error', common.mustCall((e) => assert.strictEqual(e, err)));
ee.emit('thing');

// ...or a call to the nodejs.rejection method, with the event arguments.
const ee2 = new EventEmitter({ captureRejections: true });
ee2[EventEmitter.captureRejectionSymbol] = common.mustCall((e, name, ...a) => {
  assert.strictEqual(e, err);
  assert.strictEqual(name, 'thing');
  assert.deepStrictEqual(a, [1, 2]);
});
ee2.on('thing', async () => { throw err; });
ee2.emit('thing', 1, 2);

// Without captureRejections, nothing is emitted.
const ee3 = new EventEmitter();
ee3.on('error', common.mustNotCall());
ee3.on('thing', () => Promise.resolve());
ee3.emit('thing');
