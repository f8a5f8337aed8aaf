'use strict';
const common = require('../common');
const assert = require('assert');

// Order, once, duplicates, capture identity and the return value.
{
  const et = new EventTarget();
  const seen = [];
  const a = () => seen.push('a');
  et.addEventListener('x', a);
  et.addEventListener('x', a);  // Duplicate: ignored.
  et.addEventListener('x', a, true);  // Capture: a second registration.
  et.addEventListener('x', { handleEvent(e) { seen.push(this !== et); } });
  et.addEventListener('x', () => seen.push('once'), { once: true });
  assert.strictEqual(et.dispatchEvent(new Event('x')), true);
  assert.strictEqual(et.dispatchEvent(new Event('x')), true);
  assert.deepStrictEqual(seen, ['a', 'a', true, 'once', 'a', 'a', true]);
  et.removeEventListener('x', a);
  et.removeEventListener('x', a, { capture: true });
  seen.length = 0;
  et.dispatchEvent(new Event('x'));
  assert.deepStrictEqual(seen, [true]);
}

// preventDefault, passive listeners and stopImmediatePropagation.
{
  const et = new EventTarget();
  et.addEventListener('p', (e) => e.preventDefault(), { passive: true });
  assert.strictEqual(et.dispatchEvent(new Event('p', { cancelable: true })),
                     true);
  et.addEventListener('c', common.mustCall((e) => {
    assert.strictEqual(e.target, et);
    assert.strictEqual(e.currentTarget, et);
    assert.strictEqual(e.eventPhase, Event.AT_TARGET);
    assert.deepStrictEqual(e.composedPath(), [et]);
    e.preventDefault();
    e.stopImmediatePropagation();
  }));
  et.addEventListener('c', common.mustNotCall());
  const ev = new Event('c', { cancelable: true });
  assert.strictEqual(et.dispatchEvent(ev), false);
  assert.strictEqual(ev.defaultPrevented, true);
  assert.strictEqual(ev.returnValue, false);
  assert.strictEqual(ev.cancelBubble, true);
  assert.strictEqual(ev.eventPhase, Event.NONE);
  assert.strictEqual(ev.currentTarget, null);
}

// The signal option removes the listener; an aborted signal adds nothing.
{
  const et = new EventTarget();
  const ac = new AbortController();
  et.addEventListener('s', common.mustNotCall(), { signal: ac.signal });
  ac.abort();
  et.addEventListener('s', common.mustNotCall(), { signal: ac.signal });
  et.dispatchEvent(new Event('s'));
}

// Recursion is an error.
{
  const et = new EventTarget();
  const ev = new Event('r');
  et.addEventListener('r', common.mustCall(() => {
    assert.throws(() => et.dispatchEvent(ev), {
      code: 'ERR_EVENT_RECURSION',
      message: 'The event "r" is already being dispatched',
    });
  }));
  et.dispatchEvent(ev);
}

// A throwing listener does not stop the others; the error is uncaught later.
{
  const et = new EventTarget();
  const err = new Error('boom');
  let after = false;
  et.addEventListener('e', () => { throw err; });
  et.addEventListener('e', () => { after = true; });
  process.on('uncaughtException', common.mustCall((e) => {
    assert.strictEqual(e, err);
  }));
  et.dispatchEvent(new Event('e'));
  assert.strictEqual(after, true);
}
