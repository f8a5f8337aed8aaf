'use strict';

// node:http2: sessions, streams and servers (lib/internal/http2/core.js
// over internalBinding('http2'), an nghttp2 session), the compatibility
// API (lib/internal/http2/compat.js), the settings helpers and constants.

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
const {
  connect,
  createServer,
  createSecureServer,
} = require('internal/http2/core');
const { sensitiveHeaders } = require('internal/http2/util');
const {
  Http2ServerRequest,
  Http2ServerResponse,
} = require('internal/http2/compat');

module.exports = {
  connect,
  constants,
  createServer,
  createSecureServer,
  getDefaultSettings,
  getPackedSettings,
  getUnpackedSettings,
  performServerHandshake: assignFunctionName('performServerHandshake',
                                             function() {
                                               throw new ERR_NOT_IMPLEMENTED(
                                                 'http2.performServerHandshake');
                                             }),
  sensitiveHeaders,
  Http2ServerRequest,
  Http2ServerResponse,
};
