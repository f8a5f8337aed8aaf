'use strict';

// A module in the loader's cache (internal/modules/esm/module_map's
// LoadCache): its URL, the import attributes it was loaded with and its
// ModuleWrap.

const {
  PromisePrototypeThen,
} = primordials;
const { setOwnProperty } = require('internal/util');

class ModuleJob {
  constructor(loader, url, importAttributes = { __proto__: null }, module,
              phase = undefined, isMain = false) {
    this.loader = loader;
    // Own properties: a setter on Object.prototype is not run.
    setOwnProperty(this, 'url', url);
    this.importAttributes = importAttributes;
    this.module = module;
    this.isMain = isMain;
  }

  // Instantiates and evaluates the module: resolves to { module }.
  run() {
    const { internals } = require('internal/modules/esm/loader');
    return PromisePrototypeThen(internals.runModule(this.module),
                                () => ({ __proto__: null,
                                         module: this.module }));
  }
}

module.exports = {
  ModuleJob,
};
