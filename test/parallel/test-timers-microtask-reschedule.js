'use strict';
// A timer created from the microtasks of a timer callback must fire even
// when no other timer is left (the uv timer is rescheduled before those
// microtasks run, not after).
const common = require('../common');
const assert = require('assert');
const { setTimeout: sleep, setInterval: every } = require('timers/promises');

(async () => {
  let n = 0;
  // eslint-disable-next-line no-unused-vars
  for await (const _ of every(2)) {
    if (++n === 3) break;
  }
  await sleep(1);
  const value = await sleep(3, 'fired');
  assert.strictEqual(value, 'fired');
})().then(common.mustCall());
