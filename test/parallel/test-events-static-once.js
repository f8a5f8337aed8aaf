'use strict';
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');
const { once } = EventEmitter;

(async () => {
  const ee = new EventEmitter();
  process.nextTick(() => ee.emit('ready', 1, 'two'));
  assert.deepStrictEqual(await once(ee, 'ready'), [1, 'two']);
  assert.strictEqual(ee.listenerCount('ready'), 0);
  assert.strictEqual(ee.listenerCount('error'), 0);

  // 'error' rejects and removes the event listener.
  const err = new Error('kaboom');
  process.nextTick(() => ee.emit('error', err));
  await assert.rejects(once(ee, 'ready'), err);
  assert.strictEqual(ee.listenerCount('ready'), 0);

  // Waiting for 'error' itself resolves with it.
  process.nextTick(() => ee.emit('error', err));
  assert.deepStrictEqual(await once(ee, 'error'), [err]);

  // Abort after waiting started.
  const ac = new AbortController();
  const pending = once(ee, 'ready', { signal: ac.signal });
  ac.abort('reason');
  await assert.rejects(pending, {
    name: 'AbortError',
    code: 'ABORT_ERR',
    message: 'The operation was aborted',
    cause: 'reason',
  });
  assert.strictEqual(ee.listenerCount('ready'), 0);
  assert.strictEqual(ee.listenerCount('error'), 0);

  // Already aborted.
  await assert.rejects(once(ee, 'ready', { signal: AbortSignal.abort() }),
                       { name: 'AbortError' });

  await assert.rejects(once(ee, 'ready', 1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options" argument must be of type object. ' +
             'Received type number (1)',
  });
  await assert.rejects(once(ee, 'ready', { signal: {} }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.signal" property must be an instance of ' +
             'AbortSignal. Received an instance of Object',
  });

  // EventTargets work too.
  const et = new EventTarget();
  process.nextTick(() => et.dispatchEvent(new Event('ping')));
  const [event] = await once(et, 'ping');
  assert.strictEqual(event.type, 'ping');
})().then(common.mustCall());
