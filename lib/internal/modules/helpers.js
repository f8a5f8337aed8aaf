'use strict';

// Pieces of the module system shared by the CommonJS loader and the
// entry points: the require function handed to each module, BOM stripping,
// and loading builtins for users.

const {
  ObjectDefineProperty,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
} = primordials;

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

  ObjectDefineProperty(require, 'main', {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return process.mainModule; },
    set(value) {
      ObjectDefineProperty(require, 'main', {
        __proto__: null, configurable: true, enumerable: true,
        writable: true, value,
      });
    },
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

module.exports = {
  loadBuiltinModule,
  makeRequireFunction,
  stripBOM,
};
