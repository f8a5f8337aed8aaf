'use strict';

// tls.createSecureContext(): the options are checked here, then handed one
// by one to the native SecureContext (src/lode_crypto_context.cc), in the
// order OpenSSL needs them (ciphers first, as @SECLEVEL changes what the
// rest may load; CAs before the certificate, so that its issuer is found;
// the key after the certificate).

const {
  ArrayIsArray,
  ArrayPrototypeFilter,
  ArrayPrototypeForEach,
  ArrayPrototypeJoin,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
} = primordials;

const {
  SecureContext: NativeSecureContext,
} = internalBinding('crypto');
const {
  crypto: {
    SSL_OP_CIPHER_SERVER_PREFERENCE,
    TLS1_VERSION,
    TLS1_1_VERSION,
    TLS1_2_VERSION,
    TLS1_3_VERSION,
  },
} = internalBinding('constants');
const {
  codes: {
    ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_TLS_INVALID_PROTOCOL_VERSION,
    ERR_TLS_PROTOCOL_VERSION_CONFLICT,
  },
} = require('internal/errors');
const { kEmptyObject } = require('internal/util');
const { isArrayBufferView } = require('internal/util/types');
const {
  validateBuffer,
  validateInt32,
  validateInteger,
  validateObject,
  validateString,
} = require('internal/validators');
const { toBuf } = require('internal/crypto/util');

// The tls module's defaults are read at each use: a program may change
// tls.DEFAULT_CIPHERS and friends.
function tlsDefaults() {
  return require('tls');
}

const kVersions = {
  '__proto__': null,
  'TLSv1': TLS1_VERSION,
  'TLSv1.1': TLS1_1_VERSION,
  'TLSv1.2': TLS1_2_VERSION,
  'TLSv1.3': TLS1_3_VERSION,
};

function protocolVersion(which, value, fallback) {
  value ??= fallback;
  const version = typeof value === 'string' ? kVersions[value] : undefined;
  if (version === undefined) {
    throw new ERR_TLS_INVALID_PROTOCOL_VERSION(value, which);
  }
  return version;
}

