'use strict';

// util.debuglog(): `NODE_DEBUG=net,http*` turns on the loggers of matching
// sections, which print "SECTION PID: message" to stderr. Also the timer
// helpers behind console.time() and friends.

const {
  MathFloor,
  Number,
  NumberPrototypeToFixed,
  ObjectDefineProperty,
  RegExp,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  SafeArrayIterator,
  SafeMap,
  StringPrototypePadStart,
  StringPrototypeReplaceAll,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  StringPrototypeToUpperCase,
} = primordials;

let inspectModule;
function lazyInspect() {
  inspectModule ??= require('internal/util/inspect');
  return inspectModule;
}

// Section name -> logger implementation, filled on first use.
let debugImpls;
let testEnabled;

// Called during bootstrap with the initial process.env.NODE_DEBUG. The value
// is a comma-separated list of section names where `*` matches anything;
// matching is case-insensitive.
function initializeDebugEnv(debugEnv) {
  debugImpls = { __proto__: null };
  if (debugEnv) {
    let pattern = RegExpPrototypeSymbolReplace(/[|\\{}()[\]^$+?.]/g,
                                               debugEnv, '\\$&');
    pattern = StringPrototypeReplaceAll(pattern, '*', '.*');
    pattern = StringPrototypeReplaceAll(pattern, ',', '$|^');
    const re = new RegExp(`^${pattern}$`, 'i');
    testEnabled = (str) => RegExpPrototypeExec(re, str) !== null;
  } else {
    testEnabled = () => false;
  }
}

function ensureInitialized() {
  if (debugImpls === undefined) initializeDebugEnv(process.env.NODE_DEBUG);
}

function emitWarningIfNeeded(set) {
  if (set === 'HTTP' || set === 'HTTP2') {
    process.emitWarning('Setting the NODE_DEBUG environment variable to \'' +
      `${StringPrototypeToLowerCase(set)}' can expose sensitive data (such ` +
      'as passwords, tokens and authentication headers) in the resulting ' +
      'log.');
  }
}

function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) {
    const value = process.env.FORCE_COLOR;
    return value !== '0' && value !== 'false';
  }
  if (!stream?.isTTY) return false;
  return typeof stream.getColorDepth === 'function' ?
    stream.getColorDepth() > 2 : true;
}

const noop = () => {};

function debuglogImpl(enabled, set) {
  if (debugImpls[set] === undefined) {
    if (enabled) {
      const pid = process.pid;
      emitWarningIfNeeded(set);
      debugImpls[set] = function debug(...args) {
        const { format, formatWithOptions, inspect } = lazyInspect();
        const colors = shouldColorize(process.stderr);
        const msg = formatWithOptions({ colors },
                                      ...new SafeArrayIterator(args));
        const coloredPID = inspect(pid, { colors });
        process.stderr.write(format('%s %s: %s\n', set, coloredPID, msg));
      };
    } else {
      debugImpls[set] = noop;
    }
  }
  return debugImpls[set];
}

