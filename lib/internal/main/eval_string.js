'use strict';

// `lode -e code` and `lode -p code`.

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');
const { getOptionValue } = require('internal/options');
const { evalScript } = require('internal/process/execution');

prepareMainThreadExecution();
const inputType = getOptionValue('--input-type');
const esm = require('internal/modules/esm/loader');
if (inputType === 'module' ||
    (inputType !== 'commonjs' && !getOptionValue('[print_eval]') &&
     esm.containsModuleSyntax(getOptionValue('--eval'), '[eval]'))) {
  esm.runSourceAsModule(getOptionValue('--eval'), '[eval1]');
} else {
  evalScript('[eval]', getOptionValue('--eval'),
             getOptionValue('[print_eval]'));
}
