'use strict';
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');

// Listeners run in registration order; prepend* puts them first; once()
// listeners run a single time and are reported unwrapped by listeners().
const ee = new EventEmitter();
const calls = [];
function first() { calls.push('first'); }
function second(...args) { calls.push(`second:${args.join(',')}`); }
function onceOnly() { calls.push('once'); }
function prependedOnce() { calls.push('prependedOnce'); }

ee.on('e', second);
ee.prependListener('e', first);
ee.once('e', onceOnly);
ee.prependOnceListener('e', prependedOnce);

assert.deepStrictEqual(ee.listeners('e'),
                       [prependedOnce, first, second, onceOnly]);
const raw = ee.rawListeners('e');
assert.strictEqual(raw.length, 4);
assert.notStrictEqual(raw[0], prependedOnce);
assert.strictEqual(raw[0].listener, prependedOnce);
assert.strictEqual(raw[1], first);

assert.strictEqual(ee.emit('e', 1, 2), true);
assert.strictEqual(ee.emit('e', 3), true);
assert.strictEqual(ee.emit('other'), false);
assert.deepStrictEqual(calls, [
  'prependedOnce', 'first', 'second:1,2', 'once', 'first', 'second:3',
]);
assert.strictEqual(ee.listenerCount('e'), 2);
assert.strictEqual(ee.listenerCount('e', first), 1);
assert.strictEqual(ee.listenerCount('e', onceOnly), 0);

// 'newListener' fires before the listener is added and receives the
// unwrapped function; 'removeListener' fires after removal.
const seen = [];
const ee2 = new EventEmitter();
function a() {}
function b() {}
const label = (fn) => (fn === a ? 'a' : fn === b ? 'b' : 'other');
ee2.on('newListener', common.mustCall((name, fn) => {
  seen.push(`new:${String(name)}:${label(fn)}:${ee2.listenerCount(name)}`);
}, 3));
ee2.on('removeListener', common.mustCall((name, fn) => {
  seen.push(`remove:${String(name)}:${label(fn)}:${ee2.listenerCount(name)}`);
}, 2));
ee2.on('x', a);
// The once() wrapper removes itself, so 'removeListener' reports the wrapper.
ee2.once('x', b);
ee2.emit('x');
ee2.off('x', a);
assert.deepStrictEqual(seen, [
  'new:removeListener:other:0',
  'new:x:a:0',
  'new:x:b:1',
  'remove:x:other:1',
  'remove:x:a:0',
]);

// A listener added during emit() does not run in that emit().
const ee3 = new EventEmitter();
let late = 0;
ee3.on('go', () => ee3.on('go', () => late++));
ee3.on('go', () => {});
ee3.emit('go');
assert.strictEqual(late, 0);
ee3.emit('go');
assert.strictEqual(late, 1);
