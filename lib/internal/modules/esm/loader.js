'use strict';

// The ES module loader: resolution (file: and data: URLs, node: builtins,
// packages through node_modules with "exports"/"imports"), format
// detection, loading, and the module graph, cached by URL. A graph is
// resolved, loaded and linked synchronously (files are read with the sync
// fs binding), so require() of an ES module can use the same path; only
// evaluation is asynchronous (top-level await).

const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  JSONParse,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  PromisePrototypeThen,
  PromiseResolve,
  RegExpPrototypeExec,
  SafeMap,
  SafeSet,
  StringPrototypeEndsWith,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  decodeURIComponent,
} = primordials;

const { BuiltinModule } = require('internal/bootstrap/realm');
const {
  codes: {
    ERR_INVALID_MODULE_SPECIFIER,
    ERR_MODULE_NOT_FOUND,
    ERR_PACKAGE_IMPORT_NOT_DEFINED,
    ERR_REQUIRE_ASYNC_MODULE,
    ERR_UNKNOWN_BUILTIN_MODULE,
    ERR_UNKNOWN_FILE_EXTENSION,
    ERR_UNKNOWN_MODULE_FORMAT,
    ERR_UNSUPPORTED_DIR_IMPORT,
    ERR_UNSUPPORTED_ESM_URL_SCHEME,
  },
} = require('internal/errors');
const path = require('path');
const fsBinding = internalBinding('fs');

let binding;
function lazyBinding() {
  binding ??= internalBinding('module_wrap');
  return binding;
}
let urlModule;
function lazyUrl() {
  urlModule ??= require('internal/url');
  return urlModule;
}
let wasm;
function lazyWasm() {
  wasm ??= require('internal/modules/esm/wasm');
  return wasm;
}
let cjs;
function lazyCjs() {
  cjs ??= require('internal/modules/cjs/loader');
  return cjs;
}

// url -> ModuleWrap
const moduleMap = new SafeMap();

let conditions;
function getConditions() {
  if (conditions === undefined) {
    const { getOptionValue } = require('internal/options');
    conditions = new SafeSet();
    conditions.add('node');
    conditions.add('import');
    const user = getOptionValue('--conditions') || [];
    for (let i = 0; i < user.length; i++) conditions.add(user[i]);
  }
  return conditions;
}

function basePath(parentURL) {
  if (parentURL !== undefined &&
      StringPrototypeStartsWith(parentURL, 'file:')) {
    return lazyUrl().fileURLToPath(parentURL);
  }
  return parentURL;
}

function statPath(p) {
  return lazyCjs().Module._stat(p);
}

// A file: URL that must name an existing file.
function finalizeFileURL(url, parentURL) {
  const { fileURLToPath, pathToFileURL } = lazyUrl();
  if (RegExpPrototypeExec(/%2f|%5c/i, url.pathname) !== null) {
    throw new ERR_INVALID_MODULE_SPECIFIER(
      url.pathname, 'must not include encoded "/" or "\\" characters',
      basePath(parentURL));
  }
  let filename = fileURLToPath(url);
  if (StringPrototypeEndsWith(filename, '/')) {
    filename = StringPrototypeSlice(filename, 0, -1);
  }
  const st = statPath(filename);
  if (st === 1) {
    throw new ERR_UNSUPPORTED_DIR_IMPORT(filename, basePath(parentURL),
                                         url.href);
  }
  if (st !== 0) {
    throw new ERR_MODULE_NOT_FOUND(filename, basePath(parentURL), url.href);
  }
  const { getOptionValue } = require('internal/options');
  if (getOptionValue('--preserve-symlinks')) return url.href;
  const real = lazyCjs().toRealPath(filename);
  const out = pathToFileURL(real);
  out.search = url.search;
  out.hash = url.hash;
  return out.href;
}

