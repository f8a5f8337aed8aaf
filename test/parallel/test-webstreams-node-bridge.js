'use strict';
// Node streams <-> web streams: toWeb/fromWeb, Duplex.from, pipeline(),
// finished() and stream/consumers.
const common = require('../common');
const assert = require('assert');
const { Readable, Writable, Duplex, PassThrough, pipeline, finished } =
  require('stream');
const consumers = require('stream/consumers');

(async () => {
  const rs = Readable.toWeb(Readable.from(['a', 'b'], { objectMode: true }));
  const out = [];
  for await (const chunk of rs) out.push(chunk);
  assert.deepStrictEqual(out, ['a', 'b']);
})().then(common.mustCall());

(async () => {
  const readable = Readable.fromWeb(new ReadableStream({
    start(c) {
      c.enqueue(new Uint8Array([104, 105]));
      c.close();
    },
  }), { encoding: 'utf8' });
  assert.strictEqual(await consumers.text(readable), 'hi');
})().then(common.mustCall());

(async () => {
  const chunks = [];
  const ws = Writable.toWeb(new Writable({
    write(chunk, encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  }));
  const writer = ws.getWriter();
  await writer.write(new TextEncoder().encode('x'));
  await writer.close();
  assert.deepStrictEqual(chunks, ['x']);
})().then(common.mustCall());

{
  const seen = [];
  const writable = Writable.fromWeb(new WritableStream({
    write(chunk) { seen.push(new TextDecoder().decode(chunk)); },
  }));
  writable.end('data', common.mustCall(() => {
    assert.deepStrictEqual(seen, ['data']);
  }));
}

(async () => {
  const duplex = Duplex.fromWeb(new TransformStream(), { objectMode: true });
  duplex.end('through');
  const out = [];
  for await (const chunk of duplex) out.push(chunk);
  assert.deepStrictEqual(out, ['through']);
  const pair = Duplex.toWeb(new PassThrough());
  assert.ok(pair.readable instanceof ReadableStream);
  assert.ok(pair.writable instanceof WritableStream);
})().then(common.mustCall());

(async () => {
  const d = Duplex.from(new ReadableStream({
    start(c) {
      c.enqueue('q');
      c.close();
    },
  }));
  assert.strictEqual(d.writable, false);
  assert.strictEqual((await consumers.buffer(d)).toString(), 'q');
})().then(common.mustCall());

{
  // Web source, web transform and a web sink in one pipeline.
  const seen = [];
  pipeline(
    new ReadableStream({
      start(c) {
        c.enqueue('a');
        c.enqueue('b');
        c.close();
      },
    }),
    new TransformStream({
      transform(chunk, c) { c.enqueue(chunk + chunk); },
    }),
    new WritableStream({ write(chunk) { seen.push(chunk); } }),
    common.mustSucceed(() => {
      assert.deepStrictEqual(seen, ['aa', 'bb']);
    }));
}

{
  const rs = new ReadableStream({ start(c) { c.close(); } });
  finished(rs, common.mustSucceed());
  rs.getReader().read();
}

(async () => {
  const blob = await consumers.blob(Readable.from(['{"a"', ':1}']));
  assert.strictEqual(blob.size, 7);
  assert.deepStrictEqual(await consumers.json(Readable.from(['{"a":1}'])),
                         { a: 1 });
  const ab = await consumers.arrayBuffer(Readable.from([Buffer.from('zz')]));
  assert.strictEqual(ab.byteLength, 2);
})().then(common.mustCall());
