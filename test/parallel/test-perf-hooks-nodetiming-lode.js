'use strict';
// performance.nodeTiming: the start-up milestones in order, the loop ones
// once the loop runs, and eventLoopUtilization() from the loop's idle time.
const common = require('../common');
const assert = require('assert');
const { performance, eventLoopUtilization } = require('perf_hooks');

const { nodeTiming } = performance;
assert.strictEqual(nodeTiming.name, 'node');
assert.strictEqual(nodeTiming.entryType, 'node');
assert.strictEqual(nodeTiming.startTime, 0);
assert.ok(nodeTiming.nodeStart >= 0);
assert.ok(nodeTiming.v8Start > nodeTiming.nodeStart);
assert.ok(nodeTiming.environment > nodeTiming.v8Start);
assert.ok(nodeTiming.bootstrapComplete > nodeTiming.environment);
assert.ok(nodeTiming.bootstrapComplete < performance.now());
// The loop starts after the main script.
assert.strictEqual(nodeTiming.loopStart, -1);
assert.strictEqual(nodeTiming.loopExit, -1);
assert.strictEqual(nodeTiming.idleTime, 0);
assert.deepStrictEqual(eventLoopUtilization(),
                       { idle: 0, active: 0, utilization: 0 });
assert.deepStrictEqual(nodeTiming.uvMetricsInfo,
                       { loopCount: 0, events: 0, eventsWaiting: 0 });
assert.deepStrictEqual(Object.keys(nodeTiming.toJSON()),
                       ['name', 'entryType', 'startTime', 'duration',
                        'nodeStart', 'v8Start', 'bootstrapComplete',
                        'environment', 'loopStart', 'loopExit', 'idleTime']);

setImmediate(common.mustCall(() => {
  assert.strictEqual(nodeTiming.uvMetricsInfo.loopCount, 1);
  assert.ok(nodeTiming.loopStart >= nodeTiming.bootstrapComplete);
  setTimeout(common.mustCall(() => {
    // 50 ms waiting in poll is idle time.
    assert.ok(nodeTiming.idleTime >= 40, `idle ${nodeTiming.idleTime}`);
    const elu1 = eventLoopUtilization();
    assert.strictEqual(elu1.idle, nodeTiming.idleTime);
    const until = Date.now() + 30;
    while (Date.now() < until);
    const elu2 = eventLoopUtilization(elu1);
    assert.strictEqual(elu2.idle, 0);
    assert.strictEqual(elu2.utilization, 1);
    assert.ok(elu2.active >= 29, `active ${elu2.active}`);
    const diff = eventLoopUtilization(eventLoopUtilization(), elu1);
    assert.ok(diff.active >= elu2.active);
  }), 50);
}));

process.on('exit', () => {
  assert.ok(nodeTiming.loopExit > nodeTiming.loopStart);
});