function parsePackageName(specifier, parentURL) {
  let end = StringPrototypeIndexOf(specifier, '/');
  let valid = true;
  if (specifier[0] === '@') {
    if (end === -1 || specifier.length === 0) valid = false;
    else end = StringPrototypeIndexOf(specifier, '/', end + 1);
  }
  const name = end === -1 ? specifier : StringPrototypeSlice(specifier, 0, end);
  if (name[0] === '.' || StringPrototypeIndexOf(name, '\\') !== -1 ||
      StringPrototypeIndexOf(name, '%') !== -1) {
    valid = false;
  }
  if (!valid) {
    throw new ERR_INVALID_MODULE_SPECIFIER(
      specifier, 'is not a valid package name', basePath(parentURL));
  }
  const rest = end === -1 ? '' : StringPrototypeSlice(specifier, end);
  return { name, subpath: `.${rest}` };
}

const kMainExtensions = ['.js', '.json', '.node'];
function legacyMainResolve(pkgPath, pjson, parentURL) {
  const candidates = [];
  if (pjson.main) {
    const main = path.resolve(pkgPath, pjson.main);
    ArrayPrototypePush(candidates, main);
    for (let i = 0; i < kMainExtensions.length; i++) {
      ArrayPrototypePush(candidates, main + kMainExtensions[i]);
    }
    for (let i = 0; i < kMainExtensions.length; i++) {
      ArrayPrototypePush(candidates, `${main}/index${kMainExtensions[i]}`);
    }
  }
  for (let i = 0; i < kMainExtensions.length; i++) {
    ArrayPrototypePush(candidates, `${pkgPath}/index${kMainExtensions[i]}`);
  }
  for (let i = 0; i < candidates.length; i++) {
    if (statPath(candidates[i]) === 0) {
      return finalizeFileURL(lazyUrl().pathToFileURL(candidates[i]),
                             parentURL);
    }
  }
  throw new ERR_MODULE_NOT_FOUND(`${pkgPath}/`, basePath(parentURL),
                                 undefined);
}

function resolveInPackage(pkgPath, pjson, subpath, parentURL) {
  const { pathToFileURL } = lazyUrl();
  if (pjson !== undefined && pjson.exports !== undefined &&
      pjson.exports !== null) {
    const file = lazyCjs().packageExportsResolve(
      pkgPath, subpath, pjson, basePath(parentURL), getConditions());
    return finalizeFileURL(pathToFileURL(file), parentURL);
  }
  if (subpath === '.') {
    return legacyMainResolve(pkgPath, pjson ?? {}, parentURL);
  }
  return finalizeFileURL(
    pathToFileURL(path.resolve(pkgPath, subpath)), parentURL);
}

function packageResolve(specifier, parentURL) {
  const { name, subpath } = parsePackageName(specifier, parentURL);
  const { readPackage, readPackageScope } = lazyCjs();
  const parentPath = basePath(parentURL);
  // A parent URL ending in "/" is a folder: the search starts in it.
  let fromDir = process.cwd();
  if (parentPath !== undefined && path.isAbsolute(parentPath)) {
    fromDir = StringPrototypeEndsWith(parentPath, '/') ?
      StringPrototypeSlice(parentPath, 0, -1) || '/' :
      path.dirname(parentPath);
  }
  // Self-reference by the package's own name.
  const scope = readPackageScope(`${fromDir}/x`);
  if (scope && scope.data.name === name && scope.data.exports !== undefined &&
      scope.data.exports !== null) {
    return resolveInPackage(scope.path, scope.data, subpath, parentURL);
  }
  let dir = fromDir;
  while (true) {
    if (!StringPrototypeEndsWith(dir, '/node_modules')) {
      const pkgPath = `${dir === '/' ? '' : dir}/node_modules/${name}`;
      if (statPath(pkgPath) === 1) {
        return resolveInPackage(pkgPath, readPackage(`${pkgPath}/package.json`),
                                subpath, parentURL);
      }
    }
    if (dir === '/' || dir === '') break;
    dir = path.dirname(dir);
  }
  throw new ERR_MODULE_NOT_FOUND(name, parentPath, undefined);
}

