'use strict';
// A port that posts while it listens waits a few microseconds for the
// answer before its loop blocks (src/lode_message_port.cc, AwaitAnswer).
// What that must not change: every answer comes, in order, as a
// MessageEvent when asked for one; a timer set by a listener still waits
// its whole delay; a slow peer still gets its answers; a channel within
// one thread still works.
const common = require('../common');
const assert = require('assert');
const {
  Worker, MessageChannel, isMainThread, parentPort,
} = require('worker_threads');

if (!isMainThread) {
  parentPort.on('message', (msg) => {
    if (msg === null) return parentPort.close();
    if (msg.port) {
      msg.port.on('message', (m) => msg.port.postMessage(m));
      return;
    }
    if (msg.slow) {
      // Later than the wait: the answer comes the usual way.
      setTimeout(() => parentPort.postMessage(msg), 5);
      return;
    }
    parentPort.postMessage(msg);
  });
  return;
}

const worker = new Worker(__filename);
const count = 2000;
let next = 0;

function step(msg) {
  assert.deepStrictEqual(msg, { id: next, list: [next, 'x'] });
  next++;
  if (next < count) {
    worker.postMessage({ id: next, list: [next, 'x'] });
    return;
  }
  worker.off('message', step);
  slowAnswers();
}

// Answers that come after the wait gave up, several in a row.
function slowAnswers() {
  let got = 0;
  const onSlow = common.mustCall((msg) => {
    assert.strictEqual(msg.id, got);
    got++;
    if (got < 5) {
      worker.postMessage({ slow: true, id: got });
      return;
    }
    worker.off('message', onSlow);
    timerAfterAnswer();
  }, 5);
  worker.on('message', onSlow);
  worker.postMessage({ slow: true, id: 0 });
}

// A timer set by the listener that got an answer waits its whole delay.
function timerAfterAnswer() {
  worker.once('message', common.mustCall((msg) => {
    assert.strictEqual(msg.id, 'timer');
    const start = process.hrtime.bigint();
    setTimeout(common.mustCall(() => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      assert.ok(ms >= 9, `timer fired after ${ms} ms`);
      eventListener();
    }), 10);
  }));
  worker.postMessage({ id: 'timer' });
}

// addEventListener gets MessageEvents, here on a port sent to the worker,
// which echoes on it.
function eventListener() {
  const { port1, port2 } = new MessageChannel();
  let rounds = 0;
  port1.addEventListener('message', common.mustCall(function onEvent(event) {
    assert.strictEqual(event.constructor.name, 'MessageEvent');
    assert.deepStrictEqual(event.data, { round: rounds });
    assert.deepStrictEqual(event.ports, []);
    rounds++;
    if (rounds < 50) {
      port1.postMessage({ round: rounds });
      return;
    }
    port1.removeEventListener('message', onEvent);
    port1.close();
    sameThread();
  }, 50));
  worker.postMessage({ port: port2 }, [port2]);
  port1.postMessage({ round: 0 });
}

// Two ports of one thread: nothing to wait for, the answers still come.
function sameThread() {
  const { port1, port2 } = new MessageChannel();
  let rounds = 0;
  port2.on('message', (msg) => port2.postMessage(msg + 1));
  port1.on('message', common.mustCall((msg) => {
    assert.strictEqual(msg, rounds * 2 + 1);
    rounds++;
    if (rounds < 100) {
      port1.postMessage(msg + 1);
    } else {
      port1.close();
      worker.postMessage(null);
    }
  }, 100));
  port1.postMessage(0);
}

worker.on('message', step);
worker.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(next, count);
}));
worker.postMessage({ id: 0, list: [0, 'x'] });
