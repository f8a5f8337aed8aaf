'use strict';

// import() and import.meta of the code vm compiles. Such code carries an
// import id (a symbol) in its host-defined options; module_wrap hands the id
// to the callbacks here. An id registered here stands for the callbacks of
// one script, function, module or context (the registry holds them weakly:
// as long as code with the id can still run). The shared ids of
// internalBinding('symbols') stand for the default loader, or for the
// missing callback errors.

const {
  FunctionPrototypeCall,
  SafeWeakMap,
} = primordials;

const {
  vm_dynamic_import_default_internal,
  vm_dynamic_import_main_context_default,
  vm_dynamic_import_missing_flag,
} = internalBinding('symbols');
const {
  codes: {
    ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING,
    ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG,
  },
} = require('internal/errors');

// id -> { referrer, importModuleDynamically, initializeImportMeta }
const registry = new SafeWeakMap();

function registerImportId(id, entry) {
  registry.set(id, entry);
}

// import(specifier) from code with the import id `id`.
function importModuleDynamically(id, specifier, attributes, referrerName,
                                 loaderImport) {
  if (id === vm_dynamic_import_main_context_default) {
    const { emitExperimentalWarning } = require('internal/util');
    emitExperimentalWarning('vm.USE_MAIN_CONTEXT_DEFAULT_LOADER');
    return loaderImport(specifier, referrerName, attributes);
  }
  if (id === vm_dynamic_import_default_internal) {
    return loaderImport(specifier, referrerName, attributes);
  }
  const entry = registry.get(id);
  if (entry?.importModuleDynamically !== undefined) {
    return FunctionPrototypeCall(entry.importModuleDynamically, undefined,
                                 specifier, entry.referrer, attributes);
  }
  if (id === vm_dynamic_import_missing_flag) {
    throw new ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG();
  }
  throw new ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING();
}

// The first import.meta of a module compiled with the import id `id`.
function initializeImportMeta(id, meta, wrap) {
  const entry = registry.get(id);
  if (entry?.initializeImportMeta !== undefined) {
    FunctionPrototypeCall(entry.initializeImportMeta, undefined, meta,
                          entry.referrer);
  }
}

// Called at every start (internal/bootstrap/runtime).
function initializeVmCallbacks() {
  internalBinding('module_wrap').setVmModuleCallbacks(
    importModuleDynamically, initializeImportMeta);
}

module.exports = {
  initializeVmCallbacks,
  registerImportId,
};