function pickTarget(target) {
  if (typeof target === 'string' || target === null) return target;
  if (ArrayIsArray(target)) {
    for (let i = 0; i < target.length; i++) {
      const t = pickTarget(target[i]);
      if (t !== undefined && t !== null) return t;
    }
    return null;
  }
  if (typeof target === 'object') {
    const keys = ObjectKeys(target);
    const conds = getConditions();
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 'default' || conds.has(keys[i])) {
        const t = pickTarget(target[keys[i]]);
        if (t !== undefined) return t;
      }
    }
  }
  return undefined;
}

function packageImportsResolve(specifier, parentURL) {
  const parentPath = basePath(parentURL);
  const scope = parentPath && path.isAbsolute(parentPath) ?
    lazyCjs().readPackageScope(parentPath) : false;
  const imports = scope ? scope.data.imports : undefined;
  if (imports !== null && typeof imports === 'object') {
    let target;
    let star;
    if (ObjectPrototypeHasOwnProperty(imports, specifier) &&
        StringPrototypeIndexOf(specifier, '*') === -1) {
      target = pickTarget(imports[specifier]);
    } else {
      let best = '';
      const keys = ObjectKeys(imports);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const at = StringPrototypeIndexOf(key, '*');
        if (at === -1) continue;
        const prefix = StringPrototypeSlice(key, 0, at);
        const trailer = StringPrototypeSlice(key, at + 1);
        if (StringPrototypeStartsWith(specifier, prefix) &&
            StringPrototypeEndsWith(specifier, trailer) &&
            specifier.length >= key.length && key.length > best.length) {
          best = key;
          star = StringPrototypeSlice(specifier, at,
                                      specifier.length - trailer.length);
        }
      }
      if (best !== '') target = pickTarget(imports[best]);
    }
    if (typeof target === 'string') {
      if (star !== undefined) {
        let out = '';
        for (let i = 0; i < target.length; i++) {
          out += target[i] === '*' ? star : target[i];
        }
        target = out;
      }
      if (StringPrototypeStartsWith(target, './')) {
        return finalizeFileURL(
          lazyUrl().pathToFileURL(path.resolve(scope.path, target)),
          parentURL);
      }
      return resolve(target, parentURL);
    }
  }
  throw new ERR_PACKAGE_IMPORT_NOT_DEFINED(
    specifier, scope ? `${scope.path}/` : undefined, parentPath);
}

function isRelative(specifier) {
  return StringPrototypeStartsWith(specifier, './') ||
    StringPrototypeStartsWith(specifier, '../') ||
    StringPrototypeStartsWith(specifier, '/') ||
    specifier === '.' || specifier === '..';
}

// The URL `specifier` names, imported from `parentURL` (a URL string),
// through module.registerHooks() resolve hooks when there are some.
function resolve(specifier, parentURL) {
  const hooks = lazySyncHooks();
  if (!hooks.hasResolveHooks()) return defaultResolve(specifier, parentURL);
  const context = {
    __proto__: null,
    conditions: ['node', 'import', 'module-sync', 'node-addons'],
    importAttributes: { __proto__: null },
    parentURL,
  };
  const result = hooks.resolveWithHooks(specifier, context, (s, ctx) => {
    return { url: defaultResolve(s, ctx.parentURL ?? parentURL) };
  });
  if (typeof result.format === 'string') {
    formatFromHooks.set(result.url, result.format);
  }
  return result.url;
}

// Formats resolve hooks named, for the load that follows.
const formatFromHooks = new SafeMap();
let syncHooks;
function lazySyncHooks() {
  syncHooks ??= require('internal/modules/customization_hooks');
  return syncHooks;
}

// The default load step of module.registerHooks() load hooks.
function defaultLoadSync(url, format) {
  if (StringPrototypeStartsWith(url, 'node:')) {
    return { format: 'builtin', source: null };
  }
  if (StringPrototypeStartsWith(url, 'data:')) {
    const data = parseDataURL(url);
    return { format: format ?? data.format, source: data.source };
  }
  const filename = lazyUrl().fileURLToPath(url);
  format ??= formatOfFile(filename);
  if (format === 'commonjs-or-module') {
    const source = readFile(filename);
    return {
      format: containsModuleSyntax(source, filename) ? 'module' : 'commonjs',
      source,
    };
  }
  return { format, source: format === 'wasm' ? null : readFile(filename) };
}

