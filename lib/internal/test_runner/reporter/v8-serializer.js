'use strict';

// How a test file run by `lode --test` reports to its parent: each event
// goes to stdout as one frame of the v8 serializer's wire format, a header,
// the length of the rest (4 bytes, big-endian), then a header and the event
// itself. Errors go as plain objects (serializeError below). Anything else the
// file writes to stdout lies between frames, and the parent shows it as
// the file's output.

const {
  ArrayPrototypePush,
  FunctionPrototypeCall,
  ObjectCreate,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyNames,
  ObjectGetPrototypeOf,
  ObjectPrototypeHasOwnProperty,
  ObjectPrototypeToString,
  SafeSet,
  SymbolFor,
} = primordials;

const { DefaultSerializer } = require('v8');

// The error classes an error is recreated as in the parent (the nearest
// one in its prototype chain); its other properties, own or inherited, are
// copied, the name included.
const kErrorClasses = {
  __proto__: null,
  Error, TypeError, RangeError, URIError, SyntaxError, ReferenceError,
  EvalError,
};

function inspectValue(value) {
  const { inspect } = require('internal/util/inspect');
  return inspect(value);
}

function isSerializable(value) {
  if (value === null || typeof value !== 'object') {
    return typeof value !== 'function' && typeof value !== 'symbol';
  }
  try {
    require('v8').serialize(value);
    return true;
  } catch {
    return false;
  }
}

function errorClassName(error) {
  for (let proto = error; proto !== null;
    proto = ObjectGetPrototypeOf(proto)) {
    const name = ObjectGetOwnPropertyDescriptor(proto, 'constructor')
      ?.value?.name;
    if (typeof name === 'string' && kErrorClasses[name] !== undefined) {
      return name;
    }
  }
  return 'Error';
}

// A test's error as something the v8 serializer takes.
function serializeError(error, seen = new SafeSet()) {
  try {
    if (error !== null && typeof error === 'object' &&
        ObjectPrototypeToString(error) === '[object Error]') {
      if (seen.has(error)) return { __proto__: null, kind: 'circular' };
      seen.add(error);
      const properties = [];
      const names = new SafeSet();
      for (let proto = error; proto !== null;
        proto = ObjectGetPrototypeOf(proto)) {
        const keys = ObjectGetOwnPropertyNames(proto);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          if (names.has(key) || key === 'constructor' || key === '__proto__') {
            continue;
          }
          let desc;
          let value;
          try {
            desc = ObjectGetOwnPropertyDescriptor(proto, key);
            value = 'value' in desc ? desc.value :
              (typeof desc.get === 'function' ?
                FunctionPrototypeCall(desc.get, error) : undefined);
          } catch {
            continue;
          }
          if (key !== 'cause' &&
              (typeof value === 'function' || typeof value === 'symbol')) {
            continue;
          }
          names.add(key);
          let entry;
          if (key === 'cause') {
            entry = serializeError(value, seen);
          } else if (isSerializable(value)) {
            entry = { __proto__: null, kind: 'value', value };
          } else {
            entry = { __proto__: null, kind: 'inspected',
                      value: inspectValue(value) };
          }
          ArrayPrototypePush(properties, {
            __proto__: null, key, enumerable: desc.enumerable, entry,
          });
        }
      }
      return {
        __proto__: null,
        kind: 'error',
        className: errorClassName(error),
        properties,
      };
    }
    if (typeof error === 'symbol') {
      return { __proto__: null, kind: 'symbol', value: error.description };
    }
    // A value with its own way of being shown is shown so in the parent.
    const { customInspectSymbol } = require('internal/util');
    if (error !== null && typeof error === 'object' &&
        ObjectPrototypeHasOwnProperty(error, customInspectSymbol)) {
      try {
        return { __proto__: null, kind: 'custom', value: inspectValue(error) };
      } catch {
        // Its inspection threw: sent as a value if it can be.
      }
    }
    if (isSerializable(error)) {
      return { __proto__: null, kind: 'value', value: error };
    }
  } catch {
    // Shown as text below.
  }
  return { __proto__: null, kind: 'inspected', value: inspectValue(error) };
}

function deserializeError(data) {
  switch (data?.kind) {
    case 'error': {
      const ctor = kErrorClasses[data.className] ?? Error;
      const error = ObjectCreate(ctor.prototype);
      const { properties } = data;
      for (let i = 0; i < properties.length; i++) {
        const { key, enumerable, entry } = properties[i];
        ObjectDefineProperty(error, key, {
          __proto__: null,
          value: deserializeError(entry),
          enumerable,
          writable: true,
          configurable: true,
        });
      }
      return error;
    }
    case 'circular':
      return '[Circular object]';
    case 'symbol':
      return SymbolFor(data.value);
    case 'custom': {
      const { customInspectSymbol } = require('internal/util');
      const text = data.value;
      return { __proto__: null, [customInspectSymbol]: () => text };
    }
    case 'value':
    case 'inspected':
      return data.value;
    default:
      return data;
  }
}

let headerLength;

function getHeaderLength() {
  if (headerLength === undefined) {
    const serializer = new DefaultSerializer();
    serializer.writeHeader();
    headerLength = serializer.releaseBuffer().length;
  }
  return headerLength;
}

// One event as a frame (a Buffer).
function serializeEvent(event) {
  const details = event.data?.details;
  const error = details?.error;
  if (error !== undefined && error !== null) {
    details.error = serializeError(error);
  }
  const serializer = new DefaultSerializer();
  serializer.writeHeader();
  const header = serializer.releaseBuffer();
  serializer.writeHeader();
  serializer.writeValue(event);
  const body = serializer.releaseBuffer();
  if (error !== undefined && error !== null) details.error = error;

  const { Buffer } = require('buffer');
  const frame = Buffer.allocUnsafe(header.length + 4 + body.length);
  header.copy(frame, 0);
  frame.writeUInt32BE(body.length, header.length);
  body.copy(frame, header.length + 4);
  return frame;
}

async function* v8Serializer(source) {
  for await (const event of source) {
    yield serializeEvent(event);
  }
}

module.exports = v8Serializer;
module.exports.serializeEvent = serializeEvent;
module.exports.serializeError = serializeError;
module.exports.deserializeError = deserializeError;
module.exports.getHeaderLength = getHeaderLength;
