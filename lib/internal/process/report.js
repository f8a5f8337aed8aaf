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
  directory: setting(binding.getDirectory, binding.setDirectory,
                     validateString, 'directory'),
  filename: setting(binding.getFilename, binding.setFilename,
                    validateString, 'filename'),
  compact: setting(binding.getCompact, binding.setCompact,
                   validateBoolean, 'compact'),
  excludeNetwork: setting(binding.getExcludeNetwork, binding.setExcludeNetwork,
                          validateBoolean, 'excludeNetwork'),
  signal: accessor(binding.getSignal, setSignal),
  reportOnFatalError: setting(binding.getReportOnFatalError,
                              binding.setReportOnFatalError,
                              validateBoolean, 'trigger'),
  reportOnSignal: accessor(binding.getReportOnSignal, setReportOnSignal),
  reportOnUncaughtException: setting(binding.getReportOnUncaughtException,
                                     binding.setReportOnUncaughtException,
                                     validateBoolean, 'trigger'),
  excludeEnv: setting(binding.getExcludeEnv, binding.setExcludeEnv,
                      validateBoolean, 'excludeEnv'),
});

// A setting the binding keeps, checked by `validate` on its way in (`name`:
// Node's name for it in the error).
function setting(get, set, validate, name) {
  return accessor(get, (value) => {
    validate(value, name);
    set(value);
  });
}

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
