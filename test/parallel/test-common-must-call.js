'use strict';
// The end-of-test checks of test/common must fail the process: an unmet
// mustCall, a missing expected warning and a leaked global each give exit
// code 1 and a message naming the problem and its location.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tmpdir = require('./../common/tmpdir');

try {
  require('child_process');
} catch {
  common.skip('child_process is not available');
}

tmpdir.refresh();
const commonPath = JSON.stringify(path.join(__dirname, '..', 'common'));

function writeScript(name, lines) {
  const file = tmpdir.resolve(name);
  fs.writeFileSync(file, [
    "'use strict';",
    `const common = require(${commonPath});`,
    ...lines,
    '',
  ].join('\n'));
  return file;
}

function run(file) {
  const env = { ...process.env };
  delete env.NODE_TEST_KNOWN_GLOBALS;
  // Synchronous on purpose: the checks need no concurrency.
  const r = require('child_process').spawnSync(process.execPath, [file],
                                               { env, encoding: 'utf8' });
  return Promise.resolve({ code: r.status, signal: r.signal,
                           stdout: r.stdout, stderr: r.stderr });
}

(async () => {
  {
    const file = writeScript('unmet.js', [
      'function foo() {}',
      'common.mustCall(foo, 2)();',
      'common.mustCallAtLeast(3);',
    ]);
    const { code, signal, stdout, stderr } = await run(file);
    assert.strictEqual(code, 1);
    assert.strictEqual(signal, null);
    assert.strictEqual(stdout, '');
    assert.ok(stderr.includes(
      'Mismatched foo function calls. Expected exactly 2, actual 1.\n' +
      `    at ${file}:4:8\n`), stderr);
    assert.ok(stderr.includes(
      'Mismatched noop function calls. Expected at least 3, actual 0.\n' +
      `    at ${file}:5:8\n`), stderr);
  }

  {
    const file = writeScript('met.js', [
      'const f = common.mustCall(2);',
      'f(); setTimeout(f, 1);',
      'common.mustCallAtLeast(() => {}, 1)();',
      'common.mustSucceed((v) => {})(null, 1);',
    ]);
    const { code, stdout, stderr } = await run(file);
    assert.strictEqual(stderr, '');
    assert.strictEqual(stdout, '');
    assert.strictEqual(code, 0);
  }

  {
    const file = writeScript('skip.js', [
      'common.mustCall();',
      "common.skip('not today');",
    ]);
    const { code, stdout, stderr } = await run(file);
    assert.strictEqual(stderr, '');
    assert.strictEqual(stdout, '1..0 # Skipped: not today\n');
    assert.strictEqual(code, 0);
  }

  {
    const file = writeScript('leak.js', [
      'globalThis.leakedByTest = 1;',
      'globalThis.allowedByTest = 2;',
      'common.allowGlobals(2);',
    ]);
    const { code, stderr } = await run(file);
    assert.strictEqual(code, 1);
    assert.ok(stderr.includes('Unexpected global(s) found: leakedByTest\n'),
              stderr);
  }

  {
    const file = writeScript('warning.js', [
      "common.expectWarning('Warning', [['one', 'C1'], ['two', 'C2']]);",
      "process.emitWarning('one', 'Warning', 'C1');",
    ]);
    const { code, stderr } = await run(file);
    assert.strictEqual(code, 1);
    assert.ok(stderr.includes('Expected Warning was not emitted: [C2] two\n'),
              stderr);
  }

  {
    // A failure of the test itself is reported alone.
    const file = writeScript('throws.js', [
      'common.mustCall();',
      "throw new Error('first problem');",
    ]);
    const { code, stderr } = await run(file);
    assert.strictEqual(code, 1);
    assert.ok(stderr.includes('Error: first problem'), stderr);
    assert.ok(!stderr.includes('Mismatched'), stderr);
  }
})().then(common.mustCall());
