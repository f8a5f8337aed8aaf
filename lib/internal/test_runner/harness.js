'use strict';

// The root of a test tree and what it reports to. A file that uses
// node:test and is run directly (`lode file.js`, or as one file of
// `lode --test`) gets one on its first test(), describe() or hook call:
// it collects the top-level tests while the entry file loads, then runs
// them one after the other, turns uncaught errors into test failures, and
// when the event loop empties reports the summary and sets
// process.exitCode. run() with isolation 'none' makes one of its own and
// loads the test files into it.

const {
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  FunctionPrototypeBind,
  JSONParse,
  JSONStringify,
  PromisePrototypeThen,
  PromiseResolve,
  SafeMap,
  SafeSet,
} = primordials;

// Taken before a test can mock the timers.
const {
  clearInterval: realClearInterval,
  setImmediate: realSetImmediate,
  setInterval: realSetInterval,
} = require('timers');
const { TIMEOUT_MAX } = require('internal/timers');

const {
  kUncaughtException,
  kUnhandledRejection,
  convertStringToRegExp,
  elapsedMs,
  getCallerLocation,
} = require('internal/test_runner/utils');
const {
  Suite,
  Test,
  getCurrent,
  getCurrentSource,
  normalizeArgs,
  runnerFailure,
} = require('internal/test_runner/test');

let harness = null;

function optionValue(name, fallback) {
  const { getOptionValue } = require('internal/options');
  try {
    return getOptionValue(name) ?? fallback;
  } catch {
    return fallback;
  }
}

function patternsOf(flag) {
  const values = optionValue(flag, []);
  if (values.length === 0) return null;
  return ArrayPrototypeMap(values, (v) => convertStringToRegExp(v, flag));
}

// The harness configuration of a file run directly: the command line.
function commandLineConfig() {
  const { createCommandLineReporters } =
    require('internal/test_runner/reporters');
  const isChild = process.env.NODE_TEST_CONTEXT !== undefined;
  const main = process.argv[1];
  const entryFile = typeof main === 'string' && main.length > 0 ?
    require('path').resolve(main) : undefined;
  return {
    __proto__: null,
    reporter: createCommandLineReporters(),
    entryFile,
    namePatterns: patternsOf('--test-name-pattern'),
    skipPatterns: patternsOf('--test-skip-pattern'),
    // Run directly, `only` always filters; a file of `lode --test` does
    // only with --test-only (the parent passes it on).
    filterByOnly: isChild ? optionValue('--test-only', false) === true : true,
    timeout: optionValue('--test-timeout', 0) || Infinity,
    forceExit: optionValue('--test-force-exit', false) === true,
    concurrency: 1,
    setExitCode: true,
    // A file of `lode --test` leaves the global setup to its parent.
    globalSetupPath: isChild ? undefined :
      (optionValue('--test-global-setup', '') || undefined),
    cwd: process.cwd(),
    coverage: optionValue('--experimental-test-coverage', false) === true,
    ...require('internal/test_runner/coverage').commandLineOptions(),
    rerunFailuresFilePath:
      optionValue('--test-rerun-failures', '') || undefined,
    // A file of `lode --test` leaves the rerun file to its parent.
    writeRerunFile: !isChild,
  };
}

// --test-rerun-failures: the file's earlier runs (an array, one object per
// run, mapping "file:line:column" to the attempt the test passed on).
function readPreviousRuns(file) {
  const { readFileSync } = require('fs');
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err?.code !== 'ENOENT') throw err;
    text = '[]';
  }
  return JSONParse(text);
}

// --test-global-setup runs once per process.
let globalSetupDone = false;

class Harness {
  constructor(config) {
    this.config = config;
    this.running = new SafeSet();
    this.lastFinished = null;
    this.resetCounters();
    this.success = true;
    this.finished = false;
    this.watching = false;
    this.idleRounds = 0;
    this.keepAlive = undefined;
    this.afterHooksStarted = false;
    this.root = new Test({
      __proto__: null, name: '<root>', harness: this,
      concurrency: config.concurrency, timeout: config.rootTimeout,
      signal: config.signal,
    });
    this.root.entryFile = config.entryFile;
    this.previousRuns = null;
    this.testIdentifiers = new SafeMap();
    if (config.rerunFailuresFilePath) {
      const { validatePath } = require('internal/fs/utils');
      validatePath(config.rerunFailuresFilePath, '--test-rerun-failures');
      this.previousRuns = readPreviousRuns(config.rerunFailuresFilePath);
      this.passedTests = { __proto__: null };
      this.passedCount = { __proto__: null };
    }
    this.coverage = undefined;
    if (config.coverage) {
      const { TestCoverage } = require('internal/test_runner/coverage');
      this.coverage = new TestCoverage(config);
      this.coverage.setup();
    }
    this.root.startTime = process.hrtime.bigint();
    this.root.holdStart = true;
    this.root.done = {
      __proto__: null, promise: null, resolve: () => {},
    };
  }

