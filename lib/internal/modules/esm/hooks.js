'use strict';

// Module customization hooks registered with module.register() (and the
// --experimental-loader flag): chains of asynchronous `resolve` and `load`
// functions that imports go through once any is registered.
//
// As in Node, the hooks run on a separate thread (hooks_thread.js, an
// internal worker): this file holds the chains and the graph building
// both threads share. In the hooks thread the chains run here; on the
// main thread resolve and load are requests to that thread
// (hooks_proxy.js), synchronous for register() and import.meta.resolve.
// require() keeps the default resolution (doc/status.md).

const {
  ArrayIsArray,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  JSONStringify,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectPrototypeHasOwnProperty,
  Promise,
  PromisePrototypeThen,
  PromiseResolve,
  ReflectSet,
  RegExpPrototypeSymbolReplace,
  SafeMap,
  StringPrototypeStartsWith,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_PROPERTY_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_LOADER_CHAIN_INCOMPLETE,
    ERR_UNKNOWN_MODULE_FORMAT,
  },
} = require('internal/errors');
const { isAnyArrayBuffer, isArrayBufferView } =
  require('internal/util/types');
const { validateString } = require('internal/validators');

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

// True in the hooks thread (the chains run here). worker_thread.js marks
// that thread internal before its --require preloads may call register().
// Asked on first use, so that loading this file loads no worker code (the
// main thread, where every run loads it, is never the hooks thread).
let inHooksThread;
function isHooksThread() {
  inHooksThread ??= !internalBinding('worker').isMainThread &&
    require('worker_threads').isInternalThread === true;
  return inHooksThread;
}
// On the main thread: the proxy to the hooks thread, once started.
let proxy = null;

function lazyProxy() {
  if (proxy === null) {
    const { HooksProxy } = require('internal/modules/esm/hooks_proxy');
    proxy = new HooksProxy();
  }
  return proxy;
}

function hooksActive() {
  if (!isHooksThread()) return proxy !== null;
  return resolveHooks.length > 0 || loadHooks.length > 0;
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
  if (isHooksThread()) {
    // Hooks registering more hooks: added once loaded, in this thread.
    PromisePrototypeThen(
      registerInThread(`${specifier}`, `${parentURL}`, options?.data),
      undefined, (err) => {
        const { triggerUncaughtException } = internalBinding('errors');
        triggerUncaughtException(err, true);
      });
    return;
  }
  const transferList = options?.transferList;
  return lazyProxy().requestSync(
    'register', [`${specifier}`, `${parentURL}`, options?.data],
    transferList);
}

let globalPreloadWarned = false;

