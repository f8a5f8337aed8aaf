'use strict';

// What every entry point does before user code: the module loader's paths,
// NODE_DEBUG, process.argv[1] made absolute, and --require preloads.

const { getOptionValue } = require('internal/options');

function prepareMainThreadExecution(expandArgv1 = false) {
  const path = require('path');
  if (expandArgv1 && process.argv[1] &&
      !process.argv[1].startsWith('-')) {
    process.argv[1] = path.resolve(process.argv[1]);
  }
  process.argv0 = process.argv0 ?? process.argv[0];
  require('internal/util/debuglog').initializeDebugEnv(process.env.NODE_DEBUG);
  const { Module, initializeCJS } = require('internal/modules/cjs/loader');
  initializeCJS();
  const preloads = getOptionValue('--require');
  if (preloads && preloads.length > 0) Module._preloadModules(preloads);
  const imports = getOptionValue('--import');
  if (imports && imports.length > 0) {
    const { codes: { ERR_NOT_IMPLEMENTED } } = require('internal/errors');
    throw new ERR_NOT_IMPLEMENTED('--import');
  }
}

module.exports = { prepareMainThreadExecution };
