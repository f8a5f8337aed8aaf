'use strict';
// performance.markResourceTiming() and the resource buffer: its limit
// (setResourceTimingBufferSize) and the 'resourcetimingbufferfull' event,
// whose listener may make room for the entries that did not fit.
const common = require('../common');
const assert = require('assert');
const { performance, PerformanceResourceTiming } = require('perf_hooks');

function mark(start) {
  const info = {
    startTime: start, endTime: start + 5, encodedBodySize: 10,
    decodedBodySize: 20, finalConnectionTimingInfo: null,
    redirectStartTime: 0, redirectEndTime: 0, postRedirectStartTime: start,
    finalServiceWorkerStartTime: 0, finalNetworkRequestStartTime: start + 1,
    finalNetworkResponseStartTime: start + 2,
  };
  return performance.markResourceTiming(info, `https://x/${start}`, 'fetch',
                                        globalThis, '', {}, 200);
}

const first = mark(1);
assert.ok(first instanceof PerformanceResourceTiming);
assert.strictEqual(first.name, 'https://x/1');
assert.strictEqual(first.duration, 5);
assert.strictEqual(first.transferSize, 310);
assert.strictEqual(first.responseStatus, 200);
assert.strictEqual(first.deliveryType, '');
assert.strictEqual(first.connectStart, undefined);
assert.strictEqual(first.toJSON().requestStart, 2);
assert.strictEqual(performance.getEntriesByType('resource').length, 1);

performance.setResourceTimingBufferSize(2);
mark(2);
mark(3);  // does not fit
mark(4);  // nor this
assert.strictEqual(performance.getEntriesByType('resource').length, 2);

performance.addEventListener('resourcetimingbufferfull', common.mustCall(() => {
  performance.setResourceTimingBufferSize(3);
}, 2));
setImmediate(common.mustCall(() => {
  // One more fitted; the last one was dropped.
  assert.deepStrictEqual(
    performance.getEntriesByType('resource').map((e) => e.startTime),
    [1, 2, 3]);
  performance.clearResourceTimings();
  assert.strictEqual(performance.getEntries().length, 0);
}));

assert.throws(() => new PerformanceResourceTiming(),
              { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
assert.throws(() => performance.setResourceTimingBufferSize(),
              { code: 'ERR_MISSING_ARGS' });
assert.throws(() => performance.markResourceTiming({}, 'u', '', {}, 'x'),
              { code: 'ERR_INTERNAL_ASSERTION' });
