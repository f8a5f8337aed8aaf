'use strict';
require('../common');
const assert = require('assert');
const timers = require('timers');
const timersPromises = require('timers/promises');
const { test } = require('node:test');

// mock.timers replaces the timer functions and Date with a fake clock that
// tick()/runAll() advance, and puts the originals back on reset().

const realSetTimeout = globalThis.setTimeout;

test('setTimeout, setInterval, setImmediate', (t) => {
  t.mock.timers.enable();
  assert.notStrictEqual(globalThis.setTimeout, realSetTimeout);
  const calls = [];
  setTimeout((a) => calls.push(`timeout ${a} ${Date.now()}`), 100, 'x');
  const id = setInterval(() => calls.push(`interval ${Date.now()}`), 40);
  setImmediate(() => calls.push('immediate'));
  const cleared = timers.setTimeout(() => calls.push('never'), 10);
  timers.clearTimeout(cleared);
  t.mock.timers.tick(99);
  assert.deepStrictEqual(calls, ['immediate', 'interval 99', 'interval 99']);
  t.mock.timers.tick(1);
  assert.deepStrictEqual(calls.slice(3), ['timeout x 100']);
  clearInterval(id);
  t.mock.timers.runAll();
  assert.strictEqual(calls.length, 4);
  assert.strictEqual(typeof id.hasRef, 'function');
  assert.throws(() => t.mock.timers.enable(), { code: 'ERR_INVALID_STATE' });
  assert.throws(() => t.mock.timers.tick(-1), { code: 'ERR_INVALID_ARG_VALUE' });
  t.mock.timers.reset();
  assert.strictEqual(globalThis.setTimeout, realSetTimeout);
  assert.throws(() => t.mock.timers.tick(1), { code: 'ERR_INVALID_STATE' });
});

test('Date', (t) => {
  t.mock.timers.enable({ apis: ['Date'], now: 1000 });
  assert.strictEqual(Date.now(), 1000);
  assert.strictEqual(new Date().getTime(), 1000);
  assert.strictEqual(new Date(5).getTime(), 5);
  assert.ok(new Date() instanceof Date);
  t.mock.timers.tick(500);
  assert.strictEqual(Date.now(), 1500);
  t.mock.timers.setTime(10);
  assert.strictEqual(Date.now(), 10);
  assert.throws(() => t.mock.timers.enable({ apis: ['nope'] }), {
    code: 'ERR_INVALID_STATE',
  });
});

test('timers/promises', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
  const p = timersPromises.setTimeout(50, 'done');
  t.mock.timers.tick(50);
  assert.strictEqual(await p, 'done');
  const it = timersPromises.setInterval(10, 'v');
  const first = it.next();
  t.mock.timers.tick(10);
  assert.deepStrictEqual(await first, { value: 'v', done: false });
  assert.deepStrictEqual(await it.return(), { value: undefined, done: true });
  const controller = new AbortController();
  const aborted = timersPromises.setTimeout(10, 'x', { signal: controller.signal });
  controller.abort();
  await assert.rejects(aborted, { name: 'AbortError' });
});

test('enable() validates its options', (t) => {
  assert.throws(() => t.mock.timers.enable({ apis: ['nope'] }), {
    code: 'ERR_INVALID_ARG_VALUE',
  });
  assert.throws(() => t.mock.timers.enable({ apis: [1] }), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
  assert.throws(() => t.mock.timers.enable({ now: -1 }), {
    code: 'ERR_INVALID_ARG_VALUE',
  });
});

test('the real timers again', async () => {
  assert.strictEqual(globalThis.setTimeout, realSetTimeout);
  await new Promise((resolve) => setTimeout(resolve, 1));
});
