'use strict';

// node:http2: sessions, streams and servers (lib/internal/http2/core.js
// over internalBinding('http2'), an nghttp2 session), the compatibility
// API (lib/internal/http2/compat.js), the settings helpers and constants.

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
  performServerHandshake,
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
  performServerHandshake,
  sensitiveHeaders,
  Http2ServerRequest,
  Http2ServerResponse,
};
