'use strict';

// The Console class behind `console` and `new console.Console(...)`.
//
// Every public method lives on Console.prototype and is bound to the instance
// by the constructor, so `const { log } = console` keeps working. The symbol
// keyed methods ([kWriteToConsole] and friends) are the plumbing shared with
// internal/console/global, which builds the global console from the same
// prototype but binds its streams lazily.

const {
  ArrayFrom,
  ArrayIsArray,
  ArrayPrototypePush,
  ArrayPrototypeUnshift,
  Boolean,
  ErrorCaptureStackTrace,
  FunctionPrototypeBind,
  MapPrototypeGet,
  MathMax,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ObjectValues,
  ReflectApply,
  ReflectConstruct,
  ReflectOwnKeys,
  SafeArrayIterator,
  SafeMap,
  SafeMapIterator,
  SafeSetIterator,
  SafeWeakMap,
  StringPrototypeIncludes,
  StringPrototypeRepeat,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  Symbol,
  SymbolHasInstance,
  SymbolToStringTag,
} = primordials;

const { previewEntries } = internalBinding('util');

const {
  codes: {
    ERR_CONSOLE_WRITABLE_STREAM,
    ERR_INCOMPATIBLE_OPTION_PAIR,
  },
  isStackOverflowError,
} = require('internal/errors');
const {
  validateArray,
  validateInteger,
  validateObject,
  validateOneOf,
} = require('internal/validators');
const {
  inspect,
  formatWithOptions,
  getStringWidth,
} = require('internal/util/inspect');
const {
  isMap,
  isMapIterator,
  isSet,
  isSetIterator,
} = require('internal/util/types');
const {
  kNone,
  formatTime,
  time: timerStart,
  timeEnd: timerEnd,
  timeLog: timerLog,
} = require('internal/util/debuglog');

// Only needed when FORCE_COLOR is set.
let tty;
function lazyTTY() {
  tty ??= require('internal/tty');
  return tty;
}

// Plumbing shared with internal/console/global. The descriptions are the
// ones user code sees through Reflect.ownKeys(console).
const kBindStreamsEager = Symbol('kBindStreamsEager');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');
const kBindProperties = Symbol('kBindProperties');
const kWriteToConsole = Symbol('kWriteToConsole');
const kGetInspectOptions = Symbol('kGetInspectOptions');
const kFormatForStdout = Symbol('kFormatForStdout');
const kFormatForStderr = Symbol('kFormatForStderr');
const kCounts = Symbol('counts');
const kColorMode = Symbol('kColorMode');
const kIsConsole = Symbol('kIsConsole');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kGroupIndentationString = Symbol('kGroupIndentationString');

// Which of the two streams a write goes to.
const kUseStdout = Symbol('kUseStdout');
const kUseStderr = Symbol('kUseStderr');

const kMaxGroupIndentation = 1000;
const kTraceConsoleCategory = 'node,node.console';
const kTraceCount = 67;  // 'C', a counter event

// console.count() and countReset() as counter events of node.console (the
// binding and the category's flag are looked up on first use).
let traceBinding;
let consoleTraceFlag;
function traceCount(name, value) {
  if (consoleTraceFlag === undefined) {
    traceBinding = internalBinding('trace_events');
    consoleTraceFlag =
      traceBinding.getCategoryEnabledBuffer(kTraceConsoleCategory);
  }
  if (consoleTraceFlag[0] !== 0) {
    traceBinding.trace(kTraceCount, kTraceConsoleCategory, name, 0, value);
  }
}

// Column headings of console.table().
const kIndexHeading = '(index)';
const kIterationIndexHeading = '(iteration index)';
const kKeyHeading = 'Key';
const kValuesHeading = 'Values';

// Shared, never mutated: what formatWithOptions() gets when no
// inspectOptions were given to the constructor.
const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

// Console instance -> the inspectOptions given to its constructor.
const inspectOptionsOf = new SafeWeakMap();

// The plain-property attributes of the per-instance state.
const kHiddenWritable = {
  __proto__: null,
  writable: true,
  enumerable: false,
  configurable: true,
};

// Added as a one-shot 'error' listener around each write so that an error the
// stream emits synchronously does not become an uncaught exception.
function noop() {}

// colorMode 'auto': color when FORCE_COLOR asks for it, otherwise when the
// stream is a terminal that can show at least 16 colors.
function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) {
    return lazyTTY().getColorDepth() > 2;
  }
  // Not a boolean when the stream is no terminal: the value ends up in the
  // user's inspectOptions.colors, where Node leaves `undefined`.
  return stream?.isTTY && (typeof stream.getColorDepth === 'function' ?
    stream.getColorDepth() > 2 : true);
}

