'use strict';

// What vm shares with the rest of core: the context check and function
// compilation with vm's options (also used by the REPL and the loaders).

const {
  ArrayPrototypeForEach,
  Symbol,
} = primordials;

const {
  compileFunctionForVm,
  isContext: _isContext,
} = internalBinding('contextify');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateInt32,
  validateObject,
  validateString,
  validateStringArray,
  kValidateObjectAllowObjects,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { FastBuffer } = require('internal/buffer');
const { kEmptyObject } = require('internal/util');

// Whether `object` was returned by vm.createContext().
function isContext(object) {
  validateObject(object, 'object', kValidateObjectAllowObjects);
  return _isContext(object);
}

function toBuffer(u8) {
  return new FastBuffer(u8.buffer, u8.byteOffset, u8.byteLength);
}

// A function, vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER, or (for core
// code such as the REPL: users cannot reach it) the default loader's own
// symbol, which imports relative to the filename without the warning.
const validateImportModuleDynamically = (value, name) => {
  if (value === undefined || typeof value === 'function') return;
  const {
    vm_dynamic_import_default_internal,
    vm_dynamic_import_main_context_default,
  } = internalBinding('symbols');
  if (value === vm_dynamic_import_main_context_default ||
      value === vm_dynamic_import_default_internal) {
    return;
  }
  throw new ERR_INVALID_ARG_TYPE(name, 'function', value);
};

// The import id code compiled with the (validated) importModuleDynamically
// option carries: a shared symbol for no callback, the default loader, or a
// callback without --experimental-vm-modules; else a symbol of its own,
// which registerImportModuleDynamically ties to the callback.
function getImportId(importModuleDynamically, hint) {
  const {
    vm_dynamic_import_default_internal,
    vm_dynamic_import_main_context_default,
    vm_dynamic_import_missing_flag,
    vm_dynamic_import_no_callback,
  } = internalBinding('symbols');
  if (importModuleDynamically === undefined) {
    return vm_dynamic_import_no_callback;
  }
  if (importModuleDynamically === vm_dynamic_import_main_context_default ||
      importModuleDynamically === vm_dynamic_import_default_internal) {
    return importModuleDynamically;
  }
  const { getOptionValue } = require('internal/options');
  if (!getOptionValue('--experimental-vm-modules')) {
    return vm_dynamic_import_missing_flag;
  }
  return Symbol(hint);
}

// import() in code with the import id `id` (from getImportId) calls
// importModuleDynamically(specifier, referrer, attributes, phase).
function registerImportModuleDynamically(id, referrer,
                                         importModuleDynamically) {
  if (typeof importModuleDynamically !== 'function') return;
  const { vm_dynamic_import_missing_flag } = internalBinding('symbols');
  if (id === vm_dynamic_import_missing_flag) return;
  const { importModuleDynamicallyWrap } = require('internal/vm/module');
  require('internal/vm/callbacks').registerImportId(id, {
    __proto__: null,
    referrer,
    importModuleDynamically:
      importModuleDynamicallyWrap(importModuleDynamically),
  });
}

function validateCachedData(cachedData, name) {
  if (cachedData !== undefined && !isArrayBufferView(cachedData)) {
    throw new ERR_INVALID_ARG_TYPE(
      name, ['Buffer', 'TypedArray', 'DataView'], cachedData);
  }
}

// Compiles `code` as the body of a function of `params`; the compiled
// function carries the cache properties as vm.compileFunction's does.
function internalCompileFunction(code, filename, lineOffset, columnOffset,
                                 cachedData, produceCachedData,
                                 parsingContext, contextExtensions, params,
                                 importModuleDynamically) {
  const importId = getImportId(importModuleDynamically, filename);
  const result = compileFunctionForVm(
    code, filename, lineOffset, columnOffset, cachedData, produceCachedData,
    parsingContext, contextExtensions, params, importId);
  const fn = result.function;
  registerImportModuleDynamically(importId, fn, importModuleDynamically);
  if (produceCachedData) {
    fn.cachedDataProduced = result.cachedDataProduced;
  }
  if (result.cachedData) {
    fn.cachedData = toBuffer(result.cachedData);
  }
  if (typeof result.cachedDataRejected === 'boolean') {
    fn.cachedDataRejected = result.cachedDataRejected;
  }
  return result;
}

// vm.compileFunction(code[, params[, options]])
function compileFunction(code, params, options = kEmptyObject) {
  validateString(code, 'code');
  if (params !== undefined) {
    validateStringArray(params, 'params');
  }
  validateObject(options, 'options');
  const {
    filename = '',
    columnOffset = 0,
    lineOffset = 0,
    cachedData = undefined,
    produceCachedData = false,
    parsingContext = undefined,
    contextExtensions = [],
    importModuleDynamically,
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  validateCachedData(cachedData, 'options.cachedData');
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined) {
    if (typeof parsingContext !== 'object' || parsingContext === null ||
        !isContext(parsingContext)) {
      throw new ERR_INVALID_ARG_TYPE(
        'options.parsingContext', 'Context', parsingContext);
    }
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  ArrayPrototypeForEach(contextExtensions, (extension, i) => {
    validateObject(extension, `options.contextExtensions[${i}]`,
                   kValidateObjectAllowObjects);
  });
  validateImportModuleDynamically(importModuleDynamically,
                                  'options.importModuleDynamically');
  return internalCompileFunction(
    code, filename, lineOffset, columnOffset, cachedData, produceCachedData,
    parsingContext, contextExtensions, params,
    importModuleDynamically).function;
}

module.exports = {
  compileFunction,
  getImportId,
  internalCompileFunction,
  isContext,
  registerImportModuleDynamically,
  toBuffer,
  validateCachedData,
  validateImportModuleDynamically,
};
