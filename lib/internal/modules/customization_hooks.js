'use strict';

// module.registerHooks(): synchronous resolve and load hooks, run in the
// program's thread for require() and import alike. The newest hook runs
// first and hands on to the next with nextResolve()/nextLoad(); the last
// step is lode's own resolution or loading.

const {
  ArrayIsArray,
  ArrayPrototypeIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeSplice,
  ObjectAssign,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeStartsWith,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_PROPERTY_VALUE,
    ERR_INVALID_RETURN_VALUE,
  },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');
const { isAnyArrayBuffer, isArrayBufferView } =
  require('internal/util/types');

const resolveHooks = [];
const loadHooks = [];

function registerHooks(hooks) {
  validateObject(hooks, 'options');
  const { resolve, load } = hooks;
  if (resolve !== undefined) validateFunction(resolve, 'options.resolve');
  if (load !== undefined) validateFunction(load, 'options.load');
  const entry = { resolve, load };
  if (resolve) ArrayPrototypePush(resolveHooks, entry);
  if (load) ArrayPrototypePush(loadHooks, entry);
  return {
    __proto__: null,
    deregister() {
      let i = ArrayPrototypeIndexOf(resolveHooks, entry);
      if (i !== -1) ArrayPrototypeSplice(resolveHooks, i, 1);
      i = ArrayPrototypeIndexOf(loadHooks, entry);
      if (i !== -1) ArrayPrototypeSplice(loadHooks, i, 1);
    },
  };
}

function hasHooks() {
  return resolveHooks.length !== 0 || loadHooks.length !== 0;
}

function hasResolveHooks() {
  return resolveHooks.length > 0;
}

function hasLoadHooks() {
  return loadHooks.length > 0;
}

function runChain(hooks, key, defaultStep, first, context, validate) {
  const nextName = key === 'resolve' ? 'nextResolve' : 'nextLoad';
  function step(index, value, ctx) {
    if (index < 0) return defaultStep(value, ctx);
    let calledNext = false;
    const next = {
      [nextName](nextValue, nextContext) {
        if (typeof nextValue !== 'string') {
          throw new ERR_INVALID_ARG_TYPE(
            key === 'resolve' ? 'specifier' : 'url', 'string', nextValue);
        }
        calledNext = true;
        const merged = nextContext === undefined ? ctx :
          ObjectAssign({ __proto__: null }, ctx, nextContext);
        return step(index - 1, nextValue, merged);
      },
    }[nextName];
    const result = hooks[index][key](value, ctx, next);
    // A hook that answers without asking the next one must say so, as in
    // Node: any truthy shortCircuit, read before the result is validated
    // (so a null result fails on that read, as there).
    if (!calledNext && !result.shortCircuit) {
      throw new ERR_INVALID_RETURN_PROPERTY_VALUE(
        'true', key, 'shortCircuit', result.shortCircuit);
    }
    validate(result);
    return result;
  }
  return step(hooks.length - 1, first, context);
}

function validateResolve(result) {
  if (result === null || typeof result !== 'object') {
    throw new ERR_INVALID_RETURN_VALUE('an object', 'resolve', result);
  }
  if (typeof result.url !== 'string') {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE('a URL string', 'resolve',
                                                'url', result.url);
  }
}

function validateLoad(result) {
  if (result === null || typeof result !== 'object') {
    throw new ERR_INVALID_RETURN_VALUE('an object', 'load', result);
  }
  const { source } = result;
  if (source != null && typeof source !== 'string' &&
      !isAnyArrayBuffer(source) && !isArrayBufferView(source)) {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE(
      'a string, an ArrayBuffer, or a TypedArray', 'load', 'source', source);
  }
}

// `defaultResolve(specifier, context)` -> { url, format }.
function resolveWithHooks(specifier, context, defaultResolve) {
  return runChain(resolveHooks, 'resolve', defaultResolve, specifier,
                  context, validateResolve);
}

// `defaultLoad(url, context)` -> { format, source }.
function loadWithHooks(url, context, defaultLoad) {
  return runChain(loadHooks, 'load', defaultLoad, url, context,
                  validateLoad);
}

function sourceToString(source) {
  if (source == null || typeof source === 'string') return source;
  const { Buffer } = require('buffer');
  if (isAnyArrayBuffer(source)) return Buffer.from(source).toString();
  return Buffer.from(source.buffer, source.byteOffset, source.byteLength)
    .toString();
}

// The source a load hook gave for a require() (of no builtin): unlike an
// import's, it cannot be left to the default loader (as in Node).
function validateRequiredSource(source) {
  if (typeof source !== 'string' && !isAnyArrayBuffer(source) &&
      !isArrayBufferView(source)) {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE(
      'a string, an ArrayBuffer, or a TypedArray', 'load', 'source', source);
  }
}

// The URL a require() resolution stands for, and back. A resolve hook's
// URL of another scheme than file: is the module's name itself.
function filenameToURL(filename) {
  if (StringPrototypeStartsWith(filename, 'node:') ||
      (filename[0] !== '/' &&
       RegExpPrototypeExec(kSchemeRegExp, filename) !== null)) {
    return filename;
  }
  return require('internal/url').pathToFileURL(filename).href;
}
const kSchemeRegExp = /^[A-Za-z][A-Za-z0-9+.-]*:/;

// The conditions a resolve hook hands on to the default step (changed or
// not): package "exports" and "imports" are resolved with them. Undefined
// when they are the defaults (undefined, or the same set): the resolution
// caches, keyed without conditions, then stay in use. `name` is how the
// error names the value (require() and import say it differently).
function conditionsFromHooks(conditions, defaults, name) {
  if (conditions === undefined) return undefined;
  if (!ArrayIsArray(conditions)) {
    throw new ERR_INVALID_ARG_VALUE(name, conditions, 'expected an array');
  }
  const set = new SafeSet(conditions);
  if (set.size !== defaults.size) return set;
  for (const condition of defaults) {
    if (!set.has(condition)) return set;
  }
  return undefined;
}

module.exports = {
  conditionsFromHooks,
  filenameToURL,
  hasHooks,
  hasLoadHooks,
  hasResolveHooks,
  loadWithHooks,
  registerHooks,
  resolveWithHooks,
  sourceToString,
  validateRequiredSource,
};
