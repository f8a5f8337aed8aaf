'use strict';

// X509Certificate over internalBinding('crypto').X509Handle. Property values
// are computed once per certificate and cached.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  JSONParse,
  ObjectPrototypeHasOwnProperty,
  SafeMap,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  Symbol,
  Uint8Array,
} = primordials;

const {
  X509Handle,
  X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT,
  X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS,
  X509_CHECK_FLAG_NEVER_CHECK_SUBJECT,
  X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS,
  X509_CHECK_FLAG_NO_WILDCARDS,
  X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS,
} = internalBinding('crypto');

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');

const {
  validateBoolean,
  validateObject,
  validateString,
} = require('internal/validators');

const {
  customInspectSymbol: kInspect,
  kEmptyObject,
} = require('internal/util');

const { isArrayBufferView } = require('internal/util/types');
const { FastBuffer } = require('internal/buffer');
const { PublicKeyObject, isKeyObject } = require('internal/crypto/keys');
const { kHandle } = require('internal/crypto/util');

const kInternalState = Symbol('kInternalState');

const {
  kClone,
  makeCloneable,
} = require('internal/worker/js_transferable');

let lazyBuffer;
function bufferFrom(value) {
  lazyBuffer ??= require('buffer').Buffer;
  return lazyBuffer.from(value);
}

function isX509Certificate(value) {
  return value != null && value[kInternalState] !== undefined;
}

function getFlags(options = kEmptyObject) {
  validateObject(options, 'options');
  const {
    subject = 'default',
    wildcards = true,
    partialWildcards = true,
    multiLabelWildcards = false,
    singleLabelSubdomains = false,
  } = { ...options };
  let flags = 0;
  validateString(subject, 'options.subject');
  validateBoolean(wildcards, 'options.wildcards');
  validateBoolean(partialWildcards, 'options.partialWildcards');
  validateBoolean(multiLabelWildcards, 'options.multiLabelWildcards');
  validateBoolean(singleLabelSubdomains, 'options.singleLabelSubdomains');
  switch (subject) {
    case 'default': break;
    case 'always': flags |= X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT; break;
    case 'never': flags |= X509_CHECK_FLAG_NEVER_CHECK_SUBJECT; break;
    default:
      throw new ERR_INVALID_ARG_VALUE('options.subject', subject);
  }
  if (!wildcards) flags |= X509_CHECK_FLAG_NO_WILDCARDS;
  if (!partialWildcards) flags |= X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
  if (multiLabelWildcards) flags |= X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS;
  if (singleLabelSubdomains) flags |= X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS;
  return flags;
}

// The handle's value for `key`, computed on first use.
function cached(cert, key, compute) {
  const state = cert[kInternalState];
  if (state.has(key)) return state.get(key);
  const value = compute(cert[kHandle]);
  state.set(key, value);
  return value;
}

function validity(cert) {
  return cached(cert, 'validity', (h) => h.validity());
}

// { key: value } with repeated keys collected into arrays.
function nameObject(entries) {
  const obj = { __proto__: null };
  for (let i = 0; i < entries.length; i += 2) {
    const key = entries[i];
    const value = entries[i + 1];
    if (obj[key] === undefined) {
      obj[key] = value;
    } else if (ArrayIsArray(obj[key])) {
      ArrayPrototypePush(obj[key], value);
    } else {
      obj[key] = [obj[key], value];
    }
  }
  return obj;
}

// infoAccess text ("method - kind:name" lines) as an object of arrays, as
// getPeerCertificate() and toLegacyObject() show it: a quoted name is a
// JSON string (it held characters that would break the format).
function infoAccessObject(text) {
  if (text === undefined) return undefined;
  const info = { __proto__: null };
  const lines = StringPrototypeSplit(text, '\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '' && i === lines.length - 1) break;
    const colon = StringPrototypeIndexOf(line, ':');
    if (colon === -1) continue;
    const key = StringPrototypeSlice(line, 0, colon);
    let value = StringPrototypeSlice(line, colon + 1);
    if (StringPrototypeCharCodeAt(value, 0) === 0x22) value = JSONParse(value);
    if (ObjectPrototypeHasOwnProperty(info, key)) {
      ArrayPrototypePush(info[key], value);
    } else {
      info[key] = [value];
    }
  }
  return info;
}

