'use strict';
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');

// removeAllListeners() reports each removal, last added first, and the
// 'removeListener' listeners last.
const ee = new EventEmitter();
const order = [];
function a() {}
function b() {}
function c() {}
ee.on('x', a);
ee.on('x', b);
ee.on('y', c);
ee.on('removeListener', (name, fn) => {
  const label = fn === a ? 'a' : fn === b ? 'b' : fn === c ? 'c' : '?';
  order.push(`${name}:${label}`);
});
ee.removeAllListeners();
// The last listener of all goes without a 'removeListener' event.
assert.deepStrictEqual(order, ['x:b', 'x:a', 'y:c']);
assert.deepStrictEqual(ee.eventNames(), []);

// removeListener() takes out the most recent registration only.
const ee2 = new EventEmitter();
ee2.on('x', a);
ee2.on('x', b);
ee2.on('x', a);
ee2.removeListener('x', a);
assert.deepStrictEqual(ee2.listeners('x'), [a, b]);
ee2.removeListener('x', c);
assert.deepStrictEqual(ee2.listeners('x'), [a, b]);
ee2.removeAllListeners('x');
assert.strictEqual(ee2.listenerCount('x'), 0);

// Symbols are event names too (listed after the strings).
const sym = Symbol('s');
ee2.on(sym, a);
ee2.on('z', a);
assert.deepStrictEqual(ee2.eventNames(), ['z', sym]);
assert.strictEqual(EventEmitter.listenerCount(ee2, sym), 1);

assert.throws(() => ee2.removeListener('x', null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "listener" argument must be of type function. Received null',
});
assert.throws(() => ee2.on('x', 'nope'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "listener" argument must be of type function. ' +
           "Received type string ('nope')",
});

// The module shape.
assert.strictEqual(EventEmitter.EventEmitter, EventEmitter);
assert.strictEqual(EventEmitter.usingDomains, false);
assert.strictEqual(typeof EventEmitter.init, 'function');
assert.deepStrictEqual(EventEmitter.getEventListeners(ee2, 'z'), [a]);
const et = new EventTarget();
et.addEventListener('foo', a);
assert.deepStrictEqual(EventEmitter.getEventListeners(et, 'foo'), [a]);
common.mustCall()();