function defaultResolve(specifier, parentURL) {
  if (StringPrototypeStartsWith(specifier, 'node:')) {
    const id = StringPrototypeSlice(specifier, 5);
    if (!BuiltinModule.canBeRequiredByUsers(id)) {
      throw new ERR_UNKNOWN_BUILTIN_MODULE(specifier);
    }
    return specifier;
  }
  if (BuiltinModule.canBeRequiredWithoutScheme(specifier)) {
    return `node:${specifier}`;
  }
  const { URL } = lazyUrl();
  let url;
  if (isRelative(specifier)) {
    url = new URL(specifier, parentURL);
  } else if (specifier[0] === '#') {
    return packageImportsResolve(specifier, parentURL);
  } else {
    try {
      url = new URL(specifier);
    } catch {
      return packageResolve(specifier, parentURL);
    }
  }
  if (url.protocol === 'file:') return finalizeFileURL(url, parentURL);
  if (url.protocol === 'data:' || url.protocol === 'node:') return url.href;
  throw new ERR_UNSUPPORTED_ESM_URL_SCHEME(url, ['file', 'data', 'node']);
}

function parseDataURL(url) {
  const m = RegExpPrototypeExec(/^data:([^,;]*)(?:;[^,;]*)*?(;base64)?,(.*)$/s,
                                url);
  if (m === null) throw new ERR_UNKNOWN_MODULE_FORMAT('undefined', url);
  const body = m[2] ?
    require('buffer').Buffer.from(decodeURIComponent(m[3]), 'base64')
      .toString() :
    decodeURIComponent(m[3]);
  let format;
  if (m[1] === 'text/javascript') format = 'module';
  else if (m[1] === 'application/json') format = 'json';
  else throw new ERR_UNKNOWN_MODULE_FORMAT(m[1], url);
  return { format, source: body };
}

// The format a file: URL has: module, commonjs, json, addon or
// commonjs-or-module (a .js without "type": detected from the syntax).
function formatOfFile(filename) {
  const slash = StringPrototypeLastIndexOf(filename, '/');
  const dot = StringPrototypeLastIndexOf(filename, '.');
  const ext = dot > slash ? StringPrototypeSlice(filename, dot) : '';
  if (ext === '.mjs') return 'module';
  if (ext === '.cjs') return 'commonjs';
  if (ext === '.json') return 'json';
  if (ext === '.node') return 'commonjs';
  if (ext === '.wasm') return 'wasm';
  if (ext === '.js' || ext === '') {
    const scope = lazyCjs().readPackageScope(filename);
    const type = scope ? scope.data.type : 'none';
    if (type !== 'commonjs' && ext === '' &&
        lazyWasm().hasWasmMagic(filename)) {
      return 'wasm';
    }
    if (type === 'module') return 'module';
    if (type === 'commonjs') return 'commonjs';
    return 'commonjs-or-module';
  }
  throw new ERR_UNKNOWN_FILE_EXTENSION(ext, filename);
}

function readFile(filename) {
  return fsBinding.readFileUtf8(filename, 0);
}

function newSourceTextModule(url, source) {
  const { ModuleWrap } = lazyBinding();
  // Files go through the on-disk compile cache when it is enabled.
  const wrap = new ModuleWrap(url, source, undefined, undefined, undefined,
                              undefined, undefined,
                              StringPrototypeStartsWith(url, 'file:'));
  wrap.url = url;
  return wrap;
}

function newSyntheticModule(url, names, evaluationSteps) {
  const { ModuleWrap } = lazyBinding();
  const wrap = new ModuleWrap(url, names);
  wrap.url = url;
  wrap.evaluationSteps = evaluationSteps;
  return wrap;
}

