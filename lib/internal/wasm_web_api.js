'use strict';

// WebAssembly.compileStreaming() and instantiateStreaming() (the
// WebAssembly Web API): V8 calls src/lode_wasm_web_api.cc with the source
// it was given, which calls startStreaming() here with a state object for
// that compilation. The source must be a Response (or a promise of one)
// served as application/wasm with an ok status and an unused body; its
// bytes go to V8's streaming compiler as they arrive.

const {
  PromisePrototypeThen,
  PromiseResolve,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_WEBASSEMBLY_RESPONSE,
  },
} = require('internal/errors');
const binding = internalBinding('wasm_web_api');

let Response;
function isResponse(value) {
  Response ??= require('internal/fetch/response').Response;
  return value instanceof Response;
}

async function feed(state, source) {
  const response = await source;
  if (!isResponse(response)) {
    throw new ERR_INVALID_ARG_TYPE(
      'source', ['Response', 'Promise resolving to Response'], response);
  }
  // The exact MIME type: parameters are not allowed.
  const type = response.headers.get('Content-Type');
  if (type !== 'application/wasm') {
    throw new ERR_WEBASSEMBLY_RESPONSE(`has unsupported MIME type '${type}'`);
  }
  if (!response.ok) {
    throw new ERR_WEBASSEMBLY_RESPONSE(
      `has status code ${response.status}`);
  }
  if (response.bodyUsed) {
    throw new ERR_WEBASSEMBLY_RESPONSE('body has already been used');
  }
  // Stack traces name the module's functions by where it came from.
  if (response.url) binding.setURL(state, response.url);
  const { body } = response;
  if (body === null) return;
  for await (const chunk of body) binding.push(state, chunk);
}

function startStreaming(state, source) {
  PromisePrototypeThen(
    feed(state, PromiseResolve(source)),
    () => binding.finish(state),
    (err) => binding.abort(state, err));
}

module.exports = {
  startStreaming,
};
