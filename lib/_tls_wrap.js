'use strict';

// node:_tls_wrap, kept for programs that require it: TLS sockets and
// servers live in internal/tls/wrap.

const {
  Server,
  TLSSocket,
  connect,
  createServer,
} = require('internal/tls/wrap');

module.exports = {
  Server,
  TLSSocket,
  connect,
  createServer,
};
