'use strict';

// Module customization hooks registered with module.register() (and the
// --experimental-loader flag): chains of asynchronous `resolve` and `load`
// functions that imports go through once any is registered.
//
// Node runs these hooks on a separate thread so that synchronous callers
// (require(), import.meta.resolve) can wait for them. lode runs them on the
// main thread: imports (static graphs and import()) take the hooked,
// asynchronous path; require() and import.meta.resolve keep the default
// resolution. doc/status.md lists the difference.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  ObjectAssign,
  PromisePrototypeThen,
  PromiseResolve,
  SafeMap,
  StringPrototypeStartsWith,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_RETURN_PROPERTY_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_LOADER_CHAIN_INCOMPLETE,
    ERR_UNKNOWN_MODULE_FORMAT,
  },
} = require('internal/errors');
const { isAnyArrayBuffer, isArrayBufferView } =
  require('internal/util/types');

// Registered hooks, oldest first; the newest runs first.
const resolveHooks = [];
const loadHooks = [];

let loaderModule;
function loader() {
  loaderModule ??= require('internal/modules/esm/loader');
  return loaderModule;
}

let urlModule;
function lazyUrl() {
  urlModule ??= require('internal/url');
  return urlModule;
}

function hooksActive() {
  return resolveHooks.length > 0 || loadHooks.length > 0;
}

// The conditions a hook sees in its context, as Node lists them.
function getConditions() {
  const conditions = ['node', 'import', 'module-sync', 'node-addons'];
  for (const condition of loader().internals.getConditions()) {
    if (condition !== 'node' && condition !== 'import') {
      ArrayPrototypePush(conditions, condition);
    }
  }
  return conditions;
}

// --- module.register() ----------------------------------------------------

function register(specifier, parentURL = undefined, options = undefined) {
  if (parentURL != null && typeof parentURL === 'object' &&
      !lazyUrl().isURL(parentURL)) {
    options = parentURL;
    parentURL = options.parentURL;
  }
  if (typeof specifier !== 'string' && !lazyUrl().isURL(specifier)) {
    throw new ERR_INVALID_ARG_TYPE('specifier', ['string', 'URL'], specifier);
  }
  parentURL ??= 'data:';
  if (typeof parentURL !== 'string' && !lazyUrl().isURL(parentURL)) {
    throw new ERR_INVALID_ARG_TYPE('parentURL', ['string', 'URL'], parentURL);
  }
  const { internals } = loader();
  const url = internals.resolve(`${specifier}`, `${parentURL}`);
  const namespace = internals.evaluateSync(url);
  const { initialize, resolve, load } = namespace;
  if (typeof initialize === 'function') {
    // Node waits for initialize(); a promise it returns runs on.
    initialize(options?.data);
  }
  addHooks(url, resolve, load);
}

function addHooks(url, resolve, load) {
  if (typeof resolve === 'function') {
    ArrayPrototypePush(resolveHooks, { fn: resolve, url });
  }
  if (typeof load === 'function') {
    ArrayPrototypePush(loadHooks, { fn: load, url });
  }
}

// --- the chains -----------------------------------------------------------

function validateNextArgs(identifier, first, firstName, context) {
  if (typeof first !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(`${identifier} ${firstName}`, 'string',
                                   first);
  }
  if (context !== undefined &&
      (context === null || typeof context !== 'object')) {
    throw new ERR_INVALID_ARG_TYPE(`${identifier} context`, 'object',
                                   context);
  }
}

function runChain(hooks, name, defaultStep, first, context, validateResult) {
  const nextName = name === 'resolve' ? 'nextResolve' : 'nextLoad';
  const firstName = name === 'resolve' ? 'specifier' : 'url';

  function step(index, value, ctx) {
    if (index < 0) return defaultStep(value, ctx);
    const hook = hooks[index];
    const identifier = `${hook.url} '${name}'`;
    const nextIdentifier = `${identifier} hook's ${nextName}()`;
    const state = { calledNext: false };
    // The function a hook calls to go on down the chain; Node's is an
    // AsyncFunction named nextResolve or nextLoad.
    const next = {
      async [nextName](nextValue, nextContext) {
        validateNextArgs(nextIdentifier, nextValue, firstName, nextContext);
        state.calledNext = true;
        const merged = nextContext === undefined ? ctx :
          ObjectAssign({ __proto__: null }, ctx, nextContext);
        return step(index - 1, nextValue, merged);
      },
    }[nextName];
    return PromisePrototypeThen(
      PromiseResolve(hook.fn(value, ctx, next)),
      (result) => {
        validateResult(identifier, result);
        if (!state.calledNext && result.shortCircuit !== true) {
          throw new ERR_LOADER_CHAIN_INCOMPLETE(identifier);
        }
        return result;
      });
  }
  return step(hooks.length - 1, first, context);
}

