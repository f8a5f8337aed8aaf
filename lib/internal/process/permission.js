'use strict';

// process.permission (with --permission): has(scope, reference) asks the
// permission model of src/lode_permission.cc, which the bindings consult
// themselves before they act.

const {
  ObjectFreeze,
} = primordials;

const binding = internalBinding('permission');
const { validateString } = require('internal/validators');
const { isUint8Array } = require('internal/util/types');

function isEnabled() {
  return binding.isEnabled();
}

// A Buffer or Uint8Array reference is a path in bytes.
function has(scope, reference) {
  validateString(scope, 'scope');
  if (reference != null) {
    if (isUint8Array(reference)) {
      reference = require('buffer').Buffer.from(
        reference.buffer, reference.byteOffset, reference.byteLength)
        .toString();
    }
    validateString(reference, 'reference');
  }
  return binding.has(scope, reference);
}

module.exports = ObjectFreeze({
  __proto__: null,
  isEnabled,
  has,
});
