'use strict';
// The channels lode's own modules publish on: module.require and
// module.import (tracing channels), child_process and worker_threads.
const common = require('../common');
const assert = require('assert');
const dc = require('diagnostics_channel');
const { ChildProcess, spawn } = require('child_process');
const { Worker } = require('worker_threads');
const { pathToFileURL } = require('url');

const required = [];
const onRequire = {
  start: (ctx) => required.push(['start', ctx.id, ctx.parentFilename]),
  end: (ctx) => required.push(['end', ctx.id, 'result' in ctx]),
  error: (ctx) => required.push(['error', ctx.id, ctx.error.code]),
};
dc.tracingChannel('module.require').subscribe(onRequire);
const os = require('os');
assert.throws(() => require('./no-such-module-lode'),
              { code: 'MODULE_NOT_FOUND' });
dc.tracingChannel('module.require').unsubscribe(onRequire);
assert.deepStrictEqual(required, [
  ['start', 'os', __filename],
  ['end', 'os', true],
  ['start', './no-such-module-lode', __filename],
  ['error', './no-such-module-lode', 'MODULE_NOT_FOUND'],
  ['end', './no-such-module-lode', false],
]);

const imported = [];
dc.tracingChannel('module.import').subscribe({
  start: (ctx) => imported.push(['start', ctx.url, ctx.parentURL]),
  end: (ctx) => imported.push(['end']),
  asyncStart: (ctx) => imported.push(['asyncStart', ctx.result === os]),
  asyncEnd: (ctx) => imported.push(['asyncEnd']),
});
import('os').then(common.mustCall((ns) => {
  assert.deepStrictEqual(imported, [
    ['start', 'os', pathToFileURL(__filename).href],
    ['end'],
    ['asyncStart', false],
    ['asyncEnd'],
  ]);
  assert.strictEqual(ns.default, os);
}));

dc.subscribe('child_process', common.mustCall(({ process }) => {
  assert(process instanceof ChildProcess);
}));
spawn(process.execPath, ['-e', '0']).on('exit', common.mustCall());

dc.subscribe('worker_threads', common.mustCall(({ worker }) => {
  assert(worker instanceof Worker);
}));
new Worker('', { eval: true }).on('exit', common.mustCall());