function cjsExportNames(filename, source) {
  const { Module } = lazyCjs();
  const cached = Module._cache[filename];
  let names;
  if (cached !== undefined && cached.loaded) {
    const exports = cached.exports;
    names = exports !== null && (typeof exports === 'object' ||
      typeof exports === 'function') ? ObjectKeys(exports) : [];
  } else {
    const { detectCjsExports } = require('internal/modules/esm/cjs_lexer');
    names = [];
    if (source !== undefined) {
      for (const name of detectCjsExports(source)) {
        ArrayPrototypePush(names, name);
      }
    }
  }
  const out = ['default', 'module.exports'];
  for (let i = 0; i < names.length; i++) {
    if (names[i] !== 'default' && names[i] !== 'module.exports') {
      ArrayPrototypePush(out, names[i]);
    }
  }
  return out;
}

function newCommonJSModule(url, filename, source) {
  const names = cjsExportNames(filename, source);
  return newSyntheticModule(url, names, function() {
    const { Module } = lazyCjs();
    const exports = Module._load(filename, null, false);
    this.setExport('default', exports);
    this.setExport('module.exports', exports);
    for (let i = 2; i < names.length; i++) {
      let value;
      try {
        value = exports?.[names[i]];
      } catch {
        // A throwing getter: left undefined.
      }
      this.setExport(names[i], value);
    }
  });
}

function newBuiltinModule(url) {
  const id = StringPrototypeSlice(url, 5);
  const { loadBuiltinModule } = require('internal/modules/helpers');
  const exports = loadBuiltinModule(id, url);
  const keys = ObjectKeys(exports);
  const names = ['default'];
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== 'default') ArrayPrototypePush(names, keys[i]);
  }
  return newSyntheticModule(url, names, function() {
    this.setExport('default', exports);
    for (let i = 1; i < names.length; i++) {
      this.setExport(names[i], exports[names[i]]);
    }
  });
}

function newJSONModule(url, source, filename) {
  return newSyntheticModule(url, ['default'], function() {
    let value;
    try {
      value = JSONParse(source);
    } catch (err) {
      err.message = `${filename ?? url}: ${err.message}`;
      throw err;
    }
    this.setExport('default', value);
  });
}

// Whether source that failed to compile as CommonJS is an ES module
// (import/export, import.meta, top-level await).
function compileAsCommonJSOrModule(url, filename, source) {
  const { wrapSafe } = lazyCjs();
  try {
    wrapSafe(filename, source);
  } catch (err) {
    if (err?.name === 'SyntaxError') {
      try {
        return newSourceTextModule(url, source);
      } catch {
        // Not a module either: the CommonJS error is the one to show.
      }
      throw err;
    }
    throw err;
  }
  return newCommonJSModule(url, filename, source);
}

// Creates the module for `url` (not linked yet); load hooks of
// module.registerHooks() give its format and source when there are some.
function createModule(url, format, source, fromHooks = false) {
  if (!fromHooks && source === undefined && lazySyncHooks().hasLoadHooks()) {
    const context = {
      __proto__: null,
      conditions: ['node', 'import', 'module-sync', 'node-addons'],
      format: format ?? formatFromHooks.get(url),
      importAttributes: { __proto__: null },
    };
    const loaded = syncHooks.loadWithHooks(url, context, (u, ctx) => {
      return defaultLoadSync(u, ctx.format);
    });
    return createModuleFromSource(url, loaded.format ?? context.format,
                                  syncHooks.sourceToString(loaded.source));
  }
  if (StringPrototypeStartsWith(url, 'node:')) return newBuiltinModule(url);
  if (StringPrototypeStartsWith(url, 'data:')) {
    const data = parseDataURL(url);
    if (data.format === 'json') return newJSONModule(url, data.source);
    return newSourceTextModule(url, data.source);
  }
  const filename = lazyUrl().fileURLToPath(url);
  // Under --watch, the watching parent learns of every file loaded.
  if (process.env.WATCH_REPORT_DEPENDENCIES && process.send) {
    process.send({ 'watch:import': [url] });
  }
  format ??= formatOfFile(filename);
  if (format === 'json') {
    return newJSONModule(url, readFile(filename), filename);
  }
  if (format === 'commonjs') {
    const ext = StringPrototypeSlice(filename, -5);
    return newCommonJSModule(url, filename,
                             ext === '.node' ? undefined : readFile(filename));
  }
  if (format === 'wasm') {
    return lazyWasm().newWasmModule(url, require('fs').readFileSync(filename));
  }
  source ??= readFile(filename);
  if (format === 'module') return newSourceTextModule(url, source);
  return compileAsCommonJSOrModule(url, filename, source);
}

