'use strict';
// Readable byte streams: BYOB readers, byobRequest, autoAllocateChunkSize,
// min reads and byte tee.
const common = require('../common');
const assert = require('assert');

(async () => {
  const rs = new ReadableStream({
    type: 'bytes',
    pull(controller) {
      const view = controller.byobRequest.view;
      view[0] = 1;
      view[1] = 2;
      controller.byobRequest.respond(2);
      controller.close();
    },
  });
  const reader = rs.getReader({ mode: 'byob' });
  const buffer = new ArrayBuffer(8);
  const { value, done } = await reader.read(new Uint8Array(buffer));
  assert.strictEqual(done, false);
  assert.deepStrictEqual([...value], [1, 2]);
  // The buffer moved into the stream and back out.
  assert.strictEqual(buffer.byteLength, 0);
  const end = await reader.read(new Uint8Array(4));
  assert.strictEqual(end.done, true);
  assert.strictEqual(end.value.byteLength, 0);
})().then(common.mustCall());

(async () => {
  // Enqueued bytes fill several BYOB reads, respecting { min }.
  const rs = new ReadableStream({
    type: 'bytes',
    start(c) {
      c.enqueue(new Uint8Array([1, 2, 3]));
      c.enqueue(new Uint8Array([4, 5, 6]));
      c.close();
    },
  });
  const reader = rs.getReader({ mode: 'byob' });
  const first = await reader.read(new Uint8Array(4), { min: 4 });
  assert.deepStrictEqual([...first.value], [1, 2, 3, 4]);
  const second = await reader.read(new Uint16Array(2));
  assert.strictEqual(second.value.constructor, Uint16Array);
  assert.strictEqual(second.value.byteLength, 2);
  await assert.rejects(reader.read(new Uint8Array(2), { min: 3 }), {
    code: 'ERR_OUT_OF_RANGE',
  });
})().then(common.mustCall());

(async () => {
  // With autoAllocateChunkSize a default reader gets a byobRequest too.
  const rs = new ReadableStream({
    type: 'bytes',
    autoAllocateChunkSize: 16,
    pull: common.mustCall((controller) => {
      assert.strictEqual(controller.byobRequest.view.byteLength, 16);
      controller.byobRequest.view[0] = 42;
      controller.byobRequest.respond(1);
    }),
  });
  const { value } = await rs.getReader().read();
  assert.deepStrictEqual([...value], [42]);
})().then(common.mustCall());

(async () => {
  const rs = new ReadableStream({
    type: 'bytes',
    start(c) {
      c.enqueue(new Uint8Array([7, 8]));
      c.close();
    },
  });
  const [a, b] = rs.tee();
  const ra = await a.getReader().read();
  const rb = await b.getReader().read();
  assert.deepStrictEqual([...ra.value], [7, 8]);
  assert.deepStrictEqual([...rb.value], [7, 8]);
  assert.notStrictEqual(ra.value.buffer, rb.value.buffer);
})().then(common.mustCall());

{
  assert.throws(() => new ReadableStream().getReader({ mode: 'byob' }), {
    code: 'ERR_INVALID_ARG_VALUE',
  });
  new ReadableStream({
    type: 'bytes',
    start(c) {
      assert.throws(() => c.enqueue(new Uint8Array(0)), {
        code: 'ERR_INVALID_STATE',
      });
      assert.throws(() => c.enqueue('x'), { code: 'ERR_INVALID_ARG_TYPE' });
    },
  });
}
