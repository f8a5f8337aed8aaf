'use strict';
// A report's "workers": each running worker's own report, made on its
// thread, whether the worker waits in its event loop or runs JavaScript
// that never yields; and a worker's own process.report.
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');
const { once } = require('events');

(async () => {
  // Each says when it is where the test wants it: waiting, or spinning.
  const idle = new Worker(
    'const { parentPort } = require("worker_threads");\n' +
    'parentPort.once("message", () => {});\n' +
    'parentPort.postMessage("waiting");',
    { eval: true, name: 'idle one' });
  const busy = new Worker(
    'require("worker_threads").parentPort.postMessage("spinning");\n' +
    'while (true);', { eval: true });
  await Promise.all([once(idle, 'message'), once(busy, 'message')]);
  // What the idle one ran to say so is over.
  await new Promise((resolve) => setTimeout(resolve, 100));

  const report = process.report.getReport();
  assert.strictEqual(report.workers.length, 2);
  const byThread = new Map(report.workers.map((w) => [w.header.threadId, w]));
  const idleReport = byThread.get(idle.threadId);
  const busyReport = byThread.get(busy.threadId);
  assert.strictEqual(idleReport.header.event,
                     'Worker thread subreport [idle one]');
  assert.strictEqual(busyReport.header.event,
                     'Worker thread subreport [WorkerThread]');
  assert.strictEqual(idleReport.header.trigger, 'GetReport');
  // Idle, a worker has no JavaScript stack; busy, the frames it is in.
  assert.strictEqual(idleReport.javascriptStack.message, 'No stack.');
  assert.strictEqual(busyReport.javascriptStack.message, 'GetReport');
  assert.match(busyReport.javascriptStack.stack[0],
               /^at {2}\(\[worker eval\]:2:\d+\)$/);
  assert.ok(idleReport.javascriptHeap.usedMemory > 0);
  assert.strictEqual(idleReport.libuv.at(-1).type, 'loop');
  assert.notStrictEqual(idleReport.libuv.at(-1).address,
                        report.libuv.at(-1).address);

  // A written report nests them, indented at their depth.
  const tmpdir = require('../common/tmpdir');
  tmpdir.refresh();
  process.report.directory = tmpdir.path;
  const text = require('fs').readFileSync(
    tmpdir.resolve(process.report.writeReport()), 'utf8');
  assert.ok(text.includes(
    '\n    {\n      "header": {\n        "reportVersion": 5,'));
  assert.ok(text.includes(
    '\n        "event": "Worker thread subreport [idle one]",\n'));
  assert.strictEqual(JSON.parse(text).workers.length, 2);

  // As in Node, a worker starts with its parent's signal settings of the
  // moment, but what reports leave out comes from its own options; its
  // changes stay its own.
  process.report.reportOnUncaughtException = true;
  process.report.excludeEnv = true;
  const settings = new Worker(`
    const { parentPort } = require('worker_threads');
    const { reportOnUncaughtException, excludeEnv } = process.report;
    process.report.reportOnUncaughtException = false;
    parentPort.postMessage([reportOnUncaughtException, excludeEnv,
                            'environmentVariables' in process.report.getReport()]);
  `, { eval: true });
  const settingsExit = once(settings, 'exit');
  assert.deepStrictEqual((await once(settings, 'message'))[0],
                         [true, false, true]);
  await settingsExit;
  assert.strictEqual(process.report.reportOnUncaughtException, true);
  assert.strictEqual(process.report.excludeEnv, true);
  process.report.reportOnUncaughtException = false;
  process.report.excludeEnv = false;

  // In a worker: its thread id, no subreports of its siblings.
  const inner = new Worker(`
    const { parentPort, threadId } = require('worker_threads');
    const r = process.report.getReport();
    parentPort.postMessage([r.header.threadId === threadId, r.workers.length]);
  `, { eval: true });
  const [[sameThread, count]] = await once(inner, 'message');
  assert.strictEqual(sameThread, true);
  assert.strictEqual(count, 0);

  const idleExit = once(idle, 'exit');
  idle.postMessage('stop');
  await busy.terminate();
  await idleExit;
})().then(common.mustCall());
