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

function pathString(path) {
  if (typeof path === 'string') return path;
  return require('buffer').Buffer.from(
    path.buffer, path.byteOffset, path.byteLength).toString();
}

function isEnabled() {
  return binding.isEnabled();
}

// A Buffer or Uint8Array reference is a path in bytes.
function has(scope, reference) {
  validateString(scope, 'scope');
  if (reference != null) {
    if (isUint8Array(reference)) reference = pathString(reference);
    validateString(reference, 'reference');
  }
  return binding.has(scope, reference);
}

// For the few checks made in JS rather than in a binding (rm, cp):
// undefined when `path` (a string or Buffer, validated) may be used for
// `scope` ('fs.read' or 'fs.write'), else the binding's ERR_ACCESS_DENIED.
function deniedPath(scope, path) {
  if (!binding.isEnabled()) return undefined;
  return binding.deniedError(scope, pathString(path));
}

module.exports = ObjectFreeze({
  __proto__: null,
  isEnabled,
  has,
  deniedPath,
});
