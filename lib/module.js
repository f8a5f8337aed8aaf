'use strict';

// node:module: the CommonJS Module class with its static helpers.

const {
  ObjectDefineProperty,
  ObjectFreeze,
} = primordials;

const { Module } = require('internal/modules/cjs/loader');
const {
  compileCacheStatus,
  enableCompileCache,
  flushCompileCache,
  getCompileCacheDir,
} = require('internal/modules/helpers');
const { kEmptyObject } = require('internal/util');

Module.register = function register(specifier, parentURL, options) {
  return require('internal/modules/esm/hooks')
    .register(specifier, parentURL, options);
};
Module.registerHooks = function registerHooks(hooks) {
  return require('internal/modules/customization_hooks').registerHooks(hooks);
};
Module.stripTypeScriptTypes = function stripTypeScriptTypes(
  code, options = kEmptyObject) {
  return require('internal/modules/typescript')
    .stripTypeScriptTypes(code, options);
};
// Source maps: internal/source_map/* is loaded by the first use.
function lazySourceMapCache() {
  return require('internal/source_map/source_map_cache');
}
Module.findSourceMap = function findSourceMap(path) {
  return lazySourceMapCache().findSourceMap(path);
};
Module.getSourceMapsSupport = function getSourceMapsSupport() {
  return lazySourceMapCache().getSourceMapsSupport();
};
Module.setSourceMapsSupport = function setSourceMapsSupport(
  enabled, options = kEmptyObject) {
  return lazySourceMapCache().setSourceMapsSupport(enabled, options);
};
// A class like the others, but made when first read.
ObjectDefineProperty(Module, 'SourceMap', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() {
    const { SourceMap } = require('internal/source_map/source_map');
    ObjectDefineProperty(Module, 'SourceMap', {
      __proto__: null, value: SourceMap, writable: true, enumerable: true,
      configurable: true,
    });
    return SourceMap;
  },
  set(value) {
    ObjectDefineProperty(Module, 'SourceMap', {
      __proto__: null, value, writable: true, enumerable: true,
      configurable: true,
    });
  },
});
Module.findPackageJSON =
  require('internal/modules/find_package_json').findPackageJSON;
Module.enableCompileCache = enableCompileCache;
Module.getCompileCacheDir = getCompileCacheDir;
Module.flushCompileCache = flushCompileCache;
Module.constants = ObjectFreeze({ __proto__: null, compileCacheStatus });

module.exports = Module;
