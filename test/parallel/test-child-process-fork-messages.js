'use strict';
// JSON messages both ways over the channel of fork(): order, send()
// callbacks, internal (NODE_) messages, disconnect from the child and the
// events and state that follow on both sides.
const common = require('../common');
const assert = require('assert');
const { fork } = require('child_process');

const values = ['text', 42, true, null, { a: [1, 'é', { b: null }] },
                'line\nbreak', '\u2028'];

if (process.argv[2] === 'child') {
  assert.strictEqual(process.connected, true);
  assert.strictEqual(typeof process.channel.ref, 'function');
  assert.strictEqual(process.env.NODE_CHANNEL_FD, undefined);
  assert.strictEqual(process.env.NODE_CHANNEL_SERIALIZATION_MODE, undefined);

  const received = [];
  process.on('internalMessage', common.mustCall((message) => {
    assert.deepStrictEqual(message, { cmd: 'NODE_LODE_TEST', n: 1 });
    process.send({ cmd: 'NODE_LODE_TEST_REPLY', n: 2 });
  }));
  process.on('message', (message) => {
    if (message === 'done') {
      process.send(received, common.mustSucceed(() => {
        process.disconnect();
        assert.strictEqual(process.connected, false);
      }));
      return;
    }
    received.push(message);
  });
  process.on('disconnect', common.mustCall(() => {
    assert.strictEqual(process.channel, null);
    process.exitCode = 3;
  }));
} else {
  const child = fork(__filename, ['child']);
  assert.strictEqual(child.connected, true);
  assert.strictEqual(typeof child.channel.fd, 'number');

  // Internal messages go to 'internalMessage' only.
  child.on('internalMessage', common.mustCall((message) => {
    if (message.cmd === 'NODE_LODE_TEST_REPLY') {
      assert.strictEqual(message.n, 2);
    }
  }, 1));
  child.send({ cmd: 'NODE_LODE_TEST', n: 1 });

  for (const value of values) {
    assert.strictEqual(child.send(value), true);
  }
  child.send('done', common.mustSucceed());

  const events = [];
  child.on('message', common.mustCall((message) => {
    assert.deepStrictEqual(message, values);
    events.push('message');
  }));
  child.on('disconnect', common.mustCall(() => {
    assert.strictEqual(child.connected, false);
    assert.strictEqual(child.channel, null);
    events.push('disconnect');
  }));
  child.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(code, 3);
    assert.strictEqual(signal, null);
    events.push('exit');
  }));
  child.on('close', common.mustCall((code, signal) => {
    assert.strictEqual(code, 3);
    // 'exit' and 'disconnect' may come in either order; 'close' waits for
    // both.
    events.push('close');
    assert.strictEqual(events[0], 'message');
    assert.deepStrictEqual(events.slice(1, 3).sort(), ['disconnect', 'exit']);
    assert.strictEqual(events[3], 'close');
  }));
}
