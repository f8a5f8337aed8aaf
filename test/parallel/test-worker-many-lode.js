'use strict';
// Workers started and terminated one after another, each moving an
// ArrayBuffer to its parent: every one ends, and the process stays well
// under a memory bound (a finished worker frees its isolate).
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

const count = 40;
let done = 0;
let firstRss;
function next() {
  if (done === 10) firstRss = process.memoryUsage().rss;
  if (done === count) {
    const growth = process.memoryUsage().rss - firstRss;
    assert.ok(growth < 64 * 1024 * 1024, `RSS grew by ${growth} bytes`);
    return;
  }
  const worker = new Worker(`
    const { parentPort } = require('worker_threads');
    const ab = new ArrayBuffer(1024 * 1024);
    parentPort.postMessage(ab, [ab]);
    setInterval(() => {}, 1000);
  `, { eval: true });
  worker.once('message', common.mustCall((ab) => {
    assert.strictEqual(ab.byteLength, 1024 * 1024);
    worker.terminate();
  }));
  worker.on('exit', common.mustCall(() => {
    done++;
    next();
  }));
}
next();