// The module for `url` with its whole static graph loaded and linked.
function getModule(url, format, source) {
  let wrap = moduleMap.get(url);
  if (wrap !== undefined) return wrap;
  wrap = createModule(url, format, source);
  moduleMap.set(url, wrap);
  try {
    const specifiers = wrap.getStaticDependencySpecifiers();
    const deps = [];
    for (let i = 0; i < specifiers.length; i++) {
      ArrayPrototypePush(deps, getModule(resolve(specifiers[i], url)));
    }
    wrap.link(specifiers, deps);
  } catch (err) {
    moduleMap.delete(url);
    throw err;
  }
  return wrap;
}

// Instantiates and evaluates: the promise of evaluation.
function runModule(wrap) {
  const { kUninstantiated } = lazyBinding();
  if (wrap.getStatus() === kUninstantiated) wrap.instantiate();
  return wrap.evaluate();
}

// import(): runs in a later microtask, never inside the evaluation of the
// module that asked.
function importModule(specifier, parentURL) {
  return PromisePrototypeThen(PromiseResolve(), () => {
    const wrap = getModule(resolve(specifier, parentURL));
    return PromisePrototypeThen(runModule(wrap), () => wrap.getNamespace());
  });
}

function referrerURL(referrer) {
  if (typeof referrer === 'string') {
    if (StringPrototypeStartsWith(referrer, 'file:') ||
        StringPrototypeStartsWith(referrer, 'data:') ||
        StringPrototypeStartsWith(referrer, 'node:')) {
      return referrer;
    }
    if (path.isAbsolute(referrer)) {
      return lazyUrl().pathToFileURL(referrer).href;
    }
  }
  return lazyUrl().pathToFileURL(`${process.cwd()}/`).href;
}

// import() from any script or module; through the customization hooks
// when some are registered.
function importModuleDynamically(specifier, referrer) {
  const hooks = require('internal/modules/esm/hooks');
  if (hooks.hooksActive()) {
    return hooks.importModule(`${specifier}`, referrerURL(referrer));
  }
  return importModule(`${specifier}`, referrerURL(referrer));
}

function initializeImportMeta(meta, wrap) {
  const url = wrap.url;
  if (StringPrototypeStartsWith(url, 'file:')) {
    const filename = lazyUrl().fileURLToPath(url);
    meta.dirname = path.dirname(filename);
    meta.filename = filename;
  }
  meta.main = wrap.isMain === true;
  meta.resolve = function resolve(specifier) {
    return resolveForMeta(`${specifier}`, url);
  };
  meta.url = url;
}

// import.meta.resolve: a file that does not exist still has its URL.
function resolveForMeta(specifier, url) {
  try {
    return resolve(specifier, url);
  } catch (err) {
    if ((err?.code === 'ERR_MODULE_NOT_FOUND' ||
         err?.code === 'ERR_UNSUPPORTED_DIR_IMPORT') &&
        typeof err.url === 'string') {
      return err.url;
    }
    throw err;
  }
}

// Called from internal/bootstrap/runtime at every start.
function initializeESMCallbacks() {
  const b = lazyBinding();
  b.setImportModuleDynamicallyCallback(importModuleDynamically);
  b.setInitializeImportMetaObjectCallback(initializeImportMeta);
}

