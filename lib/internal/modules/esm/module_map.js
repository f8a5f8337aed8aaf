'use strict';

// The ES module loader's caches. LoadCache: the loaded module (a ModuleJob)
// of each URL and import `type` attribute, so that a file imported as JSON
// and as JavaScript gives two modules. ResolveCache: resolution results by
// (specifier with its attributes, parent URL).

const {
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypeSort,
  JSONStringify,
  ObjectKeys,
  SafeMap,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { kImplicitTypeAttribute } = require('internal/modules/esm/assert');

let ModuleJob;
function isModuleJob(value) {
  ModuleJob ??= require('internal/modules/esm/module_job').ModuleJob;
  return value instanceof ModuleJob;
}

class ResolveCache extends SafeMap {
  // `specifier::"k1""v1","k2""v2"` with the attributes sorted by key.
  serializeKey(specifier, attributes) {
    const keys = ArrayPrototypeSort(ObjectKeys(attributes));
    const pairs = ArrayPrototypeMap(
      keys, (key) => JSONStringify(key) + JSONStringify(attributes[key]));
    return `${specifier}::${ArrayPrototypeJoin(pairs, ',')}`;
  }

  get(serializedKey, parentURL) {
    return super.get(serializedKey)?.[parentURL];
  }

  set(serializedKey, parentURL, result) {
    let byParent = super.get(serializedKey);
    if (byParent === undefined) {
      byParent = { __proto__: null };
      super.set(serializedKey, byParent);
    }
    byParent[parentURL] = result;
    return this;
  }

  has(serializedKey, parentURL) {
    const byParent = super.get(serializedKey);
    return byParent !== undefined && parentURL in byParent;
  }
}

class LoadCache extends SafeMap {
  get(url, type = kImplicitTypeAttribute) {
    validateString(url, 'url');
    validateString(type, 'type');
    return super.get(url)?.[type];
  }

  set(url, type = kImplicitTypeAttribute, job) {
    validateString(url, 'url');
    validateString(type, 'type');
    if (!isModuleJob(job)) {
      throw new ERR_INVALID_ARG_TYPE('job', 'ModuleJob', job);
    }
    let byType = super.get(url);
    if (byType === undefined) {
      byType = { __proto__: null };
      super.set(url, byType);
    }
    byType[type] = job;
    return this;
  }

  has(url, type = kImplicitTypeAttribute) {
    validateString(url, 'url');
    validateString(type, 'type');
    return super.get(url)?.[type] !== undefined;
  }

  delete(url, type = kImplicitTypeAttribute) {
    validateString(url, 'url');
    validateString(type, 'type');
    const byType = super.get(url);
    if (byType === undefined || byType[type] === undefined) return false;
    delete byType[type];
    if (ObjectKeys(byType).length === 0) super.delete(url);
    return true;
  }
}

module.exports = {
  LoadCache,
  ResolveCache,
};
