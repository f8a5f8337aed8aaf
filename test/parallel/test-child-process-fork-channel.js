'use strict';
// The channel keeps a forked child alive only while it is listened to;
// subprocess.channel.unref() lets the parent exit; spawn() takes 'ipc' at
// any stdio position and says where in NODE_CHANNEL_FD.
const common = require('../common');
const assert = require('assert');
const { fork, spawn } = require('child_process');

const mode = process.argv[2];
if (mode === 'no-listener') {
  // Nothing listens for messages: the child exits by itself.
  process.send('hello');
  return;
}
if (mode === 'unref') {
  process.on('message', common.mustNotCall());
  process.channel.unref();
  return;
}
if (mode === 'spawned') {
  process.send({ fd: process.channel.fd });
  process.disconnect();
  return;
}

fork(__filename, ['no-listener'])
  .on('message', common.mustCall((m) => assert.strictEqual(m, 'hello')))
  .on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));

fork(__filename, ['unref'])
  .on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));

const child = spawn(process.execPath, [__filename, 'spawned'], {
  stdio: ['ignore', 'inherit', 'inherit', 'ignore', 'ipc'],
});
assert.strictEqual(child.stdio[4], null);
child.on('message', common.mustCall((m) => {
  assert.deepStrictEqual(m, { fd: 4 });
}));
child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));

// A parent whose channel is unreferenced does not wait for the child.
const code = `
  const child = require('child_process').fork(${JSON.stringify(__filename)},
                                              ['unref']);
  child.channel.unref();
  child.unref();
  child.kill();
`;
spawn(process.execPath, ['-e', code], { stdio: 'inherit' })
  .on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
