'use strict';

// process.report: the diagnostic report (src/lode_report.cc writes it). The
// settings live in C++, per process, so that a fatal error's report follows
// what JavaScript set; here they are validated on their way in.

const {
  JSONParse,
  ObjectDefineProperties,
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

function writeReport(file, err) {
  if (typeof file === 'object' && file !== null) {
    err = file;
    file = undefined;
  } else if (file !== undefined) {
    validateString(file, 'file');
    file = toNamespacedPath(file);
  }
  if (err === undefined) {
    // Without an error, the report's stack is where the call came from.
    err = new ERR_SYNTHETIC();
  } else {
    validateObject(err, 'err');
  }
  return binding.writeReport('JavaScript API', 'API', file, err);
}

function getReport(err) {
  if (err === undefined) {
    err = new ERR_SYNTHETIC();
  } else {
    validateObject(err, 'err');
  }
  return JSONParse(binding.getReport(err));
}

function toNamespacedPath(file) {
  return require('path').toNamespacedPath(file);
}

function signalHandler(signal) {
  binding.writeReport(signal, 'Signal', null, '');
}

function addSignalHandler(signal = binding.getSignal()) {
  process.on(signal, signalHandler);
}

function removeSignalHandler(signal = binding.getSignal()) {
  process.removeListener(signal, signalHandler);
}

function setSignal(signal) {
  validateString(signal, 'signal');
  validateSignalName(signal, 'signal');
  const on = binding.getReportOnSignal();
  if (on) removeSignalHandler();
  binding.setSignal(signal);
  if (on) addSignalHandler(signal);
}

function setReportOnSignal(on) {
  validateBoolean(on, 'trigger');
  if (on === binding.getReportOnSignal()) return;
  binding.setReportOnSignal(on);
  if (on) {
    addSignalHandler();
  } else {
    removeSignalHandler();
  }
}

const report = {};
ObjectDefineProperties(report, {
  writeReport: { __proto__: null, value: writeReport, enumerable: true,
                 writable: true, configurable: true },
  getReport: { __proto__: null, value: getReport, enumerable: true,
               writable: true, configurable: true },
  directory: accessor(binding.getDirectory, (dir) => {
    validateString(dir, 'directory');
    binding.setDirectory(dir);
  }),
  filename: accessor(binding.getFilename, (name) => {
    validateString(name, 'filename');
    binding.setFilename(name);
  }),
  compact: accessor(binding.getCompact, (compact) => {
    validateBoolean(compact, 'compact');
    binding.setCompact(compact);
  }),
  excludeNetwork: accessor(binding.getExcludeNetwork, (exclude) => {
    validateBoolean(exclude, 'excludeNetwork');
    binding.setExcludeNetwork(exclude);
  }),
  signal: accessor(binding.getSignal, setSignal),
  reportOnFatalError: accessor(binding.getReportOnFatalError, (on) => {
    validateBoolean(on, 'trigger');
    binding.setReportOnFatalError(on);
  }),
  reportOnSignal: accessor(binding.getReportOnSignal, setReportOnSignal),
  reportOnUncaughtException: accessor(
    binding.getReportOnUncaughtException, (on) => {
      validateBoolean(on, 'trigger');
      binding.setReportOnUncaughtException(on);
    }),
  excludeEnv: accessor(binding.getExcludeEnv, (exclude) => {
    validateBoolean(exclude, 'excludeEnv');
    binding.setExcludeEnv(exclude);
  }),
});

function accessor(get, set) {
  return {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() { return get(); },
    set(value) { set(value); },
  };
}

// At start-up on the main thread: --report-on-signal's handler.
function initializeReportSignalHandler() {
  if (binding.getReportOnSignal()) addSignalHandler();
}

module.exports = {
  report,
  initializeReportSignalHandler,
};
