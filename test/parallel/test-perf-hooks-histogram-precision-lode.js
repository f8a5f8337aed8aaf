'use strict';
// createHistogram() keeps values to `figures` significant digits in
// log-linear slots (HdrHistogram's layout, as Node does): what min, max,
// mean, stddev and the percentiles report follows from the slots.
require('../common');
const assert = require('assert');
const { createHistogram } = require('perf_hooks');

const h = createHistogram();
assert.strictEqual(h.min, 9223372036854776000);
assert.strictEqual(h.minBigInt, 2n ** 63n - 1n);
assert.strictEqual(h.max, 0);
assert.ok(Number.isNaN(h.mean));
assert.deepStrictEqual([...h.percentiles], [[100, 0]]);

// Up to 2047, every integer has a slot of its own; 2048-4095 share slots
// two wide, 4096-8191 four wide, ..., 65536-131071 64 wide.
for (const v of [1, 2, 3, 1000, 2047, 2048, 2049, 4095, 4097, 100000]) {
  h.record(v);
}
h.record(123456789n);
assert.strictEqual(h.count, 11);
assert.strictEqual(h.countBigInt, 11n);
assert.strictEqual(h.min, 1);
assert.strictEqual(h.max, 123469823);  // top of 123404288's 65536-wide slot
assert.strictEqual(h.maxBigInt, 123469823n);
assert.strictEqual(h.mean, 11232036.363636363);
assert.strictEqual(h.stddev, 35482353.86201562);
assert.strictEqual(h.percentile(50), 2049);
assert.strictEqual(h.percentile(10), 1);
assert.strictEqual(h.percentileBigInt(100), 123469823n);
assert.deepStrictEqual([...h.percentiles], [
  [0, 1], [50, 2048], [75, 4096], [87.5, 99968], [93.75, 123404288],
  [100, 123404288],
]);

// Values above `highest` are not kept but counted as exceeding.
const small = createHistogram({ lowest: 1, highest: 1000 });
small.record(1000);
small.record(1001);
assert.strictEqual(small.count, 1);
assert.strictEqual(small.exceeds, 1);
// add() adds the counts and keeps the values that fit.
const big = createHistogram();
big.record(5000);
big.record(3);
small.add(big);
assert.strictEqual(small.count, 3);
assert.strictEqual(small.max, 1000);
small.reset();
assert.strictEqual(small.count, 0);
assert.strictEqual(small.exceeds, 0);

// One significant figure: slots of 2 from 32 on.
const coarse = createHistogram({ figures: 1 });
coarse.record(33);
assert.strictEqual(coarse.min, 32);
assert.strictEqual(coarse.max, 33);

assert.throws(() => h.record(0), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => h.record(0n), { code: 'ERR_OUT_OF_RANGE',
                                    message: 'value is out of range' });
assert.throws(() => h.record('1'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => h.percentile(0), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => createHistogram({ figures: 6 }),
              { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => createHistogram({ lowest: 5, highest: 9 }),
              { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => h.add({}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new h.constructor(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
