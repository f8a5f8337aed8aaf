'use strict';

// Helpers the crypto modules share: argument coercion to bytes, the cached
// algorithm lists, and the symbols their objects keep handles under.

const {
  FunctionPrototypeBind,
  Promise,
  Symbol,
} = primordials;

const {
  getCiphers: _getCiphers,
  getCurves: _getCurves,
  getHashes: _getHashes,
  secureHeapUsed: _secureHeapUsed,
} = internalBinding('crypto');

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_NOT_IMPLEMENTED,
  },
  hideStackFrames,
} = require('internal/errors');

const {
  validateNumber,
  validateString,
} = require('internal/validators');

const {
  cachedResult,
  filterDuplicateStrings,
  lazyDOMException,
} = require('internal/util');

const {
  isArrayBufferView,
  isAnyArrayBuffer,
} = require('internal/util/types');

const { bindRequest } = require('internal/async_hooks');

const kHandle = Symbol('kHandle');
const kKeyObject = Symbol('kKeyObject');

let lazyBuffer;
function bufferFrom(value, encoding) {
  lazyBuffer ??= require('buffer').Buffer;
  return lazyBuffer.from(value, encoding);
}

// Strings become bytes in `encoding` ('buffer' meaning UTF-8, as the old
// binary-string APIs allowed); anything else is returned as it is.
function toBuf(value, encoding) {
  if (typeof value === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return bufferFrom(value, encoding);
  }
  return value;
}

// A string (decoded with `encoding`), an ArrayBuffer or a view, else
// ERR_INVALID_ARG_TYPE naming the argument.
const getArrayBufferOrView = hideStackFrames((buffer, name, encoding) => {
  if (isAnyArrayBuffer(buffer)) return buffer;
  if (typeof buffer === 'string') {
    if (encoding === 'buffer') encoding = 'utf8';
    return bufferFrom(buffer, encoding);
  }
  if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE.HideStackFramesError(
      name,
      ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'],
      buffer);
  }
  return buffer;
});

// Like getArrayBufferOrView() with UTF-8 strings, listing the types in
// HKDF's order.
const validateByteSource = hideStackFrames((value, name) => {
  value = toBuf(value);
  if (isAnyArrayBuffer(value) || isArrayBufferView(value)) return value;
  throw new ERR_INVALID_ARG_TYPE.HideStackFramesError(
    name,
    ['string', 'ArrayBuffer', 'TypedArray', 'DataView', 'Buffer'],
    value);
});

function getStringOption(options, key) {
  let value;
  if (options && (value = options[key]) != null) {
    validateString(value, `options.${key}`);
  }
  return value;
}

const getCiphers = cachedResult(() => filterDuplicateStrings(_getCiphers()));
const getHashes = cachedResult(() => filterDuplicateStrings(_getHashes()));
const getCurves = cachedResult(() => filterDuplicateStrings(_getCurves()));

function setEngine(id, flags) {
  validateString(id, 'id');
  if (flags) validateNumber(flags, 'flags');
  throw new ERR_NOT_IMPLEMENTED('crypto.setEngine');
}

// Starts an asynchronous job whose `ondone` runs in the async context the
// job was started in (async hooks see it as a `type` resource).
function runJob(job, type, ondone) {
  job.ondone = bindRequest(job, type, ondone);
  job.run();
}

// A promise for a job's result; a failure becomes Web Crypto's
// OperationError with the cause attached.
function jobPromise(getJob) {
  return new Promise((resolve, reject) => {
    const done = (err, result) => {
      if (err) {
        reject(lazyDOMException(
          'The operation failed for an operation-specific reason',
          { name: 'OperationError', cause: err }));
        return;
      }
      resolve(result);
    };
    try {
      const job = getJob();
      runJob(job, 'HASHREQUEST', FunctionPrototypeBind(done, job));
    } catch (err) {
      done(err);
    }
  });
}

// Web Crypto's algorithm normalization (internal/crypto/webcrypto_keys).
function normalizeAlgorithm(algorithm, op) {
  return require('internal/crypto/webcrypto_keys')
    .normalizeAlgorithm(algorithm, op);
}

// The unsigned big-endian integer in `bytes`, as a BigInt.
function bigIntArrayToUnsignedBigInt(bytes) {
  let result = 0n;
  for (let i = 0; i < bytes.length; i++) {
    result = (result << 8n) | BigInt(bytes[i]);
  }
  return result;
}

function secureHeapUsed() {
  const used = _secureHeapUsed();
  if (used < 0) {
    // No secure heap (--secure-heap not given): nothing is used of a heap
    // of size 0, with OpenSSL's default minimum block.
    const total = 0;
    return { total, used: 0, utilization: 0 / total, min: 2 };
  }
  const { getOptionValue } = require('internal/options');
  const total = getOptionValue('--secure-heap');
  return {
    total,
    used,
    utilization: used / total,
    min: getOptionValue('--secure-heap-min'),
  };
}

module.exports = {
  bigIntArrayToUnsignedBigInt,
  getArrayBufferOrView,
  normalizeAlgorithm,
  getCiphers,
  getCurves,
  getHashes,
  // The security level TLS contexts start with (tls tests read it).
  getOpenSSLSecLevel: () => internalBinding('crypto').getOpenSSLSecLevel(),
  getStringOption,
  jobPromise,
  kHandle,
  kKeyObject,
  runJob,
  secureHeapUsed,
  setEngine,
  toBuf,
  validateByteSource,
};
