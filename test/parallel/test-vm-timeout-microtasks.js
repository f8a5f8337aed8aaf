'use strict';
// timeout, breakOnSigint and microtaskMode: 'afterEvaluate'.
const common = require('../common');
const assert = require('assert');
const vm = require('vm');
const { spawnSync } = require('child_process');

if (process.argv[2] === 'child') {
  try {
    vm.runInThisContext('process.kill(process.pid, "SIGINT"); while (true) {}',
                        { breakOnSigint: true });
  } catch (err) {
    console.log(err.code);
  }
  return;
}

assert.throws(() => vm.runInThisContext('while (true) {}', { timeout: 20 }), {
  code: 'ERR_SCRIPT_EXECUTION_TIMEOUT',
  message: 'Script execution timed out after 20ms',
});
assert.throws(() => vm.runInNewContext('while (true) {}', {}, { timeout: 5 }),
              { code: 'ERR_SCRIPT_EXECUTION_TIMEOUT' });
// The inner timeout is reported by the inner call.
assert.strictEqual(vm.runInNewContext(
  'try { vm.runInNewContext("while (true) {}", {}, { timeout: 20 }) } ' +
  'catch (e) { e.code }', { vm }, { timeout: 5000 }),
                   'ERR_SCRIPT_EXECUTION_TIMEOUT');
// After a timeout, code runs as usual.
assert.strictEqual(vm.runInThisContext('1 + 1', { timeout: 1000 }), 2);

const ctx = vm.createContext({ log: [] }, { microtaskMode: 'afterEvaluate' });
assert.deepStrictEqual(
  [...vm.runInContext('Promise.resolve().then(() => log.push("micro"));' +
                      'log.push("sync"); log', ctx)],
  ['sync', 'micro']);

const shared = vm.createContext({ log: [] });
vm.runInContext('Promise.resolve().then(() => log.push("micro"))', shared);
assert.deepStrictEqual(shared.log, []);
process.nextTick(common.mustCall(() => {
  queueMicrotask(common.mustCall(() => {
    assert.deepStrictEqual(shared.log, ['micro']);
  }));
}));

const child = spawnSync(process.execPath, [__filename, 'child'],
                        { encoding: 'utf8' });
assert.strictEqual(child.status, 0);
assert.strictEqual(child.stdout, 'ERR_SCRIPT_EXECUTION_INTERRUPTED\n');