// Runs `wrap` as the entry point; an unsettled top-level await at exit
// gives exit code 13.
function runEntryModule(wrap) {
  wrap.isMain = true;
  let settled = false;
  let beforeExit = false;
  const onBeforeExit = () => { beforeExit = true; };
  const onExit = (code) => {
    if (!settled && beforeExit && code === 0 &&
        process.exitCode === undefined) {
      process._rawDebug(
        `Warning: Detected unsettled top-level await at ${wrap.url}\n`);
      process.exitCode = 13;
    }
  };
  process.on('beforeExit', onBeforeExit);
  process.on('exit', onExit);
  // Settled: the listeners go (the program may count the process's).
  const settle = () => {
    settled = true;
    process.removeListener('beforeExit', onBeforeExit);
    process.removeListener('exit', onExit);
  };
  let promise;
  try {
    promise = runModule(wrap);
  } catch (err) {
    settle();
    throw err;
  }
  const { triggerUncaughtException } = internalBinding('errors');
  PromisePrototypeThen(promise, settle, (err) => {
    settle();
    triggerUncaughtException(err, true);
  });
}

function runMainESM(mainPath) {
  const { pathToFileURL } = lazyUrl();
  const { toRealPath } = lazyCjs();
  const { getOptionValue } = require('internal/options');
  const filename = getOptionValue('--preserve-symlinks-main') ? mainPath :
    toRealPath(mainPath);
  const format = formatOfFile(filename) === 'wasm' ? 'wasm' : 'module';
  runEntryModule(getModule(pathToFileURL(filename).href, format));
}

// A worker's entry given as a URL (data: URLs).
function runMainURL(url) {
  runEntryModule(getModule(url));
}

function runSourceAsModule(source, name) {
  const url = lazyUrl().pathToFileURL(`${process.cwd()}/${name}`).href;
  runEntryModule(getModule(url, 'module', source));
}

// Whether the main file should run as an ES module: .mjs, or a .js or
// extensionless file in a "type": "module" scope. A .js without "type" is
// tried as CommonJS first; the CommonJS loader hands it over here only if
// it then fails to parse and has module syntax, so the common case compiles
// the script once.
function shouldRunAsESM(filename) {
  const slash = StringPrototypeLastIndexOf(filename, '/');
  const dot = StringPrototypeLastIndexOf(filename, '.');
  const ext = dot > slash ? StringPrototypeSlice(filename, dot) : '';
  if (ext === '.mjs' || ext === '.wasm') return true;
  if (ext !== '.js' && ext !== '') return false;
  const scope = lazyCjs().readPackageScope(filename);
  const type = scope ? scope.data.type : 'none';
  if (type === 'module') return true;
  return false;
}

const kModuleOnlyMessages = [
  'Cannot use import statement outside a module',
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
];
const kMaybeTLAMessages = [
  'await is only valid in async functions and the top level bodies of modules',
  'Unexpected reserved word',
  'for await is only valid in async functions and the top level bodies of ' +
    'modules',
];
function containsModuleSyntax(source, filename) {
  const { wrapSafe } = lazyCjs();
  try {
    // A hashbang line: a comment to the function compiler.
    wrapSafe(filename, StringPrototypeStartsWith(source, '#!') ?
      `//${StringPrototypeSlice(source, 2)}` : source);
    return false;
  } catch (err) {
    if (err?.name !== 'SyntaxError') return false;
    if (ArrayPrototypeIncludes(kModuleOnlyMessages, err.message)) return true;
    if (!ArrayPrototypeIncludes(kMaybeTLAMessages, err.message)) return false;
    // Top-level await: the source must compile as a module.
    try {
      const { ModuleWrap } = lazyBinding();
      // Compiling registers nothing the loader looks up by URL.
      new ModuleWrap(`lode:check:${filename}`, source);
      return true;
    } catch {
      return false;
    }
  }
}

// require() of an ES module: its namespace, when the graph has no
// top-level await.
function requireESM(filename, parentFilename) {
  const url = lazyUrl().pathToFileURL(filename).href;
  const wrap = getModule(url, 'module');
  const { kUninstantiated, kEvaluated, kErrored } = lazyBinding();
  if (wrap.getStatus() === kUninstantiated) wrap.instantiate();
  if (wrap.isGraphAsync()) {
    throw new ERR_REQUIRE_ASYNC_MODULE(filename, parentFilename);
  }
  if (wrap.getStatus() !== kEvaluated) {
    wrap.evaluate();
    if (wrap.getStatus() === kErrored) throw wrap.getError();
  } else if (wrap.getStatus() === kErrored) {
    throw wrap.getError();
  }
  return wrap.getNamespace();
}

