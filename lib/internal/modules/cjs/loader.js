'use strict';

// The CommonJS loader: require(), Node's resolution algorithm (relative and
// absolute paths, node_modules walking up, package.json "main" and
// "exports"), the module cache, and the Module class whose private-looking
// members (_load, _resolveFilename, _extensions, wrap) real packages patch.

const {
  ArrayFrom,
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeUnshift,
  Error,
  JSONParse,
  ObjectCreate,
  ObjectDefineProperty,
  ObjectFreeze,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  ObjectKeys,
  ObjectPrototype,
  ObjectPrototypeHasOwnProperty,
  ObjectSetPrototypeOf,
  PromisePrototypeThen,
  Proxy,
  ReflectApply,
  RegExpPrototypeExec,
  ReflectDefineProperty,
  ReflectSet,
  String,
  SafeMap,
  SafeSet,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  Symbol,
} = primordials;

const { BuiltinModule } = require('internal/bootstrap/realm');
const fsBinding = internalBinding('fs');
const { compileFunction } = internalBinding('contextify');
const { isProxy } = internalBinding('types');
const path = require('path');
const { getOptionValue } = require('internal/options');
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_MODULE_SPECIFIER,
    ERR_INVALID_PACKAGE_CONFIG,
    ERR_NOT_IMPLEMENTED,
    ERR_REQUIRE_CYCLE_MODULE,
    ERR_REQUIRE_ESM,
    ERR_UNKNOWN_BUILTIN_MODULE,
  },
  sourceMapsCollecting,
} = require('internal/errors');
const { validateString } = require('internal/validators');
const {
  makeRequireFunction,
  stripBOM,
  loadBuiltinModule,
} = require('internal/modules/helpers');

const kIsMainSymbol = Symbol('kIsMainSymbol');
const kModuleExport = Symbol('kModuleExport');
// Set while a module's CommonJS code runs.
const kIsExecuting = Symbol('kIsExecuting');
// The ModuleWrap of an ES module loaded by require().
const kRequiredModule = Symbol('kRequiredModule');

const wrapperParams = ['exports', 'require', 'module', '__filename',
                       '__dirname'];
const wrapper = [
  '(function (exports, require, module, __filename, __dirname) { ',
  '\n});',
];

let preserveSymlinks;
let preserveSymlinksMain;
let userConditions;
function initOptions() {
  if (preserveSymlinks !== undefined) return;
  preserveSymlinks = !!getOptionValue('--preserve-symlinks');
  preserveSymlinksMain = !!getOptionValue('--preserve-symlinks-main');
  userConditions = getOptionValue('--conditions') || [];
}

let cjsConditions;
// The conditions a module.registerHooks() resolve hook passed on to the
// default step, while that step runs.
let cjsConditionsOverride;
function getCjsConditions() {
  return cjsConditionsOverride ?? defaultCjsConditions();
}

// The conditions require() resolves package exports/imports with when no
// resolve hook hands on its own.
function defaultCjsConditions() {
  if (cjsConditions === undefined) {
    initOptions();
    // No spread: a program may have deleted Array.prototype[Symbol.iterator].
    // In Node's order, which module.registerHooks() hooks see.
    cjsConditions = new SafeSet();
    cjsConditions.add('require');
    cjsConditions.add('node');
    // Addons off: --no-addons, or --permission without --allow-addons.
    if (getOptionValue('--addons') &&
        (!getOptionValue('--permission') ||
         getOptionValue('--allow-addons'))) {
      cjsConditions.add('node-addons');
    }
    for (let i = 0; i < userConditions.length; i++) {
      cjsConditions.add(userConditions[i]);
    }
    if (getOptionValue('--experimental-require-module')) {
      cjsConditions.add('module-sync');
    }
  }
  return cjsConditions;
}

// --- File-system probes (never throw). -------------------------------------
const statCache = new SafeMap();
// The module whose body holds the cache (cleared when it returns).
let statCacheOwner = null;
function stat(filename) {
  filename = path.toNamespacedPath(filename);
  const cached = statCache.get(filename);
  if (cached !== undefined) return cached;
  const result = fsBinding.internalModuleStat(filename);
  // Only what exists is cached, and only while a module body runs (Node
  // keeps the cache for the main module's synchronous load): a file
  // created or removed later must be seen.
  if (result >= 0 && statCacheOwner !== null) {
    statCache.set(filename, result);
  }
  return result;
}

const realpathCache = new SafeMap();
function toRealPath(requestPath) {
  let result = realpathCache.get(requestPath);
  if (result === undefined) {
    try {
      result = fsBinding.realpath(requestPath, 'utf8', undefined);
    } catch {
      result = requestPath;
    }
    realpathCache.set(requestPath, result);
  }
  return result;
}

// --- package.json reading, cached per file. ---------------------------------
const packageJsonCache = new SafeMap();

// A package.json that is not JSON: as Node 24's message, without the
// parser's; `base` ('"specifier" from /importer') when an import looked it
// up. `path` (not enumerable) names the file.
function invalidPackageConfig(jsonPath, base) {
  const err = base === undefined ?
    new ERR_INVALID_PACKAGE_CONFIG(`${jsonPath}.`, undefined, undefined) :
    new ERR_INVALID_PACKAGE_CONFIG(jsonPath, `${base}.`, undefined);
  ObjectDefineProperty(err, 'path', {
    __proto__: null, configurable: true, writable: true, value: jsonPath,
  });
  return err;
}

// Returns the parsed fields lode uses, or undefined when there is none.
function readPackage(jsonPath) {
  if (packageJsonCache.has(jsonPath)) return packageJsonCache.get(jsonPath);
  let text;
  try {
    text = fsBinding.readFileUtf8(jsonPath, 0);
  } catch {
    packageJsonCache.set(jsonPath, undefined);
    return undefined;
  }
  let parsed;
  try {
    parsed = JSONParse(text);
  } catch {
    throw invalidPackageConfig(jsonPath);
  }
  // Only the file's own fields count, never Object.prototype's.
  const field = (key) => (parsed !== null && typeof parsed === 'object' &&
    ObjectPrototypeHasOwnProperty(parsed, key) ? parsed[key] : undefined);
  const name = field('name');
  const main = field('main');
  const type = field('type');
  const result = {
    __proto__: null,
    exists: true,
    pjsonPath: jsonPath,
    name: typeof name === 'string' ? name : undefined,
    main: typeof main === 'string' ? main : undefined,
    exports: field('exports'),
    imports: field('imports'),
    type: type === 'module' || type === 'commonjs' ? type : 'none',
  };
  packageJsonCache.set(jsonPath, result);
  return result;
}

