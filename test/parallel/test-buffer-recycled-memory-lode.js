// Flags: --expose-gc
'use strict';
// ArrayBuffer memory of 256 B to 64 KiB is recycled (src/lode_block_cache.cc)
// once V8 frees it, on its sweeper thread or in a worker: what comes back
// for Buffer.alloc, new Uint8Array and the pool is zeroed where it must be,
// and process.memoryUsage().arrayBuffers still counts what is held.
require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

const sizes = [256, 300, 1000, 1024, 4097, 8192, 9000, 40000, 65536];

function dirty() {
  // Filled with nonzero bytes, then dropped.
  for (let round = 0; round < 50; round++) {
    for (const size of sizes) Buffer.allocUnsafeSlow(size).fill(0xa5);
  }
}

function checkZeroed() {
  for (let round = 0; round < 50; round++) {
    for (const size of sizes) {
      for (const view of [Buffer.alloc(size), new Uint8Array(size),
                          new Uint8Array(new ArrayBuffer(size))]) {
        assert.strictEqual(view.length, size);
        assert.strictEqual(view.indexOf(0xa5), -1);
      }
    }
  }
}

// What the GC found dead is freed on V8's sweeper thread: settle() waits
// for that, so that the blocks checked are the recycled ones.
dirty();
settle(() => {
  checkZeroed();
  startWorker();
});

function startWorker() {
  // Memory freed in a worker and then on this thread.
  const worker = new Worker(`
    const { parentPort } = require('worker_threads');
    for (let i = 0; i < 200; i++) Buffer.allocUnsafeSlow(1000).fill(0xa5);
    const kept = Buffer.allocUnsafeSlow(2000).fill(0xa5);
    parentPort.postMessage(kept, [kept.buffer]);
  `, { eval: true });
  worker.on('message', (kept) => {
    assert.strictEqual(kept.length, 2000);
    assert.strictEqual(kept[1999], 0xa5);
  });
  worker.on('exit', (code) => {
    assert.strictEqual(code, 0);
    dirty();
    settle(checkZeroed);

    // The count goes up by what is allocated and down when it is collected.
    // V8 frees what a GC found dead on its sweeper thread, a little later:
    // wait until the count stops moving before measuring.
    settle((before) => {
      let held = [];
      for (let i = 0; i < 100; i++) held.push(new ArrayBuffer(5000));
      assert.strictEqual(process.memoryUsage().arrayBuffers - before, 500000);
      held = null;
      const deadline = Date.now() + 10000;
      (function poll() {
        globalThis.gc();
        if (process.memoryUsage().arrayBuffers - before < 500000) return;
        assert.ok(Date.now() < deadline, 'the freed stores were never counted');
        setTimeout(poll, 10);
      })();
    });
  });
}

function settle(callback) {
  let last = -1;
  let same = 0;
  (function poll() {
    globalThis.gc();
    const now = process.memoryUsage().arrayBuffers;
    same = now === last ? same + 1 : 0;
    if (same === 3) return callback(now);
    last = now;
    setTimeout(poll, 20);
  })();
}
