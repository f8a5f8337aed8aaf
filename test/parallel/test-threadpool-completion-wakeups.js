'use strict';
// Every threadpool request wakes its loop when it ends (lode sends that
// wakeup itself where the system libuv would spin: see
// src/lode_async_wakeup.cc). Requests that end back to back and at once,
// on the main loop and on a worker's loop that then closes, must each
// reach their callback exactly once; a lost wakeup would leave a request
// unfinished and the process hanging until the test times out.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const { Worker, isMainThread, parentPort } = require('worker_threads');

async function run() {
  // One at a time: each completion is the only thing the loop waits for.
  for (let i = 0; i < 2000; i++) {
    const st = await fs.promises.stat(__filename);
    assert.ok(st.isFile());
  }
  // Many at once: completions race each other's wakeups.
  let calls = 0;
  await new Promise((resolve, reject) => {
    const n = 500;
    for (let i = 0; i < n; i++) {
      fs.stat(__filename, (err, st) => {
        if (err) return reject(err);
        assert.ok(st.isFile());
        if (++calls === n) resolve();
      });
    }
  });
  return calls;
}

if (isMainThread) {
  run().then(common.mustCall((calls) => {
    assert.strictEqual(calls, 500);
    const workers = [];
    for (let i = 0; i < 2; i++) {
      const w = new Worker(__filename);
      w.on('message', common.mustCall((m) => assert.strictEqual(m, 500)));
      w.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
      workers.push(w);
    }
  }));
} else {
  run().then((calls) => parentPort.postMessage(calls));
}
