'use strict';

// The legacy public module Node keeps for packages that reach into http's
// internals; the code is lib/internal/http/server.js.

const {
  STATUS_CODES,
  Server,
  ServerResponse,
  setupConnectionsTracking,
  storeHTTPOptions,
  _connectionListener,
  kServerResponse,
  httpServerPreClose,
  kConnectionsCheckingInterval,
} = require('internal/http/server');

module.exports = {
  STATUS_CODES,
  Server,
  ServerResponse,
  setupConnectionsTracking,
  storeHTTPOptions,
  _connectionListener,
  kServerResponse,
  httpServerPreClose,
  kConnectionsCheckingInterval,
};
