'use strict';
// The Body readers: text/json/arrayBuffer/bytes/blob/formData, bodyUsed,
// `.body` as a byte ReadableStream and reading a body twice.
const common = require('../common');
const assert = require('assert');

(async () => {
  assert.strictEqual(await new Response('\uFEFFtext').text(), 'text');
  assert.deepStrictEqual(await new Response('{"a":1}').json(), { a: 1 });
  await assert.rejects(new Response('{').json(), { name: 'SyntaxError' });

  const buffer = await new Response(new Uint8Array([1, 2, 3])).arrayBuffer();
  assert.ok(buffer instanceof ArrayBuffer);
  assert.deepStrictEqual(new Uint8Array(buffer), new Uint8Array([1, 2, 3]));
  const bytes = await new Response(new Blob(['ab'])).bytes();
  assert.deepStrictEqual(bytes, new Uint8Array([97, 98]));

  const blob = await new Response('x', {
    headers: { 'content-type': 'Text/Plain; Charset="utf-8"' },
  }).blob();
  assert.strictEqual(blob.type, 'text/plain;charset=utf-8');
  assert.strictEqual(await blob.text(), 'x');

  const form = await new Response('a=1&b=%20x+y&a=2', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  }).formData();
  assert.deepStrictEqual([...form], [['a', '1'], ['b', ' x y'], ['a', '2']]);
  await assert.rejects(new Response('a').formData(), {
    name: 'TypeError',
    message: 'Content-Type was not one of "multipart/form-data" or ' +
      '"application/x-www-form-urlencoded".',
  });

  // Used once, then unusable.
  const once = new Response('abc');
  assert.strictEqual(once.bodyUsed, false);
  assert.strictEqual(await once.text(), 'abc');
  assert.strictEqual(once.bodyUsed, true);
  await assert.rejects(once.text(), {
    name: 'TypeError', message: 'Body is unusable: Body has already been read',
  });
  assert.strictEqual(once.body.locked, true);

  // The body stream: a byte stream; reading it uses the body.
  const streamed = new Response('streamed');
  const reader = streamed.body.getReader({ mode: 'byob' });
  const { value } = await reader.read(new Uint8Array(16));
  assert.strictEqual(Buffer.from(value).toString(), 'streamed');
  assert.strictEqual(streamed.bodyUsed, true);
  await assert.rejects(streamed.arrayBuffer(), { name: 'TypeError' });

  // A stream body must give Uint8Arrays.
  const strings = new Response(new ReadableStream({
    start(controller) { controller.enqueue('text'); controller.close(); },
  }));
  await assert.rejects(strings.text(), {
    name: 'TypeError', message: 'Received non-Uint8Array chunk',
  });

  // An async iterable body.
  const iterable = new Response((async function*() {
    yield new Uint8Array([65]);
    yield 'b';
  })());
  assert.strictEqual(await iterable.text(), 'Ab');
  await assert.rejects(Response.prototype.text.call({}), {
    code: 'ERR_INVALID_THIS',
  });
})().then(common.mustCall());
