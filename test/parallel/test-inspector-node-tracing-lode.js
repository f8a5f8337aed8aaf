'use strict';
// The inspector's NodeTracing domain: a session records the events of the
// categories it asks for in memory and hands them over at stop, without
// the tracing agent's file.
const common = require('../common');
const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const tmpdir = require('../common/tmpdir');

if (process.argv[2] === 'child') {
  const { Session } = require('inspector');
  const session = new Session();
  session.connect();
  const collected = [];
  let complete = 0;
  session.on('NodeTracing.dataCollected',
             (m) => collected.push(...m.params.value));
  session.on('NodeTracing.tracingComplete', () => complete++);

  session.post('NodeTracing.getCategories', common.mustSucceed((r) => {
    assert(r.categories.includes('node.console'));
    assert(r.categories.includes('v8'));
  }));
  session.post('NodeTracing.start',
               { traceConfig: { includedCategories: [] } },
               common.mustCall((err) => {
                 assert.strictEqual(err.code, 'ERR_INSPECTOR_COMMAND');
                 assert.match(err.message, /At least one category/);
               }));
  console.count('before');
  session.post('NodeTracing.start',
               { traceConfig: { includedCategories: ['node.console'] } },
               common.mustSucceed());
  session.post('NodeTracing.start',
               { traceConfig: { includedCategories: ['node.console'] } },
               common.mustCall((err) => assert(err)));
  console.count('during');
  session.post('NodeTracing.stop', common.mustSucceed(() => {
    assert.strictEqual(complete, 1);
    // Node adds its __metadata events; lode gives the session none.
    const events = collected.filter((e) => e.cat !== '__metadata');
    assert.deepStrictEqual(events.map((e) => e.name), ['count::during']);
    assert.strictEqual(events[0].cat, 'node,node.console');
    assert.strictEqual(events[0].args.data, 1);
  }));
  console.count('after');
  session.disconnect();
  return;
}

tmpdir.refresh();
const child = cp.spawnSync(process.execPath, [__filename, 'child'],
                           { cwd: tmpdir.path, encoding: 'utf8' });
assert.strictEqual(child.status, 0, child.stderr);
assert.strictEqual(child.stderr, '');
assert.deepStrictEqual(fs.readdirSync(tmpdir.path), []);
