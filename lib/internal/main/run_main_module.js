'use strict';

// `lode file.js args`: runs the file as the main module.

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');

prepareMainThreadExecution(true);
require('internal/modules/cjs/loader').Module.runMain(process.argv[1]);
// The ticks and microtasks the main script queued run outside of it.
require('internal/async_hooks').leaveTopLevel();
