'use strict';
// performance.now() counts milliseconds from performance.timeOrigin (the
// process start), never goes back, and agrees with Date.now().
require('../common');
const assert = require('assert');
const { performance } = require('perf_hooks');

const origin = performance.timeOrigin;
assert.strictEqual(typeof origin, 'number');
assert.strictEqual(performance.timeOrigin, origin);

let last = performance.now();
assert.ok(last > 0);
for (let i = 0; i < 10000; i++) {
  const t = performance.now();
  assert.ok(t >= last, `${t} < ${last}`);
  last = t;
}

// timeOrigin + now() is wall-clock time (allowing for clock adjustments).
const drift = origin + performance.now() - Date.now();
assert.ok(Math.abs(drift) < 1000, `drift ${drift}`);

// The process started before this script: now() has run since then, and
// nodeTiming's duration is the same clock.
assert.ok(performance.nodeTiming.duration >= last);
assert.ok(performance.now() < process.uptime() * 1000 + 1000);

// Event timestamps are on the same clock.
const before = performance.now();
const event = new Event('x');
assert.ok(event.timeStamp >= before && event.timeStamp <= performance.now());

// A timer's delay is seen by now().
const start = performance.now();
setTimeout(() => {
  assert.ok(performance.now() - start >= 19, `${performance.now() - start}`);
}, 20);
