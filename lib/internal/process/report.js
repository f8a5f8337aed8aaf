'use strict';

// process.report: the diagnostic report (src/lode_report.cc writes it). The
// settings live in C++ (the process's or the thread's, as Node keeps each),
// so that a fatal error's report follows what JavaScript set; here they are
// validated on their way in.

const {
  JSONParse,
} = primordials;

const {
  codes: {
    ERR_SYNTHETIC,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateObject,
  validateSignalName,
  validateString,
} = require('internal/validators');

const binding = internalBinding('report');

function signalHandler(signal) {
  binding.writeReport(signal, 'Signal', null, '');
}

// The listener of the report's signal, while the signal writes a report.
function addSignalHandler(signal = binding.getSignal()) {
  if (binding.getReportOnSignal()) process.on(signal, signalHandler);
}

function removeSignalHandler() {
  process.removeListener(binding.getSignal(), signalHandler);
}

// A report file's name: a string, a valid path.
function checkedName(file) {
  validateString(file, 'file');
  return require('internal/fs/utils').getValidatedPath(file);
}

// Methods and accessors as Node defines them (concise methods, accessors
// named `get directory` and so on).
const report = {
  writeReport(file, err) {
    // writeReport(err): an object in the name's place is the error (and a
    // second argument is ignored).
    const errorFirst = typeof file === 'object' && file !== null;
    if (errorFirst) err = file;
    const name =
      errorFirst || file === undefined ? undefined : checkedName(file);
    // Without an error, the report's stack is where the call came from (made
    // here, not in a helper, whose frame would come first).
    if (err === undefined) {
      err = new ERR_SYNTHETIC();
    } else {
      validateObject(err, 'err');
    }
    return binding.writeReport('JavaScript API', 'API', name, err);
  },
  getReport(err) {
    if (err === undefined) {
      err = new ERR_SYNTHETIC();
    } else {
      validateObject(err, 'err');
    }
    return JSONParse(binding.getReport(err));
  },
  get directory() {
    return binding.getDirectory();
  },
  set directory(dir) {
    validateString(dir, 'directory');
    binding.setDirectory(dir);
  },
  get filename() {
    return binding.getFilename();
  },
  set filename(name) {
    validateString(name, 'filename');
    binding.setFilename(name);
  },
  get compact() {
    return binding.getCompact();
  },
  set compact(compact) {
    validateBoolean(compact, 'compact');
    binding.setCompact(compact);
  },
  get excludeNetwork() {
    return binding.getExcludeNetwork();
  },
  set excludeNetwork(exclude) {
    validateBoolean(exclude, 'excludeNetwork');
    binding.setExcludeNetwork(exclude);
  },
  get signal() {
    return binding.getSignal();
  },
  set signal(signal) {
    validateString(signal, 'signal');
    validateSignalName(signal, 'signal');
    // The listener moves first: a signal that cannot have one (SIGKILL)
    // throws before the setting changes.
    removeSignalHandler();
    addSignalHandler(signal);
    binding.setSignal(signal);
  },
  get reportOnFatalError() {
    return binding.getReportOnFatalError();
  },
  set reportOnFatalError(on) {
    validateBoolean(on, 'trigger');
    binding.setReportOnFatalError(on);
  },
  get reportOnSignal() {
    return binding.getReportOnSignal();
  },
  set reportOnSignal(on) {
    validateBoolean(on, 'trigger');
    binding.setReportOnSignal(on);
    // Set again, even to the same value, the listener is there once.
    removeSignalHandler();
    addSignalHandler();
  },
  get reportOnUncaughtException() {
    return binding.getReportOnUncaughtException();
  },
  set reportOnUncaughtException(on) {
    validateBoolean(on, 'trigger');
    binding.setReportOnUncaughtException(on);
  },
  get excludeEnv() {
    return binding.getExcludeEnv();
  },
  set excludeEnv(exclude) {
    validateBoolean(exclude, 'excludeEnv');
    binding.setExcludeEnv(exclude);
  },
};

// At start-up on the main thread: --report-on-signal's handler.
function initializeReportSignalHandler() {
  addSignalHandler();
}

module.exports = {
  report,
  initializeReportSignalHandler,
};