// The nearest package.json at or above `checkPath`'s directory.
function readPackageScope(checkPath) {
  let separatorIndex;
  do {
    separatorIndex = StringPrototypeLastIndexOf(checkPath, '/');
    checkPath = StringPrototypeSlice(checkPath, 0, separatorIndex);
    if (StringPrototypeEndsWith(checkPath, '/node_modules')) return false;
    const pjson = readPackage(`${checkPath}/package.json`);
    if (pjson !== undefined) return { data: pjson, path: checkPath };
  } while (separatorIndex > 0);
  return false;
}

// --- The Module class. -------------------------------------------------------
function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  setOwnProperty(this, 'exports', {});
  this[kModuleParent] = parent;
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}
const kModuleParent = Symbol('kModuleParent');

function setOwnProperty(obj, key, value) {
  ObjectDefineProperty(obj, key, {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value,
  });
}

function updateChildren(parent, child, scan) {
  const children = parent?.children;
  if (children && !(scan && ArrayPrototypeIncludes(children, child))) {
    ArrayPrototypePush(children, child);
  }
}

// module.parent is deprecated (DEP0144), with a warning under
// --pending-deprecation only, as in Node.
let parentDeprecationWarned = false;
function warnParentDeprecation() {
  if (!parentDeprecationWarned && process.pendingDeprecation) {
    parentDeprecationWarned = true;
    process.emitWarning('module.parent is deprecated due to accuracy ' +
                        'issues. Please use require.main to find program ' +
                        'entry point instead.', 'DeprecationWarning',
                        'DEP0144');
  }
}

ObjectDefineProperty(Module.prototype, 'parent', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  get() {
    warnParentDeprecation();
    return this[kModuleParent];
  },
  set(value) {
    warnParentDeprecation();
    this[kModuleParent] = value;
  },
});

Module._cache = ObjectCreate(null);
Module._pathCache = ObjectCreate(null);
Module._extensions = ObjectCreate(null);
Module.globalPaths = [];
Module.wrap = function(script) {
  return `${Module.wrapper[0]}${script}${Module.wrapper[1]}`;
};
Module.builtinModules =
  ObjectFreeze(BuiltinModule.getCanBeRequiredByUsersWithoutSchemeList());
Module.isBuiltin = (id) => BuiltinModule.isBuiltin(id);
Module._debug = () => {};

// The node_modules folders to search from `from`, innermost first.
Module._nodeModulePaths = function(from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  // `from` is absolute and normal: its segments, from the last, found with
  // lastIndexOf (a folder named node_modules gets none of its own).
  const paths = [];
  let last = from.length;
  while (last > 0) {
    const slash = StringPrototypeLastIndexOf(from, '/', last - 1);
    if (slash === -1) break;
    if (last - slash - 1 !== 12 ||
        StringPrototypeSlice(from, slash + 1, last) !== 'node_modules') {
      ArrayPrototypePush(paths,
                         `${StringPrototypeSlice(from, 0, last)}/node_modules`);
    }
    last = slash;
  }
  ArrayPrototypePush(paths, '/node_modules');
  return paths;
};

