'use strict';

// Where a test run's events go. Each --test-reporter has its destination
// (--test-reporter-destination: stdout, stderr or a file). The built-in
// reporters format each event as it comes and write at once, so that their
// text and the program's own output keep their order; custom reporters (a
// module naming a stream, a generator function or a class) read a
// TestsStream of the events. A file run by `lode --test` reports to its
// parent through the v8 serializer on stdout.

const {
  ArrayPrototypePush,
  ObjectGetOwnPropertyDescriptor,
  PromisePrototypeThen,
  PromiseResolve,
  ReflectApply,
  SafeMap,
  SafeWeakSet,
  SafePromiseAllReturnVoid,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  kEmitMessage,
  TestsStream,
} = require('internal/test_runner/tests_stream');

// Taken before a test can mock the timers.
const { setImmediate: realSetImmediate } = require('timers');

const kBuiltinFormatters = new SafeMap([
  ['spec', 'internal/test_runner/reporter/spec'],
  ['tap', 'internal/test_runner/reporter/tap'],
  ['dot', 'internal/test_runner/reporter/dot'],
  ['junit', 'internal/test_runner/reporter/junit'],
  ['lcov', 'internal/test_runner/reporter/lcov'],
]);

function createFormatter(name, colors) {
  switch (name) {
    case 'spec': {
      const { SpecFormatter } = require('internal/test_runner/reporter/spec');
      return new SpecFormatter(colors);
    }
    case 'tap': {
      const { TapFormatter } = require('internal/test_runner/reporter/tap');
      return new TapFormatter();
    }
    case 'junit': {
      const { JunitFormatter } =
        require('internal/test_runner/reporter/junit');
      return new JunitFormatter();
    }
    case 'lcov': {
      const { LcovFormatter } = require('internal/test_runner/reporter/lcov');
      return new LcovFormatter();
    }
    default: {
      const { DotFormatter } = require('internal/test_runner/reporter/dot');
      return new DotFormatter(colors);
    }
  }
}

function isBuiltinDestination(name) {
  return name === 'stdout' || name === 'stderr';
}

function destinationStream(name) {
  return name === 'stderr' ? process.stderr : process.stdout;
}

// Writes text to stdout, stderr or a file (created, or emptied, first).
class Destination {
  constructor(name) {
    this.name = name;
    this.fd = -1;
    if (!isBuiltinDestination(name)) {
      const fs = require('fs');
      this.fd = fs.openSync(name, 'w');
    }
  }

  write(text) {
    if (!text) return;
    if (this.fd === -1) {
      destinationStream(this.name).write(text);
    } else {
      require('fs').writeSync(this.fd, text);
    }
  }

  close() {
    if (this.fd !== -1) {
      require('fs').closeSync(this.fd);
      this.fd = -1;
    }
  }
}

function colorsFor(destination) {
  const { getColors } = require('internal/test_runner/reporter/utils');
  if (!isBuiltinDestination(destination)) {
    return getColors(null);
  }
  return getColors(destinationStream(destination));
}

// Whether a test file's own output should keep its colours: some
// destination is a terminal that shows them.
function shouldColorizeTestFiles(destinations) {
  for (let i = 0; i < destinations.length; i++) {
    if (isBuiltinDestination(destinations[i]) &&
        colorsFor(destinations[i]).enabled) {
      return true;
    }
  }
  return false;
}

// The errors of custom reporters: the test runner's handlers of uncaught
// exceptions throw them on, which ends the process (with exit code 7).
const reporterErrors = new SafeWeakSet();

function isReporterError(err) {
  return err !== null && typeof err === 'object' && reporterErrors.has(err);
}

let guardCount = 0;

