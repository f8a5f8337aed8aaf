'use strict';
// The tracing agent: a child started with --trace-event-categories writes
// Chrome trace-event JSON to the file --trace-event-file-pattern names, with
// the __metadata events, the events of the enabled categories only, and
// names escaped as JSON.
require('../common');
const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const tmpdir = require('../common/tmpdir');

if (process.argv[2] === 'api') {
  const { createTracing, getEnabledCategories } = require('trace_events');
  assert.strictEqual(getEnabledCategories(), undefined);
  const one = createTracing({ categories: ['b.cat', 'a.cat'] });
  const two = createTracing({ categories: ['a.cat'] });
  one.enable();
  two.enable();
  assert.strictEqual(getEnabledCategories(), 'a.cat,b.cat');
  one.disable();
  assert.strictEqual(getEnabledCategories(), 'a.cat');
  assert.strictEqual(two.categories, 'a.cat');
  two.disable();
  assert.strictEqual(getEnabledCategories(), undefined);
  assert.throws(() => createTracing({ categories: [] }),
                { code: 'ERR_TRACE_EVENTS_CATEGORY_REQUIRED' });
  return;
}

if (process.argv[2] === 'child') {
  console.count('c');
  console.countReset('c');
  console.time('a"b\\c');
  console.timeEnd('a"b\\c');
  fs.statSync(__filename);
  return;
}

tmpdir.refresh();
const child = cp.spawnSync(process.execPath, [
  '--trace-event-categories', 'node.console,node.bootstrap',
  // eslint-disable-next-line no-template-curly-in-string
  '--trace-event-file-pattern', 'trace-${pid}-${rotation}.json',
  __filename, 'child',
], { cwd: tmpdir.path, encoding: 'utf8' });
assert.strictEqual(child.status, 0, child.stderr);

const file = tmpdir.resolve(`trace-${child.pid}-1.json`);
const { traceEvents } = JSON.parse(fs.readFileSync(file, 'utf8'));
const metadata = traceEvents.filter((e) => e.cat === '__metadata');
assert(metadata.some((e) => e.name === 'thread_name' &&
                            e.args.name === 'JavaScriptMainThread'));
assert(metadata.some((e) => e.name === 'version' &&
                            e.args.node === process.versions.node));
assert(metadata.some((e) => e.name === 'node' &&
                            e.args.process.versions.v8 === process.versions.v8));

const events = traceEvents.filter((e) => e.cat !== '__metadata');
for (const e of events) {
  assert.strictEqual(e.pid, child.pid);
  assert(['node,node.console', 'node,node.bootstrap'].includes(e.cat), e.cat);
}
const counts = events.filter((e) => e.name === 'count::c');
assert.deepStrictEqual(counts.map((e) => [e.ph, e.args.data, e.id]),
                       [['C', 1, '0x0'], ['C', 0, '0x0']]);
const times = events.filter((e) => e.name === 'time::a"b\\c');
assert.deepStrictEqual(times.map((e) => e.ph), ['b', 'e']);
const milestones = events.filter((e) => e.cat === 'node,node.bootstrap')
  .map((e) => e.name);
for (const name of ['nodeStart', 'v8Start', 'environment', 'loopStart',
                    'loopExit', 'bootstrapComplete']) {
  assert(milestones.includes(name), name);
}

// The module, in a child of its own (it starts the agent, whose file goes
// to the working directory).
const api = cp.spawnSync(process.execPath, [__filename, 'api'],
                         { cwd: tmpdir.path, encoding: 'utf8' });
assert.strictEqual(api.status, 0, api.stderr);
