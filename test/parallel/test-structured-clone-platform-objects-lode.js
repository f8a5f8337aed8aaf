'use strict';
// structuredClone never flattens a web stream or a Blob into `{}`: a stream
// must be transferred (DataCloneError otherwise, as in Node), Blobs and
// Files are cloned with their bytes, and transferred streams carry their
// chunks (cloned) from or to the original, which stays locked meanwhile.
// postMessage cannot carry them yet and says so.
const common = require('../common');
const assert = require('assert');

assert.throws(() => structuredClone({ nested: [new ReadableStream()] }), {
  name: 'DataCloneError',
  message: 'Object that needs transfer was found in message but not ' +
           'listed in transferList',
});
assert.throws(() => structuredClone(new WritableStream()),
              { name: 'DataCloneError' });

// Ordinary values are unaffected, and a Proxy's traps do not run.
let trapped = false;
const proxy = new Proxy({}, { get() { trapped = true; } });
assert.throws(() => structuredClone({ proxy }), { name: 'DataCloneError' });
assert.strictEqual(trapped, false);
assert.deepStrictEqual(structuredClone({ a: [1, { b: new Set([2]) }] }),
                       { a: [1, { b: new Set([2]) }] });

(async () => {
  // Blobs and Files, wherever they sit, keep identity within the clone.
  const blob = new Blob(['hello'], { type: 'text/plain' });
  const file = new File(['abc'], 'a.txt', { type: 'x/y', lastModified: 7 });
  const copy = structuredClone({
    blob, list: [blob, file], map: new Map([[blob, file]]),
  });
  assert.notStrictEqual(copy.blob, blob);
  assert.strictEqual(copy.list[0], copy.blob);
  assert.strictEqual(copy.map.get(copy.blob), copy.list[1]);
  assert.strictEqual(await copy.blob.text(), 'hello');
  assert.strictEqual(copy.blob.type, 'text/plain');
  assert(copy.list[1] instanceof File);
  assert.strictEqual(copy.list[1].name, 'a.txt');
  assert.strictEqual(copy.list[1].lastModified, 7);
  assert.throws(() => structuredClone(blob, { transfer: [blob] }),
                { name: 'DataCloneError' });

  // A transferred ReadableStream: chunks are clones; the original is let go
  // once it is drained.
  const chunk = { n: 1 };
  const readable = new ReadableStream({
    start(controller) {
      controller.enqueue(chunk);
      controller.close();
    },
  });
  const readableCopy = structuredClone(readable, { transfer: [readable] });
  assert(readable.locked);
  assert.throws(() => structuredClone(readable, { transfer: [readable] }), {
    name: 'DataCloneError',
    message: 'Cannot transfer a locked ReadableStream',
  });
  const seen = [];
  for await (const value of readableCopy) seen.push(value);
  assert.deepStrictEqual(seen, [chunk]);
  assert.notStrictEqual(seen[0], chunk);
  assert(!readable.locked);

  // A transferred WritableStream, and a TransformStream (both halves).
  const written = [];
  const writable = new WritableStream({ write(value) { written.push(value); } });
  const writer = structuredClone({ writable }, { transfer: [writable] })
    .writable.getWriter();
  assert(writable.locked);
  await writer.write('a');
  await writer.close();
  assert.deepStrictEqual(written, ['a']);

  const upper = new TransformStream({
    transform(value, controller) { controller.enqueue(value.toUpperCase()); },
  });
  const upperCopy = structuredClone(upper, { transfer: [upper] });
  assert(upperCopy instanceof TransformStream);
  const upperWriter = upperCopy.writable.getWriter();
  upperWriter.write('xy');
  upperWriter.close();
  const out = [];
  for await (const value of upperCopy.readable) out.push(value);
  assert.deepStrictEqual(out, ['XY']);

  // A chunk that cannot be cloned errors the copy.
  const bad = new ReadableStream({ start(c) { c.enqueue(() => {}); } });
  await assert.rejects(
    structuredClone(bad, { transfer: [bad] }).getReader().read(),
    { name: 'DataCloneError',
      message: 'Internal transferred ReadableStream error' });

  // Not through a MessagePort yet.
  const { port1 } = new MessageChannel();
  assert.throws(() => port1.postMessage(new Blob(['x'])),
                { code: 'ERR_NOT_IMPLEMENTED' });
  const stream = new ReadableStream();
  assert.throws(() => port1.postMessage(stream, [stream]),
                { code: 'ERR_NOT_IMPLEMENTED' });
  assert.throws(() => port1.postMessage({ stream }),
                { name: 'DataCloneError' });
  port1.close();
})().then(common.mustCall());
