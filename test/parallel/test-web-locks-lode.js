'use strict';
// navigator.locks (Web Locks): the interfaces, argument errors, modes,
// ifAvailable, steal, signal, query(), the order in which callbacks run and
// promises settle, AsyncLocalStorage in callbacks, and one lock manager
// shared with workers (a worker's locks go when it ends). Checked against
// Node 24, except where the comments say Node 24 differs (there lode does
// what the standard says).
const common = require('../common');
const assert = require('assert');
const { AsyncLocalStorage } = require('async_hooks');
const { Worker } = require('worker_threads');

const { locks } = navigator;
const LockManager = locks.constructor;
const clientId = `node-${process.pid}-0`;

function spawn(source) {
  return new Worker(
    `const { parentPort } = require('worker_threads');\n${source}`,
    { eval: true });
}
const nextMessage = (w) => new Promise((resolve) => w.once('message', resolve));

async function interfaces() {
  assert.strictEqual(navigator.locks, locks);
  assert.strictEqual(Object.prototype.toString.call(locks),
                     '[object LockManager]');
  assert.deepStrictEqual(Object.keys(LockManager.prototype),
                         ['request', 'query']);
  assert.strictEqual(locks.request.length, 2);
  assert.throws(() => new LockManager(), TypeError);
  assert.strictEqual(typeof globalThis.LockManager, 'undefined');
  const lock = await locks.request('iface', (l) => l);
  const Lock = lock.constructor;
  assert.strictEqual(Object.prototype.toString.call(lock), '[object Lock]');
  assert.deepStrictEqual(Object.keys(Lock.prototype), ['name', 'mode']);
  assert.deepStrictEqual([lock.name, lock.mode], ['iface', 'exclusive']);
  // (Node 24 throws TypeErrors without these codes: "ERR_ILLEGAL_CONSTRUCTOR
  // / ERR_INVALID_THIS is not a constructor".)
  assert.throws(() => new Lock(), {
    name: 'TypeError', code: 'ERR_ILLEGAL_CONSTRUCTOR',
  });
  await assert.rejects(locks.query.call({}), {
    name: 'TypeError', code: 'ERR_INVALID_THIS',
  });
}

