'use strict';

// `lode inspect [--port=N] script [args]`, `lode inspect -p pid` and
// `lode inspect host:port`: the command-line debugger client
// (lib/internal/debugger/).

const {
  prepareMainThreadExecution,
} = require('internal/process/pre_execution');

prepareMainThreadExecution();

require('internal/debugger/inspect').start();