  // Loads the --test-global-setup module and runs its globalSetup(); its
  // globalTeardown() runs once the run has ended. Settles before any test
  // starts.
  bootstrap() {
    if (this.bootstrapped === undefined) {
      this.bootstrapping = true;
      this.bootstrapped = PromisePrototypeThen(this.runGlobalSetup(), () => {
        this.bootstrapping = false;
      });
    }
    return this.bootstrapped;
  }

  async runGlobalSetup() {
    const file = this.config.globalSetupPath;
    if (!file || globalSetupDone) return;
    globalSetupDone = true;
    const { resolve } = require('path');
    const { pathToFileURL } = require('internal/url');
    const { importModule } = require('internal/modules/esm/loader');
    const { validateFunction } = require('internal/validators');
    const cwd = this.config.cwd ?? process.cwd();
    const module = await importModule(pathToFileURL(resolve(cwd, file)).href,
                                      pathToFileURL(`${cwd}/`).href);
    if (module.globalTeardown) {
      validateFunction(module.globalTeardown,
                       'globalSetupModule.globalTeardown');
      this.globalTeardown = module.globalTeardown;
    }
    if (module.globalSetup) {
      validateFunction(module.globalSetup, 'globalSetupModule.globalSetup');
      await module.globalSetup();
    }
  }

  async teardown() {
    const fn = this.globalTeardown;
    if (fn === undefined) return;
    this.globalTeardown = undefined;
    await fn();
  }

  resetCounters() {
    this.counters = {
      __proto__: null,
      tests: 0, suites: 0, passed: 0, failed: 0, cancelled: 0, skipped: 0,
      todo: 0, topLevel: 0,
    };
  }

  // The file being run: the one every test reports as its filePath.
  entryFile() {
    return this.root.entryFile;
  }

  // The location events of the root carry.
  rootLocation() {
    const file = this.config.entryFile;
    if (file === undefined) return undefined;
    return { __proto__: null, line: 1, column: 1, file };
  }

  emit(event) {
    if (event.type === 'test:pass' && this.passedTests !== undefined) {
      this.notePassed(event.data);
    }
    this.config.reporter.emit(event);
  }

  // --test-rerun-failures: "file:line:column" (with ":(n)" for the n-th
  // test at the same place) of the tests that passed, and on which attempt.
  testIdentifier(file, line, column, seen) {
    const { relative } = require('path');
    const cwd = this.config.cwd ?? process.cwd();
    let id = `${relative(cwd, file)}:${line}:${column}`;
    const count = seen[id];
    if (count !== undefined) {
      seen[id] = count + 1;
      id += `:(${count})`;
    } else {
      seen[id] = 1;
    }
    return id;
  }

  notePassed(data) {
    if (data.file === undefined) return;
    const id = this.testIdentifier(data.file, data.line, data.column,
                                   this.passedCount);
    this.passedTests[id] = {
      __proto__: null,
      name: data.name,
      passed_on_attempt: data.details?.passed_on_attempt ??
        data.details?.attempt,
    };
  }

  writeRerunFile() {
    if (this.passedTests === undefined || !this.config.writeRerunFile) return;
    const { writeFileSync } = require('fs');
    ArrayPrototypePush(this.previousRuns, this.passedTests);
    writeFileSync(this.config.rerunFailuresFilePath,
                  JSONStringify(this.previousRuns, null, 2), 'utf8');
  }

  count(test) {
    const c = this.counters;
    if (test.nesting === 0) c.topLevel++;
    if (test.reportedType === 'suite') {
      c.suites++;
      return;
    }
    c.tests++;
    if (test.skipped) {
      c.skipped++;
    } else if (test.isTodo) {
      c.todo++;
    } else if (test.cancelled) {
      c.cancelled++;
      this.success = false;
    } else if (!test.passed) {
      c.failed++;
      this.success = false;
    } else {
      c.passed++;
    }
  }

