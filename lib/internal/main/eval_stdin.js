'use strict';

// `lode < script.js` and `lode -`: the program comes on standard input.

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');
const { getOptionValue } = require('internal/options');
const {
  evalScript,
  prepareEval,
} = require('internal/process/execution');

prepareMainThreadExecution();
let code = internalBinding('fs').readFileUtf8(0, 0);
const print = getOptionValue('[print_eval]');
const esm = require('internal/modules/esm/loader');
let isModule;
({ source: code, module: isModule } = prepareEval('[stdin]', code, print));
if (isModule) {
  esm.runSourceAsModule(code, '[stdin1]');
} else {
  evalScript('[stdin]', code, print);
}
