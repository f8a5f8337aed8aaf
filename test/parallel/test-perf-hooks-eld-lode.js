'use strict';
// monitorEventLoopDelay(): while enabled, a timer of `resolution` ms
// records the nanoseconds between its ticks; a blocked loop shows as a
// longer sample. enable()/disable() report whether they changed anything.
const common = require('../common');
const assert = require('assert');
const { monitorEventLoopDelay } = require('perf_hooks');

const eld = monitorEventLoopDelay({ resolution: 5 });
assert.strictEqual(eld.constructor.name, 'ELDHistogram');
assert.strictEqual(eld.count, 0);
assert.strictEqual(eld.record, undefined);
assert.strictEqual(eld.disable(), false);
assert.strictEqual(eld.enable(), true);
assert.strictEqual(eld.enable(), false);

let ticks = 0;
const interval = setInterval(common.mustCallAtLeast(() => {
  // Block the loop for 30 ms, three times.
  const until = Date.now() + 30;
  while (Date.now() < until);
  if (++ticks < 3) return;
  clearInterval(interval);
  setTimeout(common.mustCall(() => {
    assert.strictEqual(eld.disable(), true);
    assert.ok(eld.count > 0);
    assert.ok(eld.max >= 25e6, `max ${eld.max}`);
    assert.ok(eld.min > 0);
    assert.ok(eld.percentile(100) >= eld.percentile(1));
    const count = eld.count;
    setTimeout(common.mustCall(() => {
      // Disabled: nothing more is recorded.
      assert.strictEqual(eld.count, count);
      eld.reset();
      assert.strictEqual(eld.count, 0);
    }), 20);
  }), 20);
}, 3), 1);

// The timer does not keep the process alive by itself.
monitorEventLoopDelay({ resolution: 1 }).enable();

assert.throws(() => monitorEventLoopDelay({ resolution: 0 }),
              { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => monitorEventLoopDelay({ resolution: '1' }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => monitorEventLoopDelay(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => eld.enable.call({}), { code: 'ERR_INVALID_THIS' });
assert.throws(() => new eld.constructor(), { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
