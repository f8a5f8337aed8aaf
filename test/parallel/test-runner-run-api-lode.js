'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const { run } = require('node:test');
const { tap } = require('node:test/reporters');
const tmpdir = require('../common/tmpdir');

// node:test's run(): runs the given files in child processes and returns
// the TestsStream of their events (an object-mode Readable that also emits
// each event by type), which a reporter can be composed with. Options are
// checked as in Node.

tmpdir.refresh();
const pass = tmpdir.resolve('pass.js');
const fail = tmpdir.resolve('fail.js');
fs.writeFileSync(pass, "require('node:test')('adds', (t) => t.assert.strictEqual(1 + 1, 2));");
fs.writeFileSync(fail, "require('node:test')('breaks', () => { throw new RangeError('bad'); });");

assert.throws(() => run({ files: 'pass.js' }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => run({ concurrency: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => run({ isolation: 'thread' }), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => run({ shard: { index: 3, total: 2 } }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => run({ files: [pass], globPatterns: ['*.js'] }),
              { code: 'ERR_INVALID_ARG_VALUE' });

(async () => {
  const stream = run({ files: [pass, fail], concurrency: 2 });
  stream.on('test:pass', common.mustCall((data) => {
    assert.strictEqual(data.name, 'adds');
    assert.strictEqual(data.file, pass);
  }));
  stream.on('test:fail', common.mustCall((data) => {
    assert.strictEqual(data.name, 'breaks');
    // The error came through the child's stdout and was rebuilt.
    const { error } = data.details;
    assert.strictEqual(error.code, 'ERR_TEST_FAILURE');
    assert.strictEqual(error.failureType, 'testCodeFailure');
    assert.ok(error.cause instanceof RangeError);
    assert.strictEqual(error.cause.message, 'bad');
  }));
  stream.on('test:summary', common.mustCall((data) => {
    if (data.file !== undefined) return;  // A file's own summary.
    assert.strictEqual(data.success, false);
    assert.strictEqual(data.counts.passed, 1);
    assert.strictEqual(data.counts.failed, 1);
  }, 3));
  const types = new Set();
  for await (const event of stream) types.add(event.type);
  for (const type of ['test:enqueue', 'test:dequeue', 'test:start',
                      'test:complete', 'test:plan', 'test:diagnostic']) {
    assert.ok(types.has(type), type);
  }

  const text = await run({ files: [pass] }).compose(tap).toArray();
  assert.deepStrictEqual(text.slice(0, 3),
                         ['TAP version 13\n', '# Subtest: adds\n', 'ok 1 - adds\n']);
})().then(common.mustCall());