// The callback given to stream.write(). If the write failed and the error has
// not been emitted yet, make sure its coming 'error' event has a listener.
function makeWriteErrorHandler(console, streamSymbol) {
  return (err) => {
    const stream = streamSymbol === kUseStdout ?
      console._stdout : console._stderr;
    if (err !== null && err !== undefined &&
        !stream._writableState?.errorEmitted &&
        stream.listenerCount('error') === 0) {
      stream.once('error', noop);
    }
  };
}

// new Console(stdout[, stderr][, ignoreErrors]) or new Console(options).
function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  if (new.target === undefined) {
    return ReflectConstruct(Console, arguments);
  }

  if (!options || typeof options.write === 'function') {
    options = {
      stdout: options,
      stderr: arguments[1],
      ignoreErrors: arguments[2],
    };
  }

  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;

  if (!stdout || typeof stdout.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stdout');
  }
  if (!stderr || typeof stderr.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stderr');
  }
  validateOneOf(colorMode, 'colorMode', ['auto', true, false]);
  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation', 0,
                    kMaxGroupIndentation);
  }
  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    // One set of options, or a Map from each stream to its own.
    const sets = [];
    if (isMap(inspectOptions)) {
      for (const { 1: set } of new SafeMapIterator(inspectOptions)) {
        ArrayPrototypePush(sets, set);
      }
    } else {
      ArrayPrototypePush(sets, inspectOptions);
    }
    for (let i = 0; i < sets.length; i++) {
      if (sets[i]?.colors !== undefined && options.colorMode !== undefined) {
        throw new ERR_INCOMPATIBLE_OPTION_PAIR(
          'options.inspectOptions.color', 'colorMode');
      }
    }
    inspectOptionsOf.set(this, inspectOptions);
  }

  // Bind what `this` resolves to (not the prototype's own functions), so a
  // subclass overriding a method gets its override bound.
  const keys = ObjectKeys(Console.prototype);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    this[key] = FunctionPrototypeBind(this[key], this);
    ObjectDefineProperty(this[key], 'name', { __proto__: null, value: key });
  }

  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

// `console instanceof Console` holds for the global console too, which is not
// built by the constructor.
ObjectDefineProperty(Console, SymbolHasInstance, {
  __proto__: null,
  writable: false,
  enumerable: false,
  configurable: false,
  value(instance) {
    // As in Node: a nullish left operand throws a TypeError here.
    return instance[kIsConsole];
  },
});