class X509Certificate {
  constructor(buffer) {
    if (typeof buffer === 'string') buffer = bufferFrom(buffer);
    if (!isArrayBufferView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE(
        'buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    // An object postMessage() can clone (see [kClone]).
    const self = makeCloneable(new.target);
    self[kHandle] = new X509Handle(buffer);
    self[kInternalState] = new SafeMap();
    return self;
  }

  // The certificate travels as its DER bytes.
  [kClone]() {
    return {
      data: this[kHandle].raw(),
      deserializeInfo: 'internal/crypto/x509:x509FromClone',
    };
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    const opts = {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    };
    return `X509Certificate ${inspect({
      subject: this.subject,
      subjectAltName: this.subjectAltName,
      issuer: this.issuer,
      infoAccess: this.infoAccess,
      validFrom: this.validFrom,
      validTo: this.validTo,
      validFromDate: this.validFromDate,
      validToDate: this.validToDate,
      fingerprint: this.fingerprint,
      fingerprint256: this.fingerprint256,
      fingerprint512: this.fingerprint512,
      keyUsage: this.keyUsage,
      serialNumber: this.serialNumber,
      signatureAlgorithm: this.signatureAlgorithm,
      signatureAlgorithmOid: this.signatureAlgorithmOid,
    }, opts)}`;
  }

  get subject() {
    return cached(this, 'subject', (h) => h.subject());
  }

  get subjectAltName() {
    return cached(this, 'subjectAltName', (h) => h.subjectAltName());
  }

  get issuer() {
    return cached(this, 'issuer', (h) => h.issuer());
  }

  get issuerCertificate() {
    return cached(this, 'issuerCertificate', () => undefined);
  }

  get infoAccess() {
    return cached(this, 'infoAccess', (h) => h.infoAccess());
  }

  get validFrom() {
    return validity(this)[0];
  }

  get validTo() {
    return validity(this)[1];
  }

  get validFromDate() {
    return cached(this, 'validFromDate', () => new Date(validity(this)[2]));
  }

  get validToDate() {
    return cached(this, 'validToDate', () => new Date(validity(this)[3]));
  }

  get fingerprint() {
    return cached(this, 'fingerprint', (h) => h.fingerprint('sha1'));
  }

  get fingerprint256() {
    return cached(this, 'fingerprint256', (h) => h.fingerprint('sha256'));
  }

  get fingerprint512() {
    return cached(this, 'fingerprint512', (h) => h.fingerprint('sha512'));
  }

  get keyUsage() {
    return cached(this, 'keyUsage', (h) => h.keyUsage());
  }

  get serialNumber() {
    return cached(this, 'serialNumber', (h) => h.serialNumber());
  }

  get signatureAlgorithm() {
    return cached(this, 'signatureAlgorithm',
                  (h) => h.signatureAlgorithm()[0]);
  }

  get signatureAlgorithmOid() {
    return cached(this, 'signatureAlgorithmOid',
                  (h) => h.signatureAlgorithm()[1]);
  }

  get raw() {
    return cached(this, 'raw', (h) => new FastBuffer(h.raw()));
  }

  get publicKey() {
    return cached(this, 'publicKey',
                  (h) => new PublicKeyObject(h.publicKey()));
  }

  toString() {
    return cached(this, 'pem', (h) => h.pem());
  }

  // There is no toJSON format other than the PEM.
  toJSON() {
    return this.toString();
  }

  get ca() {
    return cached(this, 'ca', (h) => h.isCA());
  }

  checkHost(name, options) {
    validateString(name, 'name');
    return this[kHandle].checkHost(name, getFlags(options));
  }

  checkEmail(email, options) {
    validateString(email, 'email');
    return this[kHandle].checkEmail(email, getFlags(options));
  }

  checkIP(ip, options) {
    validateString(ip, 'ip');
    // No flag changes what an IP check does; they are checked all the same.
    getFlags(options);
    return this[kHandle].checkIP(ip);
  }

  checkIssued(otherCert) {
    if (!isX509Certificate(otherCert)) {
      throw new ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate', otherCert);
    }
    return this[kHandle].checkIssued(otherCert[kHandle]);
  }

  checkPrivateKey(pkey) {
    if (!isKeyObject(pkey)) {
      throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    }
    if (pkey.type !== 'private') {
      throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    }
    return this[kHandle].checkPrivateKey(pkey[kHandle]);
  }

  verify(pkey) {
    if (!isKeyObject(pkey)) {
      throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    }
    if (pkey.type !== 'public') {
      throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    }
    return this[kHandle].verify(pkey[kHandle]);
  }

  toLegacyObject() {
    const h = this[kHandle];
    const key = h.legacyKeyInfo();
    return {
      subject: nameObject(h.nameEntries(false)),
      issuer: nameObject(h.nameEntries(true)),
      subjectaltname: this.subjectAltName,
      infoAccess: infoAccessObject(this.infoAccess),
      ca: this.ca,
      modulus: key.modulus,
      exponent: key.exponent,
      pubkey: key.pubkey === undefined ? undefined : new FastBuffer(key.pubkey),
      bits: key.bits,
      valid_from: this.validFrom,
      valid_to: this.validTo,
      fingerprint: this.fingerprint,
      fingerprint256: this.fingerprint256,
      fingerprint512: this.fingerprint512,
      ext_key_usage: this.keyUsage,
      serialNumber: this.serialNumber,
      raw: this.raw,
      asn1Curve: key.asn1Curve,
      nistCurve: key.nistCurve,
    };
  }
}

function x509FromClone(der) {
  return new X509Certificate(new Uint8Array(der));
}

module.exports = {
  X509Certificate,
  infoAccessObject,
  isX509Certificate,
  x509FromClone,
};
