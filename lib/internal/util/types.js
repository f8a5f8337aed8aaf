'use strict';

// util.types: V8's own brand checks come from the `types` binding; the
// typed-array checks are done here through the Symbol.toStringTag getter of
// %TypedArray%.prototype, which returns undefined for anything that is not a
// typed array and cannot be faked by user code.

const {
  ArrayBufferIsView,
  ObjectDefineProperties,
  TypedArrayPrototypeGetSymbolToStringTag,
} = primordials;

// isSpecialObject and symbolFreePair are deep equality's, not util.types
// checks.
const {
  isSpecialObject: _,
  symbolFreePair: __,
  ...binding
} = internalBinding('types');

function tagOf(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value);
}

function isTypedArray(value) {
  return tagOf(value) !== undefined;
}

// One checker per concrete typed-array class, named is<Class>.
function makeTagCheck(name) {
  const check = {
    [`is${name}`](value) {
      return tagOf(value) === name;
    },
  }[`is${name}`];
  return check;
}

const isUint8Array = makeTagCheck('Uint8Array');
const isUint8ClampedArray = makeTagCheck('Uint8ClampedArray');
const isUint16Array = makeTagCheck('Uint16Array');
const isUint32Array = makeTagCheck('Uint32Array');
const isInt8Array = makeTagCheck('Int8Array');
const isInt16Array = makeTagCheck('Int16Array');
const isInt32Array = makeTagCheck('Int32Array');
const isFloat16Array = makeTagCheck('Float16Array');
const isFloat32Array = makeTagCheck('Float32Array');
const isFloat64Array = makeTagCheck('Float64Array');
const isBigInt64Array = makeTagCheck('BigInt64Array');
const isBigUint64Array = makeTagCheck('BigUint64Array');

module.exports = {
  ...binding,
  isArrayBufferView: ArrayBufferIsView,
  isTypedArray,
  isUint8Array,
  isUint8ClampedArray,
  isUint16Array,
  isUint32Array,
  isInt8Array,
  isInt16Array,
  isInt32Array,
  isFloat16Array,
  isFloat32Array,
  isFloat64Array,
  isBigInt64Array,
  isBigUint64Array,
};

// Key objects only exist when crypto is compiled in; ask its module lazily.
let cryptoKeys;
function cryptoCheck(name, value) {
  if (!process.versions || !process.versions.openssl) return false;
  if (cryptoKeys === undefined) {
    try {
      cryptoKeys = require('internal/crypto/keys');
    } catch {
      cryptoKeys = null;
    }
  }
  if (cryptoKeys === null || typeof cryptoKeys[name] !== 'function') {
    return false;
  }
  return cryptoKeys[name](value);
}

ObjectDefineProperties(module.exports, {
  isKeyObject: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: function isKeyObject(obj) {
      return cryptoCheck('isKeyObject', obj);
    },
  },
  isCryptoKey: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: function isCryptoKey(obj) {
      return cryptoCheck('isCryptoKey', obj);
    },
  },
});