Module._resolveLookupPaths = function(request, parent) {
  if (BuiltinModule.normalizeRequirableId(request)) return null;
  // Bare names search node_modules, then the global folders.
  if (request[0] !== '.' ||
      (request.length > 1 && request[1] !== '.' && request[1] !== '/')) {
    let paths = parent?.paths?.length ?
      [...parent.paths, ...Module.globalPaths] : Module.globalPaths;
    paths = ArrayPrototypeSlice(paths);
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

Module._initPaths = function() {
  const homeDir = process.env.HOME;
  const nodePath = process.env.NODE_PATH;
  const prefixDir = path.resolve(process.execPath, '..', '..');
  let paths = [path.resolve(prefixDir, 'lib', 'node')];
  if (homeDir) {
    ArrayPrototypeUnshift(paths, path.resolve(homeDir, '.node_libraries'));
    ArrayPrototypeUnshift(paths, path.resolve(homeDir, '.node_modules'));
  }
  if (nodePath) {
    const extra = [];
    for (const p of nodePath.split(path.delimiter)) {
      if (p) ArrayPrototypePush(extra, p);
    }
    paths = [...extra, ...paths];
  }
  Module.globalPaths = ArrayPrototypeSlice(paths);
};

// --- Resolution. ---------------------------------------------------------------
function tryFile(requestPath, isMain) {
  const rc = stat(requestPath);
  if (rc !== 0) return false;
  initOptions();
  if ((isMain ? preserveSymlinksMain : preserveSymlinks)) {
    return path.resolve(requestPath);
  }
  return toRealPath(requestPath);
}

function tryExtensions(basePath, exts, isMain) {
  for (let i = 0; i < exts.length; i++) {
    const filename = tryFile(basePath + exts[i], isMain);
    if (filename) return filename;
  }
  return false;
}

function tryPackage(requestPath, exts, isMain, originalPath) {
  const pjson = readPackage(path.resolve(requestPath, 'package.json'));
  const main = pjson?.main;
  if (!main) {
    return tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
  }
  const filename = path.resolve(requestPath, main);
  let actual = tryFile(filename, isMain) ||
    tryExtensions(filename, exts, isMain) ||
    tryExtensions(path.resolve(filename, 'index'), exts, isMain);
  if (actual === false) {
    actual = tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
    if (!actual) {
      const err = new Error(
        `Cannot find module '${filename}'. ` +
        'Please verify that the package.json has a valid "main" entry');
      err.code = 'MODULE_NOT_FOUND';
      err.path = path.resolve(requestPath, 'package.json');
      err.requestPath = originalPath;
      throw err;
    } else {
      const jsonPath = path.resolve(requestPath, 'package.json');
      process.emitWarning(
        `Invalid 'main' field in '${jsonPath}' of '${main}'. ` +
          'Please either fix that or report it to the module author',
        'DeprecationWarning',
        'DEP0128');
    }
  }
  return actual;
}

let packageResolution;
function lazyPackageResolution() {
  packageResolution ??= require('internal/modules/esm/resolve');
  return packageResolution;
}

// The file an "exports" or "imports" URL names, for require(): it must
// exist as it is (no extensions are tried).
function finalizeEsmResolution(resolved, parentPath, pkgPath) {
  const { fileURLToPath, URL } = require('internal/url');
  if (typeof resolved === 'string') {
    if (StringPrototypeStartsWith(resolved, 'node:')) return resolved;
    resolved = new URL(resolved);
  }
  if (RegExpPrototypeExec(/%2f|%5c/i, resolved.pathname) !== null) {
    throw new ERR_INVALID_MODULE_SPECIFIER(
      resolved, 'must not include encoded "/" or "\\" characters',
      parentPath);
  }
  const filename = fileURLToPath(resolved);
  const found = tryFile(filename);
  if (found) return found;
  const err = new Error(`Cannot find module '${filename}'`);
  err.code = 'MODULE_NOT_FOUND';
  err.path = path.resolve(pkgPath, 'package.json');
  throw err;
}

function packageJSONUrl(pkgPath) {
  return require('internal/url').pathToFileURL(`${pkgPath}/package.json`);
}

// A bare specifier "name/sub" inside node_modules folder `nmPath`, through
// the package's "exports" when it has them.
function resolveExports(nmPath, request, conditions) {
  // "@scope/name/sub" or "name/sub"
  let nameEnd = StringPrototypeIndexOf(request, '/');
  if (request[0] === '@' && nameEnd !== -1) {
    nameEnd = StringPrototypeIndexOf(request, '/', nameEnd + 1);
  }
  const name = nameEnd === -1 ? request :
    StringPrototypeSlice(request, 0, nameEnd);
  const expansion = nameEnd === -1 ? '' :
    StringPrototypeSlice(request, nameEnd);
  const pkgPath = path.resolve(nmPath, name);
  const pjson = readPackage(`${pkgPath}/package.json`);
  if (pjson?.exports !== undefined && pjson.exports !== null) {
    return finalizeEsmResolution(
      lazyPackageResolution().packageExportsResolve(
        packageJSONUrl(pkgPath), `.${expansion}`, pjson, undefined,
        conditions),
      null, pkgPath);
  }
  return undefined;
}

// A package's own name from inside it ("self-reference").
function trySelf(parentPath, request, conditions) {
  if (!parentPath) return false;
  const pkg = readPackageScope(parentPath);
  if (!pkg || pkg.data.exports === undefined || pkg.data.exports === null ||
      pkg.data.name === undefined) {
    return false;
  }
  let expansion;
  if (request === pkg.data.name) {
    expansion = '.';
  } else if (StringPrototypeStartsWith(request, `${pkg.data.name}/`)) {
    expansion = `.${StringPrototypeSlice(request, pkg.data.name.length)}`;
  } else {
    return false;
  }
  return finalizeEsmResolution(
    lazyPackageResolution().packageExportsResolve(
      packageJSONUrl(pkg.path), expansion, pkg.data,
      require('internal/url').pathToFileURL(parentPath), conditions),
    parentPath, pkg.path);
}

Module._findPath = function(request, paths, isMain) {
  const absoluteRequest = path.isAbsolute(request);
  if (absoluteRequest) {
    paths = [''];
  } else if (!paths || paths.length === 0) {
    return false;
  }
  // The cache's key leaves out the conditions: what a resolve hook's own
  // conditions find is neither taken from it nor put in it.
  const cacheKey = cjsConditionsOverride === undefined ?
    `${request}\x00${ArrayPrototypeJoin(paths, '\x00')}` : undefined;
  const entry = cacheKey === undefined ? undefined : Module._pathCache[cacheKey];
  if (entry) return entry;
  const trailingSlash = request.length > 0 &&
    (StringPrototypeEndsWith(request, '/') ||
     StringPrototypeEndsWith(request, '/.') ||
     StringPrototypeEndsWith(request, '/..') ||
     request === '.' || request === '..');
  const isRelative = request[0] === '.';
  // A request that leaves its folder ('../x') is looked up even when that
  // folder no longer exists.
  const insidePath = !isRelative ||
    !StringPrototypeStartsWith(path.normalize(request), '..');
  const conditions = getCjsConditions();
  let exts;
  for (let i = 0; i < paths.length; i++) {
    const curPath = paths[i];
    if (insidePath && curPath && stat(curPath) < 1) continue;
    if (!absoluteRequest && !isRelative) {
      const exportsResolved = resolveExports(curPath, request, conditions);
      if (exportsResolved) {
        if (cacheKey !== undefined) Module._pathCache[cacheKey] = exportsResolved;
        return exportsResolved;
      }
    }
    const basePath = path.resolve(curPath, request);
    let filename;
    const rc = stat(basePath);
    if (!trailingSlash) {
      if (rc === 0) {
        initOptions();
        filename = (isMain ? preserveSymlinksMain : preserveSymlinks) ?
          path.resolve(basePath) : toRealPath(basePath);
      }
      if (!filename) {
        exts ??= ObjectKeys(Module._extensions);
        filename = tryExtensions(basePath, exts, isMain);
      }
    }
    if (!filename && rc === 1) {
      exts ??= ObjectKeys(Module._extensions);
      filename = tryPackage(basePath, exts, isMain, request);
    }
    if (filename) {
      if (cacheKey !== undefined) Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
};

function getRequireStack(parent) {
  const stack = [];
  for (let cursor = parent; cursor; cursor = cursor[kModuleParent]) {
    ArrayPrototypePush(stack, cursor.filename || cursor.id);
  }
  return stack;
}

Module._resolveFilename = function(request, parent, isMain, options) {
  return resolveFilename(request, parent, isMain, options);
};

// What require() loads: module.registerHooks() resolve hooks see require()
// too, as URLs (require.resolve() does not run them, as in Node); their
// default step is Module._resolveFilename, which a program may replace.
function resolveForRequire(request, parent, isMain) {
  const hooks = lazySyncHooks();
  if (!hooks.hasResolveHooks()) {
    return Module._resolveFilename(request, parent, isMain);
  }
  // A require() has no import attributes: the key is there, undefined.
  const context = {
    __proto__: null,
    parentURL: parent?.filename ?
      hooks.filenameToURL(parent.filename) : undefined,
    importAttributes: undefined,
    conditions: ArrayFrom(getCjsConditions()),
  };
  const { url } = hooks.resolveWithHooks(request, context, (specifier, ctx) => {
    if (StringPrototypeStartsWith(specifier, 'node:')) {
      if (!BuiltinModule.canBeRequiredByUsers(
        StringPrototypeSlice(specifier, 5))) {
        throw new ERR_UNKNOWN_BUILTIN_MODULE(specifier);
      }
      return { url: specifier };
    }
    const conditions = hooks.conditionsFromHooks(
      ctx.conditions, defaultCjsConditions(), 'context.conditions');
    let filename;
    const saved = cjsConditionsOverride;
    cjsConditionsOverride = conditions;
    try {
      filename = Module._resolveFilename(specifier, parent, isMain);
    } finally {
      cjsConditionsOverride = saved;
    }
    if (BuiltinModule.normalizeRequirableId(filename)) {
      return {
        url: StringPrototypeStartsWith(filename, 'node:') ?
          filename : `node:${filename}`,
      };
    }
    return { url: hooks.filenameToURL(filename) };
  });
  if (StringPrototypeStartsWith(url, 'file:')) {
    return require('internal/url').fileURLToPath(url);
  }
  // A builtin, named as require() names it ('fs', but 'node:test').
  if (StringPrototypeStartsWith(url, 'node:') &&
      BuiltinModule.canBeRequiredWithoutScheme(StringPrototypeSlice(url, 5))) {
    return StringPrototypeSlice(url, 5);
  }
  return url;
}

// .ts, .mts or .cts, with type stripping on (Node 24's default).
function isTypeScriptFile(filename) {
  return (StringPrototypeEndsWith(filename, '.ts') ||
          StringPrototypeEndsWith(filename, '.mts') ||
          StringPrototypeEndsWith(filename, '.cts')) &&
    getOptionValue('--strip-types');
}

// internal/modules/typescript: loaded when a TypeScript file is met.
let typeScript;
function lazyTypeScript() {
  typeScript ??= require('internal/modules/typescript');
  return typeScript;
}

let syncHooks;
function lazySyncHooks() {
  syncHooks ??= require('internal/modules/customization_hooks');
  return syncHooks;
}

// The source of a CommonJS or JSON file, through module.registerHooks()
// load hooks when there are some.
function readSource(filename, format) {
  if (!lazySyncHooks().hasLoadHooks()) {
    return fsBinding.readFileUtf8(filename, 0);
  }
  return loadSourceWithHooks(filename, format).source;
}

// { source (a string), format } of `filename` as module.registerHooks()
// load hooks give them.
function loadSourceWithHooks(filename, format) {
  const hooks = lazySyncHooks();
  const context = {
    __proto__: null,
    format,
    importAttributes: undefined,
    conditions: ArrayFrom(getCjsConditions()),
  };
  const url = hooks.filenameToURL(filename);
  // The default step reads what the URL it is given names (a hook may hand
  // on another one).
  const loaded = hooks.loadWithHooks(url, context, (nextURL, ctx) => ({
    source: fsBinding.readFileUtf8(
      nextURL === url ? filename :
        StringPrototypeStartsWith(nextURL, 'file:') ?
          require('internal/url').fileURLToPath(nextURL) : nextURL, 0),
    format: ctx.format,
  }));
  hooks.validateRequiredSource(loaded.source);
  return {
    source: hooks.sourceToString(loaded.source),
    format: loaded.format,
  };
}

// require() of builtin `id` with module.registerHooks() load hooks: they
// see its node: URL with the format 'builtin', and the default step gives
// no source. What a hook gives instead of the builtin (its own source in
// another format) is not supported yet.
function loadBuiltinThroughHooks(id, request) {
  const hooks = lazySyncHooks();
  const url = `node:${id}`;
  const context = {
    __proto__: null,
    format: 'builtin',
    importAttributes: undefined,
    conditions: ArrayFrom(getCjsConditions()),
  };
  const loaded = hooks.loadWithHooks(url, context, (nextURL, ctx) => {
    // Node's default step reads any format other than 'builtin' from the
    // file the builtin's id names (so ENOENT, mostly).
    if (ctx.format !== 'builtin') {
      return { source: fsBinding.readFileUtf8(id, 0), format: ctx.format };
    }
    return { source: null, format: 'builtin' };
  });
  if (loaded.format != null && loaded.format !== 'builtin') {
    throw new ERR_NOT_IMPLEMENTED(
      `module.registerHooks() load result of format '${loaded.format}' ` +
      `for builtin ${url}`);
  }
  return loadBuiltinModule(id, request);
}

// Where a bare request looks for its own package's name: the parent's
// file; for the REPL and --require preloads the working directory (none
// when that has been removed: a preload given by path still loads).
function selfResolutionBase(parent) {
  if (parent?.filename) return parent.filename;
  if (parent?.id !== '<repl>' && parent?.id !== 'internal/preload') {
    return undefined;
  }
  try {
    return process.cwd() + '/<repl>';
  } catch (err) {
    if (err?.code === 'ENOENT') return undefined;
    throw err;
  }
}

function resolveFilename(request, parent, isMain, options) {
  if (BuiltinModule.normalizeRequirableId(request)) return request;
  let paths;
  if (typeof options === 'object' && options !== null) {
    if (ArrayIsArray(options.paths)) {
      const isRelative = StringPrototypeStartsWith(request, './') ||
        StringPrototypeStartsWith(request, '../') ||
        request === '.' || request === '..';
      if (isRelative) {
        for (let i = 0; i < options.paths.length; i++) {
          validateString(options.paths[i], 'paths');
        }
        paths = options.paths;
      } else {
        const fakeParent = new Module('', null);
        paths = [];
        for (let i = 0; i < options.paths.length; i++) {
          const p = options.paths[i];
          validateString(p, 'paths');
          fakeParent.paths = Module._nodeModulePaths(p);
          const lookupPaths = Module._resolveLookupPaths(request, fakeParent);
          for (let j = 0; j < lookupPaths.length; j++) {
            if (!ArrayPrototypeIncludes(paths, lookupPaths[j])) {
              ArrayPrototypePush(paths, lookupPaths[j]);
            }
          }
        }
      }
    } else if (options.paths === undefined) {
      paths = Module._resolveLookupPaths(request, parent);
    } else {
      throw new ERR_INVALID_ARG_VALUE('options.paths', options.paths);
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }

  // "#name" imports of the enclosing package.
  if (request[0] === '#' && (parent?.filename || parent?.id === '<repl>')) {
    const parentPath = parent.filename || path.resolve('<repl>');
    const pkg = readPackageScope(parentPath);
    if (pkg && pkg.data.imports !== undefined && pkg.data.imports !== null) {
      return finalizeEsmResolution(
        lazyPackageResolution().packageImportsResolve(
          request, require('internal/url').pathToFileURL(parentPath),
          getCjsConditions()),
        parentPath, pkg.path);
    }
  }

  const parentPath = request[0] !== '.' && !path.isAbsolute(request) ?
    selfResolutionBase(parent) : undefined;
  if (parentPath) {
    const selfResolved = trySelf(parentPath, request, getCjsConditions());
    if (selfResolved) {
      const found = tryFile(selfResolved, isMain);
      if (found) {
        if (cjsConditionsOverride === undefined) {
          Module._pathCache[`${request}\x00${paths ?
            ArrayPrototypeJoin(paths, '\x00') : ''}`] = found;
        }
        return found;
      }
    }
  }

  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  const requireStack = getRequireStack(parent);
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) {
    message += `\nRequire stack:\n- ${ArrayPrototypeJoin(requireStack,
                                                          '\n- ')}`;
  }
  // eslint-disable-next-line no-restricted-syntax
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

// --- Loading. --------------------------------------------------------------------

// The builtin a `node:` specifier names (the request itself, or what a
// resolve hook made of it), loaded for `request`.
function loadSchemeBuiltin(specifier, request) {
  const id = StringPrototypeSlice(specifier, 5);
  if (!BuiltinModule.canBeRequiredByUsers(id)) {
    throw new ERR_UNKNOWN_BUILTIN_MODULE(specifier);
  }
  // module.registerHooks() load hooks see it.
  if (lazySyncHooks().hasLoadHooks()) {
    return loadBuiltinThroughHooks(id, request);
  }
  return loadBuiltinModule(id, request);
}

Module._load = function(request, parent, isMain) {
  let relResolveCacheIdentifier;
  if (parent) {
    relResolveCacheIdentifier = `${parent.path}\x00${request}`;
    const filename = relativeResolveCache[relResolveCacheIdentifier];
    if (filename !== undefined) {
      const cachedModule = Module._cache[filename];
      if (cachedModule !== undefined) {
        updateChildren(parent, cachedModule, true);
        if (!cachedModule.loaded) return getExportsForCircularRequire(cachedModule);
        return cachedModule.exports;
      }
      delete relativeResolveCache[relResolveCacheIdentifier];
    }
  }

  // A node: request is no file: the cache is not asked. With
  // module.registerHooks() hooks it goes through them like any other.
  let filename;
  if (StringPrototypeStartsWith(request, 'node:')) {
    if (!lazySyncHooks().hasHooks()) return loadSchemeBuiltin(request, request);
    filename = lazySyncHooks().hasResolveHooks() ?
      resolveForRequire(request, parent, isMain) : request;
    if (StringPrototypeStartsWith(filename, 'node:')) {
      return loadSchemeBuiltin(filename, request);
    }
    // The resolution of node:fs may come back as 'fs': still the builtin,
    // never Module._cache.fs.
    if (BuiltinModule.canBeRequiredWithoutScheme(filename)) {
      return loadSchemeBuiltin(`node:${filename}`, request);
    }
  } else {
    filename = resolveForRequire(request, parent, isMain);
  }
  const cachedModule = Module._cache[filename];
  if (cachedModule !== undefined) {
    updateChildren(parent, cachedModule, true);
    if (!cachedModule.loaded) return getExportsForCircularRequire(cachedModule);
    return cachedModule.exports;
  }

  if (BuiltinModule.canBeRequiredWithoutScheme(filename)) {
    if (lazySyncHooks().hasLoadHooks()) {
      return loadBuiltinThroughHooks(filename, request);
    }
    return loadBuiltinModule(filename, request);
  }
  // A resolve hook (module.registerHooks) gave a builtin's node: URL.
  if (StringPrototypeStartsWith(filename, 'node:')) {
    return loadSchemeBuiltin(filename, request);
  }

  // Under --watch, the watching parent learns of every file loaded. The
  // variable is read once, at the first load, as Node does (a getenv()
  // per module otherwise).
  watchReportDependencies ??= !!process.env.WATCH_REPORT_DEPENDENCIES;
  if (watchReportDependencies && process.send) {
    process.send({ 'watch:require': [filename] });
  }
  const module = new Module(filename, parent);
  if (isMain) {
    setOwnProperty(process, 'mainModule', module);
    setOwnProperty(module.require, 'main', process.mainModule);
    if (loadingHookedMain) {
      loadingHookedMain = false;
    } else {
      module.id = '.';
      module[kIsMainSymbol] = true;
    }
  }
  Module._cache[filename] = module;
  if (parent) {
    relativeResolveCache[relResolveCacheIdentifier] = filename;
  }
  let threw = true;
  try {
    module.load(filename);
    threw = false;
    // The warning prototype of a circular require is only for the time
    // the module was loading.
    const exports = module.exports;
    if (exports !== null && typeof exports === 'object' &&
        !isProxy(exports) &&
        ObjectGetPrototypeOf(exports) === CircularRequireWarningProxy) {
      ObjectSetPrototypeOf(exports, ObjectPrototype);
    }
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent) {
        delete relativeResolveCache[relResolveCacheIdentifier];
        const children = parent?.children;
        if (ArrayIsArray(children)) {
          const index = children.indexOf(module);
          if (index !== -1) children.splice(index, 1);
        }
      }
    }
  }
  return module.exports;
};
const relativeResolveCache = ObjectCreate(null);

// The entry point when module.register() hooks load it as CommonJS:
// Module._load (which programs patch) sees a main module without parent,
// and it becomes process.mainModule; but, as in Node, where the hooks'
// loader made the module first, its id stays its path and it is not
// marked as the main module.
let loadingHookedMain = false;
function loadHookedMain(filename) {
  loadingHookedMain = true;
  try {
    return Module._load(filename, undefined, true);
  } finally {
    loadingHookedMain = false;
  }
}
let watchReportDependencies;

// Reading a property that is not (yet) there on the exports of a module
// still loading is most often a circular-dependency bug: Node warns about
// it, through a prototype that traps those reads.
function emitCircularRequireWarning(prop) {
  process.emitWarning(`Accessing non-existent property '${String(prop)}' of ` +
                      'module exports inside circular dependency');
}

const CircularRequireWarningProxy = new Proxy({}, {
  __proto__: null,
  get(target, prop) {
    // Transpiled ES modules probe __esModule; Object.prototype's members
    // are no mistake.
    if (prop in ObjectPrototype || prop === '__esModule') return undefined;
    emitCircularRequireWarning(prop);
    return undefined;
  },
  getOwnPropertyDescriptor(target, prop) {
    if (ObjectPrototypeHasOwnProperty(target, prop) || prop === '__esModule') {
      return ObjectGetOwnPropertyDescriptor(target, prop);
    }
    emitCircularRequireWarning(prop);
    return undefined;
  },
});

function getExportsForCircularRequire(module) {
  // An ES module that require() is still loading: there is no partial
  // namespace to hand out.
  const wrap = module[kRequiredModule];
  if (wrap !== undefined &&
      wrap.getStatus() !== internalBinding('module_wrap').kEvaluated) {
    let message = `Cannot require() ES Module ${module.id} in a cycle.`;
    const parent = module[kModuleParent];
    if (parent) message += ` (from ${parent.filename})`;
    throw new ERR_REQUIRE_CYCLE_MODULE(message);
  }
  const exports = module.exports;
  // A Proxy is left alone: its traps could throw or see the change.
  if (exports !== null && typeof exports === 'object' &&
      !isProxy(exports) &&
      ObjectGetPrototypeOf(exports) === ObjectPrototype &&
      !exports.__esModule) {
    ObjectSetPrototypeOf(exports, CircularRequireWarningProxy);
  }
  return exports;
}

function findLongestRegisteredExtension(filename) {
  const name = path.basename(filename);
  let currentExtension;
  let index;
  let startIndex = 0;
  while ((index = StringPrototypeIndexOf(name, '.', startIndex)) !== -1) {
    startIndex = index + 1;
    if (index === 0) continue;
    currentExtension = StringPrototypeSlice(name, index);
    if (Module._extensions[currentExtension]) return currentExtension;
  }
  return '.js';
}

Module.prototype.load = function(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  const extension = findLongestRegisteredExtension(filename);
  Module._extensions[extension](this, filename);
  this.loaded = true;
  // What an ES module importing this one sees: the exports as they were
  // when it finished loading.
  this[kModuleExport] = this.exports;
};

Module.prototype.require = function(id) {
  validateString(id, 'id');
  if (id === '') {
    throw new ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  }
  requireDepth++;
  // NODE_DEBUG=module_timer and the node.module_timer trace category time
  // each require().
  moduleTimer ??= require('internal/util/debuglog')
    .debugWithTimer('module_timer');
  let logLabel;
  let traceLabel;
  if (moduleTimer.enabled()) {
    logLabel = `[${this?.id || ''}] [${id}]`;
    traceLabel = `require('${id}')`;
    moduleTimer.startTimer(logLabel, traceLabel);
  }
  try {
    requireChannel ??= require('diagnostics_channel')
      .tracingChannel('module.require');
    if (!requireChannel.hasSubscribers) return Module._load(id, this, false);
    return requireChannel.traceSync(Module._load, {
      __proto__: null,
      parentFilename: this.filename,
      id,
    }, Module, id, this, false);
  } finally {
    if (logLabel !== undefined) moduleTimer.endTimer(logLabel, traceLabel);
    requireDepth--;
  }
};
let moduleTimer;
// The 'module.require' tracing channel, made on the first require().
let requireChannel;
let requireDepth = 0;

// "#!..." on the first line: kept as a comment of the same length, so
// columns in stack traces stay right.
function stripShebang(content) {
  if (StringPrototypeStartsWith(content, '#!')) {
    return `//${StringPrototypeSlice(content, 2)}`;
  }
  return content;
}

function wrapSafe(filename, content) {
  // Someone patched Module.wrap or Module.wrapper: honour it with a plain
  // script, as Node does.
  if (patched) {
    const { runScript } = internalBinding('contextify');
    const wrapped = Module.wrap(content);
    return runScript(wrapped, filename);
  }
  // The last argument: through the on-disk compile cache when enabled.
  return compileFunction(content, filename, wrapperParams, 0, 0, true);
}
let patched = false;

// The source map its `//# sourceMappingURL=` names (V8 found the comment).
function cacheSourceMap(module, filename, content, compiledWrapper) {
  const { getSourceMapURL } = internalBinding('contextify');
  const sourceMapURL = getSourceMapURL(compiledWrapper);
  if (sourceMapURL === undefined) return;
  const cache = require('internal/source_map/source_map_cache');
  cache.maybeCacheSourceMap(filename, content, module, false,
                            cache.findSourceURL(content), sourceMapURL);
}

// `format`: 'commonjs' for a file that must be CommonJS; undefined for one
// that is CommonJS unless it only parses as an ES module (Node 22+), which
// is then loaded as one. Checked only after a SyntaxError, so CommonJS
// compiles once; only compile errors are caught, so a runtime error keeps
// the place it was thrown at.
// Whether --inspect-brk has paused on the main module already.
let pausedOnEntry = false;

Module.prototype._compile = function(content, filename, format) {
  // TypeScript: compiled as the JavaScript its types stripped leave; a
  // 'typescript' file (.ts without "type") is then told apart by syntax.
  if (format === 'commonjs-typescript' || format === 'module-typescript' ||
      format === 'typescript') {
    content = lazyTypeScript().stripTypeScriptModuleTypes(content, filename);
    if (format === 'module-typescript') {
      loadESMForRequire(this, filename);
      return;
    }
    format = format === 'commonjs-typescript' ? 'commonjs' : undefined;
  }
  let compiledWrapper;
  try {
    compiledWrapper = wrapSafe(filename, stripShebang(content));
  } catch (err) {
    if (err?.name === 'SyntaxError' &&
        loadedAsModule(this, err, content, filename, format)) {
      return;
    }
    throw err;
  }
  // Before it runs, so that an error it throws is mapped too.
  if (sourceMapsCollecting() && !patched) {
    cacheSourceMap(this, filename, content, compiledWrapper);
  }
  const dirname = path.dirname(filename);
  const require = makeRequireFunction(this);
  const exports = this.exports;
  const thisValue = exports;
  const module = this;
  if (statCacheOwner === null) statCacheOwner = this;
  this[kIsExecuting] = true;
  try {
    // --inspect-brk: the debugger pauses at the main module's first line.
    if (this[kIsMainSymbol] && !pausedOnEntry &&
        getOptionValue('--inspect-brk')) {
      pausedOnEntry = true;
      const { callAndPauseOnStart } = internalBinding('inspector');
      return callAndPauseOnStart(compiledWrapper, thisValue, exports,
                                 require, module, filename, dirname);
    }
    return ReflectApply(compiledWrapper, thisValue,
                        [exports, require, module, filename, dirname]);
  } finally {
    this[kIsExecuting] = false;
    if (statCacheOwner === this) {
      statCacheOwner = null;
      statCache.clear();
    }
  }
};

// A CommonJS compile error of ES module syntax: for a file whose format
// was not given, loads it as an ES module (true); for the main module
// that must be CommonJS, says so before the error ends the process.
function loadedAsModule(module, err, content, filename, format) {
  const esm = require('internal/modules/esm/loader');
  // --no-experimental-detect-module: a typeless file is CommonJS, always.
  if (format === 'commonjs' ||
      !getOptionValue('--experimental-detect-module')) {
    if (module[kIsMainSymbol] &&
        esm.containsModuleSyntax(stripShebang(content), filename)) {
      require('internal/process/warning').emitWarningSync(
        `Failed to load the ES module: ${filename}. Make sure to set ` +
        '"type": "module" in the nearest package.json file or use the ' +
        '.mjs extension.');
    }
    return false;
  }
  if (!esm.containsModuleSyntax(stripShebang(content), filename)) {
    return false;
  }
  if (module[kIsMainSymbol]) {
    // The entry point runs as an ES module: no CommonJS main then.
    delete Module._cache[filename];
    process.mainModule = undefined;
    esm.internals.warnTypelessPackage(
      require('internal/url').pathToFileURL(filename).href, filename);
    esm.runMainESM(filename);
    return true;
  }
  // Without require(esm), the SyntaxError stands.
  if (!requireModuleEnabled()) return false;
  // Source load hooks gave is not asked for again.
  loadESMForRequire(module, filename,
                    lazySyncHooks().hasLoadHooks() ? content : undefined);
  return true;
}

Module._extensions['.js'] = function(module, filename) {
  // .cjs and .js in a "type": "commonjs" scope are CommonJS, .js in a
  // "type": "module" scope an ES module; any other file is CommonJS unless
  // it only parses as an ES module.
  let type = 'none';
  let pkg;
  let typescript = false;
  if (StringPrototypeEndsWith(filename, '.cjs')) {
    type = 'commonjs';
  } else if (StringPrototypeEndsWith(filename, '.js')) {
    pkg = readPackageScope(filename);
    if (pkg) type = pkg.data.type;
  } else if (isTypeScriptFile(filename)) {
    // .mts is an ES module, .cts CommonJS, .ts as its package says.
    typescript = true;
    if (StringPrototypeEndsWith(filename, '.mts')) {
      type = 'module';
    } else if (StringPrototypeEndsWith(filename, '.cts')) {
      type = 'commonjs';
    } else {
      pkg = readPackageScope(filename);
      if (pkg) type = pkg.data.type;
    }
  }
  if (typescript && (type !== 'module' || requireModuleEnabled() ||
                     module[kIsMainSymbol])) {
    if (type === 'module') {
      // The ES module loader reads (through the load hooks) and strips it.
      loadESMForRequire(module, filename);
      return;
    }
    const format = type === 'commonjs' ? 'commonjs-typescript' : 'typescript';
    module._compile(readSource(filename, format), filename, format);
    return;
  }
  // An ES module is read by the ES module loader (whose load hooks are
  // the same): not here too.
  if (type === 'module') {
    if (!requireModuleEnabled() && !module[kIsMainSymbol]) {
      // The hint depends on whether the file is written as an ES module
      // (use import()) or only declared one by "type" (rename to .cjs).
      const parent = module[kModuleParent];
      const hasEsmSyntax = require('internal/modules/esm/loader')
        .containsModuleSyntax(stripShebang(readSource(filename, 'module')),
                              filename);
      throw new ERR_REQUIRE_ESM(filename, hasEsmSyntax, parent?.filename,
                                pkg?.data.pjsonPath);
    }
    loadESMForRequire(module, filename);
    return;
  }
  // Load hooks are told the format the file's extension or package scope
  // gives: none for a .js without "type", as in Node.
  let format = type === 'commonjs' ? 'commonjs' : undefined;
  if (!lazySyncHooks().hasLoadHooks()) {
    module._compile(fsBinding.readFileUtf8(filename, 0), filename, format);
    return;
  }
  // The format the hooks give decides: their ES module is not tried as
  // CommonJS first.
  const loaded = loadSourceWithHooks(filename, format);
  if (loaded.format === 'module' && requireModuleEnabled()) {
    loadESMForRequire(module, filename, loaded.source);
    return;
  }
  if (loaded.format === 'commonjs') format = 'commonjs';
  module._compile(loaded.source, filename, format);
};

function requireModuleEnabled() {
  return getOptionValue('--experimental-require-module');
}

// require() of an ES module (Node 22+): what it exports as
// 'module.exports' when it does; else its namespace, with __esModule: true
// added when it has a default export (so that transpiled CommonJS finds
// that default where it looks for it).
//
// `source`: what module.registerHooks() load hooks gave for it, if they did.
function loadESMForRequire(module, filename, source) {
  const { requireESM, exportsForRequire } =
    require('internal/modules/esm/loader');
  const parent = module[kModuleParent];
  emitRequireModuleWarning(parent, filename);
  const { wrap, namespace } = requireESM(filename, parent?.filename, (w) => {
    module[kRequiredModule] = w;
  }, source);
  setOwnProperty(module, 'exports', exportsForRequire(wrap, namespace));
  module.loaded = true;
}

// --trace-require-module=all|no-node-modules: an ExperimentalWarning for
// each require() of an ES module (from outside node_modules only, for the
// latter).
function emitRequireModuleWarning(parent, filename) {
  const mode = getOptionValue('--trace-require-module');
  if (mode !== 'all' && mode !== 'no-node-modules') return;
  const from = parent?.filename || parent?.id;
  if (mode === 'no-node-modules' && typeof from === 'string' &&
      StringPrototypeIncludes(from, '/node_modules/')) {
    return;
  }
  let prefix;
  if (from) {
    prefix = `CommonJS module ${from} is loading ES Module ${filename} ` +
      'using require().\n';
  }
  const { emitExperimentalWarning } = require('internal/util');
  emitExperimentalWarning('Support for loading ES Module in require()',
                          prefix, undefined, parent?.require);
}

// Not enumerable: require.extensions lists .js, .json and .node, as in Node.
ObjectDefineProperty(Module._extensions, '.mjs', {
  __proto__: null,
  configurable: true,
  writable: true,
  enumerable: false,
  value: function(module, filename) {
    if (!requireModuleEnabled()) {
      throw new ERR_REQUIRE_ESM(filename, true,
                                module[kModuleParent]?.filename);
    }
    loadESMForRequire(module, filename);
  },
});

Module._extensions['.json'] = function(module, filename) {
  const content = readSource(filename, 'json');
  try {
    setOwnProperty(module, 'exports', JSONParse(stripBOM(content)));
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};

Module._extensions['.node'] = function(module, filename) {
  return process.dlopen(module, path.toNamespacedPath(filename));
};

Module.createRequire = function createRequire(filename) {
  let filepath;
  if (typeof filename === 'object' && filename !== null &&
      typeof filename.href === 'string') {
    filename = filename.href;
  }
  if (typeof filename === 'string' &&
      StringPrototypeStartsWith(filename, 'file:')) {
    const { fileURLToPath } = require('internal/url');
    filepath = fileURLToPath(filename);
  } else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    throw new ERR_INVALID_ARG_VALUE('filename', filename,
                                    'must be a file URL object, file URL ' +
                                    'string, or absolute path string');
  } else {
    filepath = filename;
  }
  const trailingSlash = StringPrototypeEndsWith(filepath, '/');
  const proxyPath = trailingSlash ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
};

// module.isPreloading: true while the --require modules load.
let isPreloading = false;
ObjectDefineProperty(Module.prototype, 'isPreloading', {
  __proto__: null,
  get() { return isPreloading; },
  enumerable: false,
  configurable: false,
});

Module._preloadModules = function(requests) {
  if (!ArrayIsArray(requests)) return;
  isPreloading = true;
  const parent = new Module('internal/preload', null);
  try {
    parent.paths = Module._nodeModulePaths(process.cwd());
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  try {
    for (let n = 0; n < requests.length; n++) {
      internalRequire(parent, requests[n]);
    }
  } finally {
    isPreloading = false;
  }
};

function internalRequire(module, id) {
  validateString(id, 'id');
  if (id === '') {
    throw new ERR_INVALID_ARG_VALUE('id', id, 'must be a non-empty string');
  }
  return Module._load(id, module, false);
}

Module.runMain = function(main = process.argv[1]) {
  let filename;
  try {
    filename = Module._resolveFilename(main, null, true);
  } catch {
    // Module._load reports it.
  }
  const hooks = require('internal/modules/esm/hooks');
  if (hooks.hooksActive() && !hooks.isHooksThread()) {
    // With loader hooks registered the entry goes through them (a module
    // already loaded is not run again).
    const { triggerUncaughtException } = internalBinding('errors');
    PromisePrototypeThen(
      hooks.runMainWithHooks(filename ?? require('path').resolve(main)),
      undefined, (err) => triggerUncaughtException(err, true));
    return;
  }
  if (filename !== undefined) {
    const esm = require('internal/modules/esm/loader');
    if (esm.shouldRunAsESM(filename)) {
      esm.runMainESM(filename);
      return;
    }
  }
  Module._load(main, null, true);
};

Module.syncBuiltinESMExports = function syncBuiltinESMExports() {
  require('internal/modules/esm/loader').syncBuiltinESMExports();
};

Module.Module = Module;

// Some tools patch Module.wrap or Module.wrapper (assigning either, or
// editing wrapper's strings in place); the wrapper then takes effect, as in
// Node.
{
  let wrap = Module.wrap;
  let wrapperProxy = new Proxy(wrapper, {
    __proto__: null,
    set(target, property, value, receiver) {
      patched = true;
      return ReflectSet(target, property, value, receiver);
    },
    defineProperty(target, property, descriptor) {
      patched = true;
      return ReflectDefineProperty(target, property, descriptor);
    },
  });
  ObjectDefineProperty(Module, 'wrap', {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return wrap; },
    set(value) { patched = true; wrap = value; },
  });
  ObjectDefineProperty(Module, 'wrapper', {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return wrapperProxy; },
    set(value) { patched = true; wrapperProxy = value; },
  });
}

// Node exposes its stat of the loader (used by some tools and tests).
Module._stat = stat;

function initializeCJS() {
  Module._initPaths();
}

module.exports = {
  Module,
  initializeCJS,
  kIsExecuting,
  kIsMainSymbol,
  kModuleExport,
  invalidPackageConfig,
  loadHookedMain,
  readPackage,
  readPackageScope,
  getCjsConditions,
  wrapSafe,
  stripShebang,
  cacheSourceMap,
  toRealPath,
};