// The format a URL has as far as resolution knows it (the customization
// hooks' default resolve step): undefined when the extension is unknown.
function formatOfURL(url) {
  if (StringPrototypeStartsWith(url, 'node:')) return 'builtin';
  if (StringPrototypeStartsWith(url, 'data:')) {
    try {
      return parseDataURL(url).format;
    } catch {
      return undefined;
    }
  }
  if (!StringPrototypeStartsWith(url, 'file:')) return undefined;
  try {
    const format = formatOfFile(lazyUrl().fileURLToPath(url));
    return format === 'commonjs-or-module' ? 'commonjs' : format;
  } catch {
    return undefined;
  }
}

// A module from a format and source a load hook chose.
function createModuleFromSource(url, format, source) {
  if (format === 'builtin') return newBuiltinModule(url);
  const filename = StringPrototypeStartsWith(url, 'file:') ?
    lazyUrl().fileURLToPath(url) : undefined;
  if (source == null) return createModule(url, format, undefined, true);
  if (format === 'module') return newSourceTextModule(url, source);
  if (format === 'json') return newJSONModule(url, source, filename);
  if (format === 'commonjs' && filename !== undefined) {
    return newCommonJSModuleFromSource(url, filename, source);
  }
  if (format === 'commonjs' || format === 'wasm' || format === 'addon') {
    return createModule(url, format, undefined, true);
  }
  throw new ERR_UNKNOWN_MODULE_FORMAT(format, url);
}

// CommonJS whose source came from a load hook: compiled from that source,
// not read again from disk.
function newCommonJSModuleFromSource(url, filename, source) {
  const names = cjsExportNames(filename, source);
  return newSyntheticModule(url, names, function() {
    const { Module } = lazyCjs();
    let module = Module._cache[filename];
    if (module === undefined) {
      module = new Module(filename, null);
      module.filename = filename;
      module.paths = Module._nodeModulePaths(path.dirname(filename));
      Module._cache[filename] = module;
      try {
        module._compile(source, filename);
      } catch (err) {
        delete Module._cache[filename];
        throw err;
      }
      module.loaded = true;
    }
    const exports = module.exports;
    this.setExport('default', exports);
    this.setExport('module.exports', exports);
    for (let i = 2; i < names.length; i++) {
      let value;
      try {
        value = exports?.[names[i]];
      } catch {
        // A throwing getter: left undefined.
      }
      this.setExport(names[i], value);
    }
  });
}

// Loads and evaluates `url` now: module.register() needs the hooks
// module's exports before it returns.
function evaluateSync(url) {
  const wrap = getModule(url);
  const { kUninstantiated, kErrored } = lazyBinding();
  if (wrap.getStatus() === kUninstantiated) wrap.instantiate();
  wrap.evaluate();
  if (wrap.getStatus() === kErrored) throw wrap.getError();
  return wrap.getNamespace();
}

// What the customization hooks (esm/hooks.js) build on.
const internals = {
  cachedModule: (url) => moduleMap.get(url),
  cacheModule: (url, wrap) => moduleMap.set(url, wrap),
  containsModuleSyntax: (source, filename) =>
    containsModuleSyntax(source, filename),
  createModuleFromSource,
  evaluateSync,
  formatOfFile,
  formatOfURL,
  getConditions: () => getConditions(),
  parseDataURL,
  readFileBuffer: (filename) => require('fs').readFileSync(filename),
  resolve,
  runEntryModule,
  runModule,
};

module.exports = {
  internals,
  containsModuleSyntax,
  getModule,
  importModule,
  initializeESMCallbacks,
  requireESM,
  resolve,
  runMainESM,
  runMainURL,
  runSourceAsModule,
  shouldRunAsESM,
};
