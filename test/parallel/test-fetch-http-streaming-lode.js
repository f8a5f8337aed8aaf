'use strict';
// Streaming both ways: a ReadableStream request body (duplex: 'half') goes
// out chunked, and the response body arrives chunk by chunk before the
// server has finished.
const common = require('../common');
const assert = require('assert');
const http = require('http');

let release;
const server = http.createServer(common.mustCall((req, res) => {
  assert.strictEqual(req.headers['transfer-encoding'], 'chunked');
  assert.strictEqual(req.headers['content-length'], undefined);
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', common.mustCall(() => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.write(`got ${Buffer.concat(chunks)};`);
    // The rest only once the client saw the first part.
    release = () => res.end('done');
  }));
}));

server.listen(0, common.mustCall(async () => {
  const encoder = new TextEncoder();
  let pulls = 0;
  const body = new ReadableStream({
    pull(controller) {
      if (++pulls > 3) return controller.close();
      controller.enqueue(encoder.encode(`c${pulls}`));
    },
  });
  const response = await fetch(`http://127.0.0.1:${server.address().port}/`, {
    method: 'POST', body, duplex: 'half',
  });
  assert.strictEqual(response.body.constructor, ReadableStream);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.endsWith(';')) {
    const { value, done } = await reader.read();
    assert.strictEqual(done, false);
    assert.ok(value instanceof Uint8Array);
    text += decoder.decode(value, { stream: true });
  }
  assert.strictEqual(text, 'got c1c2c3;');
  release();
  let rest = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    rest += decoder.decode(value, { stream: true });
  }
  assert.strictEqual(rest, 'done');
  assert.strictEqual(response.bodyUsed, true);
  server.close();
}));
