'use strict';

// run() and `lode --test`: finds the test files, runs each in a child
// process of its own (isolation 'process', the default) or all of them in
// this process (isolation 'none'), and reports every file's tests, in file
// order, as one run.
//
// A child is this runtime on the file with NODE_TEST_CONTEXT=child-v8: it
// reports through the v8 serializer on stdout (reporter/v8-serializer.js).
// A FileTest reads those frames back; the bytes between frames are the
// file's own output (test:stdout) and its stderr lines are test:stderr.
// The first file still reporting streams its events as they come, the
// others keep theirs until it is their turn. A file that reported no test,
// or that failed otherwise than by failing tests, reports itself as a test
// named by its path.

const {
  ArrayIsArray,
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  ArrayPrototypePushApply,
  ArrayPrototypeSlice,
  ArrayPrototypeSome,
  ArrayPrototypeSort,
  MathMax,
  ObjectAssign,
  Symbol,
  Promise,
  PromisePrototypeThen,
  PromiseResolve,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_TEST_FAILURE,
  },
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateObject,
  validateOneOf,
  validateString,
  validateStringArray,
} = require('internal/validators');
const { isRegExp } = require('internal/util/types');
const { kEmptyObject } = require('internal/util');
const { Harness, setHarness } = require('internal/test_runner/harness');
const { Test } = require('internal/test_runner/test');
const { TestsStream, kEmitMessage } =
  require('internal/test_runner/tests_stream');
const {
  kAborted,
  kCancelledByParent,
  kSubtestsFailed,
  kTestCodeFailure,
  kTestTimeoutFailure,
  convertStringToRegExp,
  getDefaultPattern,
} = require('internal/test_runner/utils');

const kGenericUserError = 1;
// The harness of a run, on the stream run() returns (for `lode --test`).
const kHarness = Symbol('kHarness');

// The options a file's process must not get from the runner's command line.
const kDroppedFlags = [
  '--test', '--watch', '--experimental-test-coverage',
  '--experimental-default-config-file',
];
const kDroppedFlagsWithValue = [
  '--test-reporter', '--test-reporter-destination', '--watch-path',
  '--experimental-config-file',
];
// The diagnostics with which a file's root closes its report ("tests 3"):
// the run reports its own.
const kCounterNames = [
  'tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo',
  'duration_ms',
];
const kCancelledTypes = new SafeSet([
  kCancelledByParent, kAborted, kTestTimeoutFailure,
]);

// ---- the files ----

