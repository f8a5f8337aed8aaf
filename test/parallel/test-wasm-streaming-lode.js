'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');
const { once } = require('events');

// WebAssembly.compileStreaming() and instantiateStreaming() take a Response
// (or a promise of one) served as application/wasm with an ok status, and
// compile its body as it arrives.

// (module (func (export "crash") unreachable))
const wasm = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
  0x03, 0x02, 0x01, 0x00,
  0x07, 0x09, 0x01, 0x05, 0x63, 0x72, 0x61, 0x73, 0x68, 0x00, 0x00,
  0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b,
]);

function response(body, type = 'application/wasm', status = 200) {
  return new Response(body, { status, headers: { 'Content-Type': type } });
}

(async () => {
  assert.strictEqual(WebAssembly.compileStreaming.length, 1);
  assert.strictEqual(WebAssembly.instantiateStreaming.length, 1);

  const mod = await WebAssembly.compileStreaming(response(wasm));
  assert.deepStrictEqual(WebAssembly.Module.exports(mod),
                         [{ name: 'crash', kind: 'function' }]);
  const { instance } = await WebAssembly.instantiateStreaming(
    Promise.resolve(response(new Blob([wasm]).stream())));
  assert.strictEqual(typeof instance.exports.crash, 'function');

  for (const bad of [undefined, null, 1, 'x', {}, Symbol()]) {
    await assert.rejects(WebAssembly.compileStreaming(bad), {
      name: 'TypeError',
      code: 'ERR_INVALID_ARG_TYPE',
      message: /^The "source" argument must be an instance of Response or an Promise resolving to Response\. Received /,
    });
  }
  const reason = new RangeError('as is');
  await assert.rejects(WebAssembly.compileStreaming(Promise.reject(reason)),
                       (err) => err === reason);
  await assert.rejects(
    WebAssembly.compileStreaming(response(wasm, 'application/wasm;')), {
      code: 'ERR_WEBASSEMBLY_RESPONSE',
      message: "WebAssembly response has unsupported MIME type 'application/wasm;'",
    });
  await assert.rejects(
    WebAssembly.compileStreaming(response(wasm, 'application/wasm', 404)), {
      code: 'ERR_WEBASSEMBLY_RESPONSE',
      message: 'WebAssembly response has status code 404',
    });
  const used = response(wasm);
  await used.arrayBuffer();
  await assert.rejects(WebAssembly.compileStreaming(used), {
    code: 'ERR_WEBASSEMBLY_RESPONSE',
    message: 'WebAssembly response body has already been used',
  });
  await assert.rejects(
    WebAssembly.compileStreaming(response(wasm.subarray(0, 20))), {
      name: 'CompileError',
      message: /^WebAssembly\.compileStreaming\(\): /,
    });

  // A fetched module's functions are named after its URL in stack traces
  // (other bytes than above: V8 shares the compiled module of equal bytes).
  const fetchedWasm = Buffer.from(wasm);
  fetchedWasm.write('fetch', 22);
  const server = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'application/wasm');
    res.end(fetchedWasm);
  }).listen(0);
  await once(server, 'listening');
  const url = `http://127.0.0.1:${server.address().port}/m.wasm`;
  const fetched = await WebAssembly.instantiateStreaming(fetch(url));
  server.close();
  assert.throws(() => fetched.instance.exports.fetch(), (err) => {
    assert.strictEqual(err.name, 'RuntimeError');
    assert.ok(err.stack.split('\n')[1].endsWith(
      `${url}:wasm-function[0]:0x22`), err.stack);
    return true;
  });
})().then(common.mustCall());
