'use strict';

// node:http2. The settings helpers, the constants and sensitiveHeaders
// work; sessions, streams and servers need an nghttp2 binding lode does
// not have yet, and throw ERR_NOT_IMPLEMENTED (doc/status.md).

const {
  Symbol,
} = primordials;

const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const { assignFunctionName } = require('internal/util');
const { constants } = require('internal/http2/constants');
const {
  getDefaultSettings,
  getPackedSettings,
  getUnpackedSettings,
} = require('internal/http2/settings');

// Named as Node's functions are (util.promisify keeps the name).
function notImplemented(name) {
  return assignFunctionName(name, function() {
    throw new ERR_NOT_IMPLEMENTED(`http2.${name}`);
  });
}

class Http2ServerRequest {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('http2.Http2ServerRequest');
  }
}

class Http2ServerResponse {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('http2.Http2ServerResponse');
  }
}

module.exports = {
  connect: notImplemented('connect'),
  constants,
  createServer: notImplemented('createServer'),
  createSecureServer: notImplemented('createSecureServer'),
  getDefaultSettings,
  getPackedSettings,
  getUnpackedSettings,
  performServerHandshake: notImplemented('performServerHandshake'),
  sensitiveHeaders: Symbol('nodejs.http2.sensitiveHeaders'),
  Http2ServerRequest,
  Http2ServerResponse,
};
