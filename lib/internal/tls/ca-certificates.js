'use strict';

// tls.rootCertificates, tls.getCACertificates() and
// tls.setDefaultCACertificates(). Node bundles Mozilla's list; lode uses
// the system's (OpenSSL's default file, on Debian the ca-certificates
// package, which is Mozilla's list), so 'bundled' and 'system' are the
// same certificates. NODE_EXTRA_CA_CERTS adds to the default set.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  ObjectFreeze,
} = primordials;

const {
  getBundledRootCertificates,
  getExtraCACertificates,
  getSystemCACertificates,
  getUserRootCertificates,
  resetRootCertStore,
} = internalBinding('crypto');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const { getOptionValue } = require('internal/options');
const { isArrayBufferView } = require('internal/util/types');
const { validateString } = require('internal/validators');

let bundled;
let extra;
let system;
let defaults;
let userDefaults = false;

function bundledCertificates() {
  bundled ??= ObjectFreeze(getBundledRootCertificates());
  return bundled;
}

function extraCertificates() {
  extra ??= ObjectFreeze(getExtraCACertificates());
  return extra;
}

function systemCertificates() {
  system ??= ObjectFreeze(getSystemCACertificates());
  return system;
}

function defaultCertificates() {
  if (defaults !== undefined) return defaults;
  if (userDefaults) {
    defaults = ObjectFreeze(getUserRootCertificates());
    return defaults;
  }
  const list = [];
  const add = (certs) => {
    for (let i = 0; i < certs.length; i++) ArrayPrototypePush(list, certs[i]);
  };
  if (!getOptionValue('--use-openssl-ca')) {
    add(bundledCertificates());
    if (getOptionValue('--use-system-ca') ||
        process.env.NODE_USE_SYSTEM_CA === '1') {
      add(systemCertificates());
    }
  }
  if (process.env.NODE_EXTRA_CA_CERTS) add(extraCertificates());
  defaults = ObjectFreeze(list);
  return defaults;
}

function getCACertificates(type = 'default') {
  validateString(type, 'type');
  switch (type) {
    case 'default': return defaultCertificates();
    case 'bundled': return bundledCertificates();
    case 'system': return systemCertificates();
    case 'extra': return extraCertificates();
    default: throw new ERR_INVALID_ARG_VALUE('type', type);
  }
}

function setDefaultCACertificates(certs) {
  if (!ArrayIsArray(certs)) throw new ERR_INVALID_ARG_TYPE('certs', 'Array',
                                                            certs);
  for (let i = 0; i < certs.length; i++) {
    if (typeof certs[i] !== 'string' && !isArrayBufferView(certs[i])) {
      throw new ERR_INVALID_ARG_TYPE(`certs[${i}]`,
                                     ['string', 'ArrayBufferView'], certs[i]);
    }
  }
  resetRootCertStore(certs);
  defaults = undefined;
  userDefaults = true;
}

module.exports = {
  getCACertificates,
  getRootCertificates: bundledCertificates,
  setDefaultCACertificates,
};
