'use strict';
const common = require('../common');
const assert = require('assert');
const cp = require('child_process');
const util = require('util');

// exec/execFile collect stdout and stderr of the child through net.Sockets
// over pipes; failures carry the exit code, signal and command.

cp.exec('echo out; echo err 1>&2', common.mustSucceed((stdout, stderr) => {
  assert.strictEqual(stdout, 'out\n');
  assert.strictEqual(stderr, 'err\n');
}));

cp.exec('echo partial; exit 3', common.mustCall((err, stdout) => {
  assert.strictEqual(err.code, 3);
  assert.strictEqual(err.killed, false);
  assert.strictEqual(err.signal, null);
  assert.strictEqual(err.cmd, 'echo partial; exit 3');
  assert.strictEqual(stdout, 'partial\n');
}));

cp.execFile(process.execPath, ['-e', 'process.stdout.write("x".repeat(200000))'],
            { encoding: 'buffer' }, common.mustSucceed((stdout) => {
              assert.ok(Buffer.isBuffer(stdout));
              assert.strictEqual(stdout.length, 200000);
            }));

cp.exec('sleep 10', { timeout: 50 }, common.mustCall((err) => {
  assert.strictEqual(err.killed, true);
  assert.strictEqual(err.signal, 'SIGTERM');
}));

cp.exec('yes | head -c 100000', { maxBuffer: 10 }, common.mustCall((err, out) => {
  assert.strictEqual(err.code, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER');
  assert.strictEqual(out.length, 10);
}));

util.promisify(cp.exec)('echo promised').then(common.mustCall((result) => {
  assert.deepStrictEqual(result, { stdout: 'promised\n', stderr: '' });
}));

util.promisify(cp.execFile)('false').catch(common.mustCall((err) => {
  assert.strictEqual(err.code, 1);
  assert.strictEqual(err.stdout, '');
}));
