'use strict';
require('../common');
const assert = require('assert');
const { spawn, spawnSync, execSync, fork } = require('child_process');

assert.throws(() => spawnSync(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "file" argument must be of type string. Received type number (1)',
});
assert.throws(() => spawnSync(''), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'file' cannot be empty. Received ''",
});
assert.throws(() => spawnSync('echo', ['a\u0000']), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'args[0]' must be a string without null bytes. " +
           "Received 'a\\x00'",
});
assert.throws(() => spawnSync('echo', 5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => spawnSync('echo', { uid: 1.5 }), {
  message: 'The "options.uid" property must be int32. Received type number (1.5)',
});
assert.throws(() => spawnSync('echo', { shell: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => spawnSync('echo', { timeout: -1 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "timeout" is out of range. ' +
           'It must be an unsigned integer. Received -1',
});
assert.throws(() => spawnSync('echo', { maxBuffer: 'x' }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.maxBuffer" is out of range. ' +
           "It must be a positive number. Received 'x'",
});
assert.throws(() => spawnSync('echo', { killSignal: 'SIGLODE' }), {
  code: 'ERR_UNKNOWN_SIGNAL',
  message: 'Unknown signal: SIGLODE',
});
assert.throws(() => spawnSync('echo', { stdio: ['ipc'] }), {
  code: 'ERR_IPC_SYNC_FORK',
});
assert.throws(() => spawnSync('echo', { input: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => spawn('echo', { stdio: ['a', 'ignore', 'ignore'] }), {
  code: 'ERR_INVALID_SYNC_FORK_INPUT',
});
assert.throws(() => spawn('echo', { signal: 5, stdio: 'ignore' }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => execSync(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fork(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fork('x.js', { stdio: ['pipe', 'pipe', 'pipe'] }), {
  code: 'ERR_CHILD_PROCESS_IPC_REQUIRED',
});
