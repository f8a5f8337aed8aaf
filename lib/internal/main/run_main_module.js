'use strict';

// `lode file.js args`: runs the file as the main module.

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');

prepareMainThreadExecution(true);
require('internal/modules/cjs/loader').Module.runMain(process.argv[1]);
