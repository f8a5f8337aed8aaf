'use strict';
// ReadableStream: default sources, readers, cancel, tee, async iteration
// and ReadableStream.from().
const common = require('../common');
const assert = require('assert');
const { inspect } = require('util');

{
  const rs = new ReadableStream();
  assert.strictEqual(inspect(rs),
                     "ReadableStream { locked: false, state: 'readable', " +
                     'supportsBYOB: false }');
  assert.strictEqual(Object.prototype.toString.call(rs),
                     '[object ReadableStream]');
  const reader = rs.getReader();
  assert.strictEqual(rs.locked, true);
  assert.throws(() => rs.getReader(), {
    code: 'ERR_INVALID_STATE',
    message: 'Invalid state: ReadableStream is locked',
  });
  reader.releaseLock();
  assert.strictEqual(rs.locked, false);
  reader.closed.catch(common.mustCall((err) => {
    assert.strictEqual(err.message, 'Invalid state: Reader released');
  }));
}

assert.throws(() => new ReadableStream({ type: 'other' }), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => new ReadableStream({}, { highWaterMark: -1 }), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'RangeError',
});
assert.throws(() => new ReadableStream({ pull: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => ReadableStream.prototype.getReader.call({}), {
  code: 'ERR_INVALID_THIS',
});
assert.throws(() => new ReadableStreamDefaultController(), {
  code: 'ERR_ILLEGAL_CONSTRUCTOR',
});

(async () => {
  // Pull-based source with backpressure: pull runs until the queue is full.
  let pulls = 0;
  const rs = new ReadableStream({
    pull(controller) {
      pulls++;
      controller.enqueue(pulls);
      if (pulls === 3) controller.close();
    },
  }, { highWaterMark: 2 });
  const reader = rs.getReader();
  const values = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    values.push(value);
  }
  assert.deepStrictEqual(values, [1, 2, 3]);
  await reader.closed;
})().then(common.mustCall());

(async () => {
  const rs = new ReadableStream({
    cancel: common.mustCall((reason) => assert.strictEqual(reason, 'why')),
  });
  await rs.cancel('why');
  const { done } = await rs.getReader().read();
  assert.strictEqual(done, true);
})().then(common.mustCall());

(async () => {
  const rs = new ReadableStream({
    start(c) {
      c.enqueue('a');
      c.enqueue('b');
      c.close();
    },
  });
  const [b1, b2] = rs.tee();
  const collect = async (s) => {
    const out = [];
    for await (const chunk of s) out.push(chunk);
    return out;
  };
  assert.deepStrictEqual(await collect(b1), ['a', 'b']);
  assert.deepStrictEqual(await collect(b2), ['a', 'b']);
})().then(common.mustCall());

(async () => {
  // preventCancel leaves the stream open after a break.
  const rs = new ReadableStream({
    start(c) {
      c.enqueue(1);
      c.enqueue(2);
    },
    cancel: common.mustNotCall(),
  });
  for await (const value of rs.values({ preventCancel: true })) {
    assert.strictEqual(value, 1);
    break;
  }
  assert.strictEqual(rs.locked, false);
  const { value } = await rs.getReader().read();
  assert.strictEqual(value, 2);
})().then(common.mustCall());

(async () => {
  const rs = ReadableStream.from((async function*() {
    yield 'x';
    yield 'y';
  })());
  const out = [];
  for await (const chunk of rs) out.push(chunk);
  assert.deepStrictEqual(out, ['x', 'y']);
  assert.throws(() => ReadableStream.from(1), {
    code: 'ERR_ARG_NOT_ITERABLE',
  });
})().then(common.mustCall());

(async () => {
  const error = new Error('boom');
  const rs = new ReadableStream({ start(c) { c.error(error); } });
  await assert.rejects(rs.getReader().read(), error);
})().then(common.mustCall());