// The plumbing. Plain `function`s defined with `value:` so that they are
// non-enumerable and the constructor's ObjectKeys() loop skips them.
ObjectDefineProperties(Console.prototype, {
  [kBindStreamsEager]: {
    __proto__: null,
    ...kHiddenWritable,
    value: function(stdout, stderr) {
      ObjectDefineProperties(this, {
        '_stdout': { __proto__: null, ...kHiddenWritable, value: stdout },
        '_stderr': { __proto__: null, ...kHiddenWritable, value: stderr },
      });
    },
  },
  // The global console reads process.stdout/stderr on first use, since
  // those are getters that open the stdio handles.
  [kBindStreamsLazy]: {
    __proto__: null,
    ...kHiddenWritable,
    value: function(object) {
      let stdout;
      let stderr;
      ObjectDefineProperties(this, {
        '_stdout': {
          __proto__: null,
          enumerable: false,
          configurable: true,
          get() { return stdout ||= object.stdout; },
          set(value) { stdout = value; },
        },
        '_stderr': {
          __proto__: null,
          enumerable: false,
          configurable: true,
          get() { return stderr ||= object.stderr; },
          set(value) { stderr = value; },
        },
      });
    },
  },
  [kBindProperties]: {
    __proto__: null,
    ...kHiddenWritable,
    value: function(ignoreErrors, colorMode, groupIndentation = 2) {
      ObjectDefineProperties(this, {
        '_stdoutErrorHandler': {
          __proto__: null,
          ...kHiddenWritable,
          value: makeWriteErrorHandler(this, kUseStdout),
        },
        '_stderrErrorHandler': {
          __proto__: null,
          ...kHiddenWritable,
          value: makeWriteErrorHandler(this, kUseStderr),
        },
        '_ignoreErrors': {
          __proto__: null,
          ...kHiddenWritable,
          value: Boolean(ignoreErrors),
        },
        '_times': { __proto__: null, ...kHiddenWritable, value: new SafeMap() },
        [kCounts]: { __proto__: null, ...kHiddenWritable, value: new SafeMap() },
        [kColorMode]: { __proto__: null, ...kHiddenWritable, value: colorMode },
        [kIsConsole]: { __proto__: null, ...kHiddenWritable, value: true },
        [kGroupIndentationWidth]: {
          __proto__: null,
          ...kHiddenWritable,
          value: groupIndentation,
        },
        [kGroupIndentationString]: {
          __proto__: null,
          ...kHiddenWritable,
          value: '',
        },
        [SymbolToStringTag]: {
          __proto__: null,
          writable: false,
          enumerable: false,
          configurable: true,
          value: 'console',
        },
      });
    },
  },
  // Indents `string` for the current group, ends it with a newline and
  // writes it. With ignoreErrors, write errors (thrown or emitted) are
  // swallowed; a stack overflow is still rethrown.
  [kWriteToConsole]: {
    __proto__: null,
    ...kHiddenWritable,
    value: function(streamSymbol, string) {
      const ignoreErrors = this._ignoreErrors;
      const indent = this[kGroupIndentationString];
      const useStdout = streamSymbol === kUseStdout;
      const stream = useStdout ? this._stdout : this._stderr;
      const onWrite = useStdout ?
        this._stdoutErrorHandler : this._stderrErrorHandler;

      if (indent.length !== 0) {
        if (StringPrototypeIncludes(string, '\n')) {
          string = StringPrototypeReplaceAll(string, '\n', `\n${indent}`);
        }
        string = indent + string;
      }
      string += '\n';

      if (ignoreErrors === false) return stream.write(string);

      try {
        if (stream.listenerCount('error') === 0) {
          stream.once('error', noop);
        }
        stream.write(string, onWrite);
      } catch (err) {
        if (isStackOverflowError(err)) throw err;
      } finally {
        stream.removeListener('error', noop);
      }
    },
  },
  [kGetInspectOptions]: {
    __proto__: null,
    ...kHiddenWritable,
    value: function(stream) {
      let colors = this[kColorMode];
      if (colors === 'auto') colors = shouldColorize(stream);
      let options = inspectOptionsOf.get(this);
      if (options !== undefined && isMap(options)) {
        options = MapPrototypeGet(options, stream);
      }
      if (options !== undefined) {
        if (options.colors === undefined) options.colors = colors;
        return options;
      }
      return colors ? kColorInspectOptions : kNoColorInspectOptions;
    },
  },
  [kFormatForStdout]: {
    __proto__: null,
    ...kHiddenWritable,
    value: function(args) {
      ArrayPrototypeUnshift(args, this[kGetInspectOptions](this._stdout));
      return ReflectApply(formatWithOptions, null, args);
    },
  },
  [kFormatForStderr]: {
    __proto__: null,
    ...kHiddenWritable,
    value: function(args) {
      ArrayPrototypeUnshift(args, this[kGetInspectOptions](this._stderr));
      return ReflectApply(formatWithOptions, null, args);
    },
  },
});

// console.timeLog()/timeEnd() output: "label: 1.234ms" plus any extra data.
function logTiming(label, formatted, args) {
  if (args === undefined) {
    this.log('%s: %s', label, formatted);
  } else {
    ReflectApply(this.log, this,
                 ['%s: %s', label, formatted, ...new SafeArrayIterator(args)]);
  }
}

// The box characters of console.table().
const kTopLeft = '┌';
const kTopMiddle = '┬';
const kTopRight = '┐';
const kMiddleLeft = '├';
const kMiddleMiddle = '┼';
const kMiddleRight = '┤';
const kBottomLeft = '└';
const kBottomMiddle = '┴';
const kBottomRight = '┘';
const kHorizontal = '─';
const kVertical = '│';

function renderTableRow(cells, widths) {
  let line = kVertical;
  for (let i = 0; i < widths.length; i++) {
    const cell = cells[i];
    const padding = widths[i] - getStringWidth(cell);
    line += ` ${cell}${StringPrototypeRepeat(' ', padding)} ${kVertical}`;
  }
  return line;
}

function renderTableRule(widths, left, middle, right) {
  let line = left;
  for (let i = 0; i < widths.length; i++) {
    if (i !== 0) line += middle;
    line += StringPrototypeRepeat(kHorizontal, widths[i] + 2);
  }
  return line + right;
}

