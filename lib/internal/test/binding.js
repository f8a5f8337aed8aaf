'use strict';

// For Node's tests run with --expose-internals: the raw internalBinding()
// and the primordials.

process.emitWarning(
  'These APIs are for internal testing only. Do not use them.',
  'internal/test/binding');

module.exports = { internalBinding, primordials };
