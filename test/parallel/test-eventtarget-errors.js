'use strict';
const common = require('../common');
const assert = require('assert');
const { inspect } = require('util');
const { getEventListeners, setMaxListeners } = require('events');

const et = new EventTarget();
assert.throws(() => et.addEventListener('x'), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "type" and "listener" arguments must be specified',
});
assert.throws(() => et.addEventListener('x', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "listener" argument must be an instance of EventListener. ' +
           'Received type number (1)',
});
assert.throws(() => et.dispatchEvent({ type: 'x' }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => EventTarget.prototype.dispatchEvent.call({}, new Event('x')),
              { code: 'ERR_INVALID_THIS' });
assert.throws(() => Event.prototype.preventDefault.call({}), {
  code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of type Event',
});
assert.throws(() => new Event(), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => new Event('x', 1), { code: 'ERR_INVALID_ARG_TYPE' });

// Inspection, as Node prints it.
assert.strictEqual(inspect(et), 'EventTarget {}');
assert.match(inspect(new Event('foo')),
             /^Event {\n {2}type: 'foo',\n {2}defaultPrevented: false,\n {2}cancelable: false,\n {2}timeStamp: [\d.]+\n}$/);
assert.strictEqual(inspect({ a: new Event('x') }, { depth: 0 }), '{ a: Event }');
assert.strictEqual(Object.prototype.toString.call(new CustomEvent('x')),
                   '[object CustomEvent]');

// isTrusted: one shared getter on the prototype, true only for core events.
const desc = Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted');
assert.strictEqual(desc.configurable, false);
assert.strictEqual(new Event('x').isTrusted, false);
const ac = new AbortController();
ac.signal.addEventListener('abort', common.mustCall((e) => {
  assert.strictEqual(e.isTrusted, true);
}));
ac.abort();

// A null listener only warns; getEventListeners and the leak warning.
common.expectWarning({
  AddEventListenerArgumentTypeWarning: [
    ['addEventListener called with null which has no effect.'],
  ],
  MaxListenersExceededWarning: [
    ['Possible EventTarget memory leak detected. 2 foo listeners added to ' +
     'EventTarget. MaxListeners is 1. Use events.setMaxListeners() to ' +
     'increase limit'],
  ],
});
et.addEventListener('foo', null);
setMaxListeners(1, et);
const f1 = () => {};
const f2 = () => {};
et.addEventListener('foo', f1);
et.addEventListener('foo', f2);
assert.deepStrictEqual(getEventListeners(et, 'foo'), [f1, f2]);