function validateResolveResult(identifier, result) {
  if (result === null || typeof result !== 'object') {
    throw new ERR_INVALID_RETURN_VALUE('an object', identifier, result);
  }
  const { url, format } = result;
  if (typeof url !== 'string') {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE('a URL string', identifier,
                                                'url', url);
  }
  try {
    new (lazyUrl().URL)(url);
  } catch {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE('a URL string', identifier,
                                                'url', url);
  }
  if (format != null && typeof format !== 'string') {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE('a string', identifier,
                                                'format', format);
  }
}

function validateLoadResult(identifier, result) {
  if (result === null || typeof result !== 'object') {
    throw new ERR_INVALID_RETURN_VALUE('an object', identifier, result);
  }
  const { source, format } = result;
  if (source != null && typeof source !== 'string' &&
      !isAnyArrayBuffer(source) && !isArrayBufferView(source)) {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE(
      'a string, an ArrayBuffer, or a TypedArray', identifier, 'source',
      source);
  }
  if (format != null && typeof format !== 'string') {
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE('a string', identifier,
                                                'format', format);
  }
}

// What Node's default resolve step gives: the URL and the format known
// from it (undefined when the extension is unknown: a load hook may know).
async function defaultResolve(specifier, context) {
  const { internals } = loader();
  const parentURL = context?.parentURL;
  const url = internals.resolve(specifier, parentURL ?? lazyUrl()
    .pathToFileURL(`${process.cwd()}/`).href);
  return { __proto__: null, url, format: internals.formatOfURL(url) };
}

async function defaultLoad(url, context) {
  const { internals } = loader();
  let format = context?.format;
  if (StringPrototypeStartsWith(url, 'node:')) {
    return { __proto__: null, format: 'builtin', source: null };
  }
  if (StringPrototypeStartsWith(url, 'data:')) {
    const data = internals.parseDataURL(url);
    return { __proto__: null, format: format ?? data.format,
             source: data.source };
  }
  if (!StringPrototypeStartsWith(url, 'file:')) {
    const { codes: { ERR_UNSUPPORTED_ESM_URL_SCHEME } } =
      require('internal/errors');
    throw new ERR_UNSUPPORTED_ESM_URL_SCHEME(new (lazyUrl().URL)(url),
                                             ['file', 'data', 'node']);
  }
  const filename = lazyUrl().fileURLToPath(url);
  format ??= internals.formatOfFile(filename);
  const source = internals.readFileBuffer(filename);
  if (format === 'commonjs-or-module') {
    format = internals.containsModuleSyntax(`${source}`, filename) ?
      'module' : 'commonjs';
  }
  return { __proto__: null, format, source };
}

function resolveWithHooks(specifier, parentURL, importAttributes) {
  // A hook's changes to the context's attributes are not the import's.
  const context = {
    __proto__: null,
    conditions: getConditions(),
    importAttributes: { __proto__: null, ...importAttributes },
    parentURL,
  };
  return runChain(resolveHooks, 'resolve', defaultResolve, specifier,
                  context, validateResolveResult);
}

function loadWithHooks(url, format, importAttributes) {
  const context = {
    __proto__: null,
    conditions: getConditions(),
    format: format ?? undefined,
    importAttributes: importAttributes ?? { __proto__: null },
  };
  return runChain(loadHooks, 'load', defaultLoad, url, context,
                  validateLoadResult);
}

// --- the module graph through the hooks -----------------------------------

const pending = new SafeMap();

function sourceText(source) {
  if (source == null || typeof source === 'string') return source;
  const { Buffer } = require('buffer');
  if (isAnyArrayBuffer(source)) return Buffer.from(source).toString();
  return Buffer.from(source.buffer, source.byteOffset, source.byteLength)
    .toString();
}

// The attributes an import goes on with: those the resolve hooks returned,
// else its own.
function attributesAfterResolve(resolved, importAttributes) {
  const returned = resolved.importAttributes;
  if (returned !== null && typeof returned === 'object') return returned;
  return importAttributes ?? { __proto__: null };
}

