'use strict';
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');

// The leak warning is emitted once per event name, with Node's wording.
class Custom extends EventEmitter {}
const ee = new Custom();
ee.setMaxListeners(2);
const sym = Symbol('tick');

process.on('warning', common.mustCall((warning) => {
  assert.strictEqual(warning.name, 'MaxListenersExceededWarning');
  assert.strictEqual(warning.emitter, ee);
  assert.strictEqual(warning.count, 3);
  if (warning.type === 'data') {
    assert.strictEqual(warning.message,
                       'Possible EventEmitter memory leak detected. ' +
                       '3 data listeners added to [Custom]. ' +
                       'MaxListeners is 2. ' +
                       'Use emitter.setMaxListeners() to increase limit');
  } else {
    assert.strictEqual(warning.type, sym);
    assert.match(warning.message, /3 Symbol\(tick\) listeners added/);
  }
}, 2));

for (let i = 0; i < 5; i++) ee.on('data', () => {});
for (let i = 0; i < 3; i++) ee.on(sym, () => {});

// 0 disables the check; getMaxListeners() falls back to the default.
const unlimited = new EventEmitter().setMaxListeners(0);
for (let i = 0; i < 20; i++) unlimited.on('x', () => {});
assert.strictEqual(new EventEmitter().getMaxListeners(),
                   EventEmitter.defaultMaxListeners);
assert.strictEqual(EventEmitter.defaultMaxListeners, 10);
assert.strictEqual(EventEmitter.getMaxListeners(ee), 2);

for (const bad of [-1, NaN]) {
  assert.throws(() => ee.setMaxListeners(bad), {
    code: 'ERR_OUT_OF_RANGE',
    name: 'RangeError',
    message: 'The value of "setMaxListeners" is out of range. ' +
             `It must be >= 0. Received ${bad}`,
  });
}
assert.throws(() => ee.setMaxListeners('1'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "setMaxListeners" argument must be of type number. ' +
           "Received type string ('1')",
});
assert.throws(() => { EventEmitter.defaultMaxListeners = -1; }, {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "defaultMaxListeners" is out of range. ' +
           'It must be >= 0. Received -1',
});
assert.throws(() => EventEmitter.setMaxListeners(1, {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "eventTargets" argument must be an instance of ' +
           'EventEmitter or EventTarget. Received an instance of Object',
});
assert.throws(() => EventEmitter.getMaxListeners({}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "emitter" argument must be an instance of EventEmitter or ' +
           'EventTarget. Received an instance of Object',
});

const other = new EventEmitter();
EventEmitter.setMaxListeners(4, other);
assert.strictEqual(other.getMaxListeners(), 4);
