'use strict';

// vm.Module, vm.SourceTextModule and vm.SyntheticModule (behind
// --experimental-vm-modules): ES modules a program creates, links and
// evaluates itself, each over one ModuleWrap of internalBinding
// ('module_wrap'). A source-text module gets an import id of its own, which
// internal/vm/callbacks ties to its importModuleDynamically and
// initializeImportMeta options.

const {
  ArrayIsArray,
  ArrayPrototypeForEach,
  ArrayPrototypeIndexOf,
  ArrayPrototypeMap,
  ArrayPrototypeSome,
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ObjectFreeze,
  ObjectGetPrototypeOf,
  ObjectPrototypeHasOwnProperty,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  SafePromiseAllReturnArrayLike,
  Symbol,
  TypeError,
} = primordials;

const {
  ModuleWrap,
  kUninstantiated,
  kInstantiating,
  kInstantiated,
  kEvaluating,
  kEvaluated,
  kErrored,
} = internalBinding('module_wrap');
const { isContext } = internalBinding('contextify');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MODULE_LINK_MISMATCH,
    ERR_VM_MODULE_ALREADY_LINKED,
    ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA,
    ERR_VM_MODULE_DIFFERENT_CONTEXT,
    ERR_VM_MODULE_LINK_FAILURE,
    ERR_VM_MODULE_NOT_MODULE,
    ERR_VM_MODULE_STATUS,
  },
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateBuffer,
  validateFunction,
  validateInt32,
  validateObject,
  validateString,
  validateThisInternalField,
  validateUint32,
} = require('internal/validators');
const {
  customInspectSymbol,
  emitExperimentalWarning,
  getConstructorOf,
  kEmptyObject,
} = require('internal/util');
const { isModuleNamespaceObject } = require('internal/util/types');
const { registerImportId } = require('internal/vm/callbacks');

const kStatusNames = {
  __proto__: null,
  [kUninstantiated]: 'unlinked',
  [kInstantiating]: 'linking',
  [kInstantiated]: 'linked',
  [kEvaluating]: 'evaluating',
  [kEvaluated]: 'evaluated',
  [kErrored]: 'errored',
};

const kWrap = Symbol('kWrap');
const kContext = Symbol('kContext');
const kIdentifier = Symbol('kIdentifier');
const kLink = Symbol('kLink');
const kLinkStarted = Symbol('kLinkStarted');
const kNoError = Symbol('kNoError');

// Default identifiers: vm:module(N), N counted per context (on the
// contextified object, under a symbol, as Node keeps it).
const kDefaultName = 'vm:module';
const kPerContextModuleId = Symbol('kPerContextModuleId');
let mainContextModules = 0;

function defaultIdentifier(context) {
  if (context === undefined) return `${kDefaultName}(${mainContextModules++})`;
  const n = context[kPerContextModuleId] ?? 0;
  ObjectDefineProperty(context, kPerContextModuleId, {
    __proto__: null,
    value: n + 1,
    writable: true,
    enumerable: false,
    configurable: true,
  });
  return `${kDefaultName}(${n})`;
}

function isModule(value) {
  return typeof value === 'object' && value !== null &&
    ObjectPrototypeHasOwnProperty(value, kWrap);
}

class Module {
  constructor(options) {
    emitExperimentalWarning('VM Modules');
    if (new.target === Module) {
      // eslint-disable-next-line no-restricted-syntax
      throw new TypeError('Module is not a constructor');
    }
    const {
      context,
      sourceText,
      syntheticExportNames,
      syntheticEvaluationSteps,
    } = options;
    if (context !== undefined) {
      validateObject(context, 'context');
      if (!isContext(context)) {
        throw new ERR_INVALID_ARG_TYPE('options.context', 'vm.Context',
                                       context);
      }
    }
    let { identifier } = options;
    if (identifier !== undefined) {
      validateString(identifier, 'options.identifier');
    } else {
      identifier = defaultIdentifier(context);
    }
    let wrap;
    if (sourceText !== undefined) {
      const importId = Symbol(identifier);
      wrap = new ModuleWrap(identifier, sourceText, options.lineOffset,
                            options.columnOffset, options.cachedData, context,
                            importId);
      const { importModuleDynamically, initializeImportMeta } = options;
      registerImportId(importId, {
        __proto__: null,
        referrer: this,
        importModuleDynamically: importModuleDynamically === undefined ?
          undefined : importModuleDynamicallyWrap(importModuleDynamically),
        initializeImportMeta,
      });
    } else {
      wrap = new ModuleWrap(identifier, syntheticExportNames, undefined,
                            undefined, undefined, context);
      wrap.evaluationSteps = syntheticEvaluationSteps;
    }
    wrap.url = identifier;
    this[kWrap] = wrap;
    this[kContext] = context;
    this[kIdentifier] = identifier;
  }

  get identifier() {
    validateThisInternalField(this, kWrap, 'Module');
    return this[kIdentifier];
  }

  get context() {
    validateThisInternalField(this, kWrap, 'Module');
    return this[kContext];
  }

