'use strict';

// `lode --check file.js` (or the code on stdin): compiles without running;
// a syntax error is reported as an uncaught exception (exit 1). ES module
// code is compiled as a module.

const {
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');
const { getOptionValue } = require('internal/options');
const { checkSyntax } = internalBinding('contextify');

prepareMainThreadExecution(true);
const filename = process.argv[1];
const fsBinding = internalBinding('fs');
const source = filename ? fsBinding.readFileUtf8(filename, 0) :
  fsBinding.readFileUtf8(0, 0);
const name = filename || '[stdin]';

// As Node: code on stdin is a module only with --input-type=module; a file
// is one by its extension or package.json "type". A CommonJS file that
// only fails for having module syntax passes.
function isModule() {
  if (!filename) return getOptionValue('--input-type') === 'module';
  const esm = require('internal/modules/esm/loader');
  return esm.shouldRunAsESM(filename);
}

function checkCommonJS() {
  if (filename && StringPrototypeSlice(filename, -4) !== '.cjs' &&
      require('internal/modules/esm/loader')
        .containsModuleSyntax(source, name)) {
    return;
  }
  const body = StringPrototypeStartsWith(source, '#!') ?
    `//${StringPrototypeSlice(source, 2)}` : source;
  checkSyntax(body, name);
}

function check() {
  if (isModule()) {
    const { ModuleWrap } = internalBinding('module_wrap');
    // Compiling registers nothing the loader looks up by URL.
    new ModuleWrap(name, source);
  } else {
    checkCommonJS();
  }
}

const hooks = require('internal/modules/esm/hooks');
if (hooks.needsAsyncEntry()) {
  // As in Node, --import modules (and --experimental-loader hooks) are
  // loaded first.
  hooks.runWithPreloads(check);
} else {
  check();
}
