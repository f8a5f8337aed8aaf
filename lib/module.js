'use strict';

// node:module: the CommonJS Module class with its static helpers.

const {
  ObjectFreeze,
} = primordials;

const { Module } = require('internal/modules/cjs/loader');
const {
  compileCacheStatus,
  enableCompileCache,
  flushCompileCache,
  getCompileCacheDir,
} = require('internal/modules/helpers');
const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const { kEmptyObject } = require('internal/util');

function notImplemented(name) {
  return function() {
    throw new ERR_NOT_IMPLEMENTED(`module.${name}`);
  };
}

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
Module.findSourceMap = notImplemented('findSourceMap');
Module.findPackageJSON = notImplemented('findPackageJSON');
Module.enableCompileCache = enableCompileCache;
Module.getCompileCacheDir = getCompileCacheDir;
Module.flushCompileCache = flushCompileCache;
Module.constants = ObjectFreeze({ __proto__: null, compileCacheStatus });

module.exports = Module;
