'use strict';

// The ES module loader: resolution (file: and data: URLs, node: builtins,
// packages through node_modules with "exports"/"imports"), format
// detection, loading, and the module graph, cached by URL. A graph is
// resolved, loaded and linked synchronously (files are read with the sync
// fs binding), so require() of an ES module can use the same path; only
// evaluation is asynchronous (top-level await).

const {
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  JSONParse,
  JSONStringify,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  PromisePrototypeThen,
  PromiseResolve,
  ReflectApply,
  ReflectGet,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  SafeMap,
  SafeSet,
  StringPrototypeCharCodeAt,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  decodeURIComponent,
  encodeURIComponent,
} = primordials;

const { BuiltinModule } = require('internal/bootstrap/realm');
const {
  codes: {
    ERR_INPUT_TYPE_NOT_ALLOWED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_MODULE_SPECIFIER,
    ERR_INVALID_URL,
    ERR_MODULE_NOT_FOUND,
    ERR_REQUIRE_ASYNC_MODULE,
    ERR_REQUIRE_CYCLE_MODULE,
    ERR_REQUIRE_ESM,
    ERR_UNKNOWN_BUILTIN_MODULE,
    ERR_UNKNOWN_FILE_EXTENSION,
    ERR_UNKNOWN_MODULE_FORMAT,
    ERR_UNSUPPORTED_DIR_IMPORT,
    ERR_UNSUPPORTED_ESM_URL_SCHEME,
    ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING,
    ERR_UNSUPPORTED_RESOLVE_REQUEST,
  },
  sourceMapsCollecting,
} = require('internal/errors');
const {
  kImplicitTypeAttribute,
  validateAttributes,
} = require('internal/modules/esm/assert');
const { LoadCache, ResolveCache } = require('internal/modules/esm/module_map');
const { ModuleJob } = require('internal/modules/esm/module_job');
const path = require('path');
const fsBinding = internalBinding('fs');
const { setOwnProperty } = require('internal/util');

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

// (url, import type attribute) -> ModuleJob
const loadCache = new LoadCache();
// What the default resolution gave for (specifier, parent URL): a module
// once imported stays importable even if its file goes, as in Node.
const resolveCache = new ResolveCache();
// The JavaScript module of `url` (imported without a type attribute).
function cachedModule(url) {
  return loadCache.get(url)?.module;
}
const kNoAttributes = { __proto__: null };

// The cache key of a module imported with `attributes`.
function typeOf(attributes) {
  const type = attributes?.type;
  return typeof type === 'string' ? type : kImplicitTypeAttribute;
}

// The conditions in effect, as an array (a hook's context gets its own).
function conditionsList() {
  const list = [];
  for (const condition of getConditions()) ArrayPrototypePush(list, condition);
  return list;
}

let conditions;
// The conditions a resolve hook passed to the default step, while it runs.
let conditionsOverride;
function getConditions() {
  return conditionsOverride ?? defaultConditions();
}

