'use strict';
// Messages between threads in both directions at once: a ping-pong of
// many round trips, a burst in flight while the receiving port closes, and
// a MessageChannel handed to a worker that floods it while the main thread
// closes its end. Every message arrives once and in order; nothing hangs
// or crashes when a port goes while another thread is still posting to it.
require('../common');
const assert = require('assert');
const { Worker, MessageChannel } = require('worker_threads');

const code = `
const { parentPort, workerData } = require('worker_threads');
if (workerData.mode === 'echo') {
  parentPort.on('message', (m) => {
    if (m === null) parentPort.close();
    else parentPort.postMessage(m);
  });
} else {
  // Floods the port it was given until that port's other end closes.
  const { port } = workerData;
  let i = 0;
  port.on('close', () => parentPort.postMessage({ sent: i }));
  (function burst() {
    for (let k = 0; k < 500; k++) port.postMessage(i++);
    if (i < 200000) setImmediate(burst);
  })();
}
`;

async function pingPong(count) {
  const w = new Worker(code, { eval: true, workerData: { mode: 'echo' } });
  let received = 0;
  await new Promise((resolve, reject) => {
    w.on('error', reject);
    w.on('message', (m) => {
      assert.deepStrictEqual(m, { id: received, payload: [received, 'x'] });
      received++;
      if (received === count) w.postMessage(null);
      else w.postMessage({ id: received, payload: [received, 'x'] });
    });
    w.on('exit', resolve);
    w.postMessage({ id: 0, payload: [0, 'x'] });
  });
  assert.strictEqual(received, count);
}

async function pipelined(count) {
  const w = new Worker(code, { eval: true, workerData: { mode: 'echo' } });
  let received = 0;
  await new Promise((resolve, reject) => {
    w.on('error', reject);
    w.on('message', (m) => {
      assert.strictEqual(m, received);
      if (++received === count) w.postMessage(null);
    });
    w.on('exit', resolve);
    for (let i = 0; i < count; i++) w.postMessage(i);
  });
  assert.strictEqual(received, count);
}

async function closeWhileFlooded() {
  const { port1, port2 } = new MessageChannel();
  const w = new Worker(code, { eval: true,
                               workerData: { mode: 'flood', port: port2 },
                               transferList: [port2] });
  let expected = 0;
  await new Promise((resolve) => {
    port1.on('message', (m) => {
      assert.strictEqual(m, expected++);
      if (expected === 3000) port1.close();
    });
    port1.on('close', resolve);
  });
  assert.ok(expected >= 3000);
  const [{ sent }] = await new Promise((resolve) => {
    w.once('message', (m) => resolve([m]));
  });
  assert.ok(sent >= 3000);
  await w.terminate();
}

(async () => {
  await pingPong(5000);
  await pipelined(20000);
  await closeWhileFlooded();
})().then(() => console.log('ok'));
