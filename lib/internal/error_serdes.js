'use strict';

// An uncaught exception of a worker, carried to its parent: errors keep
// their class (the nearest built-in one on their prototype chain), their
// message, stack, cause and other own properties; other values go through
// the structured clone as they are, or as their inspected text when they
// cannot.

const {
  ArrayPrototypeIncludes,
  FunctionPrototypeCall,
  ObjectCreate,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyNames,
  ObjectGetPrototypeOf,
  ObjectPrototypeHasOwnProperty,
  SafeSet,
} = primordials;

const kErrorClasses = [
  'Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError',
  'EvalError', 'URIError', 'AggregateError',
];

function lazyClone(value) {
  const { structuredClone } = require('internal/structured_clone');
  return structuredClone(value);
}

function isObject(value) {
  return (typeof value === 'object' && value !== null) ||
    typeof value === 'function';
}

function errorClassOf(error) {
  const seen = new SafeSet();
  for (let proto = error; proto !== null && !seen.has(proto);
    proto = ObjectGetPrototypeOf(proto)) {
    seen.add(proto);
    const desc = ObjectGetOwnPropertyDescriptor(proto, 'constructor');
    const ctor = desc?.value;
    if (typeof ctor === 'function' &&
        ArrayPrototypeIncludes(kErrorClasses, ctor.name) &&
        globalThis[ctor.name] === ctor) {
      return ctor.name;
    }
  }
  return undefined;
}

function cloneOrInspect(value) {
  try {
    return { value: lazyClone(value) };
  } catch {
    const { inspect } = require('internal/util/inspect');
    return { value: inspect(value) };
  }
}

function serializeError(error, depth = 0) {
  try {
    if (isObject(error) && depth < 8) {
      const className = errorClassOf(error);
      if (className !== undefined) {
        const properties = [];
        const names = ObjectGetOwnPropertyNames(error);
        for (let i = 0; i < names.length; i++) {
          const name = names[i];
          let desc;
          let value;
          // Reading `stack` formats it, which may throw (a failing
          // Error.prepareStackTrace): such a property is left out.
          try {
            desc = ObjectGetOwnPropertyDescriptor(error, name);
            if ('value' in desc) {
              value = desc.value;
            } else if (typeof desc.get === 'function') {
              value = FunctionPrototypeCall(desc.get, error);
            }
          } catch {
            continue;
          }
          const entry = name === 'cause' && isObject(value) ?
            { error: serializeError(value, depth + 1) } :
            cloneOrInspect(value);
          properties[properties.length] = {
            name, enumerable: desc.enumerable, ...entry,
          };
        }
        if (!ObjectPrototypeHasOwnProperty(error, 'stack') &&
            !ArrayPrototypeIncludes(names, 'stack')) {
          try {
            const stack = error.stack;
            if (typeof stack === 'string') {
              properties[properties.length] =
                { name: 'stack', enumerable: false, value: stack };
            }
          } catch {
            // A throwing getter: no stack.
          }
        }
        return { kind: 'error', className, properties };
      }
    }
    return { kind: 'value', value: lazyClone(error) };
  } catch {
    const { inspect } = require('internal/util/inspect');
    try {
      return { kind: 'inspected', value: inspect(error) };
    } catch {
      return undefined;
    }
  }
}

function deserializeError(serialized) {
  switch (serialized?.kind) {
    case 'error': {
      const ctor = globalThis[serialized.className];
      const error = ObjectCreate(ctor.prototype);
      const { properties } = serialized;
      for (let i = 0; i < properties.length; i++) {
        const { name, enumerable } = properties[i];
        const value = 'error' in properties[i] ?
          deserializeError(properties[i].error) : properties[i].value;
        ObjectDefineProperty(error, name, {
          __proto__: null, value, enumerable, writable: true,
          configurable: true,
        });
      }
      return error;
    }
    case 'value':
      return serialized.value;
    case 'inspected':
      return serialized.value;
    default:
      return undefined;
  }
}

module.exports = { serializeError, deserializeError };