  // A test made after its parent ended: one more of the root's, reported
  // in its turn after those the root has already.
  reportLate(test) {
    test.startTime ??= process.hrtime.bigint();
    test.endTime = process.hrtime.bigint();
    test.finished = true;
    const root = this.root;
    if (root.finished) {
      test.testNumber = ++root.outputCount;
      test.reportTo(root);
      return;
    }
    ArrayPrototypePush(root.subtests, test);
    root.childFinished(test);
  }

  // The entry file has loaded: run the top-level tests.
  release() {
    const root = this.root;
    if (this.config.filterByOnly) root.filterOnly();
    root.pending = ArrayPrototypeFilter(
      root.pending, (t) => ArrayPrototypeIncludes(root.subtests, t));
    root.holdStart = false;
    root.startPending();
    this.maybeAllDone();
  }

  onUncaught(err, kind) {
    const { isReporterError } = require('internal/test_runner/reporters');
    // The run cannot start (the global setup failed): the error ends it.
    if (isReporterError(err) || this.bootstrapping) throw err;
    const event = kind === kUncaughtException ?
      'uncaughtException' : 'unhandledRejection';
    // The test or hook whose code made the callback that threw, or whose
    // code rejected the promise (the listener runs in that code's context).
    let source;
    if (kind === kUncaughtException) {
      const { executionAsyncId } = require('async_hooks');
      source = this.resources?.get(executionAsyncId());
    } else {
      source = getCurrentSource();
    }
    if (source !== undefined && (source.isHook || source.finished)) {
      const name = source.isHook ?
        `Test hook "${source.name}"` : `Test "${source.name}"`;
      let where = '';
      if (source.loc !== undefined) {
        const { relative } = require('path');
        const cwd = this.config.cwd ?? process.cwd();
        where = ` at ${relative(cwd, source.loc.file)}:` +
          `${source.loc.line}:${source.loc.column}`;
      }
      this.addDiagnostic(
        `Error: ${name}${where} generated asynchronous activity after the ` +
        `test ended. This activity created the error "${err}" and would ` +
        'have caused the test to fail, but instead triggered an ' +
        `${event} event.`);
      return;
    }
    if (source !== undefined) {
      source.stop(runnerFailure(err, kind));
      return;
    }
    this.addDiagnostic(
      'Error: A resource generated asynchronous activity after the test ' +
      `ended. This activity created the error "${err}" which triggered an ` +
      `${event} event, caught by the test runner.`);
  }

  addDiagnostic(text) {
    ArrayPrototypePush(this.root.diagnostics, text);
    this.success = false;
    process.exitCode = 1;
  }

  // Every top-level test has ended: the root's after() hooks run now (they
  // may close what keeps the loop alive), and with --test-force-exit the
  // process ends once the summary is out.
  maybeAllDone() {
    const root = this.root;
    if (this.afterHooksStarted || root.holdStart || root.pending.length > 0 ||
        root.activeSubtests > 0 || root.subtests.length === 0 ||
        root.nextToReport < root.subtests.length) {
      return;
    }
    this.afterHooksStarted = true;
    const next = () => {
      if (this.config.forceExit) {
        root.postRun();
        const ended = PromisePrototypeThen(this.ended ?? PromiseResolve(),
                                           () => this.teardown());
        PromisePrototypeThen(ended, () => process.exit());
      }
    };
    if (root.hooks.after.length > 0 && !root.afterRan) {
      root.afterRan = true;
      PromisePrototypeThen(this.runGlobalAfter(), next, (err) => {
        root.fail(err);
        next();
      });
      return;
    }
    next();
  }

  // The root's after hooks, a tick after the last test has ended and
  // through as many frames as Node's root test runs them.
  async runGlobalAfter() {
    await undefined;
    const root = this.root;
    const after = async () => {
      await root.runHooks(root.hooks.after, root.getContext());
    };
    await after();
  }

