'use strict';

// createDynamicModule(imports, exports, url, evaluate): a module whose
// exports its creator sets. `reflect.exports[name].set(value)` sets one;
// `evaluate(reflect)` runs when the module is evaluated.

const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');

function createDynamicModule(imports, exports, url = '', evaluate) {
  if (imports.length > 0) {
    // A synthetic module cannot import; nothing of lode needs that yet.
    throw new ERR_NOT_IMPLEMENTED('createDynamicModule() with imports');
  }
  const { ModuleWrap } = internalBinding('module_wrap');
  const values = { __proto__: null };
  const reflect = { exports: { __proto__: null }, onReady: undefined };
  let module;
  let evaluated = false;
  for (let i = 0; i < exports.length; i++) {
    const name = exports[i];
    reflect.exports[name] = {
      __proto__: null,
      get: () => values[name],
      set: (value) => {
        values[name] = value;
        if (evaluated) module.setExport(name, value);
      },
    };
  }
  module = new ModuleWrap(url, exports);
  require('internal/util').setOwnProperty(module, 'url', url);
  module.evaluationSteps = function() {
    evaluated = true;
    for (let i = 0; i < exports.length; i++) {
      this.setExport(exports[i], values[exports[i]]);
    }
    if (typeof evaluate === 'function') evaluate(reflect);
  };
  reflect.onReady = (callback) => callback(reflect);
  return { __proto__: null, module, reflect };
}

module.exports = createDynamicModule;
