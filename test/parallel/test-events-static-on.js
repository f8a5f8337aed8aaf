'use strict';
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');
const { on } = EventEmitter;

(async () => {
  // Events are queued until read; a close event ends the iteration.
  const ee = new EventEmitter();
  const iter = on(ee, 'data', { close: ['end'] });
  ee.emit('data', 1);
  ee.emit('data', 2, 3);
  process.nextTick(() => {
    ee.emit('data', 4);
    ee.emit('end');
    ee.emit('data', 5);
  });
  const got = [];
  for await (const args of iter) got.push(args);
  assert.deepStrictEqual(got, [[1], [2, 3], [4]]);
  for (const name of ['data', 'end', 'error']) {
    assert.strictEqual(ee.listenerCount(name), 0);
  }

  // 'error' rejects the pending next() and finishes the iterator.
  const err = new Error('stop');
  const iter2 = on(ee, 'data');
  process.nextTick(() => ee.emit('error', err));
  await assert.rejects(iter2.next(), err);
  assert.deepStrictEqual(await iter2.next(), { value: undefined, done: true });

  // return() resolves pending reads with done.
  const iter3 = on(ee, 'data');
  const pending = iter3.next();
  assert.deepStrictEqual(await iter3.return(),
                         { value: undefined, done: true });
  assert.deepStrictEqual(await pending, { value: undefined, done: true });

  // Aborting rejects with an AbortError.
  const ac = new AbortController();
  const iter4 = on(ee, 'data', { signal: ac.signal });
  process.nextTick(() => ac.abort());
  await assert.rejects(iter4.next(), { name: 'AbortError' });
  assert.strictEqual(ee.listenerCount('data'), 0);

  assert.throws(() => iter4.throw('nope'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "EventEmitter.AsyncIterator" property must be an ' +
             "instance of Error. Received type string ('nope')",
  });
  assert.throws(() => on(ee, 'data', { highWaterMark: 0 }), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "options.highWaterMark" is out of range. ' +
             'It must be >= 1 && <= 9007199254740991. Received 0',
  });
  assert.throws(() => on(ee, 'data', { signal: AbortSignal.abort() }), {
    name: 'AbortError',
  });
})().then(common.mustCall());
