'use strict';

// process.emitWarning and the default 'warning' listener that prints
// "(node:PID) Warning: ..." to stderr, as Node does, or appends it to the
// file --redirect-warnings (or NODE_REDIRECT_WARNINGS) names.

const {
  ArrayIsArray,
  Error,
  ErrorCaptureStackTrace,
  String,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE },
  isErrorStackTraceLimitWritable,
} = require('internal/errors');
const { validateString } = require('internal/validators');

let traceWarningHelperShown = false;
let options;
function getOptions() {
  if (options === undefined) {
    const { getOptionValue } = require('internal/options');
    options = {
      noWarnings: getOptionValue('--no-warnings') ||
        process.env.NODE_NO_WARNINGS === '1',
      traceWarnings: getOptionValue('--trace-warnings'),
      disabled: getOptionValue('--disable-warning') || [],
      warningFile: getOptionValue('--redirect-warnings') ||
        redirectWarningsEnv,
    };
  }
  return options;
}

// NODE_REDIRECT_WARNINGS as it was when the process started (set by
// internal/bootstrap/runtime).
let redirectWarningsEnv = '';
function setRedirectWarningsFromEnv(file) {
  redirectWarningsEnv = file || '';
}

let warningFd;
// Appends to the warning file; if it cannot be opened or written, the
// warning goes to stderr after all.
function writeToFile(message) {
  const fs = require('fs');
  if (warningFd === undefined) {
    try {
      warningFd = fs.openSync(getOptions().warningFile, 'a');
    } catch {
      return writeOut(message);
    }
    process.on('exit', () => {
      try {
        fs.closeSync(warningFd);
      } catch {
        // Already closed: nothing to do.
      }
    });
  }
  fs.appendFile(warningFd, `${message}\n`, (err) => {
    if (err) writeOut(message);
  });
}

function writeOut(message) {
  // An internal thread's (the module hooks thread's) stderr reaches the
  // process's through the main thread, which may exit before it has read it:
  // written directly.
  if (!internalBinding('worker').isMainThread &&
      require('worker_threads').isInternalThread === true) {
    try {
      require('fs').writeSync(2, `${message}\n`);
      return;
    } catch {
      // Through the stream then.
    }
  }
  const stderr = process.stderr;
  if (stderr && typeof stderr.write === 'function') {
    stderr.write(`${message}\n`);
  } else {
    process._rawDebug(message);
  }
}

function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  const { noWarnings, traceWarnings } = getOptions();
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;
  if (noWarnings && !process.throwDeprecation) return;
  const trace = traceWarnings ||
    (isDeprecation && process.traceDeprecation);
  let msg = `(node:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) {
    msg += `${warning.stack}`;
  } else {
    msg += typeof warning.toString === 'function' ?
      `${warning.toString()}` : Error.prototype.toString.call(warning);
  }
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !traceWarningHelperShown) {
    const argv0 = require('path').basename(process.argv0 || 'node', '.exe');
    msg += `\n(Use \`${argv0} --trace-${isDeprecation ? 'deprecation' :
      'warnings'} ...\` to show where the warning was created)`;
    traceWarningHelperShown = true;
  }
  if (getOptions().warningFile) {
    writeToFile(msg);
    return;
  }
  writeOut(msg);
}

function createWarningObject(warning, type, code, ctor, detail) {
  const limitWritable = isErrorStackTraceLimitWritable();
  let savedLimit;
  if (limitWritable) {
    savedLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
  }
  // eslint-disable-next-line no-restricted-syntax
  warning = new Error(warning);
  if (limitWritable) Error.stackTraceLimit = savedLimit;
  warning.name = String(type || 'Warning');
  if (code !== undefined) warning.code = code;
  if (detail !== undefined) warning.detail = detail;
  ErrorCaptureStackTrace(warning, ctor || process.emitWarning);
  return warning;
}

function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !ArrayIsArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined) validateString(type, 'type');
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined) {
    validateString(code, 'code');
  }
  if (typeof warning === 'string') {
    warning = createWarningObject(warning, type, code, ctor, detail);
  } else if (!(warning instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation) return;
    if (process.throwDeprecation) {
      // Thrown on the next tick, after the warnings emitted before it.
      process.nextTick(throwWarning, warning);
      return;
    }
  }
  const { disabled } = getOptions();
  for (let i = 0; i < disabled.length; i++) {
    if (disabled[i] === warning.code || disabled[i] === warning.name) return;
  }
  process.nextTick(doEmitWarning, warning);
}

// For a warning about an error that is about to end the process: emitted
// now, not on the next tick.
function emitWarningSync(warning, type) {
  const object = createWarningObject(warning, type, undefined,
                                     emitWarningSync);
  const { disabled } = getOptions();
  for (let i = 0; i < disabled.length; i++) {
    if (disabled[i] === object.name) return;
  }
  process.emit('warning', object);
}

function doEmitWarning(warning) {
  process.emit('warning', warning);
}

function throwWarning(warning) {
  throw warning;
}

// Before a user snapshot is taken: the deserialized application reads its
// own options and shows the --trace-warnings hint once more.
function forgetWarningState() {
  options = undefined;
  traceWarningHelperShown = false;
  warningFd = undefined;
}

module.exports = {
  emitWarning,
  emitWarningSync,
  forgetWarningState,
  onWarning,
  setRedirectWarningsFromEnv,
};
