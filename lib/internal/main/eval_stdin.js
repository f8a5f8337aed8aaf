'use strict';

// `lode < script.js` and `lode -`: the program comes on standard input.

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');
const { getOptionValue } = require('internal/options');
const {
  evalScript,
  prepareTypeScriptEval,
} = require('internal/process/execution');
const { ERR_EVAL_ESM_CANNOT_PRINT } = require('internal/errors').codes;

prepareMainThreadExecution();
let code = internalBinding('fs').readFileUtf8(0, 0);
const inputType = getOptionValue('--input-type');
const print = getOptionValue('[print_eval]');
const esm = require('internal/modules/esm/loader');
let isModule;
if (getOptionValue('--strip-types') && inputType !== 'module' &&
    inputType !== 'commonjs') {
  // TypeScript, or JavaScript that may be.
  ({ source: code, module: isModule } =
    prepareTypeScriptEval('[stdin]', code, inputType));
  if (isModule && print) throw new ERR_EVAL_ESM_CANNOT_PRINT();
} else {
  isModule = inputType === 'module' ||
    (inputType !== 'commonjs' && !print &&
     esm.containsModuleSyntax(code, '[stdin]', false));
}
if (isModule) {
  esm.runSourceAsModule(code, '[stdin1]');
} else {
  evalScript('[stdin]', code, print);
}
