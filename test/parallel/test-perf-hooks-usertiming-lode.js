'use strict';
// performance.mark() and every form of performance.measure(), the global
// buffer (getEntries*, clearMarks/clearMeasures) and their errors.
require('../common');
const assert = require('assert');
const { performance, PerformanceMark, PerformanceMeasure } =
  require('perf_hooks');

const a = performance.mark('a', { startTime: 10, detail: { n: [1] } });
assert.ok(a instanceof PerformanceMark);
assert.deepStrictEqual(a.toJSON(), {
  name: 'a', entryType: 'mark', startTime: 10, duration: 0,
  detail: { n: [1] },
});
performance.mark('b', { startTime: 25 });

const span = (...args) => {
  const m = performance.measure(...args);
  return [m.startTime, m.duration];
};
assert.deepStrictEqual(span('m1', 'a', 'b'), [10, 15]);
assert.deepStrictEqual(span('m2', { start: 'a', end: 'b' }), [10, 15]);
assert.deepStrictEqual(span('m3', { start: 'a', duration: 3 }), [10, 3]);
assert.deepStrictEqual(span('m4', { end: 'b', duration: 5 }), [20, 5]);
assert.deepStrictEqual(span('m5', { start: 2, end: 7 }), [2, 5]);
assert.deepStrictEqual(span('m6', undefined, 'b'), [0, 25]);
const m7 = performance.measure('m7', 'a');
assert.strictEqual(m7.startTime, 10);
assert.ok(m7 instanceof PerformanceMeasure);
assert.strictEqual(performance.measure('m8', { start: 1, end: 2, detail: 'd' })
                     .detail, 'd');
const boot = performance.measure('m9', 'nodeStart', 'bootstrapComplete');
assert.strictEqual(boot.startTime, performance.nodeTiming.nodeStart);

assert.strictEqual(performance.getEntriesByType('mark').length, 2);
assert.strictEqual(performance.getEntriesByType('measure').length, 9);
assert.deepStrictEqual(performance.getEntriesByName('m1').map((e) => e.name),
                       ['m1']);
assert.strictEqual(performance.getEntriesByName('a', 'measure').length, 0);
// Sorted by start time.
const starts = performance.getEntries().map((e) => e.startTime);
assert.deepStrictEqual(starts, [...starts].sort((x, y) => x - y));

performance.clearMarks('a');
assert.throws(() => performance.measure('x', 'a'),
              { name: 'SyntaxError',
                message: 'The "a" performance mark has not been set' });
performance.clearMeasures();
assert.strictEqual(performance.getEntriesByType('measure').length, 0);

assert.throws(() => performance.mark('a', { startTime: -1 }),
              { code: 'ERR_PERFORMANCE_INVALID_TIMESTAMP', name: 'TypeError' });
assert.throws(() => performance.mark('loopStart'),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => performance.measure('x', { start: 1, end: 2, duration: 3 }),
              { code: 'ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS' });
assert.throws(() => performance.measure('x', { start: 1 }, 'b'),
              { code: 'ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS',
                message: 'endMark must not be specified' });
assert.throws(() => performance.measure(), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => performance.getEntriesByType(),
              { code: 'ERR_MISSING_ARGS' });
assert.throws(() => new PerformanceMeasure(),
              { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