function hasMagic(pattern) {
  return RegExpPrototypeExec(/[*?[\]{}]|[!+@]\(/, pattern) !== null;
}

// The files matching `patterns` (the default pattern when there are none),
// node_modules excluded, sorted. A pattern the user gave without glob
// characters that matches nothing ends the process, as in Node.
function createTestFileList(patterns, cwd) {
  const userPatterns = patterns != null;
  if (!patterns || patterns.length === 0) patterns = [getDefaultPattern()];
  const { Glob } = require('internal/fs/glob');
  const glob = new Glob(patterns, {
    __proto__: null,
    cwd,
    exclude: (name) => name === 'node_modules',
  });
  const results = glob.globSync();
  if (userPatterns && results.length === 0 &&
      !ArrayPrototypeSome(patterns, hasMagic)) {
    process.stderr.write(
      `Could not find '${ArrayPrototypeJoin(patterns, ', ')}'\n`);
    process.exit(kGenericUserError);
  }
  return ArrayPrototypeSort(results);
}

function isDropped(arg, i, args) {
  if (ArrayPrototypeIncludes(kDroppedFlags, arg)) return false;
  return !ArrayPrototypeSome(kDroppedFlagsWithValue, (flag) =>
    arg === flag || (i > 0 && args[i - 1] === flag) ||
    StringPrototypeStartsWith(arg, `${flag}=`));
}

// The command line of a file's process.
function getRunArgs(path, opts) {
  const args = ArrayPrototypeFilter(process.execArgv, isDropped);
  if (opts.forceExit === true) ArrayPrototypePush(args, '--test-force-exit');
  if (opts.testNamePatterns != null) {
    for (let i = 0; i < opts.testNamePatterns.length; i++) {
      ArrayPrototypePush(
        args, `--test-name-pattern=${patternText(opts.testNamePatterns[i])}`);
    }
  }
  if (opts.testSkipPatterns != null) {
    for (let i = 0; i < opts.testSkipPatterns.length; i++) {
      ArrayPrototypePush(
        args, `--test-skip-pattern=${patternText(opts.testSkipPatterns[i])}`);
    }
  }
  if (opts.only === true) ArrayPrototypePush(args, '--test-only');
  if (opts.timeout != null && opts.timeout !== Infinity) {
    ArrayPrototypePush(args, `--test-timeout=${opts.timeout}`);
  }
  if (opts.rerunFailuresFilePath) {
    ArrayPrototypePush(args,
                       `--test-rerun-failures=${opts.rerunFailuresFilePath}`);
  }
  ArrayPrototypePushApply(args, opts.execArgv);
  if (opts.oneProcess) {
    ArrayPrototypePush(args, '--test');
    ArrayPrototypePushApply(args, ArrayPrototypeSlice(process.argv, 1));
  } else {
    ArrayPrototypePush(args, path);
  }
  ArrayPrototypePushApply(args, opts.argv);
  return args;
}

// A RegExp as a --test-name-pattern value ("/source/flags").
function patternText(re) {
  return `/${re.source}/${re.flags}`;
}

// ---- the frames a file's process writes ----

let frameHeader;

function getFrameHeader() {
  if (frameHeader === undefined) {
    const { DefaultSerializer } = require('v8');
    const serializer = new DefaultSerializer();
    serializer.writeHeader();
    frameHeader = serializer.releaseBuffer();
  }
  return frameHeader;
}

// Splits a child's stdout into its own text and event frames.
class FrameReader {
  #pending = null;   // bytes not yet understood
  #onText;
  #onEvent;

  constructor(onText, onEvent) {
    this.#onText = onText;
    this.#onEvent = onEvent;
  }

  push(chunk) {
    const { Buffer } = require('buffer');
    let data = this.#pending === null ? chunk :
      Buffer.concat([this.#pending, chunk]);
    this.#pending = null;
    const header = getFrameHeader();
    const prefix = header.length + 4;
    while (data.length > 0) {
      const at = data.indexOf(header);
      if (at === -1) {
        // A frame may begin with the last byte.
        const keep = data[data.length - 1] === header[0] ? 1 : 0;
        this.#text(data.subarray(0, data.length - keep));
        if (keep === 1) this.#pending = data.subarray(data.length - 1);
        return;
      }
      if (at > 0) {
        this.#text(data.subarray(0, at));
        data = data.subarray(at);
      }
      if (data.length < prefix) break;
      const size = data.readUInt32BE(header.length);
      if (data.length < prefix + size) break;
      const body = data.subarray(prefix, prefix + size);
      data = data.subarray(prefix + size);
      const { DefaultDeserializer } = require('v8');
      const deserializer = new DefaultDeserializer(body);
      deserializer.readHeader();
      this.#onEvent(deserializer.readValue());
    }
    if (data.length > 0) this.#pending = data;
  }

  // The process has ended: what is left is text.
  end() {
    if (this.#pending !== null) this.#text(this.#pending);
    this.#pending = null;
  }

  #text(bytes) {
    if (bytes.length > 0) this.#onText(bytes.toString('utf8'));
  }
}

// ---- a file's test ----

function isCounterDiagnostic(message) {
  if (typeof message !== 'string') return false;
  const space = StringPrototypeIndexOf(message, ' ');
  if (space === -1) return false;
  if (StringPrototypeIndexOf(message, ' ', space + 1) !== -1) return false;
  return ArrayPrototypeIncludes(kCounterNames,
                                StringPrototypeSlice(message, 0, space));
}

class FileTest extends Test {
  constructor(config) {
    super(config);
    const { resolve } = require('path');
    this.loc ??= {
      __proto__: null, line: 1, column: 1, file: resolve(this.name),
    };
    this.timeout = Infinity;
    this.reportedChildren = 0;
    this.failedSubtests = false;
    this.items = [];         // the child's events not yet reported
  }

  isClearToSend() {
    const root = this.parent;
    return !root.holdStart &&
      root.subtests[root.nextToReport] === this;
  }

  skipReporting() {
    return this.reportedChildren > 0 &&
      (this.error === null || this.error.failureType === kSubtestsFailed);
  }

  addItem(item) {
    if (item.type === 'test:pass' || item.type === 'test:fail') {
      this.reportedChildren++;
      if (item.data.nesting === 0 && item.type === 'test:fail') {
        this.failedSubtests = true;
      }
    }
    if (this.isClearToSend()) {
      this.drain();
      this.handleItem(item);
    } else {
      ArrayPrototypePush(this.items, item);
    }
  }

  drain() {
    const items = this.items;
    this.items = [];
    for (let i = 0; i < items.length; i++) this.handleItem(items[i]);
  }

  handleItem(item) {
    const { data } = item;
    const harness = this.harness;
    if (data.nesting === 0) {
      if (item.type === 'test:plan' && this.skipReporting()) return;
      if (item.type === 'test:diagnostic' &&
          isCounterDiagnostic(data.message)) {
        return;
      }
    }
    if (data.details?.error) {
      const { deserializeError } =
        require('internal/test_runner/reporter/v8-serializer');
      data.details.error = deserializeError(data.details.error);
    }
    if (item.type === 'test:pass' || item.type === 'test:fail') {
      if (data.nesting === 0) data.testNumber = harness.counters.topLevel + 1;
      harness.count({
        __proto__: null,
        nesting: data.nesting,
        reportedType: data.details?.type,
        skipped: data.skip !== undefined,
        isTodo: data.todo !== undefined,
        passed: item.type === 'test:pass',
        cancelled: kCancelledTypes.has(data.details?.error?.failureType),
      });
    }
    harness.emit(item);
  }

  // The child's stdout text and stderr lines.
  addOutput(type, message) {
    this.addItem({
      __proto__: null,
      type,
      data: { __proto__: null, file: this.path, message },
    });
  }

  // Its turn to report has come while it runs: what it kept goes out.
  onTurn() {
    this.drain();
  }

  reportTo(parent) {
    this.reported = true;
    this.drain();
    if (this.skipReporting()) return;
    super.reportTo(parent);
  }

  async run() {
    this.startTime = process.hrtime.bigint();
    this.harness.running.add(this);
    try {
      await this.runFile();
      this.pass();
    } catch (err) {
      if (err?.code === 'ERR_TEST_FAILURE' &&
          kCancelledTypes.has(err.failureType)) {
        this.cancel(err);
      } else {
        this.fail(err);
      }
    }
    this.postRun();
  }

  runFile() {
    const opts = this.runOptions;
    const { spawn } = require('child_process');
    const env = { __proto__: null, ...process.env,
                  NODE_TEST_CONTEXT: 'child-v8' };
    if (opts.colorize) env.FORCE_COLOR = '1';
    const stdio = ['pipe', 'pipe', 'pipe'];
    if (opts.watcher !== null) {
      // The child names the files it loads, for the watcher.
      ArrayPrototypePush(stdio, 'ipc');
      env.WATCH_REPORT_DEPENDENCIES = '1';
    }
    const child = spawn(process.execPath, getRunArgs(this.path, opts), {
      __proto__: null,
      cwd: opts.cwd,
      env,
      stdio,
      signal: this.signal,
    });
    this.child = child;
    opts.watcher?.onChildStarted(this.path, child);
    const reader = new FrameReader(
      (text) => this.addOutput('test:stdout', text),
      (item) => this.addItem(item));
    let stderrText = '';
    return new Promise((resolve, reject) => {
      let spawnError = null;
      let exit = null;
      let open = 2;
      const settle = () => {
        if (exit === null || open > 0) return;
        reader.end();
        if (stderrText.length > 0) {
          this.addOutput('test:stderr', `${stderrText}\n`);
        }
        const { 0: code, 1: signal } = exit;
        if (spawnError !== null) {
          reject(spawnError);
          return;
        }
        if (code !== 0 || signal !== null) {
          const type = this.failedSubtests ? kSubtestsFailed : kTestCodeFailure;
          reject(ObjectAssign(new ERR_TEST_FAILURE('test failed', type), {
            __proto__: null, exitCode: code, signal, stack: undefined,
          }));
          return;
        }
        resolve();
      };
      child.on('error', (err) => {
        spawnError ??= err;
        if (exit === null && child.pid === undefined) {
          exit = [null, null];
          open = 0;
          settle();
        }
      });
      child.stdout.on('data', (chunk) => reader.push(chunk));
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (text) => {
        stderrText += text;
        let newline;
        while ((newline = StringPrototypeIndexOf(stderrText, '\n')) !== -1) {
          const line = StringPrototypeSlice(stderrText, 0, newline + 1);
          stderrText = StringPrototypeSlice(stderrText, newline + 1);
          this.addOutput('test:stderr', line);
        }
      });
      const closed = () => {
        open--;
        settle();
      };
      child.stdout.on('close', closed);
      child.stderr.on('close', closed);
      child.on('exit', (code, signal) => {
        exit = [code, signal];
        settle();
      });
    });
  }
}

// ---- run() ----

function normalizePatterns(patterns, name) {
  if (patterns == null) return null;
  if (!ArrayIsArray(patterns)) patterns = [patterns];
  return ArrayPrototypeMap(patterns, (value, i) => {
    if (isRegExp(value)) return value;
    const label = `options.${name}[${i}]`;
    if (typeof value === 'string') return convertStringToRegExp(value, label);
    throw new ERR_INVALID_ARG_TYPE(label, ['string', 'RegExp'], value);
  });
}

function validateRunOptions(options) {
  validateObject(options, 'options');
  const {
    files, watch, forceExit, only, globPatterns, cwd = process.cwd(),
    shard, setup, isolation = 'process', coverage = false,
    execArgv = [], argv = [], concurrency,
  } = options;
  if (files != null) validateArray(files, 'options.files');
  if (watch != null) validateBoolean(watch, 'options.watch');
  if (forceExit != null) {
    validateBoolean(forceExit, 'options.forceExit');
    if (forceExit && watch) {
      throw new ERR_INVALID_ARG_VALUE(
        'options.forceExit', watch, 'is not supported with watch mode');
    }
  }
  if (only != null) validateBoolean(only, 'options.only');
  if (globPatterns != null) validateArray(globPatterns, 'options.globPatterns');
  validateString(cwd, 'options.cwd');
  if (globPatterns?.length > 0 && files?.length > 0) {
    throw new ERR_INVALID_ARG_VALUE(
      'options.globPatterns', globPatterns,
      'is not supported when specifying \'options.files\'');
  }
  if (shard != null) {
    validateObject(shard, 'options.shard');
    validateInteger(shard.total, 'options.shard.total', 1);
    validateInteger(shard.index, 'options.shard.index', 1, shard.total);
    if (watch) {
      throw new ERR_INVALID_ARG_VALUE('options.shard', watch,
                                      'shards not supported with watch mode');
    }
  }
  if (setup != null) validateFunction(setup, 'options.setup');
  validateOneOf(isolation, 'options.isolation', ['process', 'none']);
  validateBoolean(coverage, 'options.coverage');
  for (const name of ['coverageExcludeGlobs', 'coverageIncludeGlobs']) {
    const globs = options[name];
    if (globs != null) {
      validateStringArray(ArrayIsArray(globs) ? globs : [globs],
                          `options.${name}`);
    }
  }
  for (const name of ['lineCoverage', 'branchCoverage', 'functionCoverage']) {
    if (options[name] !== undefined) {
      validateInteger(options[name], `options.${name}`, 0, 100);
    }
  }
  validateStringArray(argv, 'options.argv');
  validateStringArray(execArgv, 'options.execArgv');
  if (concurrency != null && typeof concurrency !== 'number' &&
      typeof concurrency !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('options.concurrency',
                                   ['boolean', 'number'], concurrency);
  }
}

// The number of files run at once for `concurrency`.
function rootConcurrency(concurrency) {
  if (concurrency === true) {
    const { availableParallelism } = require('os');
    return MathMax(availableParallelism() - 1, 1);
  }
  if (typeof concurrency === 'number' && concurrency > 0) return concurrency;
  return 1;
}

// `cli` (from `lode --test` only): `reporters`, which get the events
// besides the returned stream, and `prepare`, which with isolation 'none'
// prepares this process (--require modules) once the global setup has run.
function run(options = kEmptyObject, cli) {
  const reporters = cli?.reporters;
  validateRunOptions(options);
  const {
    files, forceExit, only, globPatterns, cwd = process.cwd(), shard, setup,
    isolation = 'process', execArgv = [], argv = [], signal, watch,
    globalSetupPath, coverage = false, rerunFailuresFilePath,
  } = options;
  if (rerunFailuresFilePath) {
    const { validatePath } = require('internal/fs/utils');
    validatePath(rerunFailuresFilePath, 'options.rerunFailuresFilePath');
  }
  if (globalSetupPath != null) {
    const { validatePath } = require('internal/fs/utils');
    validatePath(globalSetupPath, 'options.globalSetupPath');
  }
  let { timeout } = options;
  const testNamePatterns =
    normalizePatterns(options.testNamePatterns, 'testNamePatterns');
  const testSkipPatterns =
    normalizePatterns(options.testSkipPatterns, 'testSkipPatterns');
  if (timeout != null && timeout !== Infinity) {
    const { validateNumber } = require('internal/validators');
    validateNumber(timeout, 'options.timeout', 0);
  } else {
    timeout = undefined;
  }

  const stream = new TestsStream();
  const { Reporters } = require('internal/test_runner/reporters');
  const sink = reporters ?? new Reporters([], [], undefined);
  const reporter = {
    __proto__: null,
    emit(event) {
      sink.emit(event);
      stream[kEmitMessage](event.type, event.data);
    },
    end() {
      const done = sink.end();
      stream.end();
      return done;
    },
  };

  if (isolation === 'process' && process.env.NODE_TEST_CONTEXT !== undefined) {
    process.emitWarning('node:test run() is being called recursively ' +
                        'within a test file. skipping running files.');
    const harness = new Harness({
      __proto__: null, reporter, filterByOnly: true, timeout: Infinity,
      concurrency: 1, setExitCode: false,
    });
    harness.root.holdStart = false;
    process.nextTick(() => harness.root.postRun());
    return stream;
  }

  let testFiles = files ?? createTestFileList(globPatterns, cwd);
  if (shard != null) {
    testFiles = ArrayPrototypeFilter(
      testFiles, (_, i) => i % shard.total === shard.index - 1);
  }

  // Isolation 'none' in watch mode runs the files in one child process
  // (`--test` with this process's arguments), started again on changes.
  const inProcess = isolation === 'none' && !watch;
  const harness = new Harness({
    __proto__: null,
    reporter,
    namePatterns: inProcess ? testNamePatterns : null,
    skipPatterns: inProcess ? testSkipPatterns : null,
    filterByOnly: inProcess ? true : only === true,
    timeout: inProcess ? (timeout ?? Infinity) : Infinity,
    rootTimeout: timeout,
    concurrency: isolation === 'none' ? 1 :
      rootConcurrency(options.concurrency),
    signal,
    forceExit: forceExit === true,
    setExitCode: false,
    cwd,
    globalSetupPath,
    coverage,
    // The files run in child processes: this one's own coverage (the
    // runner, the reporters) is not reported.
    coverageOfChildrenOnly: !inProcess,
    coverageExcludeGlobs: options.coverageExcludeGlobs,
    coverageIncludeGlobs: options.coverageIncludeGlobs,
    lineCoverage: options.lineCoverage,
    branchCoverage: options.branchCoverage,
    functionCoverage: options.functionCoverage,
    rerunFailuresFilePath,
    writeRerunFile: process.env.NODE_TEST_CONTEXT === undefined,
  });
  stream[kHarness] = harness;
  const opts = {
    __proto__: null,
    cwd, forceExit, only, testNamePatterns, testSkipPatterns, execArgv,
    argv, timeout, colorize: reporters?.colorize === true, watcher: null,
    signal, hasFiles: files != null, oneProcess: isolation === 'none',
    rerunFailuresFilePath,
  };

  if (inProcess) {
    // Tests made from now on (by --require modules too) belong to this run.
    harness.root.holdStart = true;
    harness.addListeners();
    setHarness(harness);
  }
  const start = async () => {
    await harness.bootstrap();
    if (typeof setup === 'function') await setup(stream);
    if (inProcess) {
      cli?.prepare?.();
      await runInThisProcess(harness, testFiles, cwd);
      return;
    }
    const root = harness.root;
    let startFile = (path) => startFileTest(harness, path, opts);
    if (watch) {
      const { watchTestFiles } = require('internal/test_runner/watch');
      startFile = watchTestFiles(harness, testFiles, opts, startFile,
                                 () => createTestFileList(globPatterns, cwd));
    }
    const runs = [];
    if (opts.oneProcess) {
      ArrayPrototypePush(runs, startFile(''));
    } else {
      for (let i = 0; i < testFiles.length; i++) {
        ArrayPrototypePush(runs, startFile(testFiles[i]));
      }
    }
    root.holdStart = false;
    root.startPending();
    for (let i = 0; i < runs.length; i++) await runs[i];
    if (!watch) {
      root.postRun();
      await harness.teardown();
    }
  };
  // After the caller has had the stream to listen to.
  PromisePrototypeThen(PromisePrototypeThen(PromiseResolve(), start),
                       undefined, (err) => {
                         process.nextTick(() => { throw err; });
                       });
  return stream;
}

function startFileTest(harness, path, opts) {
  const root = harness.root;
  const test = root.createSubtest(FileTest, path, {
    __proto__: null, signal: opts.signal,
  }, undefined, { __proto__: null, loc: undefined });
  test.path = path;
  test.runOptions = opts;
  return test.start();
}

// isolation 'none': the files load into this process one after the other;
// a file that makes no test gets one named by its path (failing if the
// file threw).
async function runInThisProcess(harness, testFiles, cwd) {
  const { resolve } = require('path');
  const { pathToFileURL } = require('internal/url');
  const { importModule } = require('internal/modules/esm/loader');
  const root = harness.root;
  const parentURL = pathToFileURL(`${cwd}/`).href;
  const { getOptionValue } = require('internal/options');
  const imports = getOptionValue('--import') ?? [];
  for (let i = 0; i < imports.length; i++) {
    await importModule(imports[i], parentURL);
  }
  let before = root.subtests.length;
  for (let i = 0; i < testFiles.length; i++) {
    const file = resolve(cwd, testFiles[i]);
    root.entryFile = file;
    let error = null;
    try {
      await importModule(pathToFileURL(file).href, parentURL);
    } catch (err) {
      error = err;
    }
    if (root.subtests.length === before) {
      const placeholder = root.createSubtest(Test, testFiles[i], kEmptyObject,
                                             undefined, { __proto__: null });
      if (error !== null) placeholder.fail(error);
      placeholder.start();
    } else if (error !== null) {
      process.nextTick(() => { throw error; });
    }
    before = root.subtests.length;
  }
  root.entryFile = undefined;
  harness.release();
}

module.exports = {
  FileTest,
  kHarness,
  createTestFileList,
  run,
};
