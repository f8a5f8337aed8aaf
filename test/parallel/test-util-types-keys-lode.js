'use strict';
require('../common');
const assert = require('assert');
const { types } = require('util');

// util.types has Node's checks, in Node's order, and nothing of lode's own
// (deep equality's isSpecialObject lives in the same binding).
assert.deepStrictEqual(Object.keys(types), [
  'isArgumentsObject', 'isArrayBuffer', 'isAsyncFunction', 'isBigIntObject',
  'isBooleanObject', 'isDataView', 'isDate', 'isExternal',
  'isGeneratorFunction', 'isGeneratorObject', 'isMap', 'isMapIterator',
  'isModuleNamespaceObject', 'isNativeError', 'isNumberObject', 'isPromise',
  'isProxy', 'isRegExp', 'isSet', 'isSetIterator', 'isSharedArrayBuffer',
  'isStringObject', 'isSymbolObject', 'isWeakMap', 'isWeakSet',
  'isAnyArrayBuffer', 'isBoxedPrimitive', 'isArrayBufferView',
  'isTypedArray', 'isUint8Array', 'isUint8ClampedArray', 'isUint16Array',
  'isUint32Array', 'isInt8Array', 'isInt16Array', 'isInt32Array',
  'isFloat16Array', 'isFloat32Array', 'isFloat64Array', 'isBigInt64Array',
  'isBigUint64Array', 'isKeyObject', 'isCryptoKey',
]);

// A Date is a date and nothing else.
const date = new Date();
for (const key of Object.keys(types)) {
  assert.strictEqual(types[key](date), key === 'isDate', key);
}
