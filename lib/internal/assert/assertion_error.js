'use strict';

const {
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypeSlice,
  Error,
  ErrorCaptureStackTrace,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectGetPrototypeOf,
  ObjectPrototypeHasOwnProperty,
  String,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeSplit,
} = primordials;

const { isNativeError } = internalBinding('types');
const { inspect } = require('internal/util/inspect');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const { myersDiff, printMyersDiff } = require('internal/assert/myers_diff');

const kHeadlines = {
  __proto__: null,
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  partialDeepStrictEqual:
    'Expected values to be partially and strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject:
    'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Both sides of a one-line comparison shorter than this (quotes excluded)
// are printed as `a !== b`.
const kMaxShortLength = 12;
// Longer strings are cut when an AssertionError is inspected.
const kMaxInspectedStringLength = 512;
// Lines of a value printed by notStrictEqual/notDeepStrictEqual.
const kMaxNotEqualLines = 50;

function inspectValue(value) {
  // Sorted keys, one entry per line, no custom inspection, no depth limit:
  // the most stable form to diff.
  return inspect(value, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

function isObjectOrFunction(value) {
  return (typeof value === 'object' && value !== null) ||
    typeof value === 'function';
}

function headline(operator, message) {
  return message || kHeadlines[operator];
}

function isOneLinePrimitiveDiff(actual, linesA, expected, linesB) {
  if (linesA.length > 1 || linesB.length > 1) return false;
  return typeof actual !== 'object' || actual === null ||
    typeof expected !== 'object' || expected === null;
}

// `+ actual` above `- expected`, with a caret under the first differing
// character when both fit on a terminal line.
function stackedDiff(inspectedA, inspectedB) {
  let message = `\n+ ${inspectedA}\n- ${inspectedB}`;
  let width = 80;
  const stderr = process.stderr;
  if (stderr?.isTTY && stderr.columns > 0) width = stderr.columns;
  if (inspectedA.length + inspectedB.length <= width) {
    {
      for (let i = 0; i < inspectedA.length; i++) {
        if (inspectedA[i] !== inspectedB[i]) {
          // The first characters are the quote and one character: a
          // difference there needs no pointer.
          if (i >= 3) message += `\n${StringPrototypeRepeat(' ', i + 2)}^`;
          break;
        }
      }
    }
  }
  return message;
}

function createDiffMessage(actual, expected, operator, message, diffKind) {
  if (operator === 'strictEqual' &&
      ((typeof actual === 'object' && actual !== null &&
        typeof expected === 'object' && expected !== null) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  const inspectedA = inspectValue(actual);
  const inspectedB = inspectValue(expected);
  const linesA = StringPrototypeSplit(inspectedA, '\n');
  const linesB = StringPrototypeSplit(inspectedB, '\n');
  let header = '+ actual - expected';
  let body;
  let skipped = false;

  if (isOneLinePrimitiveDiff(actual, linesA, expected, linesB)) {
    let length = linesA[0].length + linesB[0].length;
    if (typeof actual === 'string') length -= 2;
    if (typeof expected === 'string') length -= 2;
    if (length <= kMaxShortLength && (actual !== 0 || expected !== 0)) {
      body = `${linesA[0]} !== ${linesB[0]}`;
      header = '';
    } else {
      body = stackedDiff(linesA[0], linesB[0]);
    }
  } else if (inspectedA === inspectedB) {
    // Same structure, different identity.
    operator = 'notIdentical';
    header = '';
    if (linesA.length > 50 && diffKind !== 'full') {
      body = `${ArrayPrototypeJoin(ArrayPrototypeSlice(linesA, 0, 50), '\n')}` +
        '\n...}';
      skipped = true;
    } else {
      body = ArrayPrototypeJoin(linesA, '\n');
    }
  } else {
    const diff = myersDiff(linesA, linesB,
                           actual !== null && typeof actual === 'object');
    const printed = printMyersDiff(diff);
    body = printed.message;
    skipped = printed.skipped;
  }
  const skippedNote = skipped ? '\n... Skipped lines' : '';
  return `${headline(operator, message)}\n${header}${skippedNote}\n${body}\n`;
}

// A stand-in for an error without its stack, so that comparing two errors
// does not print two stack traces.
function copyError(source) {
  const target = ObjectAssign({ __proto__: ObjectGetPrototypeOf(source) },
                              source);
  ObjectDefineProperty(target, 'message', {
    __proto__: null, value: source.message,
  });
  if (ObjectPrototypeHasOwnProperty(source, 'cause')) {
    let cause = source.cause;
    if (isError(cause)) cause = copyError(cause);
    ObjectDefineProperty(target, 'cause', { __proto__: null, value: cause });
  }
  return target;
}

function isError(value) {
  return isNativeError(value) || value instanceof Error;
}

function isErrorWithStack(value) {
  return typeof value === 'object' && value !== null && 'stack' in value &&
    value instanceof Error;
}

function truncateForInspection(value) {
  const lines = StringPrototypeSplit(value, '\n', 11);
  if (lines.length > 10) {
    ArrayPrototypePop(lines);
    return `${ArrayPrototypeJoin(lines, '\n')}\n...`;
  }
  if (value.length > kMaxInspectedStringLength) {
    return `${StringPrototypeSlice(value, kMaxInspectedStringLength)}...`;
  }
  return value;
}

class AssertionError extends Error {
  constructor(options) {
    if (typeof options !== 'object' || options === null) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const {
      message,
      operator,
      stackStartFn,
      details,
      // Compatibility with older versions.
      stackStartFunction,
      diff = 'simple',
    } = options;
    let { actual, expected } = options;

    const ownActual = actual;
    const ownExpected = expected;
    if (isErrorWithStack(actual) && isErrorWithStack(expected)) {
      actual = copyError(actual);
      expected = copyError(expected);
    }

    const limit = Error.stackTraceLimit;
    if (isErrorStackTraceLimitWritable()) Error.stackTraceLimit = 0;

    if (message != null) {
      if (operator === 'deepStrictEqual' || operator === 'strictEqual' ||
          operator === 'partialDeepStrictEqual') {
        super(createDiffMessage(actual, expected, operator, message, diff));
      } else {
        super(String(message));
      }
    } else if (operator === 'deepStrictEqual' ||
               operator === 'strictEqual' ||
               operator === 'partialDeepStrictEqual') {
      super(createDiffMessage(actual, expected, operator, message, diff));
    } else if (operator === 'notDeepStrictEqual' ||
               operator === 'notStrictEqual') {
      let base = kHeadlines[operator];
      const lines = StringPrototypeSplit(inspectValue(actual), '\n');
      if (operator === 'notStrictEqual' && isObjectOrFunction(actual)) {
        base = kHeadlines.notStrictEqualObject;
      }
      if (lines.length > kMaxNotEqualLines && diff !== 'full') {
        lines[46] = '...';
        while (lines.length > 47) ArrayPrototypePop(lines);
      }
      if (lines.length === 1) {
        super(`${base}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`);
      } else {
        super(`${base}\n\n${ArrayPrototypeJoin(lines, '\n')}\n`);
      }
    } else {
      let res = inspectValue(actual);
      let other = inspectValue(expected);
      const known = kHeadlines[operator];
      if (operator === 'notDeepEqual' && res === other) {
        res = `${known}\n\n${res}`;
        if (res.length > 1024 && diff !== 'full') {
          res = `${StringPrototypeSlice(res, 0, 1021)}...`;
        }
        super(res);
      } else {
        if (res.length > 512 && diff !== 'full') {
          res = `${StringPrototypeSlice(res, 0, 509)}...`;
        }
        if (other.length > 512 && diff !== 'full') {
          other = `${StringPrototypeSlice(other, 0, 509)}...`;
        }
        if (operator === 'deepEqual') {
          res = `${known}\n\n${res}\n\nshould loosely deep-equal\n\n`;
        } else {
          const unequal = kHeadlines[`${operator}Unequal`];
          if (unequal) {
            res = `${unequal}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
          } else {
            other = ` ${operator} ${other}`;
          }
        }
        super(`${res}${other}`);
      }
    }

    if (isErrorStackTraceLimitWritable()) Error.stackTraceLimit = limit;

    this.generatedMessage = !message;
    // The stack header reads `AssertionError [ERR_ASSERTION]: ...`, while
    // `name` itself stays 'AssertionError'.
    ObjectDefineProperty(this, 'name', {
      __proto__: null,
      value: 'AssertionError [ERR_ASSERTION]',
      enumerable: false,
      writable: true,
      configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this[`message ${i}`] = details[i].message;
        this[`actual ${i}`] = details[i].actual;
        this[`expected ${i}`] = details[i].expected;
        this[`operator ${i}`] = details[i].operator;
        this[`stack trace ${i}`] = details[i].stack;
      }
    } else {
      this.actual = ownActual;
      this.expected = ownExpected;
      this.operator = operator;
    }
    this.diff = diff;
    ErrorCaptureStackTrace(this, stackStartFn || stackStartFunction);
    // Format the stack now, while `name` carries the code.
    this.stack; // eslint-disable-line no-unused-expressions
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [inspect.custom](recurseTimes, ctx) {
    // Long strings would drown the message: show their start only.
    const savedActual = this.actual;
    const savedExpected = this.expected;
    if (typeof this.actual === 'string') {
      this.actual = truncateForInspection(this.actual);
    }
    if (typeof this.expected === 'string') {
      this.expected = truncateForInspection(this.expected);
    }
    // Depth 0: the message already shows the values in full.
    const result = inspect(this, {
      ...ctx,
      customInspect: false,
      depth: 0,
    });
    this.actual = savedActual;
    this.expected = savedExpected;
    return result;
  }
}

function isErrorStackTraceLimitWritable() {
  const desc = primordials.ObjectGetOwnPropertyDescriptor(Error,
                                                          'stackTraceLimit');
  if (desc === undefined) return primordials.ObjectIsExtensible(Error);
  return ObjectPrototypeHasOwnProperty(desc, 'writable') ?
    desc.writable : desc.set !== undefined;
}

module.exports = AssertionError;
