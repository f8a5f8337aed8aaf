'use strict';
// resourceLimits: the worker sees its limits; one that allocates past
// maxOldGenerationSizeMb ends with ERR_WORKER_OUT_OF_MEMORY (exit code 1)
// instead of taking the process down.
const common = require('../common');
const assert = require('assert');
const { Worker, resourceLimits } = require('worker_threads');

assert.deepStrictEqual(resourceLimits, {});

const limits = { maxOldGenerationSizeMb: 16, stackSizeMb: 2 };
const reporter = new Worker(`
  const { parentPort, resourceLimits } = require('worker_threads');
  parentPort.postMessage(resourceLimits);
`, { eval: true, resourceLimits: limits });
reporter.on('message', common.mustCall((seen) => {
  assert.strictEqual(seen.maxOldGenerationSizeMb, 16);
  assert.strictEqual(seen.stackSizeMb, 2);
  assert.strictEqual(typeof seen.maxYoungGenerationSizeMb, 'number');
  assert.strictEqual(typeof seen.codeRangeSizeMb, 'number');
}));
reporter.on('exit', common.mustCall(() => {
  assert.deepStrictEqual(reporter.resourceLimits, {});
}));

const hog = new Worker(`
  const keep = [];
  for (;;) keep.push(new Array(100000).fill({}));
`, { eval: true, resourceLimits: limits });
hog.on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_WORKER_OUT_OF_MEMORY');
  assert.match(err.message, /reaching memory limit/);
}));
hog.on('exit', common.mustCall((code) => assert.strictEqual(code, 1)));
