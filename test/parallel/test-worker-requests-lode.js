// Flags: --expose-internals
'use strict';
// worker.cpuUsage(), worker.startHeapProfile(), the worker handle's
// hasRef(), a worker's process.cwd() after the main thread's chdir(), and
// NODE_OPTIONS copied from the parent; posting an object of C++ that is no
// port.
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const { createHook } = require('async_hooks');
const { Worker } = require('worker_threads');

{
  const w = new Worker(`
    const { parentPort } = require('worker_threads');
    parentPort.on('message', () => parentPort.postMessage(process.cwd()));
  `, { eval: true });
  assert.throws(() => w.cpuUsage(-1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => w.cpuUsage({ user: -1, system: 0 }), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "prev.user" is out of range. It must be >= 0 && ' +
             '<= 9007199254740991. Received -1',
  });
  w.on('online', common.mustCall(async () => {
    const first = await w.cpuUsage();
    assert.ok(first.user >= 0 && first.system >= 0);
    const delta = await w.cpuUsage(first);
    assert.ok(delta.user >= 0 && delta.system >= 0);

    const handle = await w.startHeapProfile();
    await assert.rejects(w.startHeapProfile(), {
      code: 'ERR_HEAP_PROFILE_HAVE_BEEN_STARTED',
      message: 'heap profiler have been started',
    });
    const text = await handle.stop();
    assert.ok(JSON.parse(text).head);
    assert.strictEqual(await handle.stop(), text);

    // The worker sees the new cwd after the main thread's chdir().
    const before = process.cwd();
    w.postMessage(0);
    const [seen] = await require('events').once(w, 'message');
    assert.strictEqual(seen, before);
    process.chdir('..');
    w.postMessage(0);
    const [after] = await require('events').once(w, 'message');
    assert.strictEqual(after, process.cwd());
    process.chdir(before);
    w.terminate();
  }));
  w.once('exit', common.mustCall(async () => {
    await assert.rejects(w.cpuUsage(), { code: 'ERR_WORKER_NOT_RUNNING' });
    await assert.rejects(w.startHeapProfile(),
                         { code: 'ERR_WORKER_NOT_RUNNING' });
  }));
}

{
  let resource;
  const hook = createHook({
    init(asyncId, type, triggerAsyncId, res) {
      if (type === 'WORKER') resource = res;
    },
  }).enable();
  const w = new Worker('', { eval: true });
  hook.disable();
  assert.strictEqual(resource.hasRef(), true);
  w.unref();
  assert.strictEqual(resource.hasRef(), false);
  w.ref();
  w.on('exit', common.mustCall(() => {
    assert.strictEqual(resource.hasRef(), true);
    setTimeout(common.mustCall(() => {
      assert.strictEqual(resource.hasRef(), undefined);
    }), 0);
  }));
}

{
  // A NODE_OPTIONS the parent was started with may be passed on even when
  // it holds per-process options; another one may not.
  const code = `
    const { Worker } = require('worker_threads');
    try {
      new Worker('', { eval: true, env: { NODE_OPTIONS: process.env.GIVEN } });
      console.log('ok');
    } catch (err) {
      console.log(err.code);
    }
  `;
  const run = (own, given) => spawnSync(process.execPath, ['-e', code], {
    env: { ...process.env, NODE_OPTIONS: own, GIVEN: given },
    encoding: 'utf8',
  }).stdout.trim();
  assert.strictEqual(run('--title=lodetest', '--title=lodetest'), 'ok');
  assert.strictEqual(run('--title=lodetest', '--title=other'),
                     'ERR_WORKER_INVALID_EXEC_ARGV');
}

{
  // An object of C++ that is no port cannot be cloned: Node's DataCloneError.
  const { internalBinding } = require('internal/test/binding');
  const { port1 } = new MessageChannel();
  const stream = new (internalBinding('js_stream').JSStream)();
  assert.throws(() => port1.postMessage(stream), {
    name: 'DataCloneError',
    message: 'Cannot clone object of unsupported type.',
  });
  port1.close();
}
