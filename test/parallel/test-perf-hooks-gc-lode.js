// Flags: --expose-gc --no-warnings
'use strict';
// 'gc' entries: one per garbage collection while observed, with its kind
// and flags in `detail` (and, deprecated, on the entry itself). They do
// not keep the process alive.
const common = require('../common');
const assert = require('assert');
const { PerformanceObserver, constants } = require('perf_hooks');

const kinds = [
  constants.NODE_PERFORMANCE_GC_MAJOR,
  constants.NODE_PERFORMANCE_GC_MINOR,
  constants.NODE_PERFORMANCE_GC_INCREMENTAL,
  constants.NODE_PERFORMANCE_GC_WEAKCB,
];
assert.deepStrictEqual(kinds, [4, 1, 8, 16]);

const before = performance.now();
const obs = new PerformanceObserver(common.mustCall((list) => {
  const entry = list.getEntries()[0];
  assert.strictEqual(entry.name, 'gc');
  assert.strictEqual(entry.entryType, 'gc');
  assert.ok(entry.startTime >= before && entry.startTime < performance.now());
  assert.ok(entry.duration >= 0);
  assert.strictEqual(entry.detail.kind, constants.NODE_PERFORMANCE_GC_MAJOR);
  assert.strictEqual(entry.detail.flags,
                     constants.NODE_PERFORMANCE_GC_FLAGS_FORCED);
  assert.strictEqual(entry.kind, entry.detail.kind);
  assert.deepStrictEqual(entry.toJSON().detail, entry.detail);
  obs.disconnect();
}));
obs.observe({ entryTypes: ['gc'] });
globalThis.gc();
setImmediate(() => setImmediate(() => {}));

// Once observing stops, collections make no entries.
process.on('beforeExit', common.mustCall(() => globalThis.gc()));
