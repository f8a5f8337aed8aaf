'use strict';
// What moves with a message: transferred ArrayBuffers are detached on the
// sending side, SharedArrayBuffers are shared, transferred MessagePorts
// keep working on the receiving side; bad transfer lists throw
// DataCloneError as in Node.
const common = require('../common');
const assert = require('assert');
const { markAsUntransferable } = require('worker_threads');

const { port1, port2 } = new MessageChannel();
const ab = new Uint8Array([1, 2, 3]).buffer;
const sab = new SharedArrayBuffer(4);
const inner = new MessageChannel();

port1.postMessage({ ab, sab, port: inner.port2 }, [ab, inner.port2]);
assert.strictEqual(ab.byteLength, 0);

port2.once('message', common.mustCall(({ ab: got, sab: shared, port }) => {
  assert.deepStrictEqual([...new Uint8Array(got)], [1, 2, 3]);
  new Int32Array(shared)[0] = 42;
  assert.strictEqual(new Int32Array(sab)[0], 42);
  assert.ok(port instanceof MessagePort);
  port.once('message', common.mustCall((value) => {
    assert.strictEqual(value, 'through the moved port');
    port.close();
    port2.close();
  }));
  inner.port1.postMessage('through the moved port');
}));

const dataCloneError = (message) => ({ name: 'DataCloneError', message });
assert.throws(() => port1.postMessage(null, [port1]),
              dataCloneError('Transfer list contains source port'));
assert.throws(() => port1.postMessage(null, [{}]),
              dataCloneError('Found invalid value in transferList.'));
const fresh = new MessageChannel();
assert.throws(() => port1.postMessage(fresh.port1),
              dataCloneError('Object that needs transfer was found in ' +
                             'message but not listed in transferList'));
assert.throws(() => port1.postMessage(() => {}), { name: 'DataCloneError' });
const pinned = new ArrayBuffer(8);
markAsUntransferable(pinned);
assert.throws(() => port1.postMessage(pinned, [pinned]),
              dataCloneError('Cannot transfer object of unsupported type.'));
assert.strictEqual(pinned.byteLength, 8);
fresh.port1.close();
fresh.port2.close();
// A port closed (and so detached) cannot be transferred.
setImmediate(common.mustCall(() => {
  assert.throws(() => port1.postMessage(null, [fresh.port1]),
                dataCloneError('MessagePort in transfer list is already ' +
                               'detached'));
}));