  get namespace() {
    validateThisInternalField(this, kWrap, 'Module');
    if (this[kWrap].getStatus() < kInstantiated) {
      throw new ERR_VM_MODULE_STATUS('must not be unlinked or linking');
    }
    return this[kWrap].getNamespace();
  }

  get status() {
    validateThisInternalField(this, kWrap, 'Module');
    return kStatusNames[this[kWrap].getStatus()];
  }

  get error() {
    validateThisInternalField(this, kWrap, 'Module');
    if (this[kWrap].getStatus() !== kErrored) {
      throw new ERR_VM_MODULE_STATUS('must be errored');
    }
    return this[kWrap].getError();
  }

  link(linker) {
    try {
      validateThisInternalField(this, kWrap, 'Module');
      validateFunction(linker, 'linker');
      if (this.status === 'linked') {
        throw new ERR_VM_MODULE_ALREADY_LINKED();
      }
      if (this.status !== 'unlinked') {
        throw new ERR_VM_MODULE_STATUS('must be unlinked');
      }
      return PromisePrototypeThen(this[kLink](linker), () => {
        this[kWrap].instantiate();
      });
    } catch (err) {
      return PromiseReject(err);
    }
  }

  // The promise of evaluation, as V8 gives it (settled at once unless the
  // graph has a top-level await).
  evaluate(options = kEmptyObject) {
    try {
      validateThisInternalField(this, kWrap, 'Module');
      validateObject(options, 'options');
      let { timeout } = options;
      if (timeout === undefined) {
        timeout = -1;
      } else {
        validateUint32(timeout, 'options.timeout', true);
      }
      const { breakOnSigint = false } = options;
      validateBoolean(breakOnSigint, 'options.breakOnSigint');
      const status = this[kWrap].getStatus();
      if (status !== kInstantiated && status !== kEvaluated &&
          status !== kErrored) {
        throw new ERR_VM_MODULE_STATUS(
          'must be one of linked, evaluated, or errored');
      }
      return this[kWrap].evaluate(timeout, breakOnSigint);
    } catch (err) {
      return PromiseReject(err);
    }
  }

  [customInspectSymbol](depth, options) {
    validateThisInternalField(this, kWrap, 'Module');
    if (typeof depth === 'number' && depth < 0) return this;
    // The three getters as own properties of an object that otherwise
    // looks like this one (its class name comes from the prototype).
    const shown = {
      __proto__: ObjectGetPrototypeOf(this),
      status: this.status,
      identifier: this.identifier,
      context: this.context,
    };
    if (getConstructorOf(this) === null) shown.constructor = Module;
    const { inspect } = require('internal/util/inspect');
    return inspect(shown, { ...options, customInspect: false });
  }
}

class SourceTextModule extends Module {
  #error = kNoError;
  #statusOverride;
  #moduleRequests;
  #dependencySpecifiers;

