'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const { run } = require('node:test');
const tmpdir = require('../common/tmpdir');

// run({ watch: true }) runs the files again when one of them, or a file
// one of them loaded, changes: each round ends with 'test:watch:drained'
// and a summary, a new one begins with 'test:watch:restarted'. Aborting the
// signal ends the run (and the stream).

if (common.isIBMi) common.skip('no fs.watch');

tmpdir.refresh();
const dep = tmpdir.resolve('dep.js');
const file = tmpdir.resolve('watched.test.js');
fs.writeFileSync(dep, 'module.exports = 1;');
fs.writeFileSync(file, `const { test } = require('node:test');
const value = require('./dep.js');
test('value is ' + value, () => {});`);

const controller = new AbortController();
const stream = run({ files: [file], watch: true, signal: controller.signal });
const seen = [];
let writer;
stream.on('test:pass', (data) => seen.push(data.name));
stream.on('test:watch:restarted', common.mustCall(() => {
  seen.push('restarted');
  clearInterval(writer);
}));
stream.on('test:watch:drained', common.mustCall(() => {
  seen.push('drained');
  if (seen.length === 2) {
    // Change the dependency until the watcher notices.
    writer = setInterval(() => fs.writeFileSync(dep, 'module.exports = 2;'),
                         300);
  } else {
    controller.abort();
  }
}, 2));

(async () => {
  const summaries = [];
  for await (const { type, data } of stream) {
    if (type === 'test:summary' && data.file === undefined) {
      summaries.push(data.counts.passed);
    }
  }
  assert.deepStrictEqual(seen, [
    'value is 1', 'drained', 'restarted', 'value is 2', 'drained',
  ]);
  // One summary per round (aborted during its drain, the second round's
  // is the last).
  assert.deepStrictEqual(summaries, [1, 1]);
})().then(common.mustCall());
