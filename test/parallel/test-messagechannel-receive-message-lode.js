'use strict';
// receiveMessageOnPort() takes queued messages synchronously, in order,
// from a port that was never started; postMessage accepts { transfer } and
// any iterable as the transfer list.
require('../common');
const assert = require('assert');
const { receiveMessageOnPort } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
assert.strictEqual(receiveMessageOnPort(port2), undefined);
port1.postMessage(1);
port1.postMessage({ two: 2 });
const ab = new ArrayBuffer(16);
port1.postMessage(ab, { transfer: [ab] });
assert.strictEqual(ab.byteLength, 0);
const ab2 = new ArrayBuffer(3);
port1.postMessage(ab2, new Set([ab2]));
assert.strictEqual(ab2.byteLength, 0);

assert.deepStrictEqual(receiveMessageOnPort(port2), { message: 1 });
assert.deepStrictEqual(receiveMessageOnPort(port2), { message: { two: 2 } });
assert.strictEqual(receiveMessageOnPort(port2).message.byteLength, 16);
assert.strictEqual(receiveMessageOnPort(port2).message.byteLength, 3);
assert.strictEqual(receiveMessageOnPort(port2), undefined);

for (const bad of [null, {}, 1, 'port']) {
  assert.throws(() => receiveMessageOnPort(bad), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "port" argument must be a MessagePort instance',
  });
}
assert.throws(() => port1.postMessage(1, 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'Optional transferList argument must be an iterable',
});
assert.throws(() => port1.postMessage(1, { transfer: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'Optional options.transfer argument must be an iterable',
});
port1.close();
