'use strict';
// WritableStream (writers, backpressure, abort, close) and TransformStream.
const common = require('../common');
const assert = require('assert');
const { inspect } = require('util');

(async () => {
  const written = [];
  const ws = new WritableStream({
    write(chunk) {
      written.push(chunk);
      return new Promise((resolve) => setImmediate(resolve));
    },
    close: common.mustCall(),
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  const writer = ws.getWriter();
  assert.strictEqual(writer.desiredSize, 2);
  writer.write('a');
  writer.write('b');
  assert.strictEqual(writer.desiredSize, 0);
  await writer.ready;
  await writer.close();
  assert.deepStrictEqual(written, ['a', 'b']);
  assert.strictEqual(inspect(ws),
                     "WritableStream { locked: true, state: 'closed' }");
})().then(common.mustCall());

(async () => {
  let signal;
  const ws = new WritableStream({
    start(controller) { signal = controller.signal; },
    abort: common.mustCall((reason) => assert.strictEqual(reason, 'stop')),
  });
  const writer = ws.getWriter();
  await writer.abort('stop');
  assert.strictEqual(signal.aborted, true);
  assert.strictEqual(signal.reason, 'stop');
  await assert.rejects(writer.write(1), (err) => err === 'stop');
})().then(common.mustCall());

(async () => {
  const writer = new WritableStream().getWriter();
  writer.releaseLock();
  await assert.rejects(writer.write(1), {
    code: 'ERR_INVALID_STATE',
    message: 'Invalid state: Writer is not bound to a WritableStream',
  });
})().then(common.mustCall());

(async () => {
  const ts = new TransformStream({
    transform(chunk, controller) {
      controller.enqueue(chunk.toUpperCase());
    },
    flush(controller) {
      controller.enqueue('!');
    },
  });
  const writer = ts.writable.getWriter();
  writer.write('a');
  writer.write('b');
  writer.close();
  const out = [];
  for await (const chunk of ts.readable) out.push(chunk);
  assert.deepStrictEqual(out, ['A', 'B', '!']);
})().then(common.mustCall());

(async () => {
  // pipeThrough with a signal: aborting cancels the source.
  const ac = new AbortController();
  const rs = new ReadableStream({
    pull(c) { c.enqueue('x'); },
    cancel: common.mustCall(),
  });
  const ws = new WritableStream({
    write: common.mustCallAtLeast(() => ac.abort(), 1),
  });
  await assert.rejects(rs.pipeTo(ws, { signal: ac.signal }), {
    name: 'AbortError',
  });
})().then(common.mustCall());

(async () => {
  const enc = new TextEncoderStream();
  const dec = new TextDecoderStream();
  const rs = new ReadableStream({
    start(c) {
      c.enqueue('h\u00e9\ud83d');
      c.enqueue('\ude00!');
      c.close();
    },
  });
  let text = '';
  for await (const chunk of rs.pipeThrough(enc).pipeThrough(dec)) {
    text += chunk;
  }
  assert.strictEqual(text, 'h\u00e9\ud83d\ude00!');
})().then(common.mustCall());

assert.throws(() => new TransformStream({ readableType: 'bytes' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'RangeError',
});
assert.throws(() => new CompressionStream('zstd'), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.strictEqual(inspect(new ByteLengthQueuingStrategy({ highWaterMark: 3 })),
                   'ByteLengthQueuingStrategy { highWaterMark: 3 }');
