'use strict';

// Import attributes (`with { type: 'json' }`): which ones a module of a
// given format accepts. Only `type` is known; JSON modules must say
// `type: 'json'`, the other formats must not name a type.

const {
  ArrayPrototypeIncludes,
  ObjectKeys,
} = primordials;

const {
  codes: {
    ERR_IMPORT_ATTRIBUTE_MISSING,
    ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE,
    ERR_IMPORT_ATTRIBUTE_UNSUPPORTED,
  },
} = require('internal/errors');
const { validateString } = require('internal/validators');

// The type of a module imported without one: it keys the module cache, and
// is not a type an import may name.
const kImplicitTypeAttribute = 'javascript';

// The `type` each format needs; undefined: no type may be given.
const kTypeOfFormat = {
  __proto__: null,
  builtin: undefined,
  commonjs: undefined,
  json: 'json',
  module: undefined,
  wasm: undefined,
  'module-typescript': undefined,
  'commonjs-typescript': undefined,
  'typescript': undefined,
};
const kSupportedTypes = ['json'];

function rejectType(url, type) {
  validateString(type, 'type');
  if (!ArrayPrototypeIncludes(kSupportedTypes, type)) {
    throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED('type', type, url);
  }
  throw new ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE(url, type);
}

// Throws when `attributes` do not fit a module of `format` at `url`;
// formats it does not know accept any type (a hook's own formats).
function validateAttributes(url, format, attributes = { __proto__: null }) {
  const keys = ObjectKeys(attributes);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== 'type') {
      throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED(keys[i], attributes[keys[i]],
                                                 url);
    }
  }
  if (!(format in kTypeOfFormat)) return true;
  const needed = kTypeOfFormat[format];
  const given = attributes.type;
  if (needed === undefined) {
    if (given === undefined) return true;
    return rejectType(url, given);
  }
  if (given === needed) return true;
  if (given === undefined) {
    throw new ERR_IMPORT_ATTRIBUTE_MISSING(url, 'type', needed);
  }
  return rejectType(url, given);
}

module.exports = {
  kImplicitTypeAttribute,
  validateAttributes,
};
