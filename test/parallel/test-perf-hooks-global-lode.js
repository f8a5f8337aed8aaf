'use strict';
// globalThis.performance is perf_hooks.performance, behind a replaceable
// accessor (enumerable, configurable), and the timeline classes are
// non-enumerable globals.
require('../common');
const assert = require('assert');

const desc = Object.getOwnPropertyDescriptor(globalThis, 'performance');
assert.strictEqual(typeof desc.get, 'function');
assert.strictEqual(typeof desc.set, 'function');
assert.strictEqual(desc.get.name, 'get performance');
assert.strictEqual(desc.set.name, 'set performance');
assert.strictEqual(desc.enumerable, true);
assert.strictEqual(desc.configurable, true);

const perfHooks = require('perf_hooks');
assert.strictEqual(globalThis.performance, perfHooks.performance);
assert.strictEqual(Object.prototype.toString.call(performance),
                   '[object Performance]');
assert.ok(performance instanceof perfHooks.Performance);
assert.ok(performance instanceof EventTarget);

for (const name of ['Performance', 'PerformanceEntry', 'PerformanceMark',
                    'PerformanceMeasure', 'PerformanceObserver',
                    'PerformanceObserverEntryList',
                    'PerformanceResourceTiming']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  assert.strictEqual(d.enumerable, false, name);
  assert.strictEqual(d.configurable, true, name);
  assert.strictEqual(globalThis[name], perfHooks[name], name);
}

// Assignment replaces the value but keeps the accessor.
const saved = performance;
// eslint-disable-next-line no-global-assign
performance = 42;
assert.strictEqual(globalThis.performance, 42);
assert.strictEqual(
  typeof Object.getOwnPropertyDescriptor(globalThis, 'performance').get,
  'function');
// eslint-disable-next-line no-global-assign
performance = saved;
assert.strictEqual(globalThis.performance, perfHooks.performance);

assert.throws(() => new perfHooks.Performance(),
              { code: 'ERR_ILLEGAL_CONSTRUCTOR', name: 'TypeError' });
assert.throws(() => performance.now.call({}),
              { code: 'ERR_INVALID_THIS', name: 'TypeError' });
assert.deepStrictEqual(Object.keys(performance.toJSON()),
                       ['nodeTiming', 'timeOrigin', 'eventLoopUtilization']);
