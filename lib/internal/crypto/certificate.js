'use strict';

// The legacy Certificate class: SPKAC (Netscape signed public key and
// challenge) verification and extraction. Its methods need no instance
// state; they exist both as statics and on instances.

const {
  certExportChallenge,
  certExportPublicKey,
  certVerifySpkac,
} = internalBinding('crypto');

const {
  codes: {
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');

const { getArrayBufferOrView } = require('internal/crypto/util');
const { FastBuffer } = require('internal/buffer');

const kMaxLength = 2 ** 31 - 1;

function spkacBytes(spkac, encoding) {
  const bytes = getArrayBufferOrView(spkac, 'spkac', encoding);
  if (bytes.byteLength > kMaxLength) {
    throw new ERR_OUT_OF_RANGE('spkac', `<= ${kMaxLength}`, bytes.byteLength);
  }
  return bytes;
}

function verifySpkac(spkac, encoding) {
  return certVerifySpkac(spkacBytes(spkac, encoding));
}

function exportPublicKey(spkac, encoding) {
  const result = certExportPublicKey(spkacBytes(spkac, encoding));
  return result === undefined ? '' : new FastBuffer(result);
}

function exportChallenge(spkac, encoding) {
  const result = certExportChallenge(spkacBytes(spkac, encoding));
  return result === undefined ? '' : new FastBuffer(result);
}

// Instances used to be required; the methods never used them.
function Certificate() {
  if (!(this instanceof Certificate)) return new Certificate();
}

Certificate.prototype.verifySpkac = verifySpkac;
Certificate.prototype.exportPublicKey = exportPublicKey;
Certificate.prototype.exportChallenge = exportChallenge;

Certificate.exportChallenge = exportChallenge;
Certificate.exportPublicKey = exportPublicKey;
Certificate.verifySpkac = verifySpkac;

module.exports = Certificate;
