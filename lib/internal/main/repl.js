'use strict';

// `lode -i`, and `lode` with no script when standard input is a terminal:
// the welcome line, then the REPL on stdin/stdout. With -e, that code runs
// first.

const {
  prepareMainThreadExecution,
} = require('internal/process/pre_execution');
const { getOptionValue } = require('internal/options');
const { evalScript } = require('internal/process/execution');
const { exitCodes: { kInvalidCommandLineArgument } } =
  internalBinding('errors');

prepareMainThreadExecution();

if (process.env.NODE_REPL_EXTERNAL_MODULE) {
  require('internal/modules/cjs/loader').Module
    ._load(process.env.NODE_REPL_EXTERNAL_MODULE, null, true);
} else {
  if (getOptionValue('--input-type')) {
    // console.error: quiet when stderr cannot be written.
    require('internal/console/global')
      .error('Cannot specify --input-type for REPL');
    process.exit(kInvalidCommandLineArgument);
  }

  require('internal/console/global').log(
    `Welcome to Node.js ${process.version}.\n` +
    'Type ".help" for more information.');

  require('internal/repl').createInternalRepl(process.env, (err, repl) => {
    if (err) throw err;
    repl.on('exit', () => {
      if (repl.historyManager.isFlushing) {
        return repl.once('flushHistory', () => process.exit());
      }
      process.exit();
    });
  });

  // -i -e code: the code runs in the REPL's (global) context first.
  if (getOptionValue('[has_eval_string]')) {
    evalScript('[eval]', getOptionValue('--eval'),
               getOptionValue('[print_eval]'));
  }
}