async function moduleFor(url, format, importAttributes) {
  const { internals } = loader();
  const cached = internals.cachedModule(url);
  if (cached !== undefined) return cached;
  // A module being loaded is shared: a cycle returns the unfinished one.
  const inFlight = pending.get(url);
  if (inFlight !== undefined) return inFlight.wrap ?? inFlight.promise;

  const entry = { wrap: undefined, promise: undefined };
  entry.promise = (async () => {
    const loaded = await loadWithHooks(url, format, importAttributes);
    const finalFormat = loaded.format ?? format;
    if (finalFormat == null) {
      throw new ERR_UNKNOWN_MODULE_FORMAT(finalFormat, url);
    }
    const wrap = internals.createModuleFromSource(url, finalFormat,
                                                  sourceText(loaded.source),
                                                  importAttributes);
    entry.wrap = wrap;
    const requests = wrap.getModuleRequests();
    const deps = [];
    for (let i = 0; i < requests.length; i++) {
      const attributes = { __proto__: null };
      const pairs = requests[i][1];
      for (let j = 0; j + 1 < pairs.length; j += 2) {
        attributes[pairs[j]] = pairs[j + 1];
      }
      const resolved = await resolveWithHooks(requests[i][0], url,
                                              attributes);
      ArrayPrototypePush(deps, await moduleFor(
        resolved.url, resolved.format,
        attributesAfterResolve(resolved, attributes)));
    }
    wrap.linkRequests(deps);
    internals.cacheModule(url, wrap);
    return wrap;
  })();
  pending.set(url, entry);
  try {
    return await entry.promise;
  } finally {
    pending.delete(url);
  }
}

async function importWithHooks(specifier, parentURL, importAttributes) {
  const resolved = await resolveWithHooks(specifier, parentURL,
                                          importAttributes);
  const wrap = await moduleFor(resolved.url, resolved.format,
                               attributesAfterResolve(resolved,
                                                      importAttributes));
  await loader().internals.runModule(wrap);
  return wrap.getNamespace();
}

// --- start-up: --experimental-loader, --import, then the main entry -------

function cwdURL() {
  return lazyUrl().pathToFileURL(`${process.cwd()}/`).href;
}

function initializeHooksFromOptions() {
  const { getOptionValue } = require('internal/options');
  const loaders = getOptionValue('--experimental-loader');
  const list = ArrayIsArray(loaders) ? loaders : (loaders ? [loaders] : []);
  if (list.length > 0) {
    process.emitWarning(
      '`--experimental-loader` may be removed in the future; instead use ' +
      '`register()`:\n--import \'data:text/javascript,import { register } ' +
      'from "node:module"; import { pathToFileURL } from "node:url"; ' +
      `register(${JSON.stringify(list[0])}, pathToFileURL("./"));'`,
      'ExperimentalWarning');
  }
  for (let i = 0; i < list.length; i++) register(list[i], cwdURL());
}

function importsFromOptions() {
  const { getOptionValue } = require('internal/options');
  const imports = getOptionValue('--import');
  return ArrayIsArray(imports) ? imports : (imports ? [imports] : []);
}

// Whether the entry point must wait for --import modules or run through
// loader hooks.
function needsAsyncEntry() {
  const { getOptionValue } = require('internal/options');
  const loaders = getOptionValue('--experimental-loader');
  return importsFromOptions().length > 0 ||
    (ArrayIsArray(loaders) ? loaders.length > 0 : !!loaders);
}

// Registers --experimental-loader hooks, imports the --import modules in
// order, then runs `runEntry` (the main script, -e code, ...).
function runWithPreloads(runEntry) {
  const { triggerUncaughtException } = internalBinding('errors');
  const run = async () => {
    initializeHooksFromOptions();
    const imports = importsFromOptions();
    for (let i = 0; i < imports.length; i++) {
      await importModule(imports[i], cwdURL());
    }
    await runEntry();
  };
  PromisePrototypeThen(run(), undefined, (err) => {
    triggerUncaughtException(err, true);
  });
}

// import() with or without hooks.
function importModule(specifier, parentURL, importAttributes) {
  if (hooksActive()) {
    return importWithHooks(specifier, parentURL, importAttributes);
  }
  return loader().importModule(specifier, parentURL);
}

// The main script through the hooks: they may resolve and load formats
// the default loader does not know (TypeScript, say).
async function runMainWithHooks(mainPath) {
  const { internals } = loader();
  const url = lazyUrl().pathToFileURL(mainPath).href;
  const resolved = await resolveWithHooks(url, undefined);
  const wrap = await moduleFor(resolved.url, resolved.format);
  internals.runEntryModule(wrap);
}

module.exports = {
  hooksActive,
  importModule,
  needsAsyncEntry,
  register,
  runMainWithHooks,
  runWithPreloads,
};
