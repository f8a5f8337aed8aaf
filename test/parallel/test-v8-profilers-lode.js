// Flags: --expose-gc
'use strict';
// node:v8's object queries, CPU profiles and GC profiles.
const common = require('../common');
const assert = require('assert');
const v8 = require('v8');

common.expectWarning('ExperimentalWarning',
                     'v8.queryObjects() is an experimental feature and ' +
                     'might change at any time');

// queryObjects: what has ctor.prototype on its prototype chain.
class Base {}
class Derived extends Base {}
assert.strictEqual(v8.queryObjects(Derived), 0);
const kept = [new Derived(), new Base()];
kept[0].tag = 'x';
assert.strictEqual(v8.queryObjects(Derived), 1);
// Derived.prototype itself counts for Base, as in Node.
assert.strictEqual(v8.queryObjects(Base, { format: 'count' }), 3);
assert.deepStrictEqual(v8.queryObjects(Derived, { format: 'summary' }),
                       ["Derived { tag: 'x' }"]);
assert.strictEqual(v8.queryObjects(() => {}), 0);
assert.throws(() => v8.queryObjects({}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => v8.queryObjects(Base, null),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => v8.queryObjects(Base, { format: 'all' }),
              { code: 'ERR_INVALID_ARG_VALUE' });

// A CPU profile is .cpuprofile JSON; stop() gives it once.
const handle = v8.startCpuProfile();
let sum = 0;
for (let i = 0; i < 1e5; i++) sum += i;
const profile = JSON.parse(handle.stop());
assert.deepStrictEqual(Object.keys(profile),
                       ['nodes', 'startTime', 'endTime', 'samples',
                        'timeDeltas']);
assert.deepStrictEqual(profile.nodes[0].callFrame, {
  functionName: '(root)', lineNumber: -1, columnNumber: -1, scriptId: 0,
  url: '',
});
assert.strictEqual(profile.nodes[0].id, 1);
assert(profile.endTime >= profile.startTime);
assert.strictEqual(profile.samples.length, profile.timeDeltas.length);
assert.strictEqual(handle.stop(), undefined);
assert(sum > 0);

// At most 100 profiles run at once.
const handles = [];
assert.throws(() => {
  for (let i = 0; i < 101; i++) handles.push(v8.startCpuProfile());
}, { code: 'ERR_CPU_PROFILE_TOO_MANY',
     message: 'There are too many CPU profiles' });
assert.strictEqual(handles.length, 100);
for (const h of handles) assert.strictEqual(typeof h.stop(), 'string');

// GCProfiler: one entry per collection while started.
const profiler = new v8.GCProfiler();
assert.strictEqual(profiler.stop(), undefined);
profiler.start();
global.gc();
const data = profiler.stop();
assert.strictEqual(data.version, 1);
assert(data.endTime >= data.startTime);
assert(data.statistics.length >= 1);
const entry = data.statistics.find((e) => e.gcType === 'MarkSweepCompact');
assert(entry, JSON.stringify(data.statistics.map((e) => e.gcType)));
assert.deepStrictEqual(Object.keys(entry),
                       ['gcType', 'beforeGC', 'cost', 'afterGC']);
assert(entry.cost >= 0);
assert(entry.afterGC.heapStatistics.usedHeapSize > 0);
const oldSpace = entry.beforeGC.heapSpaceStatistics.find(
  (s) => s.spaceName === 'old_space');
assert.deepStrictEqual(Object.keys(oldSpace),
                       ['spaceName', 'spaceSize', 'spaceUsedSize',
                        'spaceAvailableSize', 'physicalSpaceSize']);
assert.strictEqual(profiler.stop(), undefined);

// One left running when the process ends is stopped quietly.
new v8.GCProfiler().start();
