'use strict';

// crypto.scrypt and scryptSync (RFC 7914). The parameters have long and
// short names (N/cost, r/blockSize, p/parallelization); 0 means the default.

const {
  FunctionPrototypeCall,
} = primordials;

const {
  ScryptJob,
  kCryptoJobAsync,
  kCryptoJobSync,
} = internalBinding('crypto');

const {
  validateFunction,
  validateInt32,
  validateInteger,
  validateUint32,
} = require('internal/validators');

const {
  codes: {
    ERR_INCOMPATIBLE_OPTION_PAIR,
  },
} = require('internal/errors');

const { getArrayBufferOrView, runJob } = require('internal/crypto/util');
const { FastBuffer } = require('internal/buffer');

const defaults = {
  N: 16384,
  r: 8,
  p: 1,
  maxmem: 32 << 20,  // OpenSSL's own default limit
};

// One parameter under either of its names.
function pick(options, short, long, value) {
  const hasShort = options[short] !== undefined;
  if (hasShort) {
    value = options[short];
    validateUint32(value, short);
  }
  if (options[long] !== undefined) {
    if (hasShort) throw new ERR_INCOMPATIBLE_OPTION_PAIR(short, long);
    value = options[long];
    validateUint32(value, long);
  }
  return value;
}

function checkArgs(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = defaults;
  if (options && options !== defaults) {
    N = pick(options, 'N', 'cost', N);
    r = pick(options, 'r', 'blockSize', r);
    p = pick(options, 'p', 'parallelization', p);
    if (options.maxmem !== undefined) {
      maxmem = options.maxmem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (N === 0) N = defaults.N;
    if (r === 0) r = defaults.r;
    if (p === 0) p = defaults.p;
    if (maxmem === 0) maxmem = defaults.maxmem;
  }
  return { password, salt, keylen, N, r, p, maxmem };
}

function scrypt(password, salt, keylen, options, callback = defaults) {
  if (callback === defaults) {
    callback = options;
    options = defaults;
  }
  const args = checkArgs(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  const job = new ScryptJob(kCryptoJobAsync, args.password, args.salt,
                            args.N, args.r, args.p, args.maxmem, args.keylen);
  runJob(job, 'SCRYPTREQUEST', (err, result) => {
    if (err !== undefined) return FunctionPrototypeCall(callback, job, err);
    FunctionPrototypeCall(callback, job, null, new FastBuffer(result));
  });
}

function scryptSync(password, salt, keylen, options = defaults) {
  const args = checkArgs(password, salt, keylen, options);
  const { 0: err, 1: result } = new ScryptJob(
    kCryptoJobSync, args.password, args.salt, args.N, args.r, args.p,
    args.maxmem, args.keylen).run();
  if (err !== undefined) throw err;
  return new FastBuffer(result);
}

module.exports = {
  scrypt,
  scryptSync,
};
