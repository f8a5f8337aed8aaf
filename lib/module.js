'use strict';

// node:module: the CommonJS Module class with its static helpers.

const { Module } = require('internal/modules/cjs/loader');
const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');

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
Module.findSourceMap = notImplemented('findSourceMap');
Module.findPackageJSON = notImplemented('findPackageJSON');
Module.enableCompileCache = notImplemented('enableCompileCache');
Module.getCompileCacheDir = () => undefined;
Module.flushCompileCache = () => {};

module.exports = Module;