  // The event loop is empty: whatever has not finished is cancelled.
  onBeforeExit() {
    if (this.finished) return;
    const root = this.root;
    if (root.holdStart) this.release();
    // As Node: the process waits for the tests that have started, even
    // when nothing but unref'd handles (or nothing at all) is left.
    if (this.hasRunningTests()) {
      this.keepAlive ??= realSetInterval(() => {}, TIMEOUT_MAX);
      return;
    }
    if ((root.pending.length > 0 || root.activeSubtests > 0) &&
        this.idleRounds++ < 10) {
      realSetImmediate(() => {});
      return;
    }
    if (root.hooks.after.length > 0 && !root.afterRan) {
      root.afterRan = true;
      PromisePrototypeThen(
        root.runHooks(root.hooks.after, root.getContext()),
        () => this.end(),
        (err) => {
          root.fail(err);
          this.end();
        });
      return;
    }
    this.end();
  }

  hasRunningTests() {
    for (const test of this.running) {
      if (test.parent !== null && !test.finished) return true;
    }
    return false;
  }

  // A test ended: once none is running, the loop may end again.
  testEnded() {
    if (this.keepAlive === undefined || this.hasRunningTests()) return;
    realClearInterval(this.keepAlive);
    this.keepAlive = undefined;
  }

  // The summary, then the global teardown.
  end() {
    this.root.postRun();
    PromisePrototypeThen(this.teardown(), undefined, (err) => {
      process.nextTick(() => { throw err; });
    });
  }

  // Called by the root's postRun.
  finish() {
    if (this.finished) return;
    this.finished = true;
    const root = this.root;
    const loc = this.rootLocation();
    const error = root.error;
    if (error !== null && error.failureType !== 'subtestsFailed' &&
        this.config.entryFile !== undefined) {
      // The root's own failure (a global hook's): a line of its own, after
      // the tests', named after the file, as Node's.
      const data = {
        __proto__: null,
        name: this.config.entryFile,
        nesting: 0,
        testNumber: root.outputCount + 1,
        details: {
          __proto__: null,
          duration_ms: elapsedMs(root.startTime, process.hrtime.bigint()),
          error,
        },
      };
      if (this.firstCallLocation !== undefined) {
        data.line = this.firstCallLocation.line;
        data.column = this.firstCallLocation.column;
        data.file = this.firstCallLocation.file;
      }
      root.output({ __proto__: null, type: 'test:fail', data });
    }
    root.output({
      __proto__: null,
      type: 'test:plan',
      data: { __proto__: null, nesting: 0, count: this.counters.topLevel,
              ...loc },
    });
    for (let i = 0; i < root.diagnostics.length; i++) {
      root.output({
        __proto__: null,
        type: 'test:diagnostic',
        data: { __proto__: null, nesting: 0, message: root.diagnostics[i],
                level: 'info', ...loc },
      });
    }
    // The coverage summary is taken before the counts are reported (a
    // failure to make it is reported among them), and reported after them.
    let coverageSummary;
    if (this.coverage !== undefined) {
      try {
        coverageSummary = this.coverage.summary();
      } catch (err) {
        root.output({
          __proto__: null,
          type: 'test:diagnostic',
          data: { __proto__: null, nesting: 0, level: 'warn', ...loc,
                  message: `Warning: Could not report code coverage. ${err}` },
        });
        // The run fails, as in Node (a source map that cannot be read, say).
        this.success = false;
        process.exitCode = 1;
      }
      if (!this.watching) this.coverage.cleanup();
    }
    const c = this.counters;
    const duration = elapsedMs(root.startTime, process.hrtime.bigint());
    const lines = [
      `tests ${c.tests}`, `suites ${c.suites}`, `pass ${c.passed}`,
      `fail ${c.failed}`, `cancelled ${c.cancelled}`, `skipped ${c.skipped}`,
      `todo ${c.todo}`, `duration_ms ${duration}`,
    ];
    for (let i = 0; i < lines.length; i++) {
      root.output({
        __proto__: null,
        type: 'test:diagnostic',
        data: { __proto__: null, nesting: 0, message: lines[i],
                level: 'info', ...loc },
      });
    }
    if (coverageSummary !== undefined) {
      // The thresholds missed, then the report.
      const { thresholdFailures } = require('internal/test_runner/coverage');
      const failures = thresholdFailures(coverageSummary);
      // A missed threshold fails the process even under run(), whose test
      // failures leave the exit code alone (as in Node).
      if (failures.length > 0) process.exitCode = 1;
      for (let i = 0; i < failures.length; i++) {
        this.success = false;
        root.output({
          __proto__: null,
          type: 'test:diagnostic',
          data: { __proto__: null, nesting: 0, level: 'error', ...loc,
                  message: failures[i] },
        });
      }
      root.output({
        __proto__: null,
        type: 'test:coverage',
        data: { __proto__: null, nesting: 0, summary: coverageSummary, ...loc },
      });
    }
    // A failing global after hook is reported, but fails no test: the exit
    // code stays as the tests' (as Node's).
    if (error !== null && error.failureType !== 'hookFailed') {
      this.success = false;
    }
    const success = this.success;
    root.output({
      __proto__: null,
      type: 'test:summary',
      data: {
        __proto__: null,
        success,
        counts: { __proto__: null, ...c },
        duration_ms: duration,
        file: loc?.file,
      },
    });
    this.writeRerunFile();
    if (this.watching) {
      // Watch mode: the next round reports again, from zero.
      this.resetCounters();
      this.success = true;
      this.finished = false;
      root.finished = false;
      root.diagnostics = [];
      return;
    }
    this.ended = this.config.reporter.end();
    if (!success && this.config.setExitCode) process.exitCode = 1;
    this.removeListeners();
  }

