'use strict';

// `lode < script.js` and `lode -`: the program comes on standard input.

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');
const { getOptionValue } = require('internal/options');
const { evalScript } = require('internal/process/execution');

prepareMainThreadExecution();
const code = internalBinding('fs').readFileUtf8(0, 0);
const inputType = getOptionValue('--input-type');
const esm = require('internal/modules/esm/loader');
if (inputType === 'module' ||
    (inputType !== 'commonjs' && !getOptionValue('[print_eval]') &&
     esm.containsModuleSyntax(code, '[stdin]', false))) {
  esm.runSourceAsModule(code, '[stdin1]');
} else {
  evalScript('[stdin]', code, getOptionValue('[print_eval]'));
}
