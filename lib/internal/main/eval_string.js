'use strict';

// `lode -e code` and `lode -p code`.

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');
const { getOptionValue } = require('internal/options');
const { evalScript } = require('internal/process/execution');

prepareMainThreadExecution();

function runEval() {
  const inputType = getOptionValue('--input-type');
  const esm = require('internal/modules/esm/loader');
  if (inputType === 'module' ||
      (inputType !== 'commonjs' && !getOptionValue('[print_eval]') &&
       esm.containsModuleSyntax(getOptionValue('--eval'), '[eval]'))) {
    if (hooks.hooksActive()) {
      return hooks.runSourceAsModule(getOptionValue('--eval'), '[eval1]');
    }
    esm.runSourceAsModule(getOptionValue('--eval'), '[eval1]');
  } else {
    evalScript('[eval]', getOptionValue('--eval'),
               getOptionValue('[print_eval]'));
  }
}

// --import modules and --experimental-loader hooks come first.
const hooks = require('internal/modules/esm/hooks');
if (hooks.needsAsyncEntry()) {
  hooks.runWithPreloads(runEval);
} else {
  runEval();
}