  // Watch mode: a round begins, timed from now.
  restartRound() {
    this.root.startTime = process.hrtime.bigint();
    this.root.endTime = null;
  }

  addListeners() {
    // Which test or hook each asynchronous resource was made by (promises
    // left out: their rejections come without their context).
    const { createHook } = require('async_hooks');
    const resources = new SafeMap();
    this.resources = resources;
    this.asyncHook = createHook({
      __proto__: null,
      init(asyncId, type) {
        if (type === 'PROMISE') return;
        const source = getCurrentSource();
        if (source !== undefined) resources.set(asyncId, source);
      },
      destroy(asyncId) {
        resources.delete(asyncId);
      },
    }).enable();
    this.uncaughtListener = (err) => this.onUncaught(err, kUncaughtException);
    this.rejectionListener =
      (err) => this.onUncaught(err, kUnhandledRejection);
    this.beforeExitListener = () => this.onBeforeExit();
    process.on('uncaughtException', this.uncaughtListener);
    process.on('unhandledRejection', this.rejectionListener);
    process.on('beforeExit', this.beforeExitListener);
  }

  removeListeners() {
    if (this.uncaughtListener === undefined) return;
    this.asyncHook.disable();
    process.removeListener('uncaughtException', this.uncaughtListener);
    process.removeListener('unhandledRejection', this.rejectionListener);
    process.removeListener('beforeExit', this.beforeExitListener);
    this.uncaughtListener = undefined;
  }
}

// The harness tests attach to now: run()'s with isolation 'none' while it
// loads its files, or the one of a file run directly.
function getHarness() {
  if (harness === null) {
    const h = new Harness(commandLineConfig());
    harness = h;
    // Where the file first used node:test: the root's location.
    h.firstCallLocation = getCallerLocation();
    h.config.reporter.begin?.();
    h.addListeners();
    // The top-level tests start once the entry file has run, from the
    // microtasks that follow it (through no tick, and bound, not wrapped:
    // the tests' stack traces have as many frames as under Node).
    PromisePrototypeThen(h.bootstrap(), FunctionPrototypeBind(h.release, h));
  }
  return harness;
}

function setHarness(value) {
  harness = value;
}

// The test or suite that test()/describe()/hooks attach to now.
function getParent() {
  const owner = getCurrent();
  if (owner !== null && !owner.finished) return owner;
  return getHarness().root;
}

function runTest(Factory, name, options, fn, overrides) {
  const parent = getParent();
  const loc = getCallerLocation();
  const test = parent.createSubtest(Factory, name, options, fn, {
    __proto__: null, loc, ...overrides,
  });
  if (test === null) return PromiseResolve();
  if (parent.reportedType === 'suite') {
    // A suite starts its children itself, once it runs.
    return PromiseResolve();
  }
  return test.start();
}

function makeRunner(Factory, overrides) {
  if (overrides === undefined) {
    // Named as Node's: test.name, describe.name and it.name are 'test'.
    return function test(name, options, fn) {
      return runTest(Factory, name, options, fn, overrides);
    };
  }
  return (name, options, fn) => runTest(Factory, name, options, fn,
                                        overrides);
}

function hook(name) {
  return function(fn, options) {
    const parent = getParent();
    parent.createHook(name, fn, options);
  };
}

module.exports = {
  Harness,
  getHarness,
  hook,
  makeRunner,
  normalizeArgs,
  setHarness,
  Suite,
  Test,
};
