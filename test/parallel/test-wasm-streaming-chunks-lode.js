'use strict';
const common = require('../common');
const assert = require('assert');

// The body of a Response given to WebAssembly.compileStreaming() may yield
// ArrayBuffers as well as views of one, as in Node; anything else rejects
// with Node's ERR_INVALID_ARG_TYPE.

// (module (func (export "f")))
const wasm = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x04, 0x01, 0x60,
  0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x07, 0x05, 0x01, 0x01, 0x66, 0x00,
  0x00, 0x0a, 0x04, 0x01, 0x02, 0x00, 0x0b,
]);
const headers = { 'Content-Type': 'application/wasm' };

function respond(...chunks) {
  const body = new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(body, { headers });
}

(async () => {
  const buffer = wasm.buffer.slice(0);
  for (const chunks of [
    [buffer],
    [buffer.slice(0, 10), new DataView(buffer, 10)],
    [new Uint8Array(buffer, 0, 5), buffer.slice(5)],
  ]) {
    const module = await WebAssembly.compileStreaming(respond(...chunks));
    assert.deepStrictEqual(WebAssembly.Module.exports(module),
                           [{ name: 'f', kind: 'function' }]);
  }
  for (const chunk of ['text', 42, {}, new SharedArrayBuffer(8)]) {
    await assert.rejects(WebAssembly.compileStreaming(respond(chunk)), {
      name: 'TypeError',
      code: 'ERR_INVALID_ARG_TYPE',
      message: 'chunk must be an ArrayBufferView or an ArrayBuffer',
    });
  }
})().then(common.mustCall());
