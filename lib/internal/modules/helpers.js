'use strict';

// Pieces of the module system shared by the CommonJS loader and the
// entry points: the require function handed to each module, BOM stripping,
// and loading builtins for users.

const {
  ObjectDefineProperty,
  ObjectFreeze,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
} = primordials;

const {
  enable: _enableCompileCache,
  getCacheDir: _getCompileCacheDir,
  flush: flushCompileCache,
  status: compileCacheStatusValues,
} = internalBinding('compile_cache');

const { BuiltinModule } = require('internal/bootstrap/realm');
const {
  codes: { ERR_UNKNOWN_BUILTIN_MODULE },
} = require('internal/errors');
const { validateString } = require('internal/validators');

function loadBuiltinModule(id, request) {
  if (!BuiltinModule.canBeRequiredByUsers(id)) {
    throw new ERR_UNKNOWN_BUILTIN_MODULE(request);
  }
  let mod = BuiltinModule.map.get(id);
  if (mod === undefined) {
    mod = new BuiltinModule(id);
    BuiltinModule.map.set(id, mod);
  }
  return mod.compileForPublicLoader();
}

// The `require` a module sees: bound to it, with resolve, cache, main and
// extensions attached.
function makeRequireFunction(mod) {
  const Module = mod.constructor;
  const require = function require(path) {
    return mod.require(path);
  };

  function resolve(request, options) {
    validateString(request, 'request');
    return Module._resolveFilename(request, mod, false, options);
  }
  require.resolve = resolve;

  function paths(request) {
    validateString(request, 'request');
    return Module._resolveLookupPaths(request, mod);
  }
  resolve.paths = paths;

  // A data property, as in Node: the main module as it is when this
  // require is made (undefined in --require preloads).
  ObjectDefineProperty(require, 'main', {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value: process.mainModule,
  });
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

function stripBOM(content) {
  if (StringPrototypeCharCodeAt(content) === 0xFEFF) {
    return StringPrototypeSlice(content, 1);
  }
  return content;
}

// --- the on-disk compile cache (src/lode_compile_cache.cc) ---------------

const compileCacheStatus = ObjectFreeze({
  __proto__: null,
  FAILED: compileCacheStatusValues.FAILED,
  ENABLED: compileCacheStatusValues.ENABLED,
  ALREADY_ENABLED: compileCacheStatusValues.ALREADY_ENABLED,
  DISABLED: compileCacheStatusValues.DISABLED,
});

// module.enableCompileCache([directory | { directory, portable }])
function enableCompileCache(options) {
  let directory;
  let portable;
  if (typeof options === 'object' && options !== null) {
    ({ directory, portable } = options);
  } else {
    directory = options;
  }
  if (directory === undefined) {
    directory = process.env.NODE_COMPILE_CACHE ||
      require('path').join(require('os').tmpdir(), 'node-compile-cache');
  }
  if (portable === undefined) {
    portable = process.env.NODE_COMPILE_CACHE_PORTABLE === '1';
  }
  // A directory that is not a string throws ERR_INVALID_ARG_TYPE from C++.
  const native = _enableCompileCache(directory, portable === true);
  const result = { status: native[0] };
  if (native[1]) result.message = native[1];
  if (native[2]) result.directory = native[2];
  return result;
}

function getCompileCacheDir() {
  return _getCompileCacheDir() || undefined;
}

// At startup: NODE_COMPILE_CACHE turns the cache on before any user code
// is compiled.
function initializeCompileCache() {
  const directory = process.env.NODE_COMPILE_CACHE;
  if (!directory) return;
  _enableCompileCache(directory,
                      process.env.NODE_COMPILE_CACHE_PORTABLE === '1');
}

module.exports = {
  compileCacheStatus,
  enableCompileCache,
  flushCompileCache,
  getCompileCacheDir,
  initializeCompileCache,
  loadBuiltinModule,
  makeRequireFunction,
  stripBOM,
};
