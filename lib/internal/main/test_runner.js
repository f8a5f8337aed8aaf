'use strict';

// `lode --test [patterns...]`: runs the test files the patterns (or the
// default pattern) match and reports them with the command line's
// reporters; the exit code is 1 when a test failed.

const {
  ArrayPrototypeMap,
  ArrayPrototypeSlice,
  NumberParseInt,
  RegExpPrototypeExec,
  StringPrototypeSplit,
} = primordials;

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');
const { getOptionValue } = require('internal/options');
const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');

const kGenericUserError = 1;

function parseShard() {
  const text = getOptionValue('--test-shard');
  if (!text) return undefined;
  if (RegExpPrototypeExec(/^\d+\/\d+$/, text) === null) {
    throw new ERR_INVALID_ARG_VALUE('--test-shard', text,
                                    'must be in the form of <index>/<total>');
  }
  const parts = StringPrototypeSplit(text, '/', 2);
  return {
    __proto__: null,
    index: NumberParseInt(parts[0], 10),
    total: NumberParseInt(parts[1], 10),
  };
}

function patternsOf(flag) {
  const { convertStringToRegExp } = require('internal/test_runner/utils');
  const values = getOptionValue(flag) ?? [];
  if (values.length === 0) return undefined;
  return ArrayPrototypeMap(values, (v) => convertStringToRegExp(v, flag));
}

const isolation = getOptionValue('--test-isolation') || 'process';
if (isolation !== 'process' && isolation !== 'none') {
  throw new ERR_INVALID_ARG_VALUE('--test-isolation', isolation,
                                  'must be one of: \'process\', \'none\'');
}
const {
  createCommandLineReporters,
  getReporterOptions,
  shouldColorizeTestFiles,
} = require('internal/test_runner/reporters');
const reporters = createCommandLineReporters();
reporters.colorize = shouldColorizeTestFiles(getReporterOptions().destinations);

const timeout = getOptionValue('--test-timeout') || Infinity;
const options = {
  __proto__: null,
  isTestRunner: true,
  concurrency: isolation === 'none' ? 1 :
    (getOptionValue('--test-concurrency') || true),
  forceExit: getOptionValue('--test-force-exit'),
  isolation,
  only: getOptionValue('--test-only'),
  reporters: getReporterOptions().names,
  destinations: getReporterOptions().destinations,
  shard: parseShard(),
  // A file's own process gets the name patterns with the rest of the
  // command line.
  testNamePatterns: isolation === 'none' ?
    patternsOf('--test-name-pattern') : undefined,
  testSkipPatterns: isolation === 'none' ?
    patternsOf('--test-skip-pattern') : undefined,
  timeout,
  watch: getOptionValue('--watch'),
  // Under a parent run (isolation 'none' in watch mode), the parent has
  // run the global setup.
  globalSetupPath: process.env.NODE_TEST_CONTEXT === undefined ?
    (getOptionValue('--test-global-setup') || undefined) : undefined,
  coverage: getOptionValue('--experimental-test-coverage'),
  ...require('internal/test_runner/coverage').commandLineOptions(),
  rerunFailuresFilePath: getOptionValue('--test-rerun-failures') || undefined,
  globPatterns: ArrayPrototypeSlice(process.argv, 1),
};

require('internal/util/debuglog').debuglog('test_runner')(
  'test runner configuration:', options);

const { kHarness, run } = require('internal/test_runner/runner');

// SIGINT and SIGTERM end the run: the tests still running are cancelled
// and reported, and the process exits (with 1: tests were cancelled). As
// in Node, custom reporters are not waited for.
let stream;
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  const harness = stream?.[kHarness];
  if (harness !== undefined) {
    harness.watching = false;
    harness.root.postRun();
    await harness.teardown();
  }
  process.exit();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// With isolation 'none', the --require modules load into the run, after
// the global setup (their hooks are the run's global hooks); a file's own
// process loads them otherwise.
if (isolation === 'none' && !options.watch) {
  stream = run(options, {
    __proto__: null, reporters, prepare: () => prepareMainThreadExecution(),
  });
} else {
  prepareMainThreadExecution(false);
  stream = run(options, { __proto__: null, reporters });
}
stream.on('test:summary', (data) => {
  if (!data.success) process.exitCode = kGenericUserError;
});