function validateKeyOrCertOption(name, value) {
  if (typeof value !== 'string' && !isArrayBufferView(value)) {
    throw new ERR_INVALID_ARG_TYPE(
      name, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
  }
}

// TLS 1.3 suites (TLS_*) and older ciphers are set through different
// OpenSSL calls: split the list.
function splitCiphers(ciphers, name) {
  const all = StringPrototypeSplit(ciphers, ':');
  const isSuite = (c) => StringPrototypeStartsWith(c, 'TLS_') ||
    StringPrototypeStartsWith(c, '!TLS_');
  const cipherList = ArrayPrototypeJoin(
    ArrayPrototypeFilter(all, (c) => c.length > 0 && !isSuite(c)), ':');
  const cipherSuites = ArrayPrototypeJoin(
    ArrayPrototypeFilter(all, (c) => c.length > 0 && isSuite(c)), ':');
  // Nothing left for either version: no handshake could succeed.
  if (cipherList === '' && cipherSuites === '') {
    throw new ERR_INVALID_ARG_VALUE(name, all);
  }
  return { cipherList, cipherSuites };
}

function setKey(context, key, passphrase, name) {
  validateKeyOrCertOption(`${name}.key`, key);
  if (passphrase != null) validateString(passphrase, `${name}.passphrase`);
  context.setKey(key, passphrase);
}

function configSecureContext(context, options = kEmptyObject,
                             name = 'options') {
  validateObject(options, name);
  const {
    allowPartialTrustChain,
    ca,
    cert,
    ciphers = tlsDefaults().DEFAULT_CIPHERS,
    clientCertEngine,
    crl,
    dhparam,
    ecdhCurve = tlsDefaults().DEFAULT_ECDH_CURVE || 'auto',
    key,
    passphrase,
    pfx,
    privateKeyIdentifier,
    privateKeyEngine,
    sessionIdContext,
    sessionTimeout,
    sigalgs,
    ticketKeys,
  } = options;

  if (ciphers != null) validateString(ciphers, `${name}.ciphers`);
  const { cipherList, cipherSuites } =
    splitCiphers(ciphers || tlsDefaults().DEFAULT_CIPHERS,
                 `${name}.ciphers`);
  if (cipherSuites !== '') context.setCipherSuites(cipherSuites);
  context.setCiphers(cipherList);
  // Only TLS 1.3 suites: older versions could not agree on anything.
  if (cipherList === '' &&
      context.getMinProto() < TLS1_3_VERSION &&
      context.getMaxProto() > TLS1_2_VERSION) {
    context.setMinProto(TLS1_3_VERSION);
  }

  // `ca`, `cert` and `key` may be falsy, which means "none".
  if (ca) {
    const list = ArrayIsArray(ca) ? ca : [ca];
    ArrayPrototypeForEach(list, (item) => {
      validateKeyOrCertOption(`${name}.ca`, item);
      context.addCACert(item);
    });
  } else {
    context.addRootCerts();
  }

  if (allowPartialTrustChain) context.setAllowPartialTrustChain();

  if (cert) {
    const list = ArrayIsArray(cert) ? cert : [cert];
    ArrayPrototypeForEach(list, (item) => {
      validateKeyOrCertOption(`${name}.cert`, item);
      context.setCert(item);
    });
  }

  if (key) {
    if (ArrayIsArray(key)) {
      for (let i = 0; i < key.length; i++) {
        const item = key[i];
        const pem = item?.pem !== undefined ? item.pem : item;
        const pass = item?.passphrase !== undefined ? item.passphrase :
          passphrase;
        setKey(context, pem, pass, name);
      }
    } else {
      setKey(context, key, passphrase, name);
    }
  }

  if (sigalgs != null) {
    validateString(sigalgs, `${name}.sigalgs`);
    if (sigalgs === '') throw new ERR_INVALID_ARG_VALUE(`${name}.sigalgs`,
                                                        sigalgs);
    context.setSigalgs(sigalgs);
  }

  if (privateKeyIdentifier != null) {
    if (privateKeyEngine == null) {
      throw new ERR_INVALID_ARG_VALUE(`${name}.privateKeyEngine`,
                                      privateKeyEngine);
    }
    if (key) {
      throw new ERR_INVALID_ARG_VALUE(`${name}.privateKeyIdentifier`,
                                      privateKeyIdentifier);
    }
    if (typeof privateKeyIdentifier !== 'string') {
      throw new ERR_INVALID_ARG_TYPE(`${name}.privateKeyIdentifier`,
                                     ['string', 'null', 'undefined'],
                                     privateKeyIdentifier);
    }
    if (typeof privateKeyEngine !== 'string') {
      throw new ERR_INVALID_ARG_TYPE(`${name}.privateKeyEngine`,
                                     ['string', 'null', 'undefined'],
                                     privateKeyEngine);
    }
    // OpenSSL engines are not built into lode.
    if (typeof context.setEngineKey !== 'function') {
      throw new ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED();
    }
    context.setEngineKey(privateKeyIdentifier, privateKeyEngine);
  }

  validateString(ecdhCurve, `${name}.ecdhCurve`);
  context.setECDHCurve(ecdhCurve);

  if (dhparam != null) {
    validateKeyOrCertOption(`${name}.dhparam`, dhparam);
    const warning = context.setDHParam(dhparam === 'auto' || dhparam);
    if (warning) process.emitWarning(warning, 'SecurityWarning');
  }

  if (crl != null) {
    const list = ArrayIsArray(crl) ? crl : [crl];
    ArrayPrototypeForEach(list, (item) => {
      validateKeyOrCertOption(`${name}.crl`, item);
      context.addCRL(item);
    });
  }

  if (sessionIdContext != null) {
    validateString(sessionIdContext, `${name}.sessionIdContext`);
    context.setSessionIdContext(sessionIdContext);
  }

  if (pfx != null) {
    const load = (raw, pass) => {
      if (pass != null) {
        context.loadPKCS12(toBuf(raw), toBuf(pass));
      } else {
        context.loadPKCS12(toBuf(raw));
      }
    };
    if (ArrayIsArray(pfx)) {
      ArrayPrototypeForEach(pfx, (item) => {
        load(item.buf || item, item.passphrase || passphrase);
      });
    } else {
      load(pfx, passphrase || undefined);
    }
  }

  if (typeof clientCertEngine === 'string') {
    if (typeof context.setClientCertEngine !== 'function') {
      throw new ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED();
    }
    context.setClientCertEngine(clientCertEngine);
  } else if (clientCertEngine != null) {
    throw new ERR_INVALID_ARG_TYPE(`${name}.clientCertEngine`,
                                   ['string', 'null', 'undefined'],
                                   clientCertEngine);
  }

  if (ticketKeys != null) {
    validateBuffer(ticketKeys, `${name}.ticketKeys`);
    if (ticketKeys.byteLength !== 48) {
      throw new ERR_INVALID_ARG_VALUE(`${name}.ticketKeys`,
                                      ticketKeys.byteLength,
                                      'must be exactly 48 bytes');
    }
    context.setTicketKeys(ticketKeys);
  }

  if (sessionTimeout != null) {
    validateInt32(sessionTimeout, `${name}.sessionTimeout`, 0);
    context.setSessionTimeout(sessionTimeout);
  }
}

// tls.SecureContext: what createSecureContext() returns; `context` is the
// native object.
function SecureContext(secureProtocol, secureOptions, minVersion,
                       maxVersion) {
  if (!(this instanceof SecureContext)) {
    return new SecureContext(secureProtocol, secureOptions, minVersion,
                             maxVersion);
  }
  // A named protocol method fixes the versions itself.
  if (secureProtocol) {
    if (minVersion != null) {
      throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion, secureProtocol);
    }
    if (maxVersion != null) {
      throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(maxVersion, secureProtocol);
    }
  }
  const defaults = tlsDefaults();
  this.context = new NativeSecureContext();
  this.context.init(
    secureProtocol,
    protocolVersion('minimum', minVersion, defaults.DEFAULT_MIN_VERSION),
    protocolVersion('maximum', maxVersion, defaults.DEFAULT_MAX_VERSION));
  if (secureOptions) {
    validateInteger(secureOptions, 'secureOptions');
    this.context.setOptions(secureOptions);
  }
}

function createSecureContext(options) {
  options ||= kEmptyObject;
  const { honorCipherOrder, minVersion, maxVersion, secureProtocol } =
    options;
  let { secureOptions } = options;
  if (honorCipherOrder) secureOptions |= SSL_OP_CIPHER_SERVER_PREFERENCE;
  const secureContext = new SecureContext(secureProtocol, secureOptions,
                                          minVersion, maxVersion);
  configSecureContext(secureContext.context, options);
  return secureContext;
}

module.exports = {
  SecureContext,
  configSecureContext,
  createSecureContext,
};
