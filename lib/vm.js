'use strict';

// node:vm: compiling and running code in the main context or in contexts of
// its own. The C++ side (internalBinding('contextify')) holds the compiled
// scripts, the contexts and their global-object interceptors; here are the
// argument checks and the option plumbing.

const {
  ArrayPrototypeForEach,
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ObjectFreeze,
  PromiseReject,
  ReflectApply,
  Symbol,
} = primordials;

const {
  ContextifyScript,
  makeContext,
  measureMemory: _measureMemory,
  constants: {
    measureMemory: {
      mode: measureMemoryModes,
      execution: measureMemoryExecutions,
    },
  },
} = internalBinding('contextify');
const {
  vm_context_no_contextify,
  vm_dynamic_import_main_context_default,
} = internalBinding('symbols');
const {
  codes: {
    ERR_CONTEXT_NOT_INITIALIZED,
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateInt32,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
} = require('internal/validators');
const {
  compileFunction,
  getImportId,
  isContext,
  registerImportModuleDynamically,
  toBuffer,
  validateCachedData,
  validateImportModuleDynamically,
} = require('internal/vm');
const { emitExperimentalWarning, kEmptyObject } = require('internal/util');

// The context a script is compiled in by runInContext/runInNewContext.
const kParsingContext = Symbol('script parsing context');

class Script extends ContextifyScript {
  constructor(code, options = kEmptyObject) {
    code = `${code}`;
    if (typeof options === 'string') {
      options = { filename: options };
    } else {
      validateObject(options, 'options');
    }
    const {
      filename = 'evalmachine.<anonymous>',
      lineOffset = 0,
      columnOffset = 0,
      cachedData,
      produceCachedData = false,
      importModuleDynamically,
      [kParsingContext]: parsingContext,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    validateCachedData(cachedData, 'options.cachedData');
    validateBoolean(produceCachedData, 'options.produceCachedData');
    validateImportModuleDynamically(importModuleDynamically,
                                    'options.importModuleDynamically');
    const importId = getImportId(importModuleDynamically, filename);
    super(code, filename, lineOffset, columnOffset, cachedData,
          produceCachedData, parsingContext, importId);
    registerImportModuleDynamically(importId, this, importModuleDynamically);
    if (this.cachedData !== undefined) {
      this.cachedData = toBuffer(this.cachedData);
    }
  }

  runInThisContext(options) {
    const { breakOnSigint, args } = getRunInContextArgs(null, options);
    if (breakOnSigint && process.listenerCount('SIGINT') > 0) {
      return sigintHandlersWrap(super.runInContext, this, args);
    }
    return ReflectApply(super.runInContext, this, args);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject);
    const { breakOnSigint, args } =
      getRunInContextArgs(contextifiedObject, options);
    if (breakOnSigint && process.listenerCount('SIGINT') > 0) {
      return sigintHandlersWrap(super.runInContext, this, args);
    }
    return ReflectApply(super.runInContext, this, args);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, getContextOptions(options));
    return this.runInContext(context, options);
  }
}