async function argumentErrors() {
  const cb = () => {};
  const notSupported = (message) => ({ name: 'NotSupportedError', message });
  await assert.rejects(locks.request('-x', cb),
                       notSupported('Lock name may not start with hyphen'));
  await assert.rejects(
    locks.request('x', { steal: true, ifAvailable: true }, cb),
    notSupported('ifAvailable and steal are mutually exclusive'));
  await assert.rejects(
    locks.request('x', { steal: true, mode: 'shared' }, cb),
    notSupported('mode: "shared" and steal are mutually exclusive'));
  const { signal } = new AbortController();
  for (const options of [{ steal: true, signal }, { ifAvailable: 1, signal }]) {
    await assert.rejects(locks.request('x', options, cb), notSupported(
      'signal cannot be used with steal or ifAvailable'));
  }
  await assert.rejects(locks.request('x', { mode: 'bogus' }, cb), {
    name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE',
    message: "mode value 'bogus' is not a valid enum value of type LockMode.",
  });
  await assert.rejects(locks.request('x', { signal: 1 }, cb), {
    name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
    message: 'Value is not an object',
  });
  await assert.rejects(locks.request('x', { signal: {} }, cb),
                       { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(locks.request('x', 5, cb), {
    name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
    message: 'Value cannot be converted to a dictionary',
  });
  for (const args of [['x'], ['x', {}], ['x', {}, 5]]) {
    await assert.rejects(locks.request(...args), {
      name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE',
    });
  }
  await assert.rejects(locks.request(Symbol(), cb),
                       { code: 'ERR_INVALID_ARG_VALUE' });
  // An aborted signal wins over a bad name.
  const aborted = AbortSignal.abort();
  await assert.rejects(locks.request('-x', { signal: aborted }, cb),
                       { name: 'AbortError' });
  // Members are read in Web IDL's order.
  const read = [];
  const options = {};
  for (const key of ['steal', 'signal', 'mode', 'ifAvailable']) {
    Object.defineProperty(options, key, { get() { read.push(key); } });
  }
  assert.strictEqual(await locks.request('x', options, () => 1), 1);
  assert.deepStrictEqual(read, ['ifAvailable', 'mode', 'signal', 'steal']);
}

async function ordering() {
  // A free lock is granted within request(); a waiter of the same thread
  // gets the lock when its holder's result settles.
  const log = [];
  locks.request('o', async () => { log.push('o1'); })
    .then(() => log.push('o1 done'));
  locks.request('o', () => { log.push('o2'); return 'r2'; })
    .then((v) => log.push(`o2 done ${v}`));
  locks.request('o', { mode: 'shared' }, () => { log.push('o3'); });
  locks.request('p', () => 5).then((v) => log.push(`p done ${v}`));
  // A value that is not a promise releases the lock at once.
  locks.request('p', { ifAvailable: true }, (l) => log.push(`p2 ${l.name}`));
  log.push('sync');
  Promise.resolve().then(() => log.push('micro'))
    .then(() => log.push('micro2'));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepStrictEqual(log, [
    'o1', 'p2 p', 'sync', 'o2', 'o3', 'micro', 'p done 5', 'micro2',
    'o1 done', 'o2 done r2',
  ]);
}

async function modes() {
  const order = [];
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  const shared = { mode: 'shared' };
  locks.request('m', shared, () => { order.push('s1'); return gate; });
  locks.request('m', shared, () => { order.push('s2'); return gate; });
  locks.request('m', () => { order.push('x1'); });
  // Not granted although compatible with the holders: x1 waits before it.
  const last = locks.request('m', shared, () => { order.push('s3'); });
  assert.deepStrictEqual(await locks.query(), {
    held: [
      { name: 'm', mode: 'shared', clientId },
      { name: 'm', mode: 'shared', clientId },
    ],
    pending: [
      { name: 'm', mode: 'exclusive', clientId },
      { name: 'm', mode: 'shared', clientId },
    ],
  });
  assert.strictEqual(
    await locks.request('m', { ifAvailable: true, mode: 'shared' }, (l) => l),
    null);
  assert.deepStrictEqual(order, ['s1', 's2']);
  release();
  await last;
  assert.deepStrictEqual(order, ['s1', 's2', 'x1', 's3']);
  assert.deepStrictEqual(await locks.query(), { held: [], pending: [] });
}

async function stealAndRelease() {
  let finish;
  const first = locks.request('s', () => new Promise((resolve) => {
    finish = resolve;
  }));
  const stolen = assert.rejects(first, {
    name: 'AbortError', message: 'The operation was aborted',
  });
  assert.strictEqual(
    await locks.request('s', { steal: true }, (l) => l.mode), 'exclusive');
  await stolen;
  finish();
  // A rejected result rejects the request and releases the lock.
  await assert.rejects(locks.request('s', async () => {
    throw new Error('boom');
  }), { message: 'boom' });
  // So does a throw (Node 24 keeps the lock then, against the standard).
  await assert.rejects(locks.request('s', () => { throw new Error('sync'); }),
                       { message: 'sync' });
  assert.strictEqual(await locks.request('s', { ifAvailable: true },
                                         (l) => l !== null), true);
}

async function signals() {
  let release;
  locks.request('a', () => new Promise((resolve) => { release = resolve; }));
  const controller = new AbortController();
  const waiting = locks.request('a', { signal: controller.signal },
                                common.mustNotCall());
  const after = locks.request('a', () => 'after');
  controller.abort('why');
  // It leaves the queue at once (Node 24 keeps it there until its turn).
  assert.deepStrictEqual(
    (await locks.query()).pending.map((entry) => entry.name), ['a']);
  await assert.rejects(waiting, (reason) => reason === 'why');
  release();
  assert.strictEqual(await after, 'after');
  // Aborting once the callback runs changes nothing.
  const c2 = new AbortController();
  const kept = locks.request('a', { signal: c2.signal }, async () => {
    c2.abort();
    await null;
    return 'kept';
  });
  assert.strictEqual(await kept, 'kept');
}

// The callback runs in the requester's context, granted at once or later.
// (Node 24 gives a later grant the context of the holder's callback.)
async function asyncContext() {
  const als = new AsyncLocalStorage();
  assert.strictEqual(
    await als.run('now', () => locks.request('c', () => als.getStore())),
    'now');
  let release;
  locks.request('c', () => new Promise((resolve) => { release = resolve; }));
  const p = als.run('store', () => locks.request('c', () => als.getStore()));
  release();
  assert.strictEqual(await p, 'store');
}

async function workers() {
  // Waiting for a lock keeps no thread alive (as in Node): the main thread
  // stays up by itself here.
  const keepAlive = setInterval(() => {}, 1000);
  // A worker's held lock: the main thread waits, then gets it.
  let w = spawn(`
    navigator.locks.request('w', async (l) => {
      parentPort.postMessage((await navigator.locks.query()).held);
      await new Promise((resolve) => parentPort.once('message', resolve));
    });`);
  const [held] = await nextMessage(w);
  assert.strictEqual(held.clientId, `node-${process.pid}-${w.threadId}`);
  assert.strictEqual(await locks.request('w', { ifAvailable: true }, (l) => l),
                     null);
  const got = locks.request('w', (l) => l.name);
  w.postMessage('release');
  assert.strictEqual(await got, 'w');
  await w.terminate();

  // A worker that ends (terminated, or through process.exit()) releases
  // what it holds. (Node 24 keeps the locks of a worker that ended.)
  for (const end of ['terminate', 'exit']) {
    w = spawn(`
      navigator.locks.request('w', () => {
        parentPort.postMessage('held');
        parentPort.once('message', () => process.exit(0));
        return new Promise(() => {});
      });`);
    await nextMessage(w);
    const next = locks.request('w', () => end);
    if (end === 'terminate') await w.terminate(); else w.postMessage('exit');
    assert.strictEqual(await next, end);
  }

  // Stealing a worker's lock rejects the worker's request with an
  // AbortError. (Node 24 rejects with Error('LOCK_STOLEN') and then aborts
  // when the worker is terminated.)
  w = spawn(`
    navigator.locks.request('w', () => {
      parentPort.postMessage('held');
      return new Promise(() => {});
    }).catch((e) => parentPort.postMessage(e.name));
    setInterval(() => {}, 1000);`);
  await nextMessage(w);
  const rejected = nextMessage(w);
  await locks.request('w', { steal: true }, () => {});
  assert.strictEqual(await rejected, 'AbortError');
  await w.terminate();

  // A terminated worker's waiting request goes away.
  await locks.request('w', async () => {
    w = spawn(`
      navigator.locks.request('w', () => parentPort.postMessage('granted'));
      parentPort.postMessage('waiting');`);
    w.on('message', (m) => assert.strictEqual(m, 'waiting'));
    await new Promise((resolve) => w.once('message', resolve));
    await w.terminate();
  });
  assert.deepStrictEqual(await locks.query(), { held: [], pending: [] });
  clearInterval(keepAlive);
}

// Thousands of waiters whose callbacks return plain values: each release
// lets the next one in without the calls nesting (no stack overflow).
async function longQueue() {
  let release;
  locks.request('long', () => new Promise((resolve) => { release = resolve; }));
  let calls = 0;
  const waiting = [];
  for (let i = 0; i < 20000; i++) {
    waiting.push(locks.request('long', () => ++calls));
  }
  release();
  const results = await Promise.all(waiting);
  assert.strictEqual(calls, 20000);
  assert.strictEqual(results[19999], 20000);
}

(async () => {
  await interfaces();
  await longQueue();
  await argumentErrors();
  await ordering();
  await modes();
  await stealAndRelease();
  await signals();
  await asyncContext();
  await workers();
})().then(common.mustCall());