// The conditions import resolves package exports/imports with when no
// resolve hook hands on its own.
function defaultConditions() {
  if (conditions === undefined) {
    const { getOptionValue } = require('internal/options');
    conditions = new SafeSet();
    conditions.add('node');
    conditions.add('import');
    // Packages can offer an ES module for both import and require() under
    // "module-sync" (Node 22.10+), while require(esm) is enabled.
    if (getOptionValue('--experimental-require-module')) {
      conditions.add('module-sync');
    }
    // Addons off: --no-addons, or --permission without --allow-addons.
    if (getOptionValue('--addons') &&
        (!getOptionValue('--permission') ||
         getOptionValue('--allow-addons'))) {
      conditions.add('node-addons');
    }
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
  let filename;
  try {
    filename = fileURLToPath(url);
  } catch (err) {
    // A file: URL with a host, say: the error names the URL and its importer.
    if (err !== null && typeof err === 'object') {
      setOwnProperty(err, 'input', `${url}`);
      setOwnProperty(err, 'module', `${parentURL}`);
    }
    throw err;
  }
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

// DEP0151: an ES module found as a package's main by an index file or an
// added extension.
function warnLegacyMain(found, pkgPath, main, parentURL) {
  if (process.noDeprecation) return;
  let format;
  try {
    format = formatOfFile(found);
  } catch {
    return;
  }
  if (format !== 'module') return;
  const rel = StringPrototypeSlice(found, pkgPath.length + 1);
  const from = basePath(parentURL);
  if (!main) {
    process.emitWarning(
      `No "main" or "exports" field defined in the package.json for ` +
      `${pkgPath}/ resolving the main entry point "${rel}", imported from ` +
      `${from}.\nDefault "index" lookups for the main are deprecated for ES ` +
      'modules.', 'DeprecationWarning', 'DEP0151');
  } else {
    process.emitWarning(
      `Package ${pkgPath}/ has a "main" field set to "${main}", excluding ` +
      `the full filename and extension to the resolved file at "${rel}", ` +
      `imported from ${from}.\n Automatic extension resolution of the ` +
      '"main" field is deprecated for ES modules.',
      'DeprecationWarning', 'DEP0151');
  }
}

// The file a package without "exports" starts at: its "main" (a path,
// tried with .js/.json/.node and as a folder), else its index file;
// undefined when there is none.
const kMainExtensions = ['.js', '.json', '.node'];
function findLegacyMain(pkgPath, main) {
  const candidates = [];
  if (main) {
    const file = path.resolve(pkgPath, main);
    ArrayPrototypePush(candidates, file);
    for (let i = 0; i < kMainExtensions.length; i++) {
      ArrayPrototypePush(candidates, file + kMainExtensions[i]);
    }
    for (let i = 0; i < kMainExtensions.length; i++) {
      ArrayPrototypePush(candidates, `${file}/index${kMainExtensions[i]}`);
    }
  }
  for (let i = 0; i < kMainExtensions.length; i++) {
    ArrayPrototypePush(candidates,
                       path.resolve(pkgPath, `index${kMainExtensions[i]}`));
  }
  // With --permission, each file probed must be readable: the first that
  // is not stops the search (as in Node, even if it does not exist).
  const permission = require('internal/process/permission');
  const checked = permission.isEnabled();
  for (let i = 0; i < candidates.length; i++) {
    if (checked) {
      const denied = permission.deniedPath('fs.read', candidates[i]);
      if (denied !== undefined) throw denied;
    }
    if (statPath(candidates[i]) === 0) return candidates[i];
  }
  return undefined;
}

function legacyMainResolve(pkgPath, pjson, parentURL) {
  const found = findLegacyMain(pkgPath, pjson.main);
  if (found !== undefined) {
    const url = finalizeFileURL(lazyUrl().pathToFileURL(found), parentURL);
    if (!pjson.main || found !== path.resolve(pkgPath, pjson.main)) {
      warnLegacyMain(found, pkgPath, pjson.main, parentURL);
    }
    return url;
  }
  throw new ERR_MODULE_NOT_FOUND(`${pkgPath}/`, basePath(parentURL),
                                 undefined);
}

let packageResolution;
function lazyPackageResolution() {
  packageResolution ??= require('internal/modules/esm/resolve');
  return packageResolution;
}

// A URL "exports" or "imports" gave: a file's, or a builtin's.
function finalizePackageURL(url, parentURL) {
  if (typeof url === 'string') {
    if (StringPrototypeStartsWith(url, 'node:')) return url;
    url = new (lazyUrl().URL)(url);
  }
  return finalizeFileURL(url, parentURL);
}

function resolveInPackage(pkgPath, pjson, subpath, parentURL,
                          conditions = getConditions()) {
  const { pathToFileURL } = lazyUrl();
  if (pjson !== undefined && pjson.exports !== undefined &&
      pjson.exports !== null) {
    const url = lazyPackageResolution().packageExportsResolve(
      pathToFileURL(`${pkgPath}/package.json`), subpath, pjson, parentURL,
      conditions);
    return finalizePackageURL(url, parentURL);
  }
  if (subpath === '.') {
    return legacyMainResolve(pkgPath, pjson ?? {}, parentURL);
  }
  // The subpath is a URL path relative to the package's folder, as in
  // Node: percent-escapes are decoded and "?" or "#" start the query or the
  // fragment. A trailing slash stays: "pkg/" names the folder.
  const { URL } = lazyUrl();
  return finalizeFileURL(new URL(subpath, pathToFileURL(`${pkgPath}/`)),
                         parentURL);
}

// Where the package `name` is, seen from the folder `fromDir`: the
// importer's own package when it names itself (with "exports"), as
// { scope }; else the first node_modules/<name> folder going up, as
// { pkgPath }; undefined when there is none. (module.findPackageJSON()
// looks packages up the same way.)
function findPackage(name, fromDir) {
  const scope = lazyCjs().readPackageScope(`${fromDir}/x`);
  if (scope && scope.data.name === name && scope.data.exports !== undefined &&
      scope.data.exports !== null) {
    return { __proto__: null, scope };
  }
  let dir = fromDir;
  while (true) {
    if (!StringPrototypeEndsWith(dir, '/node_modules')) {
      const pkgPath = `${dir === '/' ? '' : dir}/node_modules/${name}`;
      if (statPath(pkgPath) === 1) return { __proto__: null, pkgPath };
    }
    if (dir === '/' || dir === '') return undefined;
    dir = path.dirname(dir);
  }
}

// `specifier` (a bare "name/sub") from `parentURL`: the package is looked
// up in node_modules folders, or is the parent's own.
function packageResolve(specifier, parentURL, conditions = getConditions()) {
  if (BuiltinModule.canBeRequiredWithoutScheme(specifier)) {
    return `node:${specifier}`;
  }
  const { name, subpath } = parsePackageName(specifier, parentURL);
  const parentPath = basePath(parentURL);
  // A parent URL ending in "/" is a folder: the search starts in it.
  let fromDir = process.cwd();
  if (parentPath !== undefined && path.isAbsolute(parentPath)) {
    fromDir = StringPrototypeEndsWith(parentPath, '/') ?
      StringPrototypeSlice(parentPath, 0, -1) || '/' :
      path.dirname(parentPath);
  }
  const found = findPackage(name, fromDir);
  if (found === undefined) {
    throw new ERR_MODULE_NOT_FOUND(name, parentPath, undefined);
  }
  if (found.scope !== undefined) {
    const { scope } = found;
    return resolveInPackage(scope.path, scope.data, subpath, parentURL,
                            conditions);
  }
  const { pkgPath } = found;
  const jsonPath = `${pkgPath}/package.json`;
  let pjson;
  try {
    pjson = lazyCjs().readPackage(jsonPath);
  } catch (err) {
    // The error says which import looked the package up.
    if (err?.code !== 'ERR_INVALID_PACKAGE_CONFIG' || err.path !== jsonPath) {
      throw err;
    }
    throw lazyCjs().invalidPackageConfig(
      jsonPath, `"${specifier}" from ${parentPath}`);
  }
  return resolveInPackage(pkgPath, pjson, subpath, parentURL, conditions);
}

function packageImportsResolve(specifier, parentURL) {
  return finalizePackageURL(
    lazyPackageResolution().packageImportsResolve(specifier, parentURL,
                                                  getConditions()),
    parentURL);
}

function isRelative(specifier) {
  return StringPrototypeStartsWith(specifier, './') ||
    StringPrototypeStartsWith(specifier, '../') ||
    StringPrototypeStartsWith(specifier, '/') ||
    specifier === '.' || specifier === '..';
}

// What `specifier` imported with `attributes` from `parentURL` (a URL
// string) names, through module.registerHooks() resolve hooks when there
// are some: { url, format (a hook's, or undefined), importAttributes }.
function resolveRequest(specifier, parentURL, attributes = kNoAttributes) {
  const hooks = lazySyncHooks();
  if (!hooks.hasResolveHooks()) {
    let url;
    if (conditionsOverride === undefined) {
      url = resolveCache.get(specifier, parentURL);
      if (url === undefined) {
        url = defaultResolve(specifier, parentURL);
        resolveCache.set(specifier, parentURL, url);
      }
    } else {
      url = defaultResolve(specifier, parentURL);
    }
    return { __proto__: null, url, format: undefined,
             importAttributes: attributes };
  }
  // Keys in Node's order (a hook may list them).
  const context = {
    __proto__: null,
    parentURL,
    importAttributes: attributes,
    conditions: conditionsList(),
  };
  const result = hooks.resolveWithHooks(specifier, context, (s, ctx) => {
    const conditions = hooks.conditionsFromHooks(
      ctx.conditions, defaultConditions(), 'conditions');
    let url;
    const saved = conditionsOverride;
    conditionsOverride = conditions;
    try {
      url = defaultResolve(s, ctx.parentURL ?? parentURL);
    } finally {
      conditionsOverride = saved;
    }
    // Node's default step names the format of a builtin named without
    // its scheme only.
    if (!StringPrototypeStartsWith(s, 'node:') &&
        StringPrototypeStartsWith(url, 'node:')) {
      return { url, format: 'builtin' };
    }
    return { url };
  });
  const importAttributes = result.importAttributes;
  return {
    __proto__: null,
    url: result.url,
    format: typeof result.format === 'string' ? result.format : undefined,
    importAttributes: importAttributes !== null &&
      typeof importAttributes === 'object' ? importAttributes : attributes,
  };
}

// The URL `specifier` names, imported from `parentURL`.
function resolve(specifier, parentURL, attributes = kNoAttributes) {
  return resolveRequest(specifier, parentURL, attributes).url;
}

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
  if (format === 'typescript') {
    const source = readFile(filename);
    return { format: typeScriptFormat(source, filename), source };
  }
  return { format, source: format === 'wasm' ? null : readFile(filename) };
}

function defaultResolve(specifier, parentURL) {
  try {
    return resolveURL(specifier, parentURL);
  } catch (err) {
    if (err?.code === 'ERR_MODULE_NOT_FOUND' ||
        err?.code === 'ERR_UNSUPPORTED_DIR_IMPORT') {
      addCommonJSHint(err, specifier, parentURL);
    }
    throw err;
  }
}

// What require() would have found for `specifier` from `parentURL` (a file:
// URL), in the form to import it by: a relative specifier stays relative, a
// package's file is named inside its package; undefined when require()
// finds nothing either.
function commonJSVariant(specifier, parentURL) {
  // A "#" specifier means the same to require(): no other form to cite.
  if (typeof parentURL !== 'string' ||
      !StringPrototypeStartsWith(parentURL, 'file:') || specifier[0] === '#') {
    return undefined;
  }
  const { fileURLToPath, pathToFileURL } = lazyUrl();
  let found;
  try {
    if (StringPrototypeStartsWith(specifier, 'file:')) {
      specifier = fileURLToPath(specifier);
    }
    const parentPath = fileURLToPath(parentURL);
    const { Module } = lazyCjs();
    const parent = new Module(parentPath, null);
    parent.filename = parentPath;
    parent.paths = Module._nodeModulePaths(path.dirname(parentPath));
    found = Module._resolveFilename(specifier, parent, false);
  } catch {
    return undefined;
  }
  if (specifier[0] === '.') {
    const from = StringPrototypeSlice(
      parentURL, 7, StringPrototypeLastIndexOf(parentURL, '/'));
    const relative = path.posix.relative(from, pathToFileURL(found).pathname);
    return StringPrototypeStartsWith(relative, '../') ?
      relative : `./${relative}`;
  }
  if (specifier[0] === '/') return found;
  const slash = StringPrototypeIndexOf(specifier, '/');
  let name = slash === -1 ? specifier : StringPrototypeSlice(specifier, 0, slash);
  if (name[0] === '@') {
    const next = StringPrototypeIndexOf(specifier, '/', slash + 1);
    name = next === -1 ? specifier : StringPrototypeSlice(specifier, 0, next);
  }
  const marker = `/node_modules/${name}/`;
  const at = StringPrototypeLastIndexOf(found, marker);
  if (at === -1) return pathToFileURL(found).href;
  const parts = StringPrototypeSplit(
    StringPrototypeSlice(found, at + marker.length), '/');
  for (let i = 0; i < parts.length; i++) {
    parts[i] = encodeURIComponent(parts[i]);
  }
  return `${name}/${ArrayPrototypeJoin(parts, '/')}`;
}

// A module the ES module resolution did not find that require() would
// have: the error says how to import it (as Node's does).
function addCommonJSHint(err, specifier, parentURL) {
  const variant = commonJSVariant(specifier, parentURL);
  if (variant === undefined || variant === specifier) return;
  const hint = `Did you mean to import ${JSONStringify(variant)}?`;
  const stack = err.stack;
  if (typeof stack === 'string') {
    const eol = StringPrototypeIndexOf(stack, '\n');
    err.stack = eol === -1 ? `${stack}\n${hint}` :
      `${StringPrototypeSlice(stack, 0, eol)}\n${hint}` +
      StringPrototypeSlice(stack, eol);
  }
  err.message += `\n${hint}`;
}

function resolveURL(specifier, parentURL) {
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
  // A data: URL has no path for a relative or bare specifier to go from.
  const fromData = typeof parentURL === 'string' &&
    StringPrototypeStartsWith(parentURL, 'data:');
  let url;
  if (isRelative(specifier)) {
    if (fromData) {
      throw new ERR_UNSUPPORTED_RESOLVE_REQUEST(specifier, parentURL);
    }
    url = new URL(specifier, parentURL);
  } else if (specifier[0] === '#') {
    return packageImportsResolve(specifier, parentURL);
  } else {
    try {
      url = new URL(specifier);
    } catch {
      if (fromData) {
        throw new ERR_UNSUPPORTED_RESOLVE_REQUEST(specifier, parentURL);
      }
      // Packages are looked up from a file: parent only.
      if (typeof parentURL === 'string' &&
          !StringPrototypeStartsWith(parentURL, 'file:') &&
          RegExpPrototypeExec(/^[a-zA-Z][a-zA-Z0-9+.-]*:/, parentURL) !==
          null) {
        throw new ERR_INVALID_URL(parentURL);
      }
      return packageResolve(specifier, parentURL);
    }
  }
  if (url.protocol === 'file:') return finalizeFileURL(url, parentURL);
  if (url.protocol === 'data:' || url.protocol === 'node:') return url.href;
  throw new ERR_UNSUPPORTED_ESM_URL_SCHEME(url, ['file', 'data', 'node']);
}

// { format, mime, source } of a data: URL; an unknown MIME type throws
// ERR_UNKNOWN_MODULE_FORMAT, or gives format undefined when `strict` is
// false.
function parseDataURL(url, strict = true) {
  const m = RegExpPrototypeExec(/^data:([^,;]*)(?:;[^,;]*)*?(;base64)?,(.*)$/s,
                                url);
  if (m === null) {
    if (!strict) return { format: undefined, mime: 'undefined', source: '' };
    throw new ERR_UNKNOWN_MODULE_FORMAT('undefined', url);
  }
  const body = m[2] ?
    require('buffer').Buffer.from(decodeURIComponent(m[3]), 'base64')
      .toString() :
    decodeURIComponent(m[3]);
  let format;
  if (m[1] === 'text/javascript') format = 'module';
  else if (m[1] === 'application/json') format = 'json';
  else if (strict) throw new ERR_UNKNOWN_MODULE_FORMAT(m[1], url);
  return { format, mime: m[1], source: body };
}

// The format a file: URL has: module, commonjs, json, addon,
// commonjs-or-module (a .js without "type": detected from the syntax),
// module-typescript, commonjs-typescript or typescript (a .ts without
// "type": detected from the syntax once stripped).
function formatOfFile(filename) {
  const slash = StringPrototypeLastIndexOf(filename, '/');
  const dot = StringPrototypeLastIndexOf(filename, '.');
  const ext = dot > slash ? StringPrototypeSlice(filename, dot) : '';
  if (ext === '.mjs') return 'module';
  if (ext === '.cjs') return 'commonjs';
  if ((ext === '.ts' || ext === '.mts' || ext === '.cts') &&
      require('internal/options').getOptionValue('--strip-types')) {
    if (ext === '.mts') return 'module-typescript';
    if (ext === '.cts') return 'commonjs-typescript';
    const scope = lazyCjs().readPackageScope(filename);
    const type = scope ? scope.data.type : 'none';
    if (type === 'module') return 'module-typescript';
    if (type === 'commonjs') return 'commonjs-typescript';
    return 'typescript';
  }
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
  setOwnProperty(wrap, 'url', url);
  if (sourceMapsCollecting()) {
    const cache = require('internal/source_map/source_map_cache');
    const sourceMapURL = cache.findModuleSourceMapURL(source);
    if (sourceMapURL !== undefined) {
      cache.maybeCacheSourceMap(url, source, wrap, false,
                                cache.findSourceURL(source), sourceMapURL);
    }
  }
  // For the unsettled top-level await warning and
  // --experimental-print-required-tla (the wrap holds it anyway).
  wrap.sourceText = source;
  return wrap;
}

function newSyntheticModule(url, names, evaluationSteps) {
  const { ModuleWrap } = lazyBinding();
  const wrap = new ModuleWrap(url, names);
  setOwnProperty(wrap, 'url', url);
  wrap.evaluationSteps = evaluationSteps;
  return wrap;
}

let cjsLexer;
function lazyCjsLexer() {
  cjsLexer ??= require('internal/deps/cjs-module-lexer/lexer');
  return cjsLexer;
}

// The names `import { x } from './file.cjs'` can use: what cjs-module-lexer
// (as in Node) finds in the source, without running it, plus the names of
// the modules it re-exports (`module.exports = require('./other')`,
// transpilers' `__exportStar(require(...))`), resolved as require() would.
function addCjsExportNames(filename, source, names, seen) {
  if (seen.has(filename)) return;
  seen.add(filename);
  if (source === undefined) {
    try {
      source = readFile(filename);
    } catch {
      return;
    }
  }
  let parsed;
  try {
    parsed = lazyCjsLexer().parse(source);
  } catch {
    // Not JavaScript the lexer understands: no named exports.
    return;
  }
  for (const name of parsed.exports) names.add(name);
  const reexports = parsed.reexports;
  if (reexports.length === 0) return;
  const { Module } = lazyCjs();
  const from = new Module(filename, null);
  from.filename = filename;
  from.paths = Module._nodeModulePaths(path.dirname(filename));
  for (let i = 0; i < reexports.length; i++) {
    let resolved;
    try {
      resolved = Module._resolveFilename(reexports[i], from, false);
    } catch {
      continue;
    }
    const ext = path.extname(resolved);
    if ((ext === '.js' || ext === '.cjs' || !Module._extensions[ext]) &&
        path.isAbsolute(resolved)) {
      addCjsExportNames(resolved, undefined, names, seen);
    }
  }
}

function cjsExportNames(filename, source) {
  const found = new SafeSet();
  if (source !== undefined) {
    addCjsExportNames(filename, source, found, new SafeSet());
  } else {
    // An addon: the names of its exports once loaded.
    const cached = lazyCjs().Module._cache[filename];
    const exports = cached?.loaded ? cached.exports : undefined;
    if (exports !== null && (typeof exports === 'object' ||
                             typeof exports === 'function')) {
      const keys = ObjectKeys(exports);
      for (let i = 0; i < keys.length; i++) found.add(keys[i]);
    }
  }
  const out = ['default', 'module.exports'];
  for (const name of found) {
    if (name !== 'default' && name !== 'module.exports') {
      ArrayPrototypePush(out, name);
    }
  }
  return out;
}

// Sets the exports of a CommonJS module's ES module face: `default` and
// 'module.exports' are module.exports itself, every other name its own
// property of that name.
function setCommonJSExports(wrap, names, exports) {
  wrap.setExport('default', exports);
  wrap.setExport('module.exports', exports);
  const isObject = exports !== null &&
    (typeof exports === 'object' || typeof exports === 'function');
  for (let i = 2; i < names.length; i++) {
    let value;
    if (isObject && ObjectPrototypeHasOwnProperty(exports, names[i])) {
      try {
        value = exports[names[i]];
      } catch {
        // A throwing getter: left undefined.
      }
    }
    wrap.setExport(names[i], value);
  }
}

function newCommonJSModule(url, filename, source) {
  const names = cjsExportNames(filename, source);
  const wrap = newSyntheticModule(url, names, function() {
    const { Module, kModuleExport } = lazyCjs();
    // No parent, as in Node (module.parent is undefined). The entry point
    // loaded through loader hooks is the main module, but keeps its path
    // as id (see loadHookedMain).
    let exports = this.isMain === true ?
      lazyCjs().loadHookedMain(filename) :
      Module._load(filename, undefined, false);
    // The exports the module had when it finished loading, even if they
    // were replaced since (once: a later import sees the current ones).
    const module = Module._cache[filename];
    if (module?.[kModuleExport] !== undefined) {
      exports = module[kModuleExport];
      module[kModuleExport] = undefined;
    }
    setCommonJSExports(this, names, exports);
  });
  wrap.isCommonJS = true;
  return wrap;
}

// The ES module facades of builtins: module.syncBuiltinESMExports() brings
// their named exports up to date with the builtins' exports objects.
const builtinFacades = [];

// A named export of a builtin: the own property's value (a getter runs
// with the exports object as receiver), undefined once it is gone.
function setBuiltinExports(wrap, exports, names) {
  for (let i = 1; i < names.length; i++) {
    const name = names[i];
    wrap.setExport(name, ObjectPrototypeHasOwnProperty(exports, name) ?
      ReflectGet(exports, name, exports) : undefined);
  }
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
  const wrap = newSyntheticModule(url, names, function() {
    this.setExport('default', exports);
    setBuiltinExports(this, exports, names);
  });
  ArrayPrototypePush(builtinFacades, { wrap, exports, names });
  return wrap;
}

function syncBuiltinESMExports() {
  const { kEvaluated } = lazyBinding();
  for (let i = 0; i < builtinFacades.length; i++) {
    const { wrap, exports, names } = builtinFacades[i];
    if (wrap.getStatus() === kEvaluated) {
      setBuiltinExports(wrap, exports, names);
    }
  }
}

// A JSON file shares require()'s cache (a URL with a query or fragment
// does not): a
// file required before the import gives require()'s object, and one
// imported first is what a later require() gets.
function newJSONModule(url, source, filename) {
  const shareCache = filename !== undefined &&
    RegExpPrototypeExec(/[?#]/, url) === null;
  return newSyntheticModule(url, ['default'], function() {
    const { Module } = lazyCjs();
    const cached = shareCache ? Module._cache[filename] : undefined;
    if (cached?.loaded) {
      this.setExport('default', cached.exports);
      return;
    }
    let value;
    try {
      value = JSONParse(StringPrototypeCharCodeAt(source, 0) === 0xFEFF ?
        StringPrototypeSlice(source, 1) : source);
    } catch (err) {
      err.message = `${filename ?? url}: ${err.message}`;
      throw err;
    }
    if (shareCache) {
      const module = new Module(filename, null);
      module.filename = filename;
      module.exports = value;
      module.loaded = true;
      Module._cache[filename] = module;
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
      let wrap;
      try {
        wrap = newSourceTextModule(url, source);
      } catch {
        // Not a module either: the CommonJS error is the one to show.
      }
      if (wrap === undefined) throw err;
      warnTypelessPackage(url, filename);
      return wrap;
    }
    throw err;
  }
  return newCommonJSModule(url, filename, source);
}

// MODULE_TYPELESS_PACKAGE_JSON: a file without "type" (.js, .ts) found to be
// an ES module once it failed to compile as CommonJS, in a package whose
// package.json could say so; once per package.json, never in node_modules.
const typelessPackagesWarned = new SafeSet();
function warnTypelessPackage(url, filename) {
  const scope = lazyCjs().readPackageScope(filename);
  if (!scope || StringPrototypeIncludes(url, '/node_modules/')) return;
  const { pjsonPath } = scope.data;
  if (typelessPackagesWarned.has(pjsonPath)) return;
  typelessPackagesWarned.add(pjsonPath);
  process.emitWarning(
    `Module type of ${url} is not specified and it doesn't parse as ` +
    'CommonJS.\nReparsing as ES module because module syntax was detected. ' +
    'This incurs a performance overhead.\nTo eliminate this warning, add ' +
    `"type": "module" to ${pjsonPath}.`,
    { code: 'MODULE_TYPELESS_PACKAGE_JSON' });
}

// WATCH_REPORT_DEPENDENCIES, read at the first module made.
let watchReportDependencies;

// Creates the module for `url` (not linked yet), checking the import
// `attributes` against its format; load hooks of module.registerHooks()
// give its format and source when there are some.
function createModule(url, format, source, attributes = kNoAttributes,
                      fromHooks = false) {
  if (!fromHooks && source === undefined && lazySyncHooks().hasLoadHooks()) {
    const context = {
      __proto__: null,
      format,
      importAttributes: attributes,
      conditions: conditionsList(),
    };
    const loaded = syncHooks.loadWithHooks(url, context, (u, ctx) => {
      return defaultLoadSync(u, ctx.format);
    });
    return createModuleFromSource(url, loaded.format ?? context.format,
                                  syncHooks.sourceToString(loaded.source),
                                  attributes);
  }
  if (StringPrototypeStartsWith(url, 'node:')) {
    validateAttributes(url, 'builtin', attributes);
    return newBuiltinModule(url);
  }
  if (StringPrototypeStartsWith(url, 'data:')) {
    const data = parseDataURL(url, false);
    validateAttributes(url, data.format, attributes);
    if (data.format === 'json') return newJSONModule(url, data.source);
    if (data.format === undefined) {
      throw new ERR_UNKNOWN_MODULE_FORMAT(data.mime, url);
    }
    return newSourceTextModule(url, data.source);
  }
  // An ES module a require() got the source of from load hooks, under a
  // URL of the hooks' own scheme.
  if (source !== undefined && format === 'module' &&
      !StringPrototypeStartsWith(url, 'file:')) {
    return newSourceTextModule(url, source);
  }
  const filename = lazyUrl().fileURLToPath(url);
  // Under --watch, the watching parent learns of every file loaded (the
  // variable read once, as the CommonJS loader does).
  watchReportDependencies ??= !!process.env.WATCH_REPORT_DEPENDENCIES;
  if (watchReportDependencies && process.send) {
    process.send({ 'watch:import': [url] });
  }
  format ??= formatOfFile(filename);
  // A .js without "type" is JavaScript either way.
  validateAttributes(url, format === 'commonjs-or-module' ? 'module' : format,
                     attributes);
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
  if (format === 'module-typescript' || format === 'commonjs-typescript' ||
      format === 'typescript') {
    return newTypeScriptModule(url, filename, format, source);
  }
  return compileAsCommonJSOrModule(url, filename, source);
}

// module-typescript, commonjs-typescript (.cts, or a .ts in a "type":
// "commonjs" package) or typescript (a .ts without "type") `source`: its
// types stripped, as Node's loader does it (named after the URL).
function newTypeScriptModule(url, filename, format, source) {
  const { stripTypeScriptModuleTypes } =
    require('internal/modules/typescript');
  if (format === 'typescript' && filename !== undefined &&
      require('internal/util').isUnderNodeModules(filename)) {
    // Node refuses it while looking for its format: by path, not URL.
    throw new ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING(filename);
  }
  const code = stripTypeScriptModuleTypes(source, url);
  if (format === 'module-typescript') return newSourceTextModule(url, code);
  const wrap = format === 'commonjs-typescript' ?
    newCommonJSModuleFromSource(url, filename ?? url, code) :
    compileAsCommonJSOrModule(url, filename, code);
  // A missing named export of it is not explained as CommonJS's (Node's
  // hint is for the commonjs format only).
  wrap.isTypeScript = true;
  return wrap;
}

// The format of a file known to be an ES module: module-typescript for a
// TypeScript one (a .ts without "type" the CommonJS loader found module
// syntax in, say), else module.
function moduleFormat(filename) {
  if ((StringPrototypeEndsWith(filename, '.ts') ||
       StringPrototypeEndsWith(filename, '.mts') ||
       StringPrototypeEndsWith(filename, '.cts')) &&
      require('internal/options').getOptionValue('--strip-types')) {
    return 'module-typescript';
  }
  return 'module';
}

// The format of a .ts file without "type": module-typescript when its
// source, stripped, has module syntax, else commonjs-typescript.
function typeScriptFormat(source, filename) {
  const { stripTypeScriptModuleTypes } =
    require('internal/modules/typescript');
  return containsModuleSyntax(stripTypeScriptModuleTypes(source, filename),
                              filename) ?
    'module-typescript' : 'commonjs-typescript';
}

// { key: value } of the [key, value, ...] list of a module request.
function attributesObject(pairs) {
  if (pairs.length === 0) return kNoAttributes;
  const attributes = { __proto__: null };
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    attributes[pairs[i]] = pairs[i + 1];
  }
  return attributes;
}

// The module for `url` imported with `attributes`, with its whole static
// graph loaded and linked. `forRequire`: the graph is for require(), which
// cannot wait for a module still evaluating (a cycle through require()).
function getModule(url, format, source, attributes = kNoAttributes,
                   forRequire = false) {
  const type = typeOf(attributes);
  const cached = loadCache.get(url, type);
  if (cached !== undefined) return cached.module;
  const wrap = createModule(url, format, source, attributes);
  loadCache.set(url, type,
                new ModuleJob(getOrInitializeCascadedLoader(), url,
                              attributes, wrap));
  try {
    const requests = wrap.getModuleRequests();
    const deps = [];
    const specifiers = [];
    for (let i = 0; i < requests.length; i++) {
      const specifier = requests[i][0];
      const resolved = resolveRequest(specifier, url,
                                      attributesObject(requests[i][1]));
      if (forRequire) checkRequiredGraphCycle(specifier, resolved.url, url);
      ArrayPrototypePush(specifiers, specifier);
      ArrayPrototypePush(deps, getModule(resolved.url, resolved.format,
                                         undefined,
                                         resolved.importAttributes,
                                         forRequire));
    }
    wrap.linkRequests(deps);
    wrap.linkedSpecifiers = specifiers;
    wrap.linkedModules = deps;
  } catch (err) {
    loadCache.delete(url, type);
    throw err;
  }
  return wrap;
}

function filenameOfURL(url) {
  if (typeof url === 'string' && StringPrototypeStartsWith(url, 'file:')) {
    return lazyUrl().fileURLToPath(url);
  }
  return url;
}

// A graph require() loads may not import a module still evaluating, nor a
// CommonJS module whose code is still running: either would be a cycle
// that evaluation cannot finish synchronously.
function checkRequiredGraphCycle(specifier, depURL, parentURL) {
  const cached = cachedModule(depURL);
  if (cached !== undefined) {
    if (cached.getStatus() === lazyBinding().kEvaluating) {
      throw new ERR_REQUIRE_CYCLE_MODULE(
        `Cannot import Module ${specifier} in a cycle. ` +
        `(from ${filenameOfURL(parentURL)})`);
    }
    if (!cached.isCommonJS) return;
  }
  if (!StringPrototypeStartsWith(depURL, 'file:')) return;
  const { Module, kIsExecuting } = lazyCjs();
  const cjsModule = Module._cache[lazyUrl().fileURLToPath(depURL)];
  if (cjsModule !== undefined && cjsModule[kIsExecuting]) {
    throw new ERR_REQUIRE_CYCLE_MODULE(
      `Cannot import CommonJS Module ${specifier} in a cycle. ` +
      `(from ${filenameOfURL(parentURL)})`);
  }
}

// Instantiates and evaluates: the promise of evaluation.
function runModule(wrap, pauseOnStart = false) {
  instantiate(wrap);
  // --inspect-brk: the debugger pauses at the entry's first statement.
  const evaluation = pauseOnStart ?
    internalBinding('inspector').callAndPauseOnStart(wrap.evaluate, wrap) :
    wrap.evaluate();
  return PromisePrototypeThen(evaluation, undefined, (err) => {
    decorateEvaluationError(err, wrap);
    throw err;
  });
}

function instantiate(wrap) {
  const { kUninstantiated } = lazyBinding();
  if (wrap.getStatus() !== kUninstantiated) return;
  try {
    wrap.instantiate();
  } catch (err) {
    decorateLinkError(err);
    throw err;
  }
}

// A named import a CommonJS module does not provide: the error says so and
// shows how to import it instead, as Node's does.
function decorateLinkError(err) {
  if (err?.name !== 'SyntaxError' || typeof err.message !== 'string' ||
      !StringPrototypeIncludes(err.message,
                               ' does not provide an export named')) {
    return;
  }
  require('internal/util').decorateErrorStack(err);
  const match = RegExpPrototypeExec(
    /module '(.*)' does not provide an export named '(.+)'/, err.message);
  if (match === null || typeof err.stack !== 'string') return;
  const childSpecifier = match[1];
  const name = match[2];
  // The stack starts with "url:line", the import statement and its arrow.
  const stack = StringPrototypeSplit(err.stack, '\n');
  const parentURL = RegExpPrototypeSymbolReplace(/:\d+$/, stack[0], '');
  const parent = cachedModule(parentURL);
  const specifiers = parent?.linkedSpecifiers;
  if (specifiers === undefined) return;
  const index = ArrayPrototypeIndexOf(specifiers, childSpecifier);
  const child = index === -1 ? undefined : parent.linkedModules[index];
  if (child?.isCommonJS !== true || child.isTypeScript === true) return;
  const oneLine = RegExpPrototypeExec(/{.*}/, stack[1]);
  const destructuring = oneLine &&
    RegExpPrototypeSymbolReplace(/\s+as\s+/g, oneLine[0], ': ');
  err.message = `Named export '${name}' not found. The requested module ` +
    `'${childSpecifier}' is a CommonJS module, which may not support all ` +
    'module.exports as named exports.\nCommonJS modules can always be ' +
    'imported via the default export, for example using:\n\n' +
    `import pkg from '${childSpecifier}';\n` +
    (destructuring ? `const ${destructuring} = pkg;\n` : '');
  stack[3] = `SyntaxError: ${err.message}`;
  err.stack = ArrayPrototypeJoin(stack, '\n');
}

// A CommonJS global used in an ES module: the ReferenceError says where it
// was, as Node's does.
const kCommonJSGlobalNotDefined =
  /^(?:__filename|__dirname|exports|module|require) is not defined$/;
function decorateEvaluationError(err, wrap) {
  if (err?.name !== 'ReferenceError' || typeof err.message !== 'string' ||
      RegExpPrototypeExec(kCommonJSGlobalNotDefined, err.message) === null) {
    return;
  }
  // With a top-level await too, the code may have been meant as either.
  if (wrap.hasTopLevelAwait()) {
    err.message = 'Cannot determine intended module format because both ' +
      'require() and top-level await are present. If the code is intended ' +
      'to be CommonJS, wrap await in an async function. If the code is ' +
      'intended to be an ES module, replace require() with import.';
    err.code = 'ERR_AMBIGUOUS_MODULE_SYNTAX';
    return;
  }
  err.message += ' in ES module scope';
  if (StringPrototypeStartsWith(err.message, 'require ')) {
    err.message += ', you can use import instead';
  }
  const url = wrap.url;
  if (typeof url !== 'string' || !StringPrototypeStartsWith(url, 'file:') ||
      RegExpPrototypeExec(/\.js(\?[^#]*)?(#.*)?$/, url) === null) {
    return;
  }
  const scope = lazyCjs().readPackageScope(lazyUrl().fileURLToPath(url));
  if (scope && scope.data.type === 'module') {
    err.message += '\nThis file is being treated as an ES module because ' +
      `it has a '.js' file extension and '${scope.data.pjsonPath}' ` +
      'contains "type": "module". To treat it as a CommonJS script, rename ' +
      "it to use the '.cjs' file extension.";
  }
}

// import(): runs in a later microtask, never inside the evaluation of the
// module that asked.
function importModule(specifier, parentURL, attributes = kNoAttributes) {
  return PromisePrototypeThen(PromiseResolve(), () => {
    const resolved = resolveRequest(specifier, parentURL, attributes);
    const wrap = getModule(resolved.url, resolved.format, undefined,
                           resolved.importAttributes);
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
// Traced on the 'module.import' channel as in Node: start and end around
// the call, then error, asyncStart and asyncEnd when it settles.
function importModuleDynamically(specifier, referrer, attributes) {
  specifier = `${specifier}`;
  const parentURL = referrerURL(referrer);
  importChannel ??= require('diagnostics_channel')
    .tracingChannel('module.import');
  if (!importChannel.hasSubscribers) {
    return importThroughHooks(specifier, parentURL, attributes);
  }
  return importChannel.tracePromise(importThroughHooks, {
    __proto__: null,
    parentURL,
    url: specifier,
  }, undefined, specifier, parentURL, attributes);
}
let importChannel;

function importThroughHooks(specifier, parentURL, attributes) {
  const hooks = require('internal/modules/esm/hooks');
  if (hooks.hooksActive()) {
    return hooks.importModule(specifier, parentURL, attributes);
  }
  return importModule(specifier, parentURL, attributes ?? kNoAttributes);
}

function initializeImportMeta(meta, wrap) {
  const url = wrap.url;
  if (StringPrototypeStartsWith(url, 'file:')) {
    const filename = lazyUrl().fileURLToPath(url);
    meta.dirname = path.dirname(filename);
    meta.filename = filename;
  }
  meta.main = wrap.isMain === true;
  // Not in the hooks thread (as in Node): resolving there waits for that
  // same thread's asynchronous hooks.
  inHooksThread ??= require('internal/modules/esm/hooks').isHooksThread();
  if (!inHooksThread) {
    meta.resolve = function resolve(specifier, parentURL = undefined) {
      return resolveForMeta(`${specifier}`, url, parentURL);
    };
  }
  meta.url = url;
}
let inHooksThread;

let allowParentURL;
// import.meta.resolve: a file that does not exist still has its URL, and so
// does a URL of a scheme import() would not load. The parent URL argument
// counts under --experimental-import-meta-resolve.
function resolveForMeta(specifier, url, parentURL) {
  if (allowParentURL === undefined) {
    const { getOptionValue } = require('internal/options');
    allowParentURL = getOptionValue('--experimental-import-meta-resolve');
  }
  if (allowParentURL && parentURL !== undefined) {
    if (typeof parentURL !== 'string' && !lazyUrl().isURL(parentURL)) {
      throw new ERR_INVALID_ARG_TYPE('parentURL', ['string', 'URL'],
                                     parentURL);
    }
    url = `${parentURL}`;
  }
  const hooks = require('internal/modules/esm/hooks');
  try {
    if (hooks.hooksActive() && !hooks.isHooksThread()) {
      return hooks.resolveSync(specifier, url);
    }
    return resolve(specifier, url);
  } catch (err) {
    if (err?.code === 'ERR_UNSUPPORTED_ESM_URL_SCHEME') {
      return new (lazyUrl().URL)(specifier, url).href;
    }
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

// The entry module while its evaluation is pending: an unsettled top-level
// await when the loop has run dry gives exit code 13 (see
// checkUnsettledTopLevelAwait).
let pendingEntry;

// Runs `wrap` as the entry point.
function runEntryModule(wrap, isFile = false) {
  wrap.isMain = true;
  const entry = { wrap };
  pendingEntry = entry;
  const settle = () => {
    if (pendingEntry === entry) pendingEntry = undefined;
  };
  // Evaluated from a microtask, as in Node: the process.nextTick callbacks
  // it schedules run after the promise jobs its evaluation queues (an
  // import() of CommonJS settles before them).
  // --inspect-brk pauses in an entry file, not in --eval code (as Node).
  const { getOptionValue } = require('internal/options');
  const pauseOnStart = isFile && getOptionValue('--inspect-brk');
  const promise = PromisePrototypeThen(PromiseResolve(),
                                       () => runModule(wrap, pauseOnStart));
  const { triggerUncaughtException } = internalBinding('errors');
  PromisePrototypeThen(promise, settle, (err) => {
    settle();
    triggerUncaughtException(err, true);
  });
}

// Called when the process is about to exit on its own (the loop is empty),
// before 'exit' is emitted: an entry module still waiting on a top-level
// await makes the exit code 13 unless the program chose one, with a
// warning that shows the await.
function checkUnsettledTopLevelAwait() {
  if (pendingEntry === undefined || process.exitCode !== undefined) return;
  const { wrap } = pendingEntry;
  pendingEntry = undefined;
  process.exitCode = 13;
  const { getOptionValue } = require('internal/options');
  if (!getOptionValue('--warnings')) return;
  const where = findStalledAwait(wrap, new SafeSet());
  const at = where === undefined ? wrap.url :
    `${where.url}:${where.line}\n${where.sourceLine}\n` +
    `${StringPrototypeRepeat(' ', where.column)}^\n`;
  process._rawDebug(`Warning: Detected unsettled top-level await at ${at}\n`);
}

// V8 10.2 cannot say which await a module graph is stalled on: the guess is
// the first top-level await of the first module of the graph (dependencies
// first) that has one.
function findStalledAwait(wrap, seen) {
  if (seen.has(wrap)) return undefined;
  seen.add(wrap);
  const deps = wrap.linkedModules;
  if (deps !== undefined) {
    for (let i = 0; i < deps.length; i++) {
      const found = findStalledAwait(deps[i], seen);
      if (found !== undefined) return found;
    }
  }
  if (typeof wrap.sourceText !== 'string') return undefined;
  const at = firstTopLevelAwait(wrap.sourceText);
  if (at === undefined) return undefined;
  const lines = StringPrototypeSplit(wrap.sourceText, '\n');
  return {
    url: wrap.url,
    line: at.line,
    column: at.column,
    sourceLine: lines[at.line - 1] ?? '',
  };
}

// --input-type is for code given as a string: a main file the ES module
// loader runs may not have it (what --input-type means for a file's
// package scope would be unclear).
function checkEntryInputType() {
  const { getOptionValue } = require('internal/options');
  if (getOptionValue('--input-type')) throw new ERR_INPUT_TYPE_NOT_ALLOWED();
}

function runMainESM(mainPath) {
  const { pathToFileURL } = lazyUrl();
  const { toRealPath } = lazyCjs();
  const { getOptionValue } = require('internal/options');
  checkEntryInputType();
  const filename = getOptionValue('--preserve-symlinks-main') ? mainPath :
    toRealPath(mainPath);
  const format = formatOfFile(filename) === 'wasm' ? 'wasm' :
    moduleFormat(filename);
  runEntryModule(getModule(pathToFileURL(filename).href, format), true);
}

// A worker's entry given as a URL (data: URLs); with `resolveFirst`
// (--entry-url), a file: URL must name an existing file, as an import's.
function runMainURL(url, resolveFirst = false) {
  if (resolveFirst) {
    checkEntryInputType();
    // As an entry's: imported from the working directory.
    url = resolve(url, `${lazyUrl().pathToFileURL(`${process.cwd()}/`)}`);
  }
  runEntryModule(getModule(url), true);
}

function runSourceAsModule(source, name) {
  // `[eval1]` stays as it is: brackets need no escape in a URL's path.
  const url = `${lazyUrl().pathToFileURL(`${process.cwd()}/`).href}${name}`;
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
  if (ext === '.mts' || ext === '.ts') {
    // A .ts runs as an ES module in a "type": "module" package.
    return require('internal/options').getOptionValue('--strip-types') &&
      formatOfFile(filename) === 'module-typescript';
  }
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
// Errors of code that may be valid as a module: top-level await, and
// declarations of names the CommonJS wrapper defines.
const kMaybeTLAMessages = [
  'await is only valid in async functions and the top level bodies of modules',
  'Unexpected reserved word',
  'for await is only valid in async functions and the top level bodies of ' +
    'modules',
  "Identifier 'module' has already been declared",
  "Identifier 'exports' has already been declared",
  "Identifier 'require' has already been declared",
  "Identifier '__filename' has already been declared",
  "Identifier '__dirname' has already been declared",
];
// `cjsVariables`: false for code that runs as a script (--eval, stdin, a
// worker's eval), where require, module, exports, __filename and __dirname
// are not parameters a declaration of the same name would clash with.
function containsModuleSyntax(source, filename, cjsVariables = true) {
  const { wrapSafe } = lazyCjs();
  try {
    // A hashbang line: a comment to the function compiler.
    const body = StringPrototypeStartsWith(source, '#!') ?
      `//${StringPrototypeSlice(source, 2)}` : source;
    if (cjsVariables) {
      wrapSafe(filename, body);
    } else {
      internalBinding('contextify').compileFunction(body, filename, [], 0, 0);
    }
    return false;
  } catch (err) {
    if (err?.name !== 'SyntaxError') return false;
    if (ArrayPrototypeIncludes(kModuleOnlyMessages, err.message)) return true;
    // V8 10.2 reports an await in a script as an identifier followed by
    // something unexpected ("missing ) after argument list" for
    // `f(await x)`), where newer V8 names the await: any syntax error of a
    // source that has one may be top-level await.
    if (!ArrayPrototypeIncludes(kMaybeTLAMessages, err.message) &&
        !StringPrototypeIncludes(source, 'await')) {
      return false;
    }
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

// require() of an ES module: { wrap, namespace }, when the graph has no
// top-level await. `onLinked(wrap)` runs before the evaluation.
// `source`: the ES module's source, when module.registerHooks() load hooks
// gave it already (they are not asked again); `filename` may then be a URL
// of the hooks' own scheme.
function requireESM(filename, parentFilename, onLinked, source) {
  const url = source !== undefined ?
    lazySyncHooks().filenameToURL(filename) :
    lazyUrl().pathToFileURL(filename).href;
  const { kEvaluating } = lazyBinding();
  let wrap = cachedModule(url);
  if (wrap !== undefined && wrap.getStatus() === kEvaluating) {
    throw requireCycleError(filename, parentFilename);
  }
  wrap ??= getModule(url, source !== undefined ? 'module' :
    moduleFormat(filename), source, kNoAttributes, true);
  if (onLinked !== undefined) onLinked(wrap);
  evaluateRequired(wrap, filename, parentFilename);
  return { wrap, namespace: wrap.getNamespace() };
}

// Evaluates the linked graph of `wrap` for require(): synchronously, so
// not when it has top-level await.
function evaluateRequired(wrap, filename, parentFilename) {
  const { kEvaluating, kEvaluated, kErrored } = lazyBinding();
  instantiate(wrap);
  if (wrap.isGraphAsync()) {
    const { getOptionValue } = require('internal/options');
    if (!getOptionValue('--experimental-print-required-tla') ||
        wrap.getStatus() === kEvaluated || wrap.getStatus() === kErrored) {
      throw new ERR_REQUIRE_ASYNC_MODULE(filename, parentFilename);
    }
    // Run it, to show where it waits.
    const promise = evaluateForRequire(wrap);
    const { getPromiseDetails, constants: { kPending } } =
      internalBinding('util');
    if (getPromiseDetails(promise)[0] === kPending) {
      printStalledTopLevelAwait(wrap);
      throw new ERR_REQUIRE_ASYNC_MODULE(filename, parentFilename);
    }
  }
  const status = wrap.getStatus();
  if (status === kEvaluating) {
    throw requireCycleError(filename, parentFilename);
  }
  if (status !== kEvaluated && status !== kErrored) evaluateForRequire(wrap);
  if (wrap.getStatus() === kErrored) {
    const err = wrap.getError();
    decorateEvaluationError(err, wrap);
    throw err;
  }
}

// What require() returns for a module the customization hooks loaded
// (see hooks.js requireWithHooks): CommonJS its module.exports (unfinished
// ones in a cycle), a builtin or JSON its default export, an ES module
// what require(esm) gives.
function requireLoadedModule(wrap, parentFilename) {
  const filename = filenameOfURL(wrap.url);
  if (wrap.isCommonJS) {
    const { Module, kIsExecuting } = lazyCjs();
    const cached = Module._cache[filename];
    if (cached?.[kIsExecuting]) return cached.exports;
    evaluateRequired(wrap, filename, parentFilename);
    return wrap.getNamespace()['module.exports'];
  }
  if (wrap.sourceText !== undefined) {
    const { getOptionValue } = require('internal/options');
    if (!getOptionValue('--experimental-require-module')) {
      throw new ERR_REQUIRE_ESM(filename, true, parentFilename);
    }
    evaluateRequired(wrap, filename, parentFilename);
    return exportsForRequire(wrap, wrap.getNamespace());
  }
  evaluateRequired(wrap, filename, parentFilename);
  const namespace = wrap.getNamespace();
  return ObjectPrototypeHasOwnProperty(namespace, 'default') ?
    namespace.default : namespace;
}

// What require() of an ES module returns: its 'module.exports' export when
// it has one; else its namespace, or (with a default export and no
// __esModule) a facade that adds __esModule: true.
function exportsForRequire(wrap, namespace) {
  if (ObjectPrototypeHasOwnProperty(namespace, 'module.exports')) {
    return namespace['module.exports'];
  }
  if (!ObjectPrototypeHasOwnProperty(namespace, 'default') ||
      ObjectPrototypeHasOwnProperty(namespace, '__esModule')) {
    return namespace;
  }
  return requiredModuleFacade(wrap);
}

// The namespace require() returns for a module with a default export and
// no __esModule export: a module re-exporting everything of it, plus
// __esModule: true. Made once per module.
const kFacadeSource = 'export * from "original"; ' +
  'export { default } from "original"; export const __esModule = true;';
function requiredModuleFacade(wrap) {
  let facade = wrap.requireFacade;
  if (facade === undefined) {
    const { ModuleWrap } = lazyBinding();
    facade = new ModuleWrap(wrap.url, kFacadeSource);
    setOwnProperty(facade, 'url', wrap.url);
    facade.link(['original'], [wrap]);
    facade.instantiate();
    evaluateForRequire(facade);
    wrap.requireFacade = facade;
  }
  return facade.getNamespace();
}

function requireCycleError(filename, parentFilename) {
  let message = `Cannot require() ES Module ${filename} in a cycle.`;
  if (parentFilename) message += ` (from ${parentFilename})`;
  message += ' A cycle involving require(esm) is not allowed to maintain ' +
    'invariants mandated by the ECMAScript specification. Try making at ' +
    'least part of the dependency in the graph lazily loaded.';
  return new ERR_REQUIRE_CYCLE_MODULE(message);
}

// The error of a failed evaluation is thrown by require() itself: the
// promise's rejection is handled here.
function evaluateForRequire(wrap) {
  const promise = wrap.evaluate();
  PromisePrototypeThen(promise, undefined, () => {});
  return promise;
}

// --experimental-print-required-tla: where each module of the graph with
// top-level await waits (its first top-level await).
function printStalledTopLevelAwait(root) {
  const seen = new SafeSet();
  const stack = [root];
  while (stack.length > 0) {
    const wrap = stack.pop();
    if (seen.has(wrap)) continue;
    seen.add(wrap);
    const deps = wrap.linkedModules;
    if (deps !== undefined) {
      for (let i = deps.length - 1; i >= 0; i--) {
        ArrayPrototypePush(stack, deps[i]);
      }
    }
    if (typeof wrap.sourceText !== 'string' || !wrap.hasTopLevelAwait()) {
      continue;
    }
    const at = firstTopLevelAwait(wrap.sourceText);
    if (at === undefined) continue;
    const lines = StringPrototypeSplit(wrap.sourceText, '\n');
    const line = lines[at.line - 1] ?? '';
    process._rawDebug(
      `Error: unexpected top-level await at ${wrap.url}:${at.line}\n` +
      `${line}\n${StringPrototypeRepeat(' ', at.column)}^\n\n`);
  }
}

// Where the first await (or for await) outside any function is: acorn's
// { line, column }, undefined if there is none or the source does not parse.
function firstTopLevelAwait(source) {
  const { parse } = require('internal/deps/acorn/acorn/dist/acorn');
  const walk = require('internal/deps/acorn/acorn-walk/dist/walk');
  let ast;
  try {
    ast = parse(source, { __proto__: null, ecmaVersion: 'latest',
                          sourceType: 'module', locations: true,
                          allowHashBang: true });
  } catch {
    return undefined;
  }
  let found;
  walk.recursive(ast, null, {
    __proto__: null,
    // Awaits inside functions are not top-level.
    Function() {},
    AwaitExpression(node, state, c) {
      found ??= node.loc.start;
    },
    ForOfStatement(node, state, c) {
      if (node.await) found ??= node.loc.start;
      walk.base.ForOfStatement(node, state, c);
    },
  });
  return found;
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
  // A scheme only a load hook knows: no format (null, as in Node).
  if (!StringPrototypeStartsWith(url, 'file:')) return null;
  try {
    const format = formatOfFile(lazyUrl().fileURLToPath(url));
    if (format === 'typescript') return undefined;
    // A .js or extensionless file without a "type" is told from its source,
    // which resolve has not read: the format is not known yet.
    return format === 'commonjs-or-module' ? null : format;
  } catch {
    return undefined;
  }
}

// A module from a format and source a load hook chose. `makeRequire`
// (module, url), when given, makes the require() of CommonJS given its
// source (the asynchronous hooks' own, see hooks.js).
function createModuleFromSource(url, format, source,
                                attributes = kNoAttributes, validate = true,
                                makeRequire = undefined) {
  if (validate) validateAttributes(url, format, attributes);
  if (format === 'builtin') return newBuiltinModule(url);
  const filename = StringPrototypeStartsWith(url, 'file:') ?
    lazyUrl().fileURLToPath(url) : undefined;
  if (source == null) {
    return createModule(url, format, undefined,
                        validate ? attributes : kNoAttributes, true);
  }
  if (format === 'module') return newSourceTextModule(url, source);
  if (format === 'json') return newJSONModule(url, source, filename);
  if (format === 'commonjs') {
    // A URL other than file: (a hook's own scheme) names the module itself.
    return newCommonJSModuleFromSource(url, filename ?? url, source,
                                       makeRequire);
  }
  if (format === 'commonjs-typescript' && makeRequire !== undefined) {
    const { stripTypeScriptModuleTypes } =
      require('internal/modules/typescript');
    const wrap = newCommonJSModuleFromSource(
      url, filename ?? url, stripTypeScriptModuleTypes(source, url),
      makeRequire);
    wrap.isTypeScript = true;
    return wrap;
  }
  if (format === 'module-typescript' || format === 'commonjs-typescript') {
    return newTypeScriptModule(url, filename, format, source);
  }
  if (format === 'wasm' || format === 'addon') {
    return createModule(url, format, undefined,
                        validate ? attributes : kNoAttributes, true);
  }
  throw new ERR_UNKNOWN_MODULE_FORMAT(format, url);
}

// CommonJS whose source came from a load hook: compiled from that source,
// not read again from disk; with the require() `makeRequire` makes, when
// given.
function newCommonJSModuleFromSource(url, filename, source, makeRequire) {
  const names = cjsExportNames(filename, source);
  const wrap = newSyntheticModule(url, names, function() {
    const { Module } = lazyCjs();
    let module = Module._cache[filename];
    if (module === undefined) {
      module = new Module(filename, undefined);
      module.filename = filename;
      module.paths = Module._nodeModulePaths(path.dirname(filename));
      Module._cache[filename] = module;
      // The entry point given by loader hooks: process.mainModule and
      // require.main are this module, its id stays its path (as in Node).
      if (this.isMain === true) {
        setOwnProperty(process, 'mainModule', module);
      }
      try {
        if (makeRequire === undefined) {
          module._compile(source, filename, 'commonjs');
        } else {
          compileWithRequire(module, filename, source,
                             makeRequire(module, url));
        }
      } catch (err) {
        delete Module._cache[filename];
        throw err;
      }
      module.loaded = true;
    }
    setCommonJSExports(this, names, module.exports);
  });
  wrap.isCommonJS = true;
  return wrap;
}

// Runs CommonJS `source` as `module` with the given require function
// (named requireFn: the loader's own `require` must stay in reach).
function compileWithRequire(module, filename, source, requireFn) {
  const { wrapSafe, kIsExecuting, stripShebang, cacheSourceMap } = lazyCjs();
  const compiled = wrapSafe(filename, stripShebang(source));
  // Before it runs, so that an error it throws is mapped too.
  if (sourceMapsCollecting()) {
    cacheSourceMap(module, filename, source, compiled);
  }
  const { exports } = module;
  module[kIsExecuting] = true;
  try {
    ReflectApply(compiled, exports,
                 [exports, requireFn, module, filename,
                  path.dirname(filename)]);
  } finally {
    module[kIsExecuting] = false;
  }
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

// The loader object Node's internals pass around (a ModuleJob names its
// loader); lode has one module graph, which every instance works on.
class ModuleLoader {
  resolve(specifier, parentURL, importAttributes = kNoAttributes) {
    const { url, format } = resolveRequest(specifier, parentURL,
                                           importAttributes);
    return { __proto__: null, url, format };
  }

  import(specifier, parentURL, importAttributes = kNoAttributes) {
    return importModule(specifier, parentURL, importAttributes);
  }
}

let cascadedLoader;
function getOrInitializeCascadedLoader() {
  cascadedLoader ??= new ModuleLoader();
  return cascadedLoader;
}

function createModuleLoader() {
  return new ModuleLoader();
}

// What the customization hooks (esm/hooks.js) build on.
const internals = {
  warnTypelessPackage,
  cachedModule,
  cacheModule: (url, wrap) => loadCache.set(
    url, undefined,
    new ModuleJob(getOrInitializeCascadedLoader(), url, undefined, wrap)),
  containsModuleSyntax: (source, filename) =>
    containsModuleSyntax(source, filename),
  createModuleFromSource,
  defaultResolve,
  evaluateSync,
  findLegacyMain,
  packageResolve,
  findPackage,
  parsePackageName,
  formatOfFile,
  formatOfURL,
  checkEntryInputType,
  isRelativeSpecifier: isRelative,
  // The conditions a hook sees in its context (its own array).
  conditionsList,
  parseDataURL,
  readFileBuffer: (filename) => require('fs').readFileSync(filename),
  requireLoadedModule,
  resolve,
  // The default resolution with the conditions of a hook's context.
  resolveWithConditions(specifier, parentURL, list) {
    const saved = conditionsOverride;
    conditionsOverride = new SafeSet(list);
    try {
      return resolve(specifier, parentURL);
    } finally {
      conditionsOverride = saved;
    }
  },
  runEntryModule,
  runModule,
  typeScriptFormat,
};

module.exports = {
  internals,
  checkUnsettledTopLevelAwait,
  containsModuleSyntax,
  createModuleLoader,
  getModule,
  getOrInitializeCascadedLoader,
  importModule,
  initializeESMCallbacks,
  requireESM,
  exportsForRequire,
  resolve,
  runMainESM,
  runMainURL,
  runSourceAsModule,
  shouldRunAsESM,
  syncBuiltinESMExports,
};
