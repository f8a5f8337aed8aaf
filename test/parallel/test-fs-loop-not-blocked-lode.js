'use strict';
// fs work runs on the libuv threadpool: while large reads and writes are in
// flight, timers keep firing on time.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const file = tmpdir.resolve('big.bin');
const size = 64 * 1024 * 1024;
const chunk = Buffer.alloc(1024 * 1024, 'x');

const start = process.hrtime.bigint();
let last = start;
let worstGapMs = 0;
let ticks = 0;
const interval = setInterval(() => {
  const now = process.hrtime.bigint();
  worstGapMs = Math.max(worstGapMs, Number(now - last) / 1e6);
  last = now;
  ticks++;
}, 5);

(async () => {
  const handle = await fs.promises.open(file, 'w');
  for (let written = 0; written < size; written += chunk.length) {
    await handle.write(chunk);
  }
  await handle.close();
  const data = await fs.promises.readFile(file);
  assert.strictEqual(data.length, size);
  await new Promise((resolve, reject) => {
    fs.copyFile(file, `${file}.copy`, (err) => (err ? reject(err) : resolve()));
  });
})().then(common.mustCall(() => {
  clearInterval(interval);
  const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  // Work done on the loop thread would leave the 5 ms interval (almost)
  // no turn at all: the promises would settle without the loop running.
  // On the threadpool the interval keeps its pace; a quarter of it is
  // generous for loaded machines.
  const expected = Math.floor(elapsedMs / 5 / 4);
  assert.ok(ticks >= Math.max(3, expected),
            `${ticks} timer ticks in ${elapsedMs} ms`);
  assert.ok(worstGapMs < Math.max(500, elapsedMs / 2),
            `the loop stalled for ${worstGapMs} ms`);
}));