// Renders columns (arrays of preformatted cells, possibly sparse) under
// `head`, left-aligned; a missing cell is blank.
function renderTable(head, columns) {
  let rowCount = 0;
  for (let i = 0; i < columns.length; i++) {
    rowCount = MathMax(rowCount, columns[i].length);
  }
  const widths = [];
  const rows = [];
  for (let i = 0; i < head.length; i++) {
    let width = getStringWidth(head[i]);
    const column = columns[i];
    for (let j = 0; j < rowCount; j++) {
      rows[j] ??= [];
      const cell = ObjectPrototypeHasOwnProperty(column, j) ? column[j] : '';
      rows[j][i] = cell;
      width = MathMax(width, getStringWidth(cell));
    }
    ArrayPrototypePush(widths, width);
  }
  let out = `${renderTableRule(widths, kTopLeft, kTopMiddle, kTopRight)}\n` +
    `${renderTableRow(head, widths)}\n` +
    `${renderTableRule(widths, kMiddleLeft, kMiddleMiddle, kMiddleRight)}\n`;
  for (let j = 0; j < rows.length; j++) {
    out += `${renderTableRow(rows[j], widths)}\n`;
  }
  return out + renderTableRule(widths, kBottomLeft, kBottomMiddle,
                               kBottomRight);
}

// The diagnostics channels ('console.log', ...) on which log, info, debug,
// warn and error publish their arguments before formatting them. Set by
// diagnostics_channel when it loads: nothing can subscribe before that.
let channels;
function setConsoleChannels(consoleChannels) {
  channels = consoleChannels;
}

