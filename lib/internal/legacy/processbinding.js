'use strict';

// process.binding(name): the deprecated (DEP0111) door to the bindings that
// Node still opens. Most names give internalBinding(name) itself; 'util'
// and 'natives' give the small objects older code expected. Any other name,
// and a name whose binding lode does not have, is "No such module".

const {
  ArrayPrototypeIncludes,
  Error,
  ObjectAssign,
  ObjectFreeze,
  String,
} = primordials;

// The names Node 24 allows.
const allowList = ObjectFreeze([
  'buffer', 'cares_wrap', 'config', 'constants', 'contextify', 'fs',
  'fs_event_wrap', 'icu', 'inspector', 'js_stream', 'natives', 'os',
  'pipe_wrap', 'process_wrap', 'spawn_sync', 'stream_wrap', 'tcp_wrap',
  'tls_wrap', 'tty_wrap', 'udp_wrap', 'util', 'uv', 'zlib',
]);

// The type checks util.types has, under the names process.binding('util')
// had.
const utilTypeNames = ObjectFreeze([
  'isAnyArrayBuffer', 'isArrayBuffer', 'isArrayBufferView', 'isAsyncFunction',
  'isDataView', 'isDate', 'isExternal', 'isMap', 'isMapIterator',
  'isNativeError', 'isPromise', 'isRegExp', 'isSet', 'isSetIterator',
  'isTypedArray', 'isUint8Array',
]);

// A new object at each call, as in Node.
function legacyUtil() {
  const { types } = require('util');
  const object = {};
  for (let i = 0; i < utilTypeNames.length; i++) {
    object[utilTypeNames[i]] = types[utilTypeNames[i]];
  }
  return object;
}

function legacyNatives() {
  const { builtinIds, getSource } = internalBinding('builtins');
  const object = {};
  for (let i = 0; i < builtinIds.length; i++) {
    object[builtinIds[i]] = getSource(builtinIds[i]);
  }
  return object;
}

let warnedPending = false;

// process.binding('uv'): under --pending-deprecation its errname() warns
// once (DEP0119) that util.getSystemErrorName() replaces it.
let legacyUv;
function legacyUvBinding(uv) {
  if (!process.pendingDeprecation) return uv;
  if (legacyUv === undefined) {
    const { errname } = uv;
    let warned = false;
    legacyUv = ObjectAssign({}, uv);
    legacyUv.errname = function errnameWithWarning(err) {
      if (!warned) {
        warned = true;
        process.emitWarning(
          "Directly calling process.binding('uv').errname(<val>) is being " +
            'deprecated. Please make sure to use util.getSystemErrorName() ' +
            'instead.',
          'DeprecationWarning', 'DEP0119');
      }
      return errname(err);
    };
  }
  return legacyUv;
}

function binding(module) {
  module = String(module);
  if (!warnedPending && process.pendingDeprecation) {
    warnedPending = true;
    process.emitWarning(
      'process.binding() is deprecated. Please use public APIs instead.',
      'DeprecationWarning', 'DEP0111');
  }
  if (ArrayPrototypeIncludes(allowList, module)) {
    if (module === 'util') return legacyUtil();
    if (module === 'natives') return legacyNatives();
    let result;
    try {
      result = internalBinding(module);
    } catch {
      // Not built into lode (yet): as unknown as any other name.
    }
    if (module === 'uv' && result !== undefined) {
      return legacyUvBinding(result);
    }
    if (result !== undefined) return result;
  }
  // eslint-disable-next-line no-restricted-syntax
  throw new Error(`No such module: ${module}`);
}

module.exports = { binding };
