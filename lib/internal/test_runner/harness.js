'use strict';

// The root of the test tree for a file run directly (`lode file.js`): made
// on the first test(), describe() or hook call. It collects the top-level
// tests while the entry file loads, then runs them one after the other,
// turns uncaught errors into test failures, and when the event loop empties
// reports the summary and sets process.exitCode.

const {
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  ArrayPrototypeSome,
  PromisePrototypeThen,
  PromiseResolve,
  SafeSet,
} = primordials;

// Taken before a test can mock the timers.
const { setImmediate: realSetImmediate } = require('timers');

const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  kCancelledByParent,
  kUncaughtException,
  kUnhandledRejection,
  elapsedMs,
  getCallerLocation,
  getReporterName,
} = require('internal/test_runner/utils');
const {
  Suite,
  Test,
  getCurrent,
  normalizeArgs,
  runnerFailure,
} = require('internal/test_runner/test');

let harness = null;

function createFormatter(name) {
  const { getColors } = require('internal/test_runner/reporter/utils');
  const colors = getColors(process.stdout);
  switch (name) {
    case 'spec': {
      const { SpecFormatter } = require('internal/test_runner/reporter/spec');
      return new SpecFormatter(colors);
    }
    case 'tap': {
      const { TapFormatter } = require('internal/test_runner/reporter/tap');
      return new TapFormatter();
    }
    case 'dot': {
      const { DotFormatter } = require('internal/test_runner/reporter/dot');
      return new DotFormatter(colors);
    }
    default: {
      const { codes: { ERR_NOT_IMPLEMENTED } } = require('internal/errors');
      if (name === 'junit' || name === 'lcov') {
        throw new ERR_NOT_IMPLEMENTED(`the ${name} test reporter`);
      }
      throw new ERR_INVALID_ARG_VALUE('--test-reporter', name,
                                      'is not a built-in reporter');
    }
  }
}

class Harness {
  constructor() {
    this.formatter = null;
    this.running = new SafeSet();
    this.lastFinished = null;
    this.counters = {
      __proto__: null,
      tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0,
      todo: 0,
    };
    this.rootFailures = [];
    this.finished = false;
    this.idleRounds = 0;
    this.root = new Test({ __proto__: null, name: '<root>', harness: this });
    this.root.startTime = process.hrtime.bigint();
    this.root.holdStart = true;
    this.root.done = {
      __proto__: null, promise: null, resolve: () => {},
    };
  }

  // The file being run: the one every test reports as its filePath.
  entryFile() {
    if (this.entry === undefined) {
      const main = process.argv[1];
      this.entry = typeof main === 'string' && main.length > 0 ?
        require('path').resolve(main) : undefined;
    }
    return this.entry;
  }

  emit(event) {
    this.formatter ??= createFormatter(getReporterName());
    const text = this.formatter.format(event);
    if (text) process.stdout.write(text);
  }

  count(test) {
    const c = this.counters;
    if (test.reportedType === 'suite') {
      c.suites++;
      return;
    }
    c.tests++;
    if (test.skipped) c.skipped++;
    else if (test.isTodo) c.todo++;
    else if (test.cancelled) c.cancelled++;
    else if (!test.passed) c.fail++;
    else c.pass++;
  }

  reportLate(test) {
    test.startTime = test.endTime = process.hrtime.bigint();
    test.finished = true;
    test.reportTo(this.root);
  }

  // The entry file has loaded: run the top-level tests.
  release() {
    const root = this.root;
    root.filterOnly();
    root.pending = ArrayPrototypeFilter(
      root.pending, (t) => ArrayPrototypeIncludes(root.subtests, t));
    root.holdStart = false;
    root.startPending();
  }

  // Where an uncaught error belongs: the innermost test running now.
  blame() {
    let found = null;
    for (const test of this.running) {
      if (test.parent === null) continue;
      if (found === null || test.nesting >= found.nesting) found = test;
    }
    return found;
  }

  onUncaught(err, kind) {
    const test = this.blame();
    if (test !== null) {
      test.stop(runnerFailure(err, kind));
      return;
    }
    // Without async context tracking, lode cannot tell which test made the
    // resource that failed: it uses Node's message for resources made
    // outside any test.
    const event = kind === kUncaughtException ?
      'uncaughtException' : 'unhandledRejection';
    const text = 'Error: A resource generated asynchronous activity after ' +
      `the test ended. This activity created the error "${err}" which ` +
      `triggered an ${event} event, caught by the test runner.`;
    ArrayPrototypePush(this.root.diagnostics, text);
    this.root.fail(runnerFailure(err, kind));
  }

