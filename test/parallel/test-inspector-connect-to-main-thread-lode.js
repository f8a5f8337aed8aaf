'use strict';
// A worker's Session.connectToMainThread() drives the main thread's
// inspector: its replies come later (in a microtask), NodeWorker.enable
// lists the workers of the process, and a breakpoint by URL in a function
// of the main script (compiled before any session) pauses the main thread,
// which then answers the worker's commands.
const common = require('../common');
const assert = require('assert');
const { Session } = require('inspector');
const { pathToFileURL } = require('url');
const {
  Worker, isMainThread, parentPort, threadId,
} = require('worker_threads');

function target() {
  const value = 21;
  return value * 2;  // line 18 (0-based 17)
}

if (isMainThread) {
  assert.throws(() => new Session().connectToMainThread(), {
    code: 'ERR_INSPECTOR_NOT_WORKER',
  });
  const worker = new Worker(__filename, { name: 'probe' });
  worker.on('message', common.mustCall((message) => {
    if (message === 'ready') {
      // Paused here until the worker resumes it.
      assert.strictEqual(target(), 42);
      worker.postMessage('ran');
      return;
    }
    assert.strictEqual(message.title, `[worker ${worker.threadId}] probe`);
    assert.strictEqual(message.url, pathToFileURL(__filename).href);
    assert.strictEqual(message.value, 42);
    assert.strictEqual(message.evaluated, 21);
  }, 2));
  worker.on('exit', common.mustCall(async (code) => {
    assert.strictEqual(code, 0);
    await assert.rejects(worker.getHeapStatistics(), {
      code: 'ERR_WORKER_NOT_RUNNING',
    });
  }));
  worker.once('online', common.mustCall(async () => {
    const stats = await worker.getHeapStatistics();
    assert.strictEqual(typeof stats.used_heap_size, 'number');
    assert.strictEqual(typeof stats.does_zap_garbage, 'boolean');
  }));
} else {
  const session = new Session();
  session.connectToMainThread();
  assert.throws(() => session.connectToMainThread(), {
    code: 'ERR_INSPECTOR_ALREADY_CONNECTED',
  });
  const post = (method, params) => new Promise((resolve, reject) => {
    session.post(method, params, (err, result) => {
      if (err) reject(err); else resolve(result);
    });
  });
  const report = {};
  session.on('NodeWorker.attachedToWorker', ({ params: { workerInfo } }) => {
    if (workerInfo.title.startsWith(`[worker ${threadId}]`)) {
      report.title = workerInfo.title;
      report.url = workerInfo.url;
    }
  });
  // The session does not keep the thread alive: this does.
  const ran = new Promise((resolve) => parentPort.once('message', resolve));
  (async () => {
    let replied = false;
    const pending = post('Runtime.evaluate', { expression: '6 * 7' })
      .then(({ result }) => { replied = true; return result.value; });
    assert.strictEqual(replied, false);  // the main thread answers later
    report.value = await pending;
    await post('NodeWorker.enable', { waitForDebuggerOnStart: false });
    await post('Debugger.enable');
    await post('Debugger.setBreakpointByUrl', {
      lineNumber: 17,
      url: pathToFileURL(__filename).href,
    });
    const paused = new Promise((resolve) => {
      session.once('Debugger.paused', resolve);
    });
    parentPort.postMessage('ready');
    const { params: { callFrames } } = await paused;
    const { result } = await post('Debugger.evaluateOnCallFrame', {
      callFrameId: callFrames[0].callFrameId, expression: 'value',
    });
    report.evaluated = result.value;
    await post('Debugger.resume');
    await ran;
    session.disconnect();
    parentPort.postMessage(report);
  })().then(common.mustCall());
}
