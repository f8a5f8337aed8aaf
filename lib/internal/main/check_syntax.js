'use strict';

// `lode --check file.js`: compiles without running; a syntax error is
// reported as an uncaught exception (exit 1).

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');
const { checkSyntax } = internalBinding('contextify');

prepareMainThreadExecution(true);
const filename = process.argv[1];
const fsBinding = internalBinding('fs');
const source = filename ? fsBinding.readFileUtf8(filename, 0) :
  fsBinding.readFileUtf8(0, 0);
const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
checkSyntax(body, filename || '[stdin]');