// Returns a logger for `set`. Whether the section is enabled is decided on
// the first call (or first read of `.enabled`), so that modules can create
// their loggers before process.env is ready. `cb` receives the real logger
// once it exists.
function debuglog(set, cb) {
  let enabled;
  function init() {
    ensureInitialized();
    set = StringPrototypeToUpperCase(set);
    enabled = testEnabled(set);
  }
  let debug = (...args) => {
    init();
    debug = debuglogImpl(enabled, set);
    if (typeof cb === 'function') {
      ObjectDefineProperty(debug, 'enabled', {
        __proto__: null,
        get() { return enabled; },
        configurable: true,
        enumerable: true,
      });
      cb(debug);
    }
    return debug(...new SafeArrayIterator(args));
  };
  let test = () => {
    init();
    test = () => enabled;
    return enabled;
  };
  const logger = (...args) => {
    if (enabled === false) return;
    return debug(...new SafeArrayIterator(args));
  };
  ObjectDefineProperty(logger, 'enabled', {
    __proto__: null,
    get() { return test(); },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

// Timers (console.time and debugWithTimer) -----------------------------------

const kNone = 1 << 0;
const kSkipLog = 1 << 1;
const kSkipTrace = 1 << 2;

const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;

function pad(value) {
  return StringPrototypePadStart(`${value}`, 2, '0');
}

// 1.5 -> "1.5ms", 2500 -> "2.500s", 90000 -> "1:30.000 (m:ss.mmm)".
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = MathFloor(ms / kHour);
        ms %= kHour;
      }
      minutes = MathFloor(ms / kMinute);
      ms %= kMinute;
    }
    seconds = ms / kSecond;
  }
  if (hours !== 0 || minutes !== 0) {
    const parts = StringPrototypeSplit(NumberPrototypeToFixed(seconds, 3), '.',
                                       2);
    const head = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${head}:${pad(parts[0])}.${parts[1]} ` +
      `(${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${NumberPrototypeToFixed(seconds, 3)}s`;
  return `${Number(NumberPrototypeToFixed(ms, 3))}ms`;
}

// The label goes as it is: the tracing agent escapes what it writes.
let traceBinding;
function trace(phase, category, label) {
  traceBinding ??= internalBinding('trace_events');
  traceBinding.trace(phase, category, label, 0);
}

const kTraceBegin = 98; // 'b'
const kTraceEnd = 101; // 'e'
const kTraceInstant = 110; // 'n'

function timeLogImpl(timesStore, implementation, logImpl, label, args) {
  const start = timesStore.get(label);
  if (start === undefined) {
    process.emitWarning(`No such label '${label}' for ${implementation}`);
    return;
  }
  const duration = process.hrtime(start);
  const formatted = formatTime(duration[0] * 1000 + duration[1] / 1e6);
  if (args === undefined) {
    logImpl(label, formatted);
  } else {
    logImpl(label, formatted, args);
  }
}

function time(timesStore, traceCategory, implementation, timerFlags,
              logLabel = 'default', traceLabel = undefined) {
  logLabel = `${logLabel}`;
  traceLabel = traceLabel === undefined ? logLabel : `${traceLabel}`;
  if (timesStore.has(logLabel)) {
    process.emitWarning(
      `Label '${logLabel}' already exists for ${implementation}`);
    return;
  }
  if ((timerFlags & kSkipTrace) === 0) {
    trace(kTraceBegin, traceCategory, traceLabel);
  }
  timesStore.set(logLabel, process.hrtime());
}

function timeEnd(timesStore, traceCategory, implementation, timerFlags,
                 logImpl, logLabel = 'default', traceLabel = undefined) {
  logLabel = `${logLabel}`;
  traceLabel = traceLabel === undefined ? logLabel : `${traceLabel}`;
  if ((timerFlags & kSkipLog) === 0) {
    timeLogImpl(timesStore, implementation, logImpl, logLabel);
  }
  if ((timerFlags & kSkipTrace) === 0) {
    trace(kTraceEnd, traceCategory, traceLabel);
  }
  timesStore.delete(logLabel);
}

function timeLog(timesStore, traceCategory, implementation, timerFlags,
                 logImpl, logLabel = 'default', traceLabel = undefined,
                 args) {
  logLabel = `${logLabel}`;
  traceLabel = traceLabel === undefined ? logLabel : `${traceLabel}`;
  if ((timerFlags & kSkipLog) === 0) {
    timeLogImpl(timesStore, implementation, logImpl, logLabel, args);
  }
  if ((timerFlags & kSkipTrace) === 0) {
    trace(kTraceInstant, traceCategory, traceLabel);
  }
}

// A debuglog section with timers: returns { startTimer, endTimer, logTimer }
// that print "SECTION PID label: 1.5ms" when the section is enabled.
function debugWithTimer(set, cb) {
  set = StringPrototypeToUpperCase(set);
  const timesStore = new SafeMap();
  const traceCategory = `node,node.${StringPrototypeToLowerCase(set)}`;

  function logImpl(label, formatted, args) {
    const { format, inspect } = lazyInspect();
    const colors = shouldColorize(process.stderr);
    const pid = inspect(process.pid, { colors });
    if (args === undefined) {
      process.stderr.write(format('%s %s %s: %s\n', set, pid, label,
                                  formatted));
    } else {
      process.stderr.write(format('%s %s %s: %s\n', set, pid, label,
                                  formatted, ...new SafeArrayIterator(args)));
    }
  }

  // NODE_DEBUG is read once; the trace category's flag (the tracing
  // agent's byte for it) at each call, as tracing may start and stop.
  let logFlag;
  let traceFlag;
  function getFlags() {
    if (logFlag === undefined) {
      ensureInitialized();
      logFlag = testEnabled(set) ? 0 : kSkipLog;
      traceBinding ??= internalBinding('trace_events');
      traceFlag = traceBinding.getCategoryEnabledBuffer(traceCategory);
    }
    return logFlag | (traceFlag[0] !== 0 ? 0 : kSkipTrace);
  }

  const startTimer = (logLabel, traceLabel) => {
    const flags = getFlags();
    if (flags === (kSkipLog | kSkipTrace)) return;
    time(timesStore, traceCategory, 'debugWithTimer', flags, logLabel,
         traceLabel);
  };
  const endTimer = (logLabel, traceLabel) => {
    const flags = getFlags();
    if (flags === (kSkipLog | kSkipTrace)) return;
    timeEnd(timesStore, traceCategory, 'debugWithTimer', flags, logImpl,
            logLabel, traceLabel);
  };
  const logTimer = (logLabel, traceLabel, args) => {
    const flags = getFlags();
    if (flags === (kSkipLog | kSkipTrace)) return;
    timeLog(timesStore, traceCategory, 'debugWithTimer', flags, logImpl,
            logLabel, traceLabel, args);
  };
  // lode's own: whether the timers log or trace now (so that a caller
  // builds its labels only then).
  const enabled = () => getFlags() !== (kSkipLog | kSkipTrace);
  if (typeof cb === 'function') cb(startTimer, endTimer, logTimer);
  return { startTimer, endTimer, logTimer, enabled };
}

module.exports = {
  kNone,
  shouldColorize,
  kSkipLog,
  kSkipTrace,
  formatTime,
  time,
  timeEnd,
  timeLog,
  debuglog,
  debugWithTimer,
  initializeDebugEnv,
};
