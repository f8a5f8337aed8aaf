'use strict';
// A worker may end while WebAssembly.compileStreaming() is still being fed
// a body that never ends: when its loop runs empty, through terminate(),
// or through process.exit(). The compilation is dropped with the worker
// (its promise never settles there) and the worker exits with its usual
// code. The state of such a compilation is freed with the worker's
// environment: only a leak checker (valgrind, the ASan build) sees that
// part; a plain build checks the exits.
const common = require('../common');
const assert = require('assert');
const { Worker, isMainThread, parentPort, workerData } =
  require('worker_threads');

if (isMainThread) {
  const expected = { empty: 0, terminate: 1, exit: 7 };
  for (const mode of Object.keys(expected)) {
    const worker = new Worker(__filename, { workerData: mode });
    worker.on('message', common.mustCall((message) => {
      assert.strictEqual(message, 'fed');
      if (mode === 'terminate') worker.terminate();
    }));
    worker.on('exit', common.mustCall((code) => {
      assert.strictEqual(code, expected[mode]);
    }));
  }
} else {
  const headers = { 'Content-Type': 'application/wasm' };
  // The bodies read up to where they stop (the queue drained, so pulled).
  const drained = new Set();
  for (let i = 0; i < 3; i++) {
    const body = new ReadableStream({
      // The magic number and version, then nothing: the body stays open.
      start(controller) {
        controller.enqueue(new Uint8Array([0, 0x61, 0x73, 0x6d]));
        controller.enqueue(new Uint8Array([1, 0, 0, 0]));
      },
      pull() { drained.add(i); },
    });
    WebAssembly.compileStreaming(new Response(body, { headers }))
      .then(common.mustNotCall(), common.mustNotCall());
  }
  setTimeout(() => {
    assert.strictEqual(drained.size, 3);
    parentPort.postMessage('fed');
    if (workerData === 'terminate') setInterval(() => {}, 1000);
    if (workerData === 'exit') process.exit(7);
  }, 50);
}
