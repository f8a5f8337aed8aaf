'use strict';

// The tests themselves: Test (a test and its subtests), Suite (describe()),
// the hooks, and the contexts handed to user code.
//
// Reporting keeps Node's order whatever the order in which tests finish: a
// test's events (its start, its children's blocks, its plan, its result and
// diagnostics) are collected in the test until it is the next of its
// parent's children to report; the root writes to the reporter at once.

const {
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSome,
  ArrayPrototypeUnshift,
  ObjectKeys,
  Promise,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  ReflectApply,
  RegExpPrototypeExec,
  SafeArrayIterator,
  SafeMap,
  SafePromiseAll,
  StringPrototypeTrim,
  Error,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_NOT_IMPLEMENTED,
    ERR_TEST_FAILURE,
  },
} = require('internal/errors');
const { isPromise } = require('internal/util/types');
const {
  validateAbortSignal,
  validateFunction,
  validateNumber,
  validateObject,
  validateOneOf,
  validateUint32,
} = require('internal/validators');
const {
  kCallbackAndPromisePresent,
  kCancelledByParent,
  kAborted,
  kHookFailure,
  kMultipleCallbackInvocations,
  kParentAlreadyFinished,
  kSubtestsFailed,
  kTestCodeFailure,
  kTestTimeoutFailure,
  elapsedMs,
  getCallerLocation,
} = require('internal/test_runner/utils');

// The real timers, taken before a test can mock them.
const timers = require('timers');
const realSetTimeout = timers.setTimeout;
const realClearTimeout = timers.clearTimeout;
const realSetInterval = timers.setInterval;
const realClearInterval = timers.clearInterval;

const TIMEOUT_MAX = 2 ** 31 - 1;
const kHookNames = ['before', 'after', 'beforeEach', 'afterEach'];
const noop = () => {};

let AbortControllerCtor;
function newAbortController() {
  AbortControllerCtor ??=
    require('internal/abort_controller').AbortController;
  return new AbortControllerCtor();
}

let MockTracker;
let assertModule;
let innerOk;

function now() {
  return process.hrtime.bigint();
}

function isPromiseLike(value) {
  return value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof value.then === 'function';
}

// The test, suite or hook whose code runs now. Each has an AsyncResource
// (its scope, made when it is) whose context carries it in the runner's
// AsyncLocalStorage: test(), describe() and the hook functions called from
// its code attach to it, now or later (after an await, in a timer).
let storage;
let runInAsyncScope;

function lazyStorage() {
  if (storage === undefined) {
    const { AsyncLocalStorage, AsyncResource } = require('async_hooks');
    storage = new AsyncLocalStorage();
    runInAsyncScope = AsyncResource.prototype.runInAsyncScope;
  }
  return storage;
}

function makeScope(source) {
  const { AsyncResource } = require('async_hooks');
  return lazyStorage().run(source, () => new AsyncResource('Test'));
}

function getCurrent() {
  const source = storage?.getStore();
  if (source === undefined) return null;
  return source.isHook ? source.owner : source;
}

// The test or hook whose code runs now.
function getCurrentSource() {
  return storage?.getStore();
}

// The scope of `source` (made when first needed), and with it
// runInAsyncScope: the runner calls the user's code through
// ReflectApply(runInAsyncScope, scope, [fn, thisArg, ...args]), so that the
// one frame between the runner's and fn is AsyncResource's, as in Node (the
// stack traces of the user's errors have the same frames).
function scopeOf(source) {
  source.scope ??= makeScope(source);
  return source.scope;
}

function scopeArgs(fn, thisArg, args) {
  return [fn, thisArg, ...new SafeArrayIterator(args)];
}

