'use strict';

// util.setTraceSigInt(enable): checked as in Node (a boolean, and refused in
// a worker, which does not own the process's SIGINT); on the main thread the
// stack printing itself is not built yet and it throws ERR_NOT_IMPLEMENTED
// (see doc/status.md). The module exists so that util can be imported as an
// ES module (its namespace reads every export).

const {
  codes: {
    ERR_NOT_IMPLEMENTED,
    ERR_WORKER_UNSUPPORTED_OPERATION,
  },
} = require('internal/errors');
const { validateBoolean } = require('internal/validators');

function setTraceSigInt(enable) {
  validateBoolean(enable, 'enable');
  if (!require('worker_threads').isMainThread) {
    throw new ERR_WORKER_UNSUPPORTED_OPERATION('Calling util.setTraceSigInt');
  }
  throw new ERR_NOT_IMPLEMENTED('util.setTraceSigInt');
}

module.exports = { setTraceSigInt };
