'use strict';

// node:_tls_common, kept for programs that require it: the secure context
// API lives in internal/tls/.

const {
  SecureContext,
  createSecureContext,
} = require('internal/tls/secure-context');
const { translatePeerCertificate } = require('internal/tls/certificate');

module.exports = {
  SecureContext,
  createSecureContext,
  translatePeerCertificate,
};
