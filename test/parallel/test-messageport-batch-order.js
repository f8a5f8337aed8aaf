'use strict';
// Messages a port has queued are delivered in order however they are taken:
// by its 'message' listeners, by receiveMessageOnPort() from one of them,
// after the listeners went and came back, and by the port's next owner
// when it is transferred from one of its own listeners. postMessage() is
// the native method, as in Node.
const common = require('../common');
const assert = require('assert');
const {
  MessageChannel, MessagePort, receiveMessageOnPort,
} = require('worker_threads');

// The method itself.
{
  const { postMessage } = MessagePort.prototype;
  assert.strictEqual(postMessage.length, 0);
  assert.strictEqual(postMessage.name, 'postMessage');
  const { port1, port2 } = new MessageChannel();
  assert.throws(() => port1.postMessage(), {
    code: 'ERR_MISSING_ARGS',
    message: 'Not enough arguments to MessagePort.postMessage',
  });
  assert.throws(() => port1.postMessage(1, 5), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'Optional transferList argument must be an iterable',
  });
  assert.throws(() => port1.postMessage(1, { transfer: 5 }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'Optional options.transfer argument must be an iterable',
  });
  const a = new ArrayBuffer(4);
  const b = new ArrayBuffer(8);
  port1.postMessage(a, { transfer: [a] });
  port1.postMessage(b, new Set([b]));
  port1.postMessage('n', null);
  assert.strictEqual(a.byteLength, 0);
  assert.strictEqual(b.byteLength, 0);
  assert.strictEqual(receiveMessageOnPort(port2).message.byteLength, 4);
  assert.strictEqual(receiveMessageOnPort(port2).message.byteLength, 8);
  assert.strictEqual(receiveMessageOnPort(port2).message, 'n');
  assert.strictEqual(receiveMessageOnPort(port2), undefined);
  port1.close();
}

// receiveMessageOnPort() from a listener takes the next message.
{
  const { port1, port2 } = new MessageChannel();
  const seen = [];
  port2.on('message', common.mustCall((m) => {
    seen.push(m);
    if (m === 1) {
      assert.deepStrictEqual(receiveMessageOnPort(port2), { message: 2 });
    }
    if (m === 4) {
      assert.deepStrictEqual(seen, [1, 3, 4]);
      port2.close();
    }
  }, 3));
  for (let i = 1; i <= 4; i++) port1.postMessage(i);
}

// The last listener goes in the middle of what is queued: the rest waits
// for the next one.
{
  const { port1, port2 } = new MessageChannel();
  const seen = [];
  const first = common.mustCall((m) => {
    seen.push(m);
    port2.off('message', first);
    setTimeout(common.mustCall(() => {
      port2.on('message', common.mustCall((m) => {
        seen.push(m);
        if (m === 'c') {
          assert.deepStrictEqual(seen, ['a', 'b', 'c']);
          port2.close();
        }
      }, 2));
    }), 10);
  });
  port2.on('message', first);
  port1.postMessage('a');
  port1.postMessage('b');
  port1.postMessage('c');
}

// A port transferred by one of its own listeners takes what it had queued
// to its next owner, in order.
{
  const { port1, port2 } = new MessageChannel();
  const carrier = new MessageChannel();
  port2.on('message', common.mustCall((m) => {
    assert.strictEqual(m, 0);
    carrier.port1.postMessage(port2, [port2]);
  }));
  carrier.port2.on('message', common.mustCall((moved) => {
    const seen = [];
    moved.on('message', common.mustCall((m) => {
      seen.push(m);
      if (m === 3) {
        assert.deepStrictEqual(seen, [1, 2, 3]);
        moved.close();
        carrier.port1.close();
        port1.close();
      }
    }, 3));
  }));
  for (let i = 0; i <= 3; i++) port1.postMessage(i);
}