// In the hooks thread: imports the hooks module (through the hooks
// registered before it), adds its hooks, then runs its initialize(data);
// what that gives is register()'s result on the main thread.
async function registerInThread(specifier, parentURL, data) {
  let url;
  if (resolveHooks.length > 0) {
    url = (await resolveWithHooks(specifier, parentURL)).url;
  } else {
    url = loader().internals.resolve(specifier, parentURL);
  }
  const namespace = await importModule(url, parentURL);
  const { globalPreload, initialize, resolve, load } = namespace;
  // Hooks written for Node 20.5 and older: told once per process that
  // globalPreload no longer runs.
  if (!initialize && globalPreload && !globalPreloadWarned) {
    globalPreloadWarned = true;
    process.emitWarning(
      '`globalPreload` has been removed; use `initialize` instead.',
      'UnsupportedWarning');
  }
  // Messages name the hooks module as it was given.
  addHooks(specifier, resolve, load);
  if (typeof initialize === 'function') return initialize(data);
  return undefined;
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

function validateNextArgs(identifier, first, firstName, context, isLoad) {
  if (typeof first !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(`${identifier} ${firstName}`, 'string',
                                   first);
  }
  if (isLoad && !URLCanParse(first)) {
    throw new ERR_INVALID_ARG_VALUE(`${identifier} ${firstName}`, first,
                                    'should be a URL string');
  }
  if (context !== undefined &&
      (context === null || typeof context !== 'object' ||
       ArrayIsArray(context))) {
    throw new ERR_INVALID_ARG_TYPE(`${identifier} context`, 'object',
                                   context);
  }
}

// importAssertions, the former name of importAttributes, still works on
// a hook's context (an accessor of importAttributes) and in what a resolve
// hook returns, with a warning (once per thread), as in Node.
let importAssertionsWarned = false;
function warnImportAssertions() {
  if (importAssertionsWarned) return;
  importAssertionsWarned = true;
  // Emitted now: the thread may be ended soon after its answer.
  require('internal/process/warning').emitWarningSync(
    'Use `importAttributes` instead of `importAssertions`',
    'ExperimentalWarning');
}

const importAssertionsAlias = {
  __proto__: null,
  configurable: true,
  get() {
    warnImportAssertions();
    return this.importAttributes;
  },
  set(value) {
    warnImportAssertions();
    return ReflectSet(this, 'importAttributes', value);
  },
};

function withImportAssertionsAlias(context) {
  return ObjectDefineProperty(context, 'importAssertions',
                              importAssertionsAlias);
}

function URLCanParse(value) {
  try {
    new (lazyUrl().URL)(value);
    return true;
  } catch {
    return false;
  }
}

// The chain runs from the newest hook down to the default step. As in
// Node's messages, a step is named "<hook url> '<name>' hook's
// next<Name>()": the hook that returned a bad value, or the one a bad
// next<Name>() call was meant for.
function runChain(hooks, name, defaultStep, first, context, validateResult) {
  const nextName = name === 'resolve' ? 'nextResolve' : 'nextLoad';
  const firstName = name === 'resolve' ? 'specifier' : 'url';
  const isLoad = name === 'load';
  const stepName = (index) => {
    const url = index < 0 ? `node:internal/modules/esm/${name}` :
      hooks[index].url;
    return `${url} '${name}' hook's ${nextName}()`;
  };

  function step(index, value, ctx) {
    if (index < 0) return defaultStep(value, ctx);
    const hook = hooks[index];
    const state = { calledNext: false };
    // The function a hook calls to go on down the chain; Node's is an
    // AsyncFunction named nextResolve or nextLoad.
    const next = {
      async [nextName](nextValue, nextContext) {
        validateNextArgs(stepName(index - 1), nextValue, firstName,
                         nextContext, isLoad);
        state.calledNext = true;
        // A context given to next<Name>() updates the one passed on (an
        // importAssertions in it goes through the alias).
        const merged = nextContext === undefined ? ctx :
          ObjectAssign(
            withImportAssertionsAlias(ObjectAssign({}, ctx)),
            nextContext);
        return step(index - 1, nextValue, merged);
      },
    }[nextName];
    return PromisePrototypeThen(
      PromiseResolve(hook.fn(value, ctx, next)),
      (result) => {
        validateResult(stepName(index), result);
        if (!state.calledNext && result.shortCircuit !== true) {
          throw new ERR_LOADER_CHAIN_INCOMPLETE(`${hook.url} '${name}'`);
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
  const parentURL = context?.parentURL ?? cwdURL();
  const conditions = context?.conditions;
  let url;
  try {
    url = ArrayIsArray(conditions) ?
      internals.resolveWithConditions(specifier, parentURL, conditions) :
      internals.resolve(specifier, parentURL);
  } catch (err) {
    // A URL of a scheme the default loader cannot load resolves as a URL:
    // a load hook may know it (the default load step throws otherwise).
    if (err?.code !== 'ERR_UNSUPPORTED_ESM_URL_SCHEME') throw err;
    const { URL } = lazyUrl();
    url = internals.isRelativeSpecifier(specifier) ?
      new URL(specifier, parentURL).href : new URL(specifier).href;
  }
  // A builtin's has no format (as in Node: the load step says 'builtin').
  if (StringPrototypeStartsWith(url, 'node:')) return { __proto__: null, url };
  return { __proto__: null, url, format: internals.formatOfURL(url) };
}

// As in Node, the default load step checks the import attributes of its
// context against the format (a load hook may change them, or load a
// module itself without the check).
async function defaultLoad(url, context) {
  const loaded = await defaultLoadUnchecked(url, context);
  const { validateAttributes } = require('internal/modules/esm/assert');
  validateAttributes(url, loaded.format, context?.importAttributes);
  return loaded;
}

async function defaultLoadUnchecked(url, context) {
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
  // As in Node, CommonJS is left for the CommonJS loader to read (its
  // require() is then the default one): no source when the format was
  // known, a null one when the file's source told it.
  if (format === 'commonjs') {
    return { __proto__: null, format, source: undefined };
  }
  format ??= internals.formatOfFile(filename);
  if (format === 'commonjs') return { __proto__: null, format, source: null };
  const source = internals.readFileBuffer(filename);
  if (format === 'commonjs-or-module') {
    format = internals.containsModuleSyntax(`${source}`, filename) ?
      'module' : 'commonjs';
    if (format === 'commonjs') {
      return { __proto__: null, format, source: null };
    }
  } else if (format === 'typescript') {
    format = internals.typeScriptFormat(`${source}`, filename);
  }
  return { __proto__: null, format, source };
}

function resolveWithHooks(specifier, parentURL, importAttributes) {
  if (!isHooksThread()) {
    return lazyProxy().request('resolve',
                               [specifier, parentURL, importAttributes]);
  }
  // A hook's changes to the context's attributes are not the import's. The
  // context and the attributes are ordinary objects, as Node's (cloned from
  // the main thread) are.
  const context = withImportAssertionsAlias({
    conditions: loader().internals.conditionsList(),
    importAttributes: { ...importAttributes },
    parentURL,
  });
  return PromisePrototypeThen(
    runChain(resolveHooks, 'resolve', defaultResolve, specifier, context,
             validateResolveResult),
    (result) => {
      if (ObjectPrototypeHasOwnProperty(result, 'importAssertions') &&
          result.importAssertions != null) {
        warnImportAssertions();
        result.importAttributes ??= result.importAssertions;
      }
      return result;
    });
}

function loadWithHooks(url, format, importAttributes) {
  if (!isHooksThread()) {
    return lazyProxy().request('load', [url, format, importAttributes]);
  }
  // As Node's: the format resolve found and the import attributes.
  const context = withImportAssertionsAlias({
    format,
    importAttributes: { ...importAttributes },
  });
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

// The import attributes of one of getModuleRequests()'s requests
// ([specifier, [key, value, ...]]) as an object.
function requestAttributes(request) {
  const attributes = { __proto__: null };
  const pairs = request[1];
  for (let j = 0; j + 1 < pairs.length; j += 2) {
    attributes[pairs[j]] = pairs[j + 1];
  }
  return attributes;
}

// Resolves and loads the module requests of `wrap` through the hooks, with
// their import attributes, then links it.
async function linkWithHooks(wrap, url) {
  const requests = wrap.getModuleRequests();
  const deps = [];
  for (let i = 0; i < requests.length; i++) {
    const attributes = requestAttributes(requests[i]);
    const resolved = await resolveWithHooks(requests[i][0], url, attributes);
    ArrayPrototypePush(deps, await moduleFor(
      resolved.url, resolved.format,
      attributesAfterResolve(resolved, attributes)));
  }
  wrap.linkRequests(deps);
}

// The module a load step gave, checked as Node checks it.
function checkLoaded(url, format, loaded) {
  const finalFormat = loaded.format ?? format;
  if (finalFormat == null) {
    // Named as the load step gave it (resolve's may be null).
    throw new ERR_UNKNOWN_MODULE_FORMAT(loaded.format, url);
  }
  if (loaded.source == null &&
      (finalFormat === 'module' || finalFormat === 'json')) {
    // Only CommonJS (and builtins) may leave the source to the loader.
    throw new ERR_INVALID_RETURN_PROPERTY_VALUE(
      'a string, an ArrayBuffer, or a TypedArray', 'load', 'source',
      loaded.source);
  }
  return finalFormat;
}

async function moduleFor(url, format, importAttributes) {
  const { internals } = loader();
  const cached = internals.cachedModule(url);
  if (cached !== undefined) return cached;
  // A module being loaded is shared: a cycle returns the unfinished one.
  const inFlight = pending.get(url);
  if (inFlight !== undefined) return inFlight.wrap ?? inFlight.promise;

  const entry = { wrap: undefined, promise: undefined };
  // A require() of the same URL may load it synchronously while this one
  // waits on the hooks: after each wait, its module (cached) is the one
  // used, so the module is evaluated once.
  entry.promise = (async () => {
    const loaded = await loadWithHooks(url, format, importAttributes);
    const loadedMeanwhile = internals.cachedModule(url);
    if (loadedMeanwhile !== undefined) return loadedMeanwhile;
    const finalFormat = checkLoaded(url, format, loaded);
    // The default load step checked the attributes (the hooks' own loads
    // are not checked).
    const wrap = internals.createModuleFromSource(url, finalFormat,
                                                  sourceText(loaded.source),
                                                  importAttributes, false,
                                                  hookedRequireMaker());
    entry.wrap = wrap;
    await linkWithHooks(wrap, url);
    const linkedMeanwhile = internals.cachedModule(url);
    if (linkedMeanwhile !== undefined) return linkedMeanwhile;
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
  let wrap;
  try {
    const resolved = await resolveWithHooks(specifier, parentURL,
                                            importAttributes);
    wrap = await moduleFor(resolved.url, resolved.format,
                           attributesAfterResolve(resolved, importAttributes));
  } catch (err) {
    // The hooks thread ended with this request open: the import never
    // settles either (an awaiting entry module then exits with code 13).
    if (err?.code === 'ERR_ASYNC_LOADER_REQUEST_NEVER_SETTLED') {
      return new Promise(() => {});
    }
    throw err;
  }
  await loader().internals.runModule(wrap);
  return wrap.getNamespace();
}

// --- require() in CommonJS a load hook gave the source of ------------------
//
// As in Node, the require() of such a module goes through the hooks too,
// and so does its require.resolve(): synchronously, the main thread
// waiting for the hooks thread. Other CommonJS keeps the default require().

// The require() maker for CommonJS the hooks load: none in the hooks thread
// (its own hooks cannot answer a request it waits for).
function hookedRequireMaker() {
  return isHooksThread() ? undefined : makeHookedRequire;
}

// Node's require() of such a module checks its argument as a path, after
// looking for a node: prefix in it (so undefined, null or a symbol fail on
// that look with V8's TypeError, as there).
function checkHookedRequireId(id) {
  StringPrototypeStartsWith(id, 'node:');
  validateString(id, 'path');
}

function makeHookedRequire(module, parentURL) {
  const { Module } = require('internal/modules/cjs/loader');
  const { BuiltinModule } = require('internal/bootstrap/realm');
  const path = require('path');
  // eslint-disable-next-line func-name-matching,func-style
  const requireFn = function require(id) {
    checkHookedRequireId(id);
    let attributes = { __proto__: null };
    if (!StringPrototypeStartsWith(id, 'node:') &&
        BuiltinModule.normalizeRequirableId(id) === undefined) {
      // The path the default resolution finds is what the hooks resolve.
      const filename = Module._resolveFilename(id, module);
      const ext = path.extname(filename);
      // An addon is not for the hooks to load.
      if (ext === '.node') return Module._load(id, module, false);
      if (ext === '.json') attributes = { __proto__: null, type: 'json' };
      id = lazyUrl().pathToFileURL(filename).href;
    }
    return requireWithHooks(id, parentURL, attributes, module.filename);
  };
  requireFn.resolve = function resolve(id) {
    checkHookedRequireId(id);
    if (!StringPrototypeStartsWith(id, 'node:')) {
      const filename = Module._resolveFilename(id, module);
      if (id !== filename) id = lazyUrl().pathToFileURL(filename).href;
    }
    const { url } = lazyProxy().requestSync(
      'resolve', [id, parentURL, { __proto__: null }]);
    return StringPrototypeStartsWith(url, 'file:') ?
      lazyUrl().fileURLToPath(url) : url;
  };
  requireFn.main = process.mainModule;
  return requireFn;
}

function requireWithHooks(specifier, parentURL, attributes, parentFilename) {
  const resolved = lazyProxy().requestSync(
    'resolve', [specifier, parentURL, attributes]);
  const wrap = moduleForSync(resolved.url, resolved.format,
                             attributesAfterResolve(resolved, attributes));
  return loader().internals.requireLoadedModule(wrap, parentFilename);
}

// moduleFor(), waiting for each reply of the hooks thread.
const pendingSync = new SafeMap();
function moduleForSync(url, format, importAttributes) {
  const { internals } = loader();
  const cached = internals.cachedModule(url);
  if (cached !== undefined) return cached;
  // A cycle of imports returns the module still being linked. One that an
  // import() is still loading is not used: it may be unlinked yet, and
  // the import() takes the one made here.
  const inFlight = pendingSync.get(url);
  if (inFlight !== undefined) return inFlight;
  const loaded = lazyProxy().requestSync(
    'load', [url, format, importAttributes]);
  const finalFormat = checkLoaded(url, format, loaded);
  const wrap = internals.createModuleFromSource(url, finalFormat,
                                                sourceText(loaded.source),
                                                importAttributes, false,
                                                makeHookedRequire);
  pendingSync.set(url, wrap);
  try {
    const requests = wrap.getModuleRequests();
    const deps = [];
    for (let i = 0; i < requests.length; i++) {
      const attributes = requestAttributes(requests[i]);
      const depResolved = lazyProxy().requestSync(
        'resolve', [requests[i][0], url, attributes]);
      ArrayPrototypePush(deps, moduleForSync(
        depResolved.url, depResolved.format,
        attributesAfterResolve(depResolved, attributes)));
    }
    wrap.linkRequests(deps);
    internals.cacheModule(url, wrap);
  } finally {
    pendingSync.delete(url);
  }
  return wrap;
}

// --- start-up: --experimental-loader, --import, then the main entry -------

function cwdURL() {
  return lazyUrl().pathToFileURL(`${process.cwd()}/`).href;
}

function loadersFromOptions() {
  const { getOptionValue } = require('internal/options');
  const loaders = getOptionValue('--experimental-loader');
  return ArrayIsArray(loaders) ? loaders : (loaders ? [loaders] : []);
}

// Main thread: --experimental-loader starts the hooks thread (which
// registers those hooks itself, from the options it inherits).
function initializeHooksFromOptions() {
  const list = loadersFromOptions();
  if (list.length === 0) return;
  // The --import equivalent, one register() per loader; each specifier
  // URI-encoded (so that it survives a shell's single quotes) but for the
  // quotes and slashes that keep it readable.
  const calls = ArrayPrototypeMap(list, (loaderSpecifier) => {
    const encoded = RegExpPrototypeSymbolReplace(
      /%2F|%22|'/g, encodeURIComponent(JSONStringify(loaderSpecifier)),
      (match) => (match === '%2F' ? '/' : match === '%22' ? '"' : '%27'));
    return `register(${encoded}, pathToFileURL("./"));`;
  });
  process.emitWarning(
    '`--experimental-loader` may be removed in the future; instead use ' +
    '`register()`:\n--import \'data:text/javascript,import { register } ' +
    'from "node:module"; import { pathToFileURL } from "node:url"; ' +
    `${ArrayPrototypeJoin(calls, ' ')}'`,
    'ExperimentalWarning');
  lazyProxy();
}

// Hooks thread: registers the --experimental-loader hooks in order; the
// requests of the main thread wait for this.
async function initializeHooksThread() {
  inHooksThread = true;
  const list = loadersFromOptions();
  for (let i = 0; i < list.length; i++) {
    await registerInThread(list[i], cwdURL());
  }
}

function importsFromOptions() {
  const { getOptionValue } = require('internal/options');
  const imports = getOptionValue('--import');
  return ArrayIsArray(imports) ? imports : (imports ? [imports] : []);
}

// Whether the entry point must wait for --import modules or run through
// loader hooks.
function needsAsyncEntry() {
  return importsFromOptions().length > 0 || loadersFromOptions().length > 0;
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
  return runMainURLWithHooks(lazyUrl().pathToFileURL(mainPath).href);
}

async function runMainURLWithHooks(url) {
  const { internals } = loader();
  const resolved = await resolveWithHooks(url, undefined);
  const wrap = await moduleFor(resolved.url, resolved.format);
  internals.runEntryModule(wrap);
}

// import.meta.resolve on the main thread: the hooks thread's resolve
// chain, waited for.
function resolveSync(specifier, parentURL) {
  return lazyProxy().requestSync('resolve', [specifier, parentURL]).url;
}

// --eval of module code: the code itself is not loaded through the
// hooks, what it imports is.
async function runSourceAsModule(source, name) {
  const { internals } = loader();
  // `[eval1]` keeps its brackets, as in Node (and without the hooks).
  const url = `${lazyUrl().pathToFileURL(`${process.cwd()}/`).href}${name}`;
  const wrap = internals.createModuleFromSource(url, 'module', source);
  await linkWithHooks(wrap, url);
  internals.runEntryModule(wrap);
}

module.exports = {
  hooksActive,
  isHooksThread,
  importModule,
  initializeHooksThread,
  loadWithHooks,
  needsAsyncEntry,
  register,
  registerInThread,
  resolveSync,
  resolveWithHooks,
  runMainURLWithHooks,
  runMainWithHooks,
  runSourceAsModule,
  runWithPreloads,
};
