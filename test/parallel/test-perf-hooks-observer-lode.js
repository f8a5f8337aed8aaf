'use strict';
// PerformanceObserver: entries reach the callback in one batch on a later
// turn of the loop, by start time; `buffered` replays the global buffer;
// takeRecords() and disconnect() empty the queue.
const common = require('../common');
const assert = require('assert');
const { performance, PerformanceObserver, PerformanceObserverEntryList } =
  require('perf_hooks');

assert.deepStrictEqual(PerformanceObserver.supportedEntryTypes,
                       ['dns', 'function', 'gc', 'http', 'http2', 'mark',
                        'measure', 'net', 'resource']);
assert.ok(Object.isFrozen(PerformanceObserver.supportedEntryTypes));

// takeRecords() takes the queue; a disconnected observer gets nothing.
const taker = new PerformanceObserver(common.mustNotCall());
taker.observe({ type: 'mark' });
performance.mark('taken');
assert.deepStrictEqual(taker.takeRecords().map((e) => e.name), ['taken']);
assert.deepStrictEqual(taker.takeRecords(), []);
taker.disconnect();

performance.clearMarks();

performance.mark('early', { startTime: 1 });

let sync = true;
const obs = new PerformanceObserver(common.mustCall((list, observer) => {
  assert.strictEqual(sync, false);
  assert.strictEqual(observer, obs);
  assert.ok(list instanceof PerformanceObserverEntryList);
  assert.deepStrictEqual(list.getEntries().map((e) => e.name),
                         ['second', 'first', 'm']);
  assert.strictEqual(list.getEntriesByType('measure').length, 1);
  assert.strictEqual(list.getEntriesByName('first', 'mark').length, 1);
  assert.strictEqual(list.getEntriesByName('first', 'measure').length, 0);
  obs.disconnect();
}));
obs.observe({ entryTypes: ['mark', 'measure', 'no-such-type'] });
performance.mark('first', { startTime: 20 });
performance.mark('second', { startTime: 10 });
performance.measure('m', { start: 30, end: 40 });
sync = false;

// A buffered single-type observer sees what was marked before.
const replay = new PerformanceObserver(common.mustCall((list) => {
  assert.deepStrictEqual(list.getEntries().map((e) => e.name),
                         ['early', 'second', 'first']);
  replay.disconnect();
}));
replay.observe({ type: 'mark', buffered: true });

const errors = new PerformanceObserver(common.mustNotCall());
assert.throws(() => errors.observe({}), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => errors.observe({ entryTypes: 'mark' }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => errors.observe({ entryTypes: ['mark'], type: 'mark' }),
              { code: 'ERR_INVALID_ARG_VALUE' });
const single = new PerformanceObserver(common.mustNotCall());
single.observe({ type: 'mark' });
assert.throws(() => single.observe({ entryTypes: ['mark'] }),
              { name: 'InvalidModificationError' });
single.disconnect();
assert.throws(() => new PerformanceObserver(),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new PerformanceObserverEntryList(),
              { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
