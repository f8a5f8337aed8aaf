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
const { ERR_ACCESS_DENIED } = require('internal/errors').codes;

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

// For the few checks Node makes in JS rather than in a binding (lstat,
// rm): undefined when `path` (a string or Buffer, validated) may be used
// for `scope` ('fs.read' or 'fs.write'), else the ERR_ACCESS_DENIED error.
// `short` gives Node's shorter message of those checks.
function deniedPath(scope, path, short = false) {
  if (!binding.isEnabled()) return undefined;
  const resource = pathString(path);
  if (binding.has(scope, resource)) return undefined;
  const read = scope === 'fs.read';
  const message = short ? 'Access to this API has been restricted' :
    'Access to this API has been restricted. Use ' +
    `${read ? '--allow-fs-read' : '--allow-fs-write'} to manage permissions.`;
  return new ERR_ACCESS_DENIED(
    message, read ? 'FileSystemRead' : 'FileSystemWrite', resource);
}

module.exports = ObjectFreeze({
  __proto__: null,
  isEnabled,
  has,
  deniedPath,
});