  constructor(sourceText, options = kEmptyObject) {
    validateString(sourceText, 'sourceText');
    validateObject(options, 'options');
    const {
      lineOffset = 0,
      columnOffset = 0,
      initializeImportMeta,
      importModuleDynamically,
      context,
      identifier,
      cachedData,
    } = options;
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (initializeImportMeta !== undefined) {
      validateFunction(initializeImportMeta, 'options.initializeImportMeta');
    }
    if (importModuleDynamically !== undefined) {
      validateFunction(importModuleDynamically,
                       'options.importModuleDynamically');
    }
    if (cachedData !== undefined) {
      validateBuffer(cachedData, 'options.cachedData');
    }
    super({
      sourceText,
      context,
      identifier,
      lineOffset,
      columnOffset,
      cachedData,
      initializeImportMeta,
      importModuleDynamically,
    });
    this.#moduleRequests = ObjectFreeze(ArrayPrototypeMap(
      this[kWrap].getModuleRequests(), ({ 0: specifier, 1: pairs }) => {
        const attributes = { __proto__: null };
        for (let i = 0; i + 1 < pairs.length; i += 2) {
          attributes[pairs[i]] = pairs[i + 1];
        }
        return ObjectFreeze({
          __proto__: null,
          specifier,
          attributes: ObjectFreeze(attributes),
          phase: 'evaluation',
        });
      }));
  }

  // Links every request with what `linker` gives for it, depth first; a
  // module already linking (a cycle, or one shared by two requests) is
  // taken as it is.
  async [kLink](linker) {
    this[kLinkStarted] = true;
    this.#statusOverride = 'linking';
    try {
      const requests = this.#moduleRequests;
      const pending = [];
      for (let i = 0; i < requests.length; i++) {
        const { specifier, attributes } = requests[i];
        const result = linker(specifier, this, {
          attributes,
          assert: attributes,
        });
        pending[i] = PromisePrototypeThen(
          PromiseResolve(result), async (module) => {
            if (!isModule(module)) {
              throw new ERR_VM_MODULE_NOT_MODULE();
            }
            if (module.context !== this.context) {
              throw new ERR_VM_MODULE_DIFFERENT_CONTEXT();
            }
            if (module.status === 'errored') {
              throw new ERR_VM_MODULE_LINK_FAILURE(
                `request for '${specifier}' resolved to an errored module`,
                module.error);
            }
            if (module.status === 'unlinked' && !module[kLinkStarted]) {
              await module[kLink](linker);
            }
            return module[kWrap];
          });
      }
      const wraps = await SafePromiseAllReturnArrayLike(pending);
      this[kWrap].linkRequests(wraps);
    } catch (err) {
      this.#error = err;
      throw err;
    } finally {
      this.#statusOverride = undefined;
    }
  }

  linkRequests(modules) {
    validateThisInternalField(this, kWrap, 'SourceTextModule');
    if (this.status !== 'unlinked') {
      throw new ERR_VM_MODULE_STATUS('must be unlinked');
    }
    validateArray(modules, 'modules');
    const expected = this.#moduleRequests.length;
    if (modules.length !== expected) {
      throw new ERR_MODULE_LINK_MISMATCH(
        `Expected ${expected} modules, got ${modules.length}`);
    }
    const wraps = ArrayPrototypeMap(modules, (module) => {
      if (!isModule(module)) {
        throw new ERR_VM_MODULE_NOT_MODULE();
      }
      if (module.context !== this.context) {
        throw new ERR_VM_MODULE_DIFFERENT_CONTEXT();
      }
      return module[kWrap];
    });
    this[kWrap].linkRequests(wraps);
  }

  instantiate() {
    validateThisInternalField(this, kWrap, 'SourceTextModule');
    if (this.status !== 'unlinked') {
      throw new ERR_VM_MODULE_STATUS('must be unlinked');
    }
    this[kWrap].instantiate();
  }

  get dependencySpecifiers() {
    this.#dependencySpecifiers ??= ObjectFreeze(ArrayPrototypeMap(
      this.#moduleRequests, (request) => request.specifier));
    return this.#dependencySpecifiers;
  }

  get moduleRequests() {
    return this.#moduleRequests;
  }

  get status() {
    if (this.#error !== kNoError) return 'errored';
    if (this.#statusOverride) return this.#statusOverride;
    return super.status;
  }

  get error() {
    if (this.#error !== kNoError) return this.#error;
    return super.error;
  }

  hasAsyncGraph() {
    validateThisInternalField(this, kWrap, 'SourceTextModule');
    if (this[kWrap].getStatus() < kInstantiated) {
      throw new ERR_VM_MODULE_STATUS('must be instantiated');
    }
    return this[kWrap].isGraphAsync();
  }

  hasTopLevelAwait() {
    validateThisInternalField(this, kWrap, 'SourceTextModule');
    return this[kWrap].hasTopLevelAwait();
  }

  createCachedData() {
    const { status } = this;
    if (status === 'evaluating' || status === 'evaluated' ||
        status === 'errored') {
      throw new ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA();
    }
    const { toBuffer } = require('internal/vm');
    return toBuffer(this[kWrap].createCachedData());
  }
}

class SyntheticModule extends Module {
  constructor(exportNames, evaluateCallback, options = kEmptyObject) {
    if (!ArrayIsArray(exportNames) ||
        ArrayPrototypeSome(exportNames, (name) => typeof name !== 'string')) {
      throw new ERR_INVALID_ARG_TYPE('exportNames',
                                     'Array of unique strings',
                                     exportNames);
    }
    ArrayPrototypeForEach(exportNames, (name, i) => {
      if (ArrayPrototypeIndexOf(exportNames, name, i + 1) !== -1) {
        throw new ERR_INVALID_ARG_VALUE(`exportNames.${name}`, name,
                                        'is duplicated');
      }
    });
    validateFunction(evaluateCallback, 'evaluateCallback');
    validateObject(options, 'options');
    const { context, identifier } = options;
    super({
      syntheticExportNames: exportNames,
      syntheticEvaluationSteps: evaluateCallback,
      context,
      identifier,
    });
    // Nothing to link: linked from the start.
    this[kWrap].instantiate();
  }

  link() {
    validateThisInternalField(this, kWrap, 'SyntheticModule');
  }

  setExport(name, value) {
    validateThisInternalField(this, kWrap, 'SyntheticModule');
    validateString(name, 'name');
    if (this[kWrap].getStatus() < kInstantiated) {
      throw new ERR_VM_MODULE_STATUS('must be linked');
    }
    this[kWrap].setExport(name, value);
  }
}

// What import() resolves to with a user's importModuleDynamically callback:
// the namespace it returned, or that of the vm.Module it returned.
function importModuleDynamicallyWrap(importModuleDynamically) {
  return async function importModuleDynamicallyWrapper(specifier, referrer,
                                                       attributes) {
    const module = await FunctionPrototypeCall(
      importModuleDynamically, undefined, specifier, referrer, attributes,
      'evaluation');
    if (isModuleNamespaceObject(module)) return module;
    if (!isModule(module)) throw new ERR_VM_MODULE_NOT_MODULE();
    if (module.status === 'errored') throw module.error;
    return module.namespace;
  };
}

module.exports = {
  Module,
  SourceTextModule,
  SyntheticModule,
  importModuleDynamicallyWrap,
};