// The public methods. Shorthand methods, as in Node, so that they have no
// `prototype` property (trace is the exception: it names itself).
const consoleMethods = {
  log(...args) {
    if (channels !== undefined && channels.log.hasSubscribers) {
      channels.log.publish(args);
    }
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  info(...args) {
    if (channels !== undefined && channels.info.hasSubscribers) {
      channels.info.publish(args);
    }
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  debug(...args) {
    if (channels !== undefined && channels.debug.hasSubscribers) {
      channels.debug.publish(args);
    }
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  warn(...args) {
    if (channels !== undefined && channels.warn.hasSubscribers) {
      channels.warn.publish(args);
    }
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },

  error(...args) {
    if (channels !== undefined && channels.error.hasSubscribers) {
      channels.error.publish(args);
    }
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },

  dir(object, options) {
    this[kWriteToConsole](kUseStdout, inspect(object, {
      customInspect: false,
      ...this[kGetInspectOptions](this._stdout),
      ...options,
    }));
  },

  time(label = 'default') {
    timerStart(this._times, kTraceConsoleCategory, 'console.time()', kNone,
               label, `time::${label}`);
  },

  timeEnd(label = 'default') {
    timerEnd(this._times, kTraceConsoleCategory, 'console.timeEnd()', kNone,
             FunctionPrototypeBind(logTiming, this), label, `time::${label}`);
  },

  timeLog(label = 'default', ...data) {
    timerLog(this._times, kTraceConsoleCategory, 'console.timeLog()', kNone,
             FunctionPrototypeBind(logTiming, this), label, `time::${label}`,
             data);
  },

  trace: function trace(...args) {
    // A plain object, so that the stack header reads "Trace: <message>".
    const holder = {
      name: 'Trace',
      message: this[kFormatForStderr](args),
    };
    ErrorCaptureStackTrace(holder, trace);
    this.error(holder.stack);
  },

  assert(expression, ...args) {
    if (!expression) {
      if (args.length !== 0 && typeof args[0] === 'string') {
        args[0] = `Assertion failed: ${args[0]}`;
      } else {
        ArrayPrototypeUnshift(args, 'Assertion failed');
      }
      ReflectApply(this.warn, this, args);
    }
  },

  // Only terminals are cleared: cursor to the top left, then erase down.
  clear() {
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') {
      this._stdout.write('\x1b[1;1H');
      this._stdout.write('\x1b[0J');
    }
  },

  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    count = count === undefined ? 1 : count + 1;
    counts.set(label, count);
    traceCount(`count::${label}`, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    const counts = this[kCounts];
    // The lookup uses the label as given; only the deletion stringifies it.
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
    traceCount(`count::${label}`, 0);
  },

  group(...data) {
    if (data.length > 0) ReflectApply(this.log, this, data);
    this[kGroupIndentationString] +=
      StringPrototypeRepeat(' ', this[kGroupIndentationWidth]);
  },

  groupEnd() {
    const indent = this[kGroupIndentationString];
    this[kGroupIndentationString] =
      StringPrototypeSlice(indent, 0,
                           indent.length - this[kGroupIndentationWidth]);
  },

  // https://console.spec.whatwg.org/#table
  table(tabularData, properties) {
    if (properties !== undefined) validateArray(properties, 'properties');

    if (tabularData === null || typeof tabularData !== 'object') {
      return this.log(tabularData);
    }

    const print = (head, columns) => this.log(renderTable(head, columns));

    // One cell: small objects one level deep, larger ones as [Object].
    const cell = (value) => {
      const depth = value !== null && typeof value === 'object' &&
        !ArrayIsArray(value) && ObjectKeys(value).length > 2 ? -1 : 0;
      return inspect(value, {
        depth,
        maxArrayLength: 3,
        breakLength: Infinity,
        ...this[kGetInspectOptions](this._stdout),
      });
    };
    const indexColumn = (length) => ArrayFrom({ length }, (_, i) => cell(i));

    const mapIterator = isMapIterator(tabularData);
    let pairs = false;
    if (mapIterator) {
      const preview = previewEntries(tabularData, true);
      tabularData = preview[0];
      pairs = preview[1];
    }

    if (pairs || isMap(tabularData)) {
      const keys = [];
      const values = [];
      if (mapIterator) {
        // A flat [key0, value0, key1, value1, ...] preview.
        for (let i = 0; i + 1 < tabularData.length; i += 2) {
          ArrayPrototypePush(keys, cell(tabularData[i]));
          ArrayPrototypePush(values, cell(tabularData[i + 1]));
        }
      } else {
        for (const { 0: key, 1: value } of new SafeMapIterator(tabularData)) {
          ArrayPrototypePush(keys, cell(key));
          ArrayPrototypePush(values, cell(value));
        }
      }
      return print([kIterationIndexHeading, kKeyHeading, kValuesHeading],
                   [indexColumn(keys.length), keys, values]);
    }

    const setIterator = isSetIterator(tabularData);
    if (setIterator) tabularData = previewEntries(tabularData);

    if (setIterator || mapIterator || isSet(tabularData)) {
      const values = [];
      const iterator = ArrayIsArray(tabularData) ?
        new SafeArrayIterator(tabularData) : new SafeSetIterator(tabularData);
      for (const value of iterator) ArrayPrototypePush(values, cell(value));
      return print([kIterationIndexHeading, kValuesHeading],
                   [indexColumn(values.length), values]);
    }

    // Any other object: one row per own enumerable key. Object rows spread
    // into one column per property (or per entry of `properties`); primitive
    // rows go to a trailing "Values" column. The columns live in a
    // null-prototype object, so integer-like names come first, in order.
    const columns = { __proto__: null };
    const rowKeys = ObjectKeys(tabularData);
    const primitiveCells = [];
    let hasPrimitives = false;
    for (let row = 0; row < rowKeys.length; row++) {
      const item = tabularData[rowKeys[row]];
      const primitive = item === null ||
        (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        primitiveCells[row] = cell(item);
        continue;
      }
      const names = properties || ObjectKeys(item);
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        columns[name] ??= [];
        if ((primitive && properties) ||
            !ObjectPrototypeHasOwnProperty(item, name)) {
          columns[name][row] = '';
        } else {
          columns[name][row] = cell(item[name]);
        }
      }
    }

    const head = ObjectKeys(columns);
    const body = ObjectValues(columns);
    if (hasPrimitives) {
      ArrayPrototypePush(head, kValuesHeading);
      ArrayPrototypePush(body, primitiveCells);
    }
    ArrayPrototypeUnshift(head, kIndexHeading);
    ArrayPrototypeUnshift(body, rowKeys);
    return print(head, body);
  },
};

// Node shares one function between these pairs.
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.groupCollapsed = consoleMethods.group;

{
  const names = ReflectOwnKeys(consoleMethods);
  for (let i = 0; i < names.length; i++) {
    Console.prototype[names[i]] = consoleMethods[names[i]];
  }
}

// Called on the global console before user code: bind it to process's
// stdio, resolved on first use.
function initializeGlobalConsole(globalConsole) {
  globalConsole[kBindStreamsLazy](process);
}

module.exports = {
  Console,
  setConsoleChannels,
  kBindStreamsLazy,
  kBindProperties,
  initializeGlobalConsole,
  formatTime, // Exported for tests.
};