// While a custom reporter runs, its errors end the process from within a
// handler of uncaught exceptions: exit code 7, as in Node. Other errors are
// left to whoever else listens, or to the default handling.
function onUncaughtException(err) {
  if (isReporterError(err)) {
    // Printed as an unhandled 'error' event would be ("Emitted 'error'
    // event on ...").
    const { kEnhanceStackBeforeInspector } = require('internal/errors');
    if (typeof err[kEnhanceStackBeforeInspector] === 'function') {
      try {
        err.stack = err[kEnhanceStackBeforeInspector]();
      } catch {
        // The stack stays as it is.
      }
    }
    throw err;
  }
  if (process.listenerCount('uncaughtException') === 1) {
    process.removeListener('uncaughtException', onUncaughtException);
    guardCount = 0;
    process.nextTick(() => { throw err; });
  }
}

function guardReporter() {
  if (guardCount++ === 0) {
    process.on('uncaughtException', onUncaughtException);
  }
}

function unguardReporter() {
  if (guardCount > 0 && --guardCount === 0) {
    process.removeListener('uncaughtException', onUncaughtException);
  }
}

// Notes the 'error' a reporter's stream emits (nothing listens to it, so it
// is thrown as an uncaught exception).
function markErrors(stream) {
  const emit = stream.emit;
  stream.emit = function(type, ...args) {
    if (type === 'error' && args[0] !== null && typeof args[0] === 'object') {
      reporterErrors.add(args[0]);
    }
    return ReflectApply(emit, this, [type, ...args]);
  };
}

// Loads a custom reporter: a path, a file: URL or a package name, resolved
// as import() from the current directory resolves it.
async function loadReporter(name) {
  const { pathToFileURL } = require('internal/url');
  let parentURL;
  try {
    parentURL = pathToFileURL(`${process.cwd()}/`).href;
  } catch {
    parentURL = 'file:///';
  }
  const { importModule } = require('internal/modules/esm/loader');
  let reporter = await importModule(name, parentURL);
  if (reporter?.default) reporter = reporter.default;
  if (reporter?.prototype &&
      ObjectGetOwnPropertyDescriptor(reporter.prototype, 'constructor')) {
    reporter = new reporter();
  }
  if (!reporter) {
    throw new ERR_INVALID_ARG_VALUE('Reporter', name,
                                    'is not a valid reporter');
  }
  return reporter;
}

// Text for destinations, written on the next tick (and at once when the
// run ends): as in Node, whose reporters are streams, what a test prints
// comes before the report of the tests that ran in the same tick.
class Output {
  #queue = [];
  #scheduled = false;
  #started = false;

  write(destination, text) {
    if (!text) return;
    ArrayPrototypePush(this.#queue, destination, text);
    if (!this.#scheduled) {
      this.#scheduled = true;
      if (this.#started) {
        process.nextTick(() => this.flush());
      } else {
        // Node's reporter streams get going once the loop turns: what the
        // tests that end in the first tick print comes before any report.
        realSetImmediate(() => this.flush());
      }
    }
  }

  flush() {
    this.#started = true;
    this.#scheduled = false;
    const queue = this.#queue;
    this.#queue = [];
    for (let i = 0; i < queue.length; i += 2) queue[i].write(queue[i + 1]);
  }
}

class Reporters {
  #formatters = [];     // { formatter, destination }
  #streams = [];        // TestsStreams of custom reporters (and run()'s)
  #pending = [];        // custom reporters still loading or writing
  #output = new Output();
  #ended = false;