  // The event loop is empty: whatever has not finished is cancelled.
  onBeforeExit() {
    if (this.finished) return;
    const root = this.root;
    if (root.holdStart) this.release();
    // The tests that wait on nothing but their own code are stuck.
    const stuck = [];
    for (const test of this.running) {
      if (test.parent === null || test.finished) continue;
      if (test.reportedType === 'suite') continue;
      if (ArrayPrototypeSome(test.subtests,
                             (t) => t.startTime !== null && !t.finished)) {
        continue;
      }
      ArrayPrototypePush(stuck, test);
    }
    if (stuck.length > 0) {
      // Their parents go on, the tests queued behind them run next, and
      // the loop comes back here when it is empty again.
      for (let i = 0; i < stuck.length; i++) {
        stuck[i].cancel(runnerFailure(
          'Promise resolution is still pending but the event loop has ' +
          'already resolved', kCancelledByParent));
        stuck[i].postRun();
      }
      this.idleRounds = 0;
      realSetImmediate(() => {});
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
        () => root.postRun(),
        (err) => {
          root.fail(err);
          root.postRun();
        });
      return;
    }
    root.postRun();
  }

  // Called by the root's postRun.
  finish() {
    if (this.finished) return;
    this.finished = true;
    const root = this.root;
    root.output({
      __proto__: null,
      type: 'test:plan',
      data: { __proto__: null, nesting: 0, count: root.subtests.length },
    });
    for (let i = 0; i < root.diagnostics.length; i++) {
      root.output({
        __proto__: null,
        type: 'test:diagnostic',
        data: { __proto__: null, nesting: 0, message: root.diagnostics[i] },
      });
    }
    const c = this.counters;
    const duration = elapsedMs(root.startTime, process.hrtime.bigint());
    const lines = [
      `tests ${c.tests}`, `suites ${c.suites}`, `pass ${c.pass}`,
      `fail ${c.fail}`, `cancelled ${c.cancelled}`, `skipped ${c.skipped}`,
      `todo ${c.todo}`, `duration_ms ${duration}`,
    ];
    for (let i = 0; i < lines.length; i++) {
      root.output({
        __proto__: null,
        type: 'test:diagnostic',
        data: { __proto__: null, nesting: 0, message: lines[i] },
      });
    }
    const success = c.fail === 0 && c.cancelled === 0 && root.error === null;
    root.output({
      __proto__: null,
      type: 'test:summary',
      data: {
        __proto__: null,
        success,
        counts: {
          __proto__: null, tests: c.tests, suites: c.suites, passed: c.pass,
          failed: c.fail, cancelled: c.cancelled, skipped: c.skipped,
          todo: c.todo, topLevel: root.subtests.length,
        },
        duration_ms: duration,
        file: undefined,
      },
    });
    if (this.formatter !== null) {
      const rest = this.formatter.end();
      if (rest) process.stdout.write(rest);
    }
    if (!success) process.exitCode = 1;
    process.removeListener('uncaughtException', this.uncaughtListener);
    process.removeListener('unhandledRejection', this.rejectionListener);
    process.removeListener('beforeExit', this.beforeExitListener);
  }
}

function getHarness() {
  if (harness === null) {
    harness = new Harness();
    const h = harness;
    h.uncaughtListener = (err) => h.onUncaught(err, kUncaughtException);
    h.rejectionListener = (err) => h.onUncaught(err, kUnhandledRejection);
    h.beforeExitListener = () => h.onBeforeExit();
    process.on('uncaughtException', h.uncaughtListener);
    process.on('unhandledRejection', h.rejectionListener);
    process.on('beforeExit', h.beforeExitListener);
    // The top-level tests start once the entry file has run (after its
    // ticks and microtasks have begun to drain).
    process.nextTick(() => {
      PromisePrototypeThen(PromiseResolve(), () => h.release());
    });
  }
  return harness;
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
  return function(name, options, fn) {
    return runTest(Factory, name, options, fn, overrides);
  };
}

function hook(name) {
  return function(fn, options) {
    const parent = getParent();
    parent.createHook(name, fn, options);
  };
}

module.exports = {
  getHarness,
  hook,
  makeRunner,
  normalizeArgs,
  Suite,
  Test,
};