// The code cache comes from C++ as a Uint8Array; users get a Buffer. The
// method stays on ContextifyScript.prototype, where Node has it.
{
  const createCachedData = ContextifyScript.prototype.createCachedData;
  ObjectDefineProperty(ContextifyScript.prototype, 'createCachedData', {
    __proto__: null,
    value: {
      createCachedData() {
        return toBuffer(FunctionPrototypeCall(createCachedData, this));
      },
    }.createCachedData,
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

function validateContext(contextifiedObject) {
  if (!isContext(contextifiedObject)) {
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context',
                                   contextifiedObject);
  }
}

function getRunInContextArgs(contextifiedObject, options = kEmptyObject) {
  validateObject(options, 'options');
  let timeout = options.timeout;
  if (timeout === undefined) {
    timeout = -1;
  } else {
    validateUint32(timeout, 'options.timeout', true);
  }
  const {
    displayErrors = true,
    breakOnSigint = false,
  } = options;
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  return {
    breakOnSigint,
    args: [contextifiedObject, timeout, displayErrors, breakOnSigint, false],
  };
}

// The 'SIGINT' listeners step aside while a breakOnSigint run may be
// interrupted, so that the signal ends the run instead.
function sigintHandlersWrap(fn, thisArg, argsArray) {
  const listeners = process.rawListeners('SIGINT');
  process.removeAllListeners('SIGINT');
  try {
    return ReflectApply(fn, thisArg, argsArray);
  } finally {
    ArrayPrototypeForEach(listeners, (listener) => {
      process.addListener('SIGINT', listener);
    });
  }
}

function getContextOptions(options) {
  if (!options) return {};
  const contextOptions = {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: undefined,
    microtaskMode: options.microtaskMode,
  };
  if (contextOptions.name !== undefined) {
    validateString(contextOptions.name, 'options.contextName');
  }
  if (contextOptions.origin !== undefined) {
    validateString(contextOptions.origin, 'options.contextOrigin');
  }
  if (options.contextCodeGeneration !== undefined) {
    validateObject(options.contextCodeGeneration,
                   'options.contextCodeGeneration');
    const { strings, wasm } = options.contextCodeGeneration;
    if (strings !== undefined) {
      validateBoolean(strings, 'options.contextCodeGeneration.strings');
    }
    if (wasm !== undefined) {
      validateBoolean(wasm, 'options.contextCodeGeneration.wasm');
    }
    contextOptions.codeGeneration = { strings, wasm };
  }
  if (options.microtaskMode !== undefined) {
    validateString(options.microtaskMode, 'options.microtaskMode');
  }
  return contextOptions;
}

let defaultContextNameIndex = 1;

function createContext(contextObject = {}, options = kEmptyObject) {
  if (contextObject !== vm_context_no_contextify && isContext(contextObject)) {
    return contextObject;
  }
  validateObject(options, 'options');
  const {
    name = `VM Context ${defaultContextNameIndex++}`,
    origin,
    codeGeneration,
    microtaskMode,
    importModuleDynamically,
  } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  if (codeGeneration !== undefined) {
    validateObject(codeGeneration, 'options.codeGeneration');
  }
  let strings = true;
  let wasm = true;
  if (codeGeneration !== undefined) {
    ({ strings = true, wasm = true } = codeGeneration);
    validateBoolean(strings, 'options.codeGeneration.strings');
    validateBoolean(wasm, 'options.codeGeneration.wasm');
  }
  validateOneOf(microtaskMode, 'options.microtaskMode',
                ['afterEvaluate', undefined]);
  validateImportModuleDynamically(importModuleDynamically,
                                  'options.importModuleDynamically');
  const importId = getImportId(importModuleDynamically, name);
  const result = makeContext(contextObject, name, origin, strings, wasm,
                             microtaskMode === 'afterEvaluate', importId);
  registerImportModuleDynamically(importId, result, importModuleDynamically);
  return result;
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  if (typeof options === 'string') {
    options = { filename: options, [kParsingContext]: contextifiedObject };
  } else {
    options = { ...options, [kParsingContext]: contextifiedObject };
  }
  return createScript(code, options)
    .runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') {
    options = { filename: options };
  }
  contextObject = createContext(contextObject, getContextOptions(options));
  options = { ...options, [kParsingContext]: contextObject };
  return createScript(code, options).runInContext(contextObject, options);
}

function runInThisContext(code, options) {
  if (typeof options === 'string') {
    options = { filename: options };
  }
  return createScript(code, options).runInThisContext(options);
}

function measureMemory(options = kEmptyObject) {
  emitExperimentalWarning('vm.measureMemory');
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  validateOneOf(mode, 'options.mode', ['summary', 'detailed']);
  validateOneOf(execution, 'options.execution', ['default', 'eager']);
  const result = _measureMemory(
    mode === 'summary' ? measureMemoryModes.SUMMARY :
      measureMemoryModes.DETAILED,
    execution === 'default' ? measureMemoryExecutions.DEFAULT :
      measureMemoryExecutions.EAGER);
  if (result === undefined) {
    return PromiseReject(new ERR_CONTEXT_NOT_INITIALIZED());
  }
  return result;
}

const vmConstants = ObjectFreeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: vm_dynamic_import_main_context_default,
  DONT_CONTEXTIFY: vm_context_no_contextify,
});

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants: vmConstants,
};

// The ES module classes: only behind --experimental-vm-modules, as in Node.
{
  const { getOptionValue } = require('internal/options');
  if (getOptionValue('--experimental-vm-modules')) {
    const {
      Module,
      SourceTextModule,
      SyntheticModule,
    } = require('internal/vm/module');
    module.exports.Module = Module;
    module.exports.SourceTextModule = SourceTextModule;
    module.exports.SyntheticModule = SyntheticModule;
  }
}