  // `names` and `destinations` are parallel lists; `stream`, when given,
  // also receives every event (run()'s return value).
  constructor(names, destinations, stream) {
    if (stream !== undefined) ArrayPrototypePush(this.#streams, stream);
    for (let i = 0; i < names.length; i++) {
      this.#add(names[i], destinations[i]);
    }
  }

  #add(name, destinationName) {
    if (kBuiltinFormatters.has(name)) {
      ArrayPrototypePush(this.#formatters, {
        __proto__: null,
        formatter: createFormatter(name, colorsFor(destinationName)),
        destination: new Destination(destinationName),
      });
      return;
    }
    const source = new TestsStream();
    ArrayPrototypePush(this.#streams, source);
    guardReporter();
    const loaded = PromisePrototypeThen(loadReporter(name), (reporter) => {
      const { compose } = require('stream');
      const destination = isBuiltinDestination(destinationName) ?
        destinationStream(destinationName) :
        require('fs').createWriteStream(destinationName,
                                        { __proto__: null, flush: true });
      const output = compose(source, reporter);
      markErrors(output);
      output.pipe(destination);
      return new Promise((resolve) => {
        output.on('close', () => {
          // An error thrown now is still on its way: keep the guard a tick.
          process.nextTick(unguardReporter);
          resolve();
        });
      });
    });
    const done = PromisePrototypeThen(loaded, undefined, (err) => {
      // As in Node, a reporter that cannot be set up ends the process.
      if (err !== null && typeof err === 'object') reporterErrors.add(err);
      process.nextTick(() => { throw err; });
    });
    ArrayPrototypePush(this.#pending, done);
  }

  // The run has begun: the reporters that start with a header (TAP)
  // write it now, before the global hooks' output that comes after the
  // first turn of the loop, as Node's reporter streams do.
  begin() {
    for (let i = 0; i < this.#formatters.length; i++) {
      const { formatter, destination } = this.#formatters[i];
      if (typeof formatter.begin === 'function') {
        this.#output.write(destination, formatter.begin());
      }
    }
  }

  emit(event) {
    for (let i = 0; i < this.#formatters.length; i++) {
      const { formatter, destination } = this.#formatters[i];
      this.#output.write(destination, formatter.format(event));
    }
    for (let i = 0; i < this.#streams.length; i++) {
      this.#streams[i][kEmitMessage](event.type, event.data);
    }
  }

  // No more events: the reporters write what they kept for the end.
  // Settles once the custom reporters have finished writing.
  end() {
    if (this.#ended) return PromiseResolve();
    this.#ended = true;
    for (let i = 0; i < this.#formatters.length; i++) {
      const { formatter, destination } = this.#formatters[i];
      this.#output.write(destination, formatter.end());
    }
    this.#output.flush();
    for (let i = 0; i < this.#formatters.length; i++) {
      this.#formatters[i].destination.close();
    }
    for (let i = 0; i < this.#streams.length; i++) this.#streams[i].end();
    return SafePromiseAllReturnVoid(this.#pending);
  }
}

// Reports to the parent process (NODE_TEST_CONTEXT=child-v8).
class ChildReporter {
  #serialize = require('internal/test_runner/reporter/v8-serializer')
    .serializeEvent;
  #output = new Output();
  #stdout = { __proto__: null, write: (data) => process.stdout.write(data) };

  emit(event) {
    // Serialized now: the event's objects may change before the next tick.
    this.#output.write(this.#stdout, this.#serialize(event));
  }

  end() {
    this.#output.flush();
    return PromiseResolve();
  }
}

// The reporters named on the command line. Throws ERR_INVALID_ARG_VALUE
// when the numbers of reporters and destinations differ.
function getReporterOptions() {
  const { getOptionValue } = require('internal/options');
  const names = [...(getOptionValue('--test-reporter') ?? [])];
  const destinations =
    [...(getOptionValue('--test-reporter-destination') ?? [])];
  if (names.length === 0 && destinations.length === 0) {
    ArrayPrototypePush(names, 'spec');
  }
  if (names.length === 1 && destinations.length === 0) {
    ArrayPrototypePush(destinations, 'stdout');
  }
  if (names.length !== destinations.length) {
    throw new ERR_INVALID_ARG_VALUE(
      '--test-reporter', names,
      'must match the number of specified \'--test-reporter-destination\'');
  }
  return { __proto__: null, names, destinations };
}

function createCommandLineReporters(stream) {
  if (process.env.NODE_TEST_CONTEXT === 'child-v8') return new ChildReporter();
  const { names, destinations } = getReporterOptions();
  return new Reporters(names, destinations, stream);
}

module.exports = {
  ChildReporter,
  Reporters,
  createCommandLineReporters,
  getReporterOptions,
  isReporterError,
  shouldColorizeTestFiles,
};
