'use strict';
// Argument checks of fork() and send(), and the errors of a closed or
// disconnected channel.
const common = require('../common');
const assert = require('assert');
const { fork, spawn, spawnSync } = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', common.mustCall(() => process.disconnect()));
  return;
}

assert.throws(() => fork(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "modulePath" argument must be of type string or an instance ' +
           'of Buffer or URL. Received type number (1)',
});
assert.throws(() => fork('a\u0000b'), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => fork(__filename, 'child'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "args" argument must be an instance of Array. ' +
           "Received type string ('child')",
});
assert.throws(() => fork(__filename, [], 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => fork(__filename, { stdio: ['pipe', 'pipe', 'pipe'] }), {
  code: 'ERR_CHILD_PROCESS_IPC_REQUIRED',
  message: 'Forked processes must have an IPC channel, missing value ' +
           "'ipc' in options.stdio",
});
assert.throws(() => fork(__filename, { serialization: 'xml' }), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => spawn(process.execPath, { stdio: ['ipc', 'ipc'] }), {
  code: 'ERR_IPC_ONE_PIPE',
  message: 'Child process can have only one IPC pipe',
});
assert.throws(() => spawnSync(process.execPath, { stdio: ['ipc'] }), {
  code: 'ERR_IPC_SYNC_FORK',
  message: 'IPC cannot be used with synchronous forks',
});

const child = fork(__filename, ['child']);

assert.throws(() => child.send(), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "message" argument must be specified',
});
assert.throws(() => child.send(() => {}), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => child.send(1n), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "message" argument must be one of type string, object, ' +
           'number, or boolean. Received type bigint (1n)',
});
assert.throws(() => child.send('x', {}), {
  code: 'ERR_INVALID_HANDLE_TYPE',
  name: 'TypeError',
  message: 'This handle type cannot be sent',
});
assert.throws(() => child.send('x', null, 5), {
  code: 'ERR_INVALID_ARG_TYPE',
});

child.send('go');
child.on('disconnect', common.mustCall(() => {
  assert.strictEqual(child.connected, false);

  // disconnect() twice: an 'error' event.
  child.once('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_IPC_DISCONNECTED');
    assert.strictEqual(err.message, 'IPC channel is already disconnected');
  }));
  child.disconnect();

  // send() afterwards: the callback gets the error...
  assert.strictEqual(child.send('late', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_IPC_CHANNEL_CLOSED');
    assert.strictEqual(err.message, 'Channel closed');

    // ... or, without one, an 'error' event.
    child.once('error', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ERR_IPC_CHANNEL_CLOSED');
    }));
    child.send('later');
  })), false);
}));
child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
