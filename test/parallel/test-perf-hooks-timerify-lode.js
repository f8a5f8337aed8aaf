'use strict';
// timerify(): a 'function' entry per call (when a returned promise
// settles, for async functions), the arguments on the entry, constructors,
// and the duration recorded in a histogram.
const common = require('../common');
const assert = require('assert');
const { timerify, createHistogram, PerformanceObserver } =
  require('perf_hooks');

function add(a, b) { return a + b; }
const histogram = createHistogram();
const timed = timerify(add, { histogram });
assert.strictEqual(timed.name, 'timerified add');
assert.strictEqual(timed.length, 2);
assert.notStrictEqual(timerify(add), timed);

class Point { constructor(x) { this.x = x; } }
const TimedPoint = timerify(Point);
async function later(v) {
  await new Promise((resolve) => setTimeout(resolve, 10));
  return v;
}
const timedLater = timerify(later);

const entries = [];
const obs = new PerformanceObserver(common.mustCallAtLeast((list) => {
  entries.push(...list.getEntries());
  if (!entries.some((e) => e.name === 'later')) return;
  obs.disconnect();
  assert.deepStrictEqual(entries.map((e) => e.name), ['add', 'Point', 'later']);
  const [sum, , async] = entries;
  assert.strictEqual(sum.entryType, 'function');
  assert.deepStrictEqual(sum.detail, [1, 2]);
  assert.strictEqual(sum[0], 1);
  assert.strictEqual(sum[1], 2);
  assert.strictEqual(histogram.count, 1);
  assert.ok(histogram.min >= 1);
  // Timed until the promise settled.
  assert.ok(async.duration >= 9, `${async.duration}`);
}));
obs.observe({ type: 'function' });

assert.strictEqual(timed(1, 2), 3);
assert.ok(new TimedPoint(5) instanceof Point);
timedLater('v').then(common.mustCall((v) => assert.strictEqual(v, 'v')));

assert.throws(() => timerify(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => timerify(add, { histogram: {} }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => timerify(() => { throw new Error('boom'); })(),
              { message: 'boom' });
