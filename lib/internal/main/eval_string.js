'use strict';

// `lode -e code` and `lode -p code`.

const { RegExpPrototypeExec } = primordials;

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');
const { getOptionValue } = require('internal/options');
const {
  evalScript,
  prepareEval,
} = require('internal/process/execution');
const { ERR_EVAL_ESM_CANNOT_PRINT } = require('internal/errors').codes;

prepareMainThreadExecution();

// An ES module has no completion value to print.
if (getOptionValue('--input-type') === 'module' &&
    getOptionValue('[print_eval]')) {
  throw new ERR_EVAL_ESM_CANNOT_PRINT();
}

function runEval() {
  const esm = require('internal/modules/esm/loader');
  const print = getOptionValue('[print_eval]');
  let { source: code, module } =
    prepareEval('[eval]', getOptionValue('--eval'), print);
  if (module) {
    if (hooks.hooksActive()) {
      return hooks.runSourceAsModule(code, '[eval1]');
    }
    esm.runSourceAsModule(code, '[eval1]');
  } else {
    // Code given with -e/-p sees `crypto` as node:crypto, not the Web
    // Crypto global, as in Node (which wraps the code the same way, so
    // that its error positions match these).
    if (RegExpPrototypeExec(/\bcrypto\b/, code) !== null) {
      code = print ? `let crypto=require("node:crypto");{${code}}` :
        `(crypto=>{{${code}}})(require('node:crypto'))`;
    }
    evalScript('[eval]', code, print);
  }
}

// --import modules and --experimental-loader hooks come first.
const hooks = require('internal/modules/esm/hooks');
if (hooks.needsAsyncEntry()) {
  hooks.runWithPreloads(runEval);
} else {
  runEval();
}
