// Flags: --expose-internals --no-warnings
'use strict';
const common = require('../common');
const assert = require('assert');
const { internalBinding } = require('internal/test/binding');

// V8 starts a streaming compilation from a promise reaction whose result
// nobody sees: an exception thrown while it starts (here by the JS side
// the binding calls) rejects the compileStreaming() promise instead of
// escaping as an uncaught exception and leaving that promise unsettled.

const binding = internalBinding('wasm_web_api');
const error = new Error('thrown synchronously');
binding.setImplementation(() => { throw error; });
process.on('uncaughtException', common.mustNotCall());

const wasm = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const response = new Response(
  wasm, { headers: { 'Content-Type': 'application/wasm' } });
assert.rejects(WebAssembly.compileStreaming(response), error)
  .then(common.mustCall());
