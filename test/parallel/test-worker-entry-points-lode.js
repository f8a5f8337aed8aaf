'use strict';
// What a worker can run: a file path, a file: URL, a .mjs module, eval'd
// CommonJS, and eval'd code with module syntax (ESM); argv reaches its
// process.argv. A relative path without ./ is refused.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { Worker } = require('worker_threads');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const cjs = path.join(tmpdir.path, 'entry.js');
fs.writeFileSync(cjs, `require('worker_threads').parentPort.postMessage(
  ['cjs', process.argv.slice(2)]);`);
const mjs = path.join(tmpdir.path, 'entry.mjs');
fs.writeFileSync(mjs, `import { parentPort } from 'worker_threads';
parentPort.postMessage(['mjs', import.meta.url.endsWith('entry.mjs')]);`);

const expect = (worker, expected) => {
  worker.on('message', common.mustCall((m) => {
    assert.deepStrictEqual(m, expected);
  }));
  worker.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
};

expect(new Worker(cjs, { argv: ['a', 1] }), ['cjs', ['a', '1']]);
expect(new Worker(pathToFileURL(cjs)), ['cjs', []]);
expect(new Worker(mjs), ['mjs', true]);
expect(new Worker(`require('worker_threads').parentPort.postMessage(
  ['eval', typeof require, process.argv[1]]);`, { eval: true }),
       ['eval', 'function', '[worker eval]']);
expect(new Worker(`import { parentPort } from 'worker_threads';
  parentPort.postMessage(['esm', typeof require]);`, { eval: true }),
       ['esm', 'undefined']);

assert.throws(() => new Worker('entry.js'), { code: 'ERR_WORKER_PATH' });
assert.throws(() => new Worker(new URL('http://example.com/x.js')), {
  code: 'ERR_INVALID_URL_SCHEME',
});