// The runner's own failures (timeouts, cancellations, plans) and the
// wrappers around the user's errors. ERR_TEST_FAILURE's stack leaves out
// the runner's frames: what is left is the user's code that led there.
function runnerFailure(message, type) {
  return new ERR_TEST_FAILURE(message, type);
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// t.plan(): counts assertions and subtests.
class TestPlan {
  constructor(count, wait) {
    validateUint32(count, 'count');
    this.expected = count;
    this.actual = 0;
    this.wait = wait;
    this.settle = null;
  }

  increment() {
    this.actual++;
    if (this.settle !== null && this.actual >= this.expected) {
      const settle = this.settle;
      this.settle = null;
      settle();
    }
  }

  check() {
    if (this.actual !== this.expected) {
      throw runnerFailure(
        `plan expected ${this.expected} assertions but received ${this.actual}`,
        kTestCodeFailure);
    }
  }
}

let assertNames;
const customAssertions = new SafeMap();

function registerAssertion(name, fn) {
  if (typeof name !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('name', 'string', name);
  }
  validateFunction(fn, 'fn');
  customAssertions.set(name, fn);
}

// The functions of node:assert that t.assert offers (all but the classes
// and the strict variant).
const kNotCopied = ['AssertionError', 'CallTracker', 'strict', 'Assert',
                    'options', 'ok'];

function getAssertNames() {
  if (assertNames === undefined) {
    assertModule ??= require('assert');
    assertNames = ArrayPrototypeFilter(
      ObjectKeys(assertModule),
      (n) => !ArrayPrototypeIncludes(kNotCopied, n) &&
        typeof assertModule[n] === 'function');
  }
  return assertNames;
}

class TestContext {
  #test;

  constructor(test) {
    this.#test = test;
  }

  get signal() {
    return this.#test.signal;
  }

  get name() {
    return this.#test.name;
  }

  get filePath() {
    return this.#test.entryFile;
  }

  get fullName() {
    return this.#test.fullName();
  }

  get error() {
    return this.#test.error;
  }

  get passed() {
    return this.#test.passed;
  }

  get attempt() {
    return this.#test.attempt ?? 0;
  }

  diagnostic(message) {
    ArrayPrototypePush(this.#test.diagnostics, message);
  }

  plan(count, options = { __proto__: null }) {
    if (this.#test.plan !== null) {
      throw runnerFailure('cannot set plan more than once',
                                 kTestCodeFailure);
    }
    validateObject(options, 'options');
    const { wait = false } = options;
    if (typeof wait === 'number') {
      validateNumber(wait, 'options.wait', 0, TIMEOUT_MAX);
    } else if (typeof wait !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('options.wait', ['boolean', 'number'],
                                     wait);
    }
    this.#test.plan = new TestPlan(count, wait);
  }

  get assert() {
    const test = this.#test;
    if (test.assertObject === null) {
      const context = this;
      assertModule ??= require('assert');
      const object = { __proto__: null };
      const names = getAssertNames();
      for (let i = 0; i < names.length; i++) {
        const method = assertModule[names[i]];
        object[names[i]] = function(...args) {
          test.plan?.increment();
          return ReflectApply(method, assertModule, args);
        };
      }
      object.snapshot = function snapshot() {
        throw new ERR_NOT_IMPLEMENTED('t.assert.snapshot');
      };
      object.fileSnapshot = function fileSnapshot() {
        throw new ERR_NOT_IMPLEMENTED('t.assert.fileSnapshot');
      };
      // The message of a failed ok() quotes the caller's source line.
      innerOk ??= require('internal/assert/utils').innerOk;
      object.ok = function ok(...args) {
        test.plan?.increment();
        innerOk(ok, args.length, ...args);
      };
      for (const { 0: name, 1: fn } of customAssertions) {
        object[name] = function(...args) {
          test.plan?.increment();
          return ReflectApply(fn, context, args);
        };
      }
      test.assertObject = object;
    }
    return test.assertObject;
  }

  get mock() {
    const test = this.#test;
    if (test.mockTracker === null) {
      MockTracker ??= require('internal/test_runner/mock/mock').MockTracker;
      test.mockTracker = new MockTracker();
    }
    return test.mockTracker;
  }

  runOnly(value) {
    this.#test.runOnlySubtests = !!value;
  }

  skip(message) {
    this.#test.skipped = true;
    this.#test.skipReason = message ?? true;
  }

  todo(message) {
    this.#test.isTodo = true;
    this.#test.todoReason = message ?? true;
  }

  test(name, options, fn) {
    const overrides = {
      __proto__: null,
      loc: getCallerLocation(),
    };
    const parent = this.#test;
    parent.plan?.increment();
    const sub = parent.createSubtest(Test, name, options, fn, overrides);
    if (sub === null) return PromiseResolve();
    return sub.start();
  }

  before(fn, options) {
    this.#test.createHook('before', fn, options);
  }

  after(fn, options) {
    this.#test.createHook('after', fn, options);
  }

  beforeEach(fn, options) {
    this.#test.createHook('beforeEach', fn, options);
  }

  afterEach(fn, options) {
    this.#test.createHook('afterEach', fn, options);
  }

  waitFor(condition, options = { __proto__: null }) {
    validateFunction(condition, 'condition');
    validateObject(options, 'options');
    const { interval = 50, timeout = 1000 } = options;
    validateNumber(interval, 'options.interval', 0, TIMEOUT_MAX);
    validateNumber(timeout, 'options.timeout', 0, TIMEOUT_MAX);
    return new Promise((resolve, reject) => {
      const started = now();
      let lastError;
      let pollTimer = null;
      const deadline = realSetTimeout(() => {
        if (pollTimer !== null) realClearTimeout(pollTimer);
        const err = runnerFailure('waitFor() timed out',
                                         kTestTimeoutFailure);
        err.cause = lastError;
        reject(err);
      }, timeout);
      const poll = async () => {
        pollTimer = null;
        try {
          const value = await condition();
          realClearTimeout(deadline);
          resolve(value);
        } catch (err) {
          lastError = err;
          if (elapsedMs(started, now()) < timeout) {
            pollTimer = realSetTimeout(poll, interval);
          }
        }
      };
      poll();
    });
  }
}

class SuiteContext {
  #suite;

  constructor(suite) {
    this.#suite = suite;
  }

  get signal() {
    return this.#suite.signal;
  }

  get name() {
    return this.#suite.name;
  }

  get filePath() {
    return this.#suite.entryFile;
  }

  get fullName() {
    return this.#suite.fullName();
  }
}

// How the runner calls the user's fn: `args`, plus a done callback when fn
// takes one more parameter; `settled` then settles when done is called.
function prepareCall(owner, fn, args) {
  if (fn.length <= args.length) {
    return { __proto__: null, args, settled: undefined };
  }
  let resolve;
  let reject;
  const settled = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  let calls = 0;
  const done = (err) => {
    calls++;
    // The second call throws (to its caller: the test's code, or the
    // callback that made it, as an uncaught exception), later ones do not.
    if (calls > 1) {
      if (calls === 2) {
        throw new ERR_TEST_FAILURE('callback invoked multiple times',
                                   kMultipleCallbackInvocations);
      }
      return;
    }
    if (err) {
      reject(err);
      return;
    }
    resolve();
  };
  return { __proto__: null, args: [...args, done], settled, reject };
}

// What the runner awaits of a value the user's code returned: a promise
// itself, any other object through PromiseResolve (a thenable's `then` is
// read once, as Node's race on it does), nothing for the rest.
function awaitable(value) {
  if (isPromise(value)) return value;
  if (value !== null &&
      (typeof value === 'object' || typeof value === 'function')) {
    return PromiseResolve(value);
  }
  return undefined;
}

// What the runner waits for after the call: the returned promise, or the
// done callback.
function afterCall(call, result) {
  if (call.settled === undefined) {
    return awaitable(result);
  }
  if (isPromiseLike(result)) {
    PromisePrototypeThen(result, noop, noop);
    call.reject(runnerFailure(
      'passed a callback but also returned a Promise',
      kCallbackAndPromisePresent));
  }
  return call.settled;
}

// fn, called once: later calls get what the first returned.
function runOnce(fn) {
  let ran = false;
  let value;
  return function() {
    if (!ran) {
      ran = true;
      value = fn();
    }
    return value;
  };
}

function isTestFailure(err) {
  return err?.code === 'ERR_TEST_FAILURE' && err.failureType !== undefined;
}

function wrapFailure(err, type) {
  if (err?.code === 'ERR_TEST_FAILURE' && err.failureType !== undefined) {
    return err;
  }
  return runnerFailure(err, type);
}

class TestHook {
  constructor(fn, options, owner, name) {
    validateFunction(fn, 'fn');
    if (options !== undefined && options !== null) {
      validateObject(options, 'options');
    }
    const { timeout, signal } = options ?? { __proto__: null };
    if (timeout !== undefined && timeout !== null && timeout !== Infinity) {
      validateNumber(timeout, 'options.timeout', 0, TIMEOUT_MAX);
    }
    if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
    this.fn = fn;
    this.timeout = timeout ?? Infinity;
    this.signal = signal;
    this.owner = owner;
    this.name = name;
    this.isHook = true;
    this.loc = getCallerLocation();
    this.ran = false;
    this.promise = null;
    // Made now: the hook's code runs in the async context of its creation.
    this.scope = makeScope(this);
  }

  // Settles to undefined, or rejects with an ERR_TEST_FAILURE (hookFailed).
  // before and after hooks run once: through one more frame, as Node's.
  run(context) {
    if (this.name === 'before' || this.name === 'after') {
      return this.runOnce(context);
    }
    this.promise = this.invoke(context);
    return this.promise;
  }

  runOnce(context) {
    if (this.promise === null) this.promise = this.invoke(context);
    return this.promise;
  }

  async invoke(context) {
    try {
      // A hook whose signal has aborted fails with its reason, without
      // running again.
      if (this.signal?.aborted) throw this.signal.reason;
      const call = prepareCall(this.owner, this.fn, [context]);
      const scope = scopeOf(this);
      const result = ReflectApply(runInAsyncScope, scope,
                                  scopeArgs(this.fn, context, call.args));
      const running = afterCall(call, result);
      if (running === undefined && this.signal?.aborted) {
        throw this.signal.reason;
      }
      if (running !== undefined) {
        const stop = startStop(this.timeout, this.signal);
        try {
          await raceStop(running, stop);
        } finally {
          stop?.dispose();
        }
      }
    } catch (err) {
      // As in Node: the hook's failure, caused by what its code threw (a
      // timeout's or a runner's failure: by what caused that).
      const failure = runnerFailure(`failed running ${this.name} hook`,
                                    kHookFailure);
      failure.cause = isTestFailure(err) ? err.cause : err;
      if (err?.failureType === kAborted && this.signal?.aborted) {
        failure.cause = this.signal.reason;
      }
      throw failure;
    }
  }
}

// What stops a test or hook from outside: its timeout, its signal, or
// extra.stop(err) (an uncaught exception in it). Returns null when nothing
// can; otherwise `promise` rejects when one does, and dispose() ends it.
function startStop(timeout, signal, extra) {
  if (timeout === Infinity && signal === undefined && extra === undefined) {
    return null;
  }
  const stop = {
    __proto__: null,
    promise: null,
    error: undefined,
    timer: null,
    onAbort: null,
    dispose() {
      if (stop.timer !== null) realClearTimeout(stop.timer);
      stop.timer = null;
      if (stop.onAbort !== null) {
        signal.removeEventListener('abort', stop.onAbort);
        stop.onAbort = null;
      }
      if (extra !== undefined && extra.stop === fail) extra.stop = null;
    },
  };
  let rejectStop;
  stop.promise = new Promise((resolve, reject) => { rejectStop = reject; });
  PromisePrototypeThen(stop.promise, undefined, noop);
  const fail = (err) => {
    if (stop.error !== undefined) return;
    stop.error = err;
    stop.dispose();
    rejectStop(err);
  };
  if (timeout !== Infinity) {
    stop.timer = realSetTimeout(() => {
      stop.timer = null;
      // Made when raceStop's reaction gets it (see stopError).
      fail(() => runnerFailure(`test timed out after ${timeout}ms`,
                               kTestTimeoutFailure));
    }, timeout);
  }
  if (signal !== undefined) {
    const onAbort = () => {
      fail(runnerFailure(
        'The operation was aborted due to signal ' +
        (signal.reason?.name === 'TimeoutError' ? 'timeout' : 'abort'),
        kAborted));
    };
    if (signal.aborted) {
      onAbort();
    } else {
      stop.onAbort = onAbort;
      signal.addEventListener('abort', onAbort,
                              { __proto__: null, once: true });
    }
  }
  if (extra !== undefined) extra.stop = fail;
  return stop;
}

// Settles as `promise`, or rejects when `stop` does first. `promise` gets
// one reaction, the new promise's own resolve and reject: V8 follows that
// in async stack traces, so that the caller's frame shows there as in Node.
// The error a stop was given, or the one its timeout makes, once.
function stopError(stop) {
  if (typeof stop.error === 'function') stop.error = stop.error();
  return stop.error;
}

function raceStop(promise, stop) {
  if (stop === null) return promise;
  if (stop.error !== undefined) return PromiseReject(stopError(stop));
  return new Promise((resolve, reject) => {
    PromisePrototypeThen(promise, resolve, reject);
    // A timeout's error is made in a reaction whose one follower is this
    // race: its stack shows the async callers of the test (as
    // "async Promise.all (index 0)" for a suite's test, as in Node).
    const failed = PromisePrototypeThen(stop.promise, undefined, () => {
      throw stopError(stop);
    });
    PromisePrototypeThen(failed, resolve, reject);
  });
}

function normalizeArgs(name, options, fn) {
  if (typeof name === 'function') {
    fn = name;
  } else if (name !== null && typeof name === 'object') {
    fn = options;
    options = name;
  } else if (typeof options === 'function') {
    fn = options;
  }
  if (typeof name !== 'string' || name === '') {
    name = typeof fn === 'function' && fn.name ? fn.name : '<anonymous>';
  }
  if (options === null || typeof options !== 'object') {
    options = { __proto__: null };
  }
  return { name, options, fn };
}

// Whether a pattern matches the test's name, an ancestor's, or the names
// of its ancestors and its own joined by spaces.
function matchesPatterns(test, patterns) {
  for (let t = test; t !== null && t.parent !== null; t = t.parent) {
    for (let i = 0; i < patterns.length; i++) {
      if (RegExpPrototypeExec(patterns[i], t.name) !== null) return true;
    }
  }
  const joined = StringPrototypeTrim(test.nameWithAncestors());
  for (let i = 0; i < patterns.length; i++) {
    if (RegExpPrototypeExec(patterns[i], joined) !== null) return true;
  }
  return false;
}

class Test {
  constructor(config) {
    const {
      parent = null, name, fn, loc, harness,
      skip, todo, only, timeout, concurrency, signal, plan,
    } = config;
    this.parent = parent;
    this.root = parent === null ? this : parent.root;
    this.harness = harness ?? parent?.harness;
    this.name = name;
    this.fn = fn ?? noop;
    this.loc = loc;
    this.nesting = parent === null ? -1 : parent.nesting + 1;
    this.reportedType = 'test';

    this.concurrency = parent === null ? 1 : parent.concurrency;
    if (concurrency !== undefined && concurrency !== null) {
      if (typeof concurrency === 'number') {
        validateUint32(concurrency, 'options.concurrency', true);
        this.concurrency = concurrency;
      } else if (typeof concurrency === 'boolean') {
        this.concurrency = concurrency ? Infinity : 1;
      } else {
        throw new ERR_INVALID_ARG_TYPE('options.concurrency',
                                       ['boolean', 'number'], concurrency);
      }
    }
    this.timeout = parent === null ? Infinity : parent.timeout;
    if (timeout !== undefined && timeout !== null && timeout !== Infinity) {
      validateNumber(timeout, 'options.timeout', 0, TIMEOUT_MAX);
      this.timeout = timeout;
    } else if ((timeout === undefined || timeout === null) &&
               parent !== null) {
      // --test-timeout, for the tests that set none.
      const configured = this.harness.config.timeout;
      if (configured !== undefined && configured !== Infinity) {
        this.timeout = configured;
      }
    }
    if (signal !== undefined && signal !== null) {
      validateAbortSignal(signal, 'options.signal');
    }
    if (plan !== undefined && plan !== null) {
      validateUint32(plan, 'options.plan');
    }

    this.only = only === true;
    this.entryFile = parent?.entryFile;
    const harnessConfig = this.harness.config;
    // Set once a subtest marked `only` is added (or by t.runOnly(true)):
    // as in Node 24, the subtests of an `only` test all run otherwise.
    this.runOnlySubtests = false;
    // Tests whose name does not match --test-name-pattern (or matches
    // --test-skip-pattern) neither run nor report; a suite holding a test
    // that matches runs.
    this.filteredByName = false;
    this.filtered = false;
    if (parent !== null &&
        (harnessConfig.namePatterns || harnessConfig.skipPatterns)) {
      this.filteredByName = this.willBeFilteredByName();
      if (!this.filteredByName) {
        for (let t = parent; t !== null && t.filteredByName; t = t.parent) {
          t.filteredByName = false;
        }
      }
    }
    if (parent !== null && !harnessConfig.filterByOnly &&
        (this.only || parent.runOnlySubtests)) {
      ArrayPrototypePush(this.diagnostics ??= [],
                         '\'only\' and \'runOnly\' require the --test-only ' +
                         'command-line option.');
    }
    this.skipped = skip !== undefined && skip !== false && skip !== null;
    this.skipReason = this.skipped ? skip : undefined;
    this.isTodo = (todo !== undefined && todo !== false && todo !== null);
    this.todoReason = this.isTodo ? todo : undefined;
    if (!this.isTodo && parent?.isTodo && parent.reportedType === 'suite') {
      this.isTodo = true;
      this.todoReason = true;
    }
    if (this.skipped) this.fn = noop;
    // With --test-only, a test marked `only: false` neither runs nor is
    // reported, as in Node.
    if (parent !== null && harnessConfig.filterByOnly && only === false) {
      this.fn = noop;
      this.filteredByName = true;
    }

    this.controller = newAbortController();
    // Only the test's own signal (a parent that ends cancels its children).
    this.outerSignal = signal ?? undefined;
    this.signal = this.controller.signal;
    if (this.outerSignal !== undefined && !this.outerSignal.aborted) {
      this.outerSignal.addEventListener('abort', () => {
        if (this.finished || this.error !== null) return;
        this.cancel(this.abortError());
      }, { __proto__: null, once: true });
    }

    // --test-rerun-failures: a test that passed in an earlier run does not
    // run again.
    const previousRuns = this.harness.previousRuns;
    if (parent !== null && previousRuns != null && this.loc !== undefined) {
      const root = this.root;
      root.rerunSeen ??= { __proto__: null };
      const id = this.harness.testIdentifier(
        this.loc.file, this.loc.line, this.loc.column, root.rerunSeen);
      this.attempt = previousRuns.length;
      const passedOn = previousRuns[this.attempt - 1]?.[id]?.passed_on_attempt;
      if (passedOn != null) {
        this.passedAttempt = passedOn;
        this.fn = noop;
      }
    }

    this.plan = (plan !== undefined && plan !== null) ?
      new TestPlan(plan, false) : null;
    this.assertObject = null;
    this.mockTracker = null;
    this.hooks = {
      __proto__: null, before: [], after: [], beforeEach: [], afterEach: [],
    };
    this.subtests = [];
    this.pending = [];          // subtests waiting for a free slot
    this.activeSubtests = 0;
    this.nextToReport = 0;
    this.buffer = [];           // events not yet handed to the parent
    this.startReported = false;
    this.diagnostics ??= [];
    this.testNumber = 0;
    this.outputCount = 0;       // subtests numbered so far

    this.passed = false;
    this.error = null;
    this.startTime = null;
    this.endTime = null;
    this.finished = false;
    this.cancelled = false;
    this.stopper = { __proto__: null, stop: null };
    this.done = null;           // { promise, resolve } once started
    this.reported = false;
    // Made now: the test's code runs in the async context of its creation,
    // as in Node.
    this.scope = parent === null ? undefined : makeScope(this);
  }

  fullName() {
    if (this.parent === null) return '<root>';
    const names = [];
    let test = this;
    while (test.parent !== null) {
      ArrayPrototypeUnshift(names, test.name);
      test = test.parent;
    }
    let text = names[0];
    for (let i = 1; i < names.length; i++) text += ` > ${names[i]}`;
    return text;
  }

  hasOnly() {
    if (this.only) return true;
    return ArrayPrototypeSome(this.subtests, (t) => t.hasOnly());
  }

  createSubtest(Factory, name, options, fn, overrides) {
    const args = normalizeArgs(name, options, fn);
    const config = {
      __proto__: null,
      ...args.options,
      ...overrides,
      name: args.name,
      fn: args.fn,
      parent: this,
    };
    if (this.finished || this.buildPhaseFinished) {
      // Reported at the top level, as a failure.
      config.parent = this.root;
      const late = new Factory(config);
      late.startTime = now();
      late.fail(new ERR_TEST_FAILURE(
        'test could not be started because its parent finished',
        kParentAlreadyFinished));
      this.harness.reportLate(late);
      return null;
    }
    const test = new Factory(config);
    // (The root's tests are sorted out by filterOnly, once all are known.)
    if (test.only && this.harness.config.filterByOnly && this.parent !== null) {
      this.runOnlySubtests = true;
    }
    if (this.reportedType !== 'suite' && this.runOnlySubtests &&
        this.harness.config.filterByOnly && !test.hasOnly() &&
        !test.buildError) {
      return null;
    }
    ArrayPrototypePush(this.subtests, test);
    return test;
  }

  // Whether the name patterns leave this test out: its name (or an
  // ancestor's, or its ancestors' names and its own joined by spaces) must
  // match --test-name-pattern, and must not match --test-skip-pattern.
  willBeFilteredByName() {
    const { namePatterns, skipPatterns } = this.harness.config;
    if (namePatterns && !matchesPatterns(this, namePatterns)) return true;
    if (skipPatterns && matchesPatterns(this, skipPatterns)) return true;
    return false;
  }

  // "grandparent parent test", for patterns that span several names.
  nameWithAncestors() {
    if (this.parent === null) return '';
    return `${this.parent.nameWithAncestors()} ${this.name}`;
  }

  // Keeps only the subtests marked `only` (or holding one) when there are.
  filterOnly() {
    if (ArrayPrototypeSome(this.subtests, (t) => t.hasOnly())) {
      // The ones left out by name have ended (and been passed over) already.
      // A suite whose body threw is never left out.
      this.subtests = ArrayPrototypeFilter(
        this.subtests, (t) => t.filtered || t.hasOnly() || !!t.buildError);
      let number = 0;
      for (let i = 0; i < this.subtests.length; i++) {
        if (!this.subtests[i].filtered) this.subtests[i].testNumber = ++number;
      }
      this.outputCount = number;
    }
    for (let i = 0; i < this.subtests.length; i++) {
      if (this.subtests[i].reportedType === 'suite') {
        this.subtests[i].filterOnly();
      }
    }
  }

  createHook(name, fn, options) {
    validateOneOf(name, 'hook name', kHookNames);
    const hook = new TestHook(fn, options, this, name);
    if (name === 'before' && this.startTime !== null &&
        this.reportedType !== 'suite') {
      // The test runs already: run the hook now. (A global one's failure
      // is the failure of each test, not the file's, as in Node.)
      // The test fails with the hook's error as its own code's (as Node).
      PromisePrototypeThen(hook.run(this.getContext()), noop, (err) => {
        if (this.parent === null) return;
        const cause = err?.failureType === kHookFailure ? err.cause : err;
        this.fail(wrapFailure(cause, kTestCodeFailure));
      });
    }
    ArrayPrototypePush(this.hooks[name], hook);
    return hook;
  }

  getContext() {
    this.context ??= new TestContext(this);
    return this.context;
  }

  fail(err) {
    if (this.error !== null) return;
    this.passed = false;
    this.error = err;
  }

  pass() {
    if (this.error !== null) return;
    this.passed = true;
  }

  // Called by whoever created the test: runs it now if a slot is free,
  // otherwise when one frees up. Settles (to undefined) when it has ended.
  start() {
    if (this.done === null) {
      let resolve;
      const promise = new Promise((r) => { resolve = r; });
      this.done = { __proto__: null, promise, resolve };
    }
    const parent = this.parent;
    if (this.filteredByName && this.error === null && !this.buildPending &&
        !this.buildError) {
      // Left out by the name patterns: ends at once, without a word.
      this.filtered = true;
      this.passed = true;
      this.startTime = this.endTime = now();
      this.finished = true;
      parent.childFinished(this);
      this.done.resolve();
      if (parent.parent === null) this.harness.maybeAllDone();
      return this.done.promise;
    }
    if (this.testNumber === 0) this.testNumber = ++parent.outputCount;
    this.emitNow('test:enqueue', this.queueData());
    if (parent.activeSubtests < parent.concurrency && !parent.holdStart) {
      // Run from here, not through a helper: the test's stack traces have
      // as many frames as under Node.
      // The promise of run() itself: awaiting it, the caller's frame shows
      // in the async stack traces of the test's code, as in Node.
      this.emitNow('test:dequeue', this.queueData());
      parent.activeSubtests++;
      // (A rejection, a bug of the runner's, reaches the caller.)
      return this.run();
    }
    ArrayPrototypePush(parent.pending, this);
    return this.done.promise;
  }

  // The data of test:enqueue and test:dequeue.
  queueData() {
    const data = {
      __proto__: null,
      nesting: this.nesting,
      name: this.name,
      type: this.reportedType,
    };
    if (this.loc !== undefined) {
      data.line = this.loc.line;
      data.column = this.loc.column;
      data.file = this.loc.file;
    }
    return data;
  }

  // Events that go out at once, in the order things happen (test:enqueue,
  // test:dequeue, test:complete), not in the order of the report.
  emitNow(type, data) {
    if (this.filtered) return;
    this.harness.emit({ __proto__: null, type, data });
  }

  // A bug in the runner: reported on the test rather than lost.
  runFailed(err) {
    this.fail(wrapFailure(err, kTestCodeFailure));
    if (!this.finished) this.postRun();
  }

  // Runs the pending subtests while slots are free, each once the one
  // before it has ended (as Node's processPendingSubtests).
  async startPending() {
    while (this.pending.length > 0 &&
           this.activeSubtests < this.concurrency) {
      const next = ArrayPrototypeShift(this.pending);
      next.emitNow('test:dequeue', next.queueData());
      this.activeSubtests++;
      try {
        await next.run();
      } catch (err) {
        next.runFailed(err);
      }
    }
  }

  // What the test fails with when its signal aborts: the signal's reason,
  // marked as an abort, as in Node.
  abortError() {
    const reason = this.outerSignal?.reason;
    if (!reason) {
      const { AbortError } = require('internal/errors');
      const aborted = new AbortError('The test was aborted');
      aborted.failureType = kAborted;
      return aborted;
    }
    // A primitive reason cannot carry the mark.
    if (typeof reason === 'object' || typeof reason === 'function') {
      reason.failureType = kAborted;
    }
    return reason;
  }

  shouldAbort() {
    return this.signal.aborted || this.outerSignal?.aborted === true;
  }

  ancestorHooks(name) {
    // Outermost first: the root's beforeEach hooks run before a suite's.
    const chain = [];
    let test = this.parent;
    while (test !== null) {
      ArrayPrototypeUnshift(chain, test);
      test = test.parent;
    }
    const hooks = [];
    for (let i = 0; i < chain.length; i++) {
      const list = chain[i].hooks[name];
      for (let j = 0; j < list.length; j++) ArrayPrototypePush(hooks, list[j]);
    }
    return hooks;
  }

  async runHooks(hooks, context) {
    for (let i = 0; i < hooks.length; i++) {
      await hooks[i].run(context);
    }
  }


  async run() {
    this.startTime = now();
    this.harness.running.add(this);
    const context = this.getContext();
    if (this.shouldAbort()) {
      this.cancel(this.abortError());
      this.postRun();
      return;
    }
    const runAfterEach = runOnce(async () => {
      if (this.skipped) return;
      // The innermost level first, each level's in the order they came.
      const innerFirst = [];
      for (let t = this.parent; t !== null; t = t.parent) {
        const list = t.hooks.afterEach;
        for (let i = 0; i < list.length; i++) {
          ArrayPrototypePush(innerFirst, list[i]);
        }
      }
      await this.runHooks(innerFirst, context);
    });
    const runAfter = async () => {
      await this.runHooks(this.hooks.after, context);
    };
    try {
      // Awaited only when there is a hook: the first beforeEach hook runs
      // synchronously with start(), as in Node.
      const parent = this.parent;
      if (parent.hooks.before.length > 0) {
        await parent.runHooks(parent.hooks.before, parent.getContext());
      }
    } catch (err) {
      // A test's (or the file's) before hook failed: each of its subtests
      // fails with that error, as in Node (a suite's before hooks run
      // before its tests start).
      this.fail(err);
      this.postRun();
      return;
    }
    try {
      if (!this.skipped) {
        // Without beforeEach hooks, fn runs synchronously with run().
        const beforeEach = this.ancestorHooks('beforeEach');
        if (beforeEach.length > 0) await this.runHooks(beforeEach, context);
      }
      if (!this.skipped) {
        const call = prepareCall(this, this.fn, [context]);
        const scope = scopeOf(this);
        const running = afterCall(
          call, ReflectApply(runInAsyncScope, scope,
                             scopeArgs(this.fn, context, call.args)));
        // The body, then its subtests and the plan's wait: all under the
        // timeout when there is one.
        const timed = this.timeout !== Infinity ||
          this.outerSignal !== undefined;
        const stop = startStop(this.timeout, this.signal, this.stopper);
        try {
          if (running !== undefined) await raceStop(running, stop);
          if (!timed) stop?.dispose();
          const rest = this.waitForRest();
          await (timed ? raceStop(rest, stop) : rest);
        } finally {
          stop?.dispose();
        }
        this.plan?.check();
      }
      this.pass();
      await runAfterEach();
      await runAfter();
    } catch (err) {
      const failure = wrapFailure(err, kTestCodeFailure);
      if (failure.failureType === kTestTimeoutFailure ||
          failure.failureType === kAborted) {
        this.cancel(failure);
      } else {
        this.fail(failure);
      }
      try {
        await runAfterEach();
        await runAfter();
      } catch (hookErr) {
        this.fail(wrapFailure(hookErr, kHookFailure));
      }
    }
    // The test is over: t.signal says so to what it started.
    this.abortSignal();
    this.postRun();
  }

  waitForPlan() {
    const plan = this.plan;
    const wait = plan.wait;
    return new Promise((resolve, reject) => {
      let timer = null;
      plan.settle = () => {
        if (timer !== null) realClearTimeout(timer);
        resolve();
      };
      if (typeof wait === 'number') {
        timer = realSetTimeout(() => {
          plan.settle = null;
          reject(runnerFailure(
            `plan timed out after ${wait}ms with ${plan.actual} assertions ` +
            `when expecting ${plan.expected}`, kTestTimeoutFailure));
        }, wait);
      }
    });
  }

  // What a test waits for after its body: its subtests, then its plan.
  async waitForRest() {
    await this.waitForSubtests();
    if (this.plan !== null && this.plan.wait !== false &&
        this.plan.actual < this.plan.expected) {
      await this.waitForPlan();
    }
  }

  // Subtests started from the test's body and not awaited are waited for.
  async waitForSubtests() {
    for (let i = 0; i < this.subtests.length; i++) {
      const sub = this.subtests[i];
      if (sub.done === null) sub.start();
      await sub.done.promise;
    }
  }

  cancel(err) {
    this.cancelled = true;
    this.fail(err);
    this.abortSignal();
  }

  // Tells the test's code, through t.signal, that it should stop.
  abortSignal() {
    if (!this.controller.signal.aborted) {
      try {
        this.controller.abort();
      } catch {
        // An 'abort' listener threw: nothing to add to the test's failure.
      }
    }
  }

  // Stops a running test from outside (an uncaught exception in it).
  stop(err) {
    this.fail(err);
    if (this.stopper.stop !== null) this.stopper.stop(err);
    this.abortSignal();
  }

  postRun() {
    if (this.finished) return;
    // Subtests that never ran end now, cancelled.
    for (let i = 0; i < this.subtests.length; i++) {
      const sub = this.subtests[i];
      if (!sub.finished && sub.filteredByName && sub.startTime === null &&
          sub.error === null) {
        sub.filtered = true;
        sub.passed = true;
        sub.finished = true;
        continue;
      }
      if (!sub.finished && sub.startTime === null) {
        if (sub.testNumber === 0) sub.testNumber = ++this.outputCount;
        sub.cancel(runnerFailure(
          'test did not finish before its parent and was cancelled',
          kCancelledByParent));
        sub.startTime = sub.startTime ?? now();
        sub.endTime = sub.startTime;
        sub.zeroDuration = true;
        sub.postRun();
      } else if (!sub.finished) {
        sub.cancel(runnerFailure(
          'test did not finish before its parent and was cancelled',
          kCancelledByParent));
        sub.postRun();
      }
    }
    let failed = 0;
    for (let i = 0; i < this.subtests.length; i++) {
      const sub = this.subtests[i];
      if (!sub.passed && !sub.isTodo) failed++;
    }
    if (failed > 0 && this.error === null) {
      this.fail(runnerFailure(
        `${plural(failed, 'subtest')} failed`, kSubtestsFailed));
    }
    if (this.endTime === null) this.endTime = now();
    this.finished = true;
    this.harness.running.delete(this);
    this.harness.testEnded();
    this.harness.lastFinished = this;
    if (this.mockTracker !== null) this.mockTracker.reset();
    if (this.parent !== null) {
      this.emitNow('test:complete', this.resultData(true));
      this.parent.activeSubtests--;
      this.parent.childFinished(this);
      this.parent.startPending();
    } else {
      this.harness.finish();
    }
    this.done?.resolve();
  }

  // ---- reporting ----

  duration() {
    if (this.zeroDuration || this.startTime === null) return 0;
    return elapsedMs(this.startTime, this.endTime ?? now());
  }

  output(event) {
    if (this.parent === null) {
      this.harness.emit(event);
    } else {
      ArrayPrototypePush(this.buffer, event);
    }
  }

  childFinished() {
    while (this.nextToReport < this.subtests.length) {
      const next = this.subtests[this.nextToReport];
      if (!next.finished) break;
      this.nextToReport++;
      next.reportTo(this);
    }
    this.subtests[this.nextToReport]?.onTurn();
    if (this.parent === null) this.harness.maybeAllDone();
  }

  // The test is now the next of its parent's children to report.
  onTurn() {}

  // The data of test:pass, test:fail and test:complete.
  resultData(complete) {
    const details = {
      __proto__: null,
      duration_ms: this.duration(),
      type: this.reportedType,
    };
    if (!this.passed) details.error = this.error;
    if (this.attempt !== undefined) details.attempt = this.attempt;
    if (this.passedAttempt !== undefined) {
      details.passed_on_attempt = this.passedAttempt;
    }
    if (complete) details.passed = this.passed;
    const data = {
      __proto__: null,
      name: this.name,
      nesting: this.nesting,
      testNumber: this.testNumber,
      details,
      ...this.locationData(),
    };
    if (this.skipped) data.skip = this.skipReason;
    else if (this.isTodo) data.todo = this.todoReason;
    return data;
  }

  eventData() {
    const data = {
      __proto__: null,
      name: this.name,
      nesting: this.nesting,
      testNumber: this.testNumber,
    };
    if (this.loc !== undefined) {
      data.line = this.loc.line;
      data.column = this.loc.column;
      data.file = this.loc.file;
    }
    return data;
  }

  reportTo(parent) {
    this.reported = true;
    if (this.filtered) return;
    // (A test made after its parent ended is numbered in its turn.)
    if (this.testNumber === 0) this.testNumber = ++parent.outputCount;
    this.harness.count(this);
    const base = this.eventData();
    parent.output({ __proto__: null, type: 'test:start', data: base });
    for (let i = 0; i < this.buffer.length; i++) parent.output(this.buffer[i]);
    this.buffer = [];
    if (this.outputCount > 0) {
      parent.output({
        __proto__: null,
        type: 'test:plan',
        data: { __proto__: null, nesting: this.nesting + 1,
                count: this.outputCount, ...this.locationData() },
      });
    }
    const data = this.resultData(false);
    parent.output({
      __proto__: null,
      type: this.passed ? 'test:pass' : 'test:fail',
      data,
    });
    for (let i = 0; i < this.diagnostics.length; i++) {
      parent.output({
        __proto__: null,
        type: 'test:diagnostic',
        data: { __proto__: null, nesting: this.nesting,
                message: this.diagnostics[i], level: 'info',
                ...this.locationData() },
      });
    }
  }

  locationData() {
    if (this.loc === undefined) return undefined;
    return {
      __proto__: null,
      line: this.loc.line,
      column: this.loc.column,
      file: this.loc.file,
    };
  }
}

class Suite extends Test {
  constructor(config) {
    super(config);
    // A suite has a timeout only when given one: --test-timeout is for
    // tests, and a suite's children do not inherit it otherwise.
    if (config.timeout === undefined || config.timeout === null) {
      this.timeout = Infinity;
    }
    this.reportedType = 'suite';
    this.holdStart = true;
    this.buildError = null;
    this.buildPromise = null;
    this.buildPending = false;
    this.buildPhaseFinished = false;
    const context = new SuiteContext(this);
    if (this.skipped) return;
    this.createBuild(context);
  }

  // Runs the suite's body (through this frame, as Node's createBuild).
  createBuild(context) {
    try {
      const scope = scopeOf(this);
      const result = awaitable(
        ReflectApply(runInAsyncScope, scope, [this.fn, context, context]));
      if (result !== undefined) {
        // Until its body has settled, the suite may still get tests the
        // name patterns select: it is not left out before then.
        this.buildPending = true;
        this.buildPromise = PromisePrototypeThen(result, () => {
          this.buildPending = false;
          this.buildPhaseFinished = true;
        }, (err) => {
          this.buildPending = false;
          this.buildPhaseFinished = true;
          this.buildError = wrapFailure(err, kTestCodeFailure);
        });
        return;
      }
    } catch (err) {
      this.buildError = wrapFailure(err, kTestCodeFailure);
    }
    // Once its body has run, the suite takes no more tests: one made later
    // (from a timer its body set) fails, reported at the top level, as in
    // Node (where this is known a microtask later).
    PromisePrototypeThen(PromiseResolve(), () => {
      this.buildPhaseFinished = true;
    });
  }

  getContext() {
    this.context ??= new SuiteContext(this);
    return this.context;
  }

  async run() {
    this.startTime = now();
    this.harness.running.add(this);
    // Awaited even when there is none: the suite's hooks and tests run a
    // tick later, as in Node.
    await this.buildPromise;
    if (this.filteredByName && this.error === null &&
        this.buildError === null) {
      // An async body that added no test the patterns select.
      this.filtered = true;
      this.passed = true;
      if (this.parent.outputCount === this.testNumber) {
        this.parent.outputCount--;
      }
      this.testNumber = 0;
      this.postRun();
      return;
    }
    if (this.shouldAbort()) {
      // Its tests are not reported, as in Node.
      this.subtests = [];
      this.cancel(this.abortError());
      this.postRun();
      return;
    }
    if (this.skipped) {
      this.subtests = [];
      this.pass();
      this.postRun();
      return;
    }
    if (this.buildError !== null) {
      this.fail(this.buildError);
      this.postRun();
      return;
    }
    const context = this.getContext();
    const runAfter = runOnce(async () => {
      await this.runHooks(this.hooks.after, context);
    });
    try {
      const parent = this.parent;
      if (parent !== null && parent.hooks.before.length > 0) {
        await parent.runHooks(parent.hooks.before, parent.getContext());
      }
      await this.runHooks(this.hooks.before, context);
      this.holdStart = false;
      const all = SafePromiseAll(this.subtests, (sub) => sub.start());
      const stop = startStop(this.timeout, this.signal, this.stopper);
      try {
        await raceStop(all, stop);
      } finally {
        stop?.dispose();
      }
      this.pass();
      await runAfter();
    } catch (err) {
      const failure = wrapFailure(err, kTestCodeFailure);
      // A suite that timed out fails; postRun cancels its children.
      if (failure.failureType === kAborted) {
        this.cancel(failure);
      } else {
        this.fail(failure);
      }
      try {
        await runAfter();
      } catch (hookErr) {
        this.fail(wrapFailure(hookErr, kHookFailure));
      }
    }
    this.postRun();
  }
}

module.exports = {
  Suite,
  Test,
  TestContext,
  SuiteContext,
  TestHook,
  getCurrent,
  getCurrentSource,
  normalizeArgs,
  registerAssertion,
  runnerFailure,
};
