'use strict';

// node:tls. TLS sockets and servers (internal/tls/wrap), secure contexts
// (internal/tls/secure-context), certificate checks and stores; the
// defaults below are read at each use, so a program may change them.

const {
  ObjectDefineProperty,
} = primordials;

const { assertCrypto, cachedResult, filterDuplicateStrings } =
  require('internal/util');
assertCrypto();

const { getSSLCiphers } = internalBinding('crypto');
const {
  crypto: { defaultCoreCipherList },
} = internalBinding('constants');
const { getOptionValue } = require('internal/options');
const {
  SecureContext,
  createSecureContext,
} = require('internal/tls/secure-context');
const { checkServerIdentity } = require('internal/tls/certificate');
const {
  getCACertificates,
  getRootCertificates,
  setDefaultCACertificates,
} = require('internal/tls/ca-certificates');
const {
  Server,
  TLSSocket,
  connect,
  convertALPNProtocols,
  createServer,
} = require('internal/tls/wrap');

function defaultMinVersion() {
  if (getOptionValue('--tls-min-v1.0')) return 'TLSv1';
  if (getOptionValue('--tls-min-v1.1')) return 'TLSv1.1';
  if (getOptionValue('--tls-min-v1.3')) return 'TLSv1.3';
  return 'TLSv1.2';
}

function defaultMaxVersion() {
  if (getOptionValue('--tls-max-v1.2')) return 'TLSv1.2';
  return 'TLSv1.3';
}

module.exports = {
  // At most CLIENT_RENEG_LIMIT renegotiations by a client per
  // CLIENT_RENEG_WINDOW seconds.
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: getOptionValue('--tls-cipher-list') ||
    defaultCoreCipherList,
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: defaultMinVersion(),
  DEFAULT_MAX_VERSION: defaultMaxVersion(),
  getCiphers: cachedResult(
    () => filterDuplicateStrings(getSSLCiphers(), true)),
  getCACertificates,
  setDefaultCACertificates,
  convertALPNProtocols,
  checkServerIdentity,
  createSecureContext,
  SecureContext,
  TLSSocket,
  Server,
  createServer,
  connect,
};

ObjectDefineProperty(module.exports, 'rootCertificates', {
  __proto__: null,
  configurable: false,
  enumerable: true,
  get: getRootCertificates,
});
