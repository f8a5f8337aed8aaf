'use strict';

// process.report: the diagnostic report (src/lode_report.cc writes it). The
// settings live in C++, per process, so that a fatal error's report follows
// what JavaScript set; here they are validated on their way in.

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

function addSignalHandler(signal = binding.getSignal()) {
  process.on(signal, signalHandler);
}

function removeSignalHandler(signal = binding.getSignal()) {
  process.removeListener(signal, signalHandler);
}

// Methods and accessors as Node defines them (concise methods, accessors
// named `get directory` and so on).
const report = {
  writeReport(file, err) {
    if (typeof file === 'object' && file !== null) {
      err = file;
      file = undefined;
    } else if (file !== undefined) {
      validateString(file, 'file');
      file = require('internal/fs/utils').getValidatedPath(file);
    }
    // Without an error, the report's stack is where the call came from (made
    // here, not in a helper, whose frame would come first).
    if (err === undefined) {
      err = new ERR_SYNTHETIC();
    } else {
      validateObject(err, 'err');
    }
    return binding.writeReport('JavaScript API', 'API', file, err);
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
    const on = binding.getReportOnSignal();
    if (on) removeSignalHandler();
    binding.setSignal(signal);
    if (on) addSignalHandler(signal);
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
    if (on === binding.getReportOnSignal()) return;
    binding.setReportOnSignal(on);
    if (on) {
      addSignalHandler();
    } else {
      removeSignalHandler();
    }
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
  if (binding.getReportOnSignal()) addSignalHandler();
}

module.exports = {
  report,
  initializeReportSignalHandler,
};
