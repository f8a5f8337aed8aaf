'use strict';

// The 'tap' reporter: TAP version 13, with each test's details as a YAML
// block.

const {
  ArrayPrototypeForEach,
  ArrayPrototypePush,
  ArrayPrototypeJoin,
  DatePrototypeToISOString,
  ObjectEntries,
  RegExpPrototypeSymbolReplace,
  RegExpPrototypeSymbolSplit,
  SafeSet,
  StringPrototypeRepeat,
  StringPrototypeReplaceAll,
  hardenRegExp,
} = primordials;

const { isDate } = internalBinding('types');
const { inspectWithNoCustomRetry } = require('internal/errors');
const { isError } = require('internal/util');
const { kUnwrapErrors } = require('internal/test_runner/utils');
const {
  inspectOptions,
  kLineBreak,
} = require('internal/test_runner/reporter/utils');

const kFrameStart = hardenRegExp(/^ {4}at /);

function indent(nesting) {
  return StringPrototypeRepeat('    ', nesting);
}

// As Node's: the control characters first, then the backslashes, so that
// a newline comes out as `\\n`.
function tapEscape(text) {
  let out = StringPrototypeReplaceAll(text, '\b', '\\b');
  out = StringPrototypeReplaceAll(out, '\f', '\\f');
  out = StringPrototypeReplaceAll(out, '\t', '\\t');
  out = StringPrototypeReplaceAll(out, '\n', '\\n');
  out = StringPrototypeReplaceAll(out, '\r', '\\r');
  out = StringPrototypeReplaceAll(out, '\v', '\\v');
  out = StringPrototypeReplaceAll(out, '\\', '\\\\');
  out = StringPrototypeReplaceAll(out, '#', '\\#');
  return out;
}

function testLine(nesting, number, status, name, skip, todo) {
  let line = `${indent(nesting)}${status} ${number}`;
  if (name) line += ` ${tapEscape(`- ${name}`)}`;
  if (skip !== undefined) {
    line += ' # SKIP';
    if (typeof skip === 'string' && skip.length) line += ` ${tapEscape(skip)}`;
  } else if (todo !== undefined) {
    line += ' # TODO';
    if (typeof todo === 'string' && todo.length) line += ` ${tapEscape(todo)}`;
  }
  return `${line}\n`;
}

function isAssertionLike(value) {
  return value && typeof value === 'object' &&
    'expected' in value && 'actual' in value;
}

// One YAML entry (or block) for `value` under `name`.
function toYaml(pad, name, value, seen) {
  if (value === undefined) return '';
  const prefix = `${pad}  ${name}:`;
  if (value === null) return `${prefix} ~\n`;
  if (typeof value !== 'object') {
    if (typeof value !== 'string') {
      return `${prefix} ${inspectWithNoCustomRetry(value, inspectOptions)}\n`;
    }
    const lines = RegExpPrototypeSymbolSplit(kLineBreak, value);
    if (lines.length === 1) {
      return `${prefix} ${inspectWithNoCustomRetry(value, inspectOptions)}\n`;
    }
    let text = `${prefix} |-\n`;
    for (let i = 0; i < lines.length; i++) text += `${pad}    ${lines[i]}\n`;
    return text;
  }
  seen.add(value);
  let out = '';
  let inner = pad;
  if (name != null) {
    out += prefix;
    if (isDate(value)) {
      return `${out} ${DatePrototypeToISOString(value)}\n`;
    }
    out += '\n';
    inner += '  ';
  }
  const errorLike = isError(value);
  const entries = ObjectEntries(value);
  for (let i = 0; i < entries.length; i++) {
    const { 0: key, 1: item } = entries[i];
    if (errorLike && (key === 'cause' || key === 'code')) continue;
    if (seen.has(item)) {
      out += `${inner}  ${key}: <Circular>\n`;
      continue;
    }
    out += toYaml(inner, key, item, seen);
  }
  if (errorLike) out += errorYaml(pad, value, seen);
  return out;
}

function errorYaml(pad, err, seen) {
  const { cause, code, failureType } = err;
  let message = err.message ?? '<unknown error>';
  let name = err.name;
  let stack = err.stack;
  let errCode = code;
  let expected = err.expected;
  let actual = err.actual;
  let operator = err.operator;
  let assertion = isAssertionLike(err);
  if (code === 'ERR_TEST_FAILURE' && kUnwrapErrors.has(failureType)) {
    stack = cause?.stack ?? stack;
    errCode = cause?.code ?? errCode;
    name = cause?.name ?? name;
    message = cause?.message ?? message;
    if (isAssertionLike(cause)) {
      expected = cause.expected;
      actual = cause.actual;
      operator = cause.operator ?? operator;
      assertion = true;
    }
  }
  let out = toYaml(pad, 'error', message, seen);
  if (errCode) out += toYaml(pad, 'code', errCode, seen);
  if (name && name !== 'Error') out += toYaml(pad, 'name', name, seen);
  if (assertion) {
    out += toYaml(pad, 'expected', expected, new SafeSet(seen));
    out += toYaml(pad, 'actual', actual, new SafeSet(seen));
    if (operator) out += toYaml(pad, 'operator', operator, seen);
  }
  if (typeof stack === 'string') {
    const frames = [];
    ArrayPrototypeForEach(RegExpPrototypeSymbolSplit(kLineBreak, stack),
                          (frame) => {
                            const rest =
                              RegExpPrototypeSymbolReplace(kFrameStart, frame,
                                                           '');
                            if (rest.length > 0 && rest.length !== frame.length) {
                              ArrayPrototypePush(frames, rest);
                            }
                          });
    if (frames.length > 0) {
      const sep = `\n${pad}    `;
      out += `${pad}  stack: |-${sep}${ArrayPrototypeJoin(frames, sep)}\n`;
    }
  }
  return out;
}

function detailsBlock(nesting, details = {}, location) {
  const pad = indent(nesting);
  let out = `${pad}  ---\n`;
  out += toYaml(pad, 'duration_ms', details.duration_ms);
  out += toYaml(pad, 'type', details.type);
  if (location) out += toYaml(pad, 'location', location);
  out += toYaml(pad, null, details.error, new SafeSet());
  return `${out}${pad}  ...\n`;
}

class TapFormatter {
  #started = false;

  // The text for one event, in the pieces Node's reporter yields.
  parts(event) {
    const { type, data } = event;
    const out = [];
    switch (type) {
      case 'test:fail': {
        const location = data.file ?
          `${data.file}:${data.line}:${data.column}` : null;
        ArrayPrototypePush(out, testLine(data.nesting, data.testNumber,
                                         'not ok', data.name, data.skip,
                                         data.todo));
        ArrayPrototypePush(out, detailsBlock(data.nesting, data.details,
                                             location));
        break;
      }
      case 'test:pass':
        ArrayPrototypePush(out, testLine(data.nesting, data.testNumber, 'ok',
                                         data.name, data.skip, data.todo));
        ArrayPrototypePush(out, detailsBlock(data.nesting, data.details,
                                             null));
        break;
      case 'test:plan':
        ArrayPrototypePush(out, `${indent(data.nesting)}1..${data.count}\n`);
        break;
      case 'test:start':
        ArrayPrototypePush(
          out, `${indent(data.nesting)}# Subtest: ${tapEscape(data.name)}\n`);
        break;
      case 'test:stdout':
      case 'test:stderr': {
        const lines = RegExpPrototypeSymbolSplit(kLineBreak, data.message);
        for (let i = 0; i < lines.length; i++) {
          if (lines[i].length > 0) {
            ArrayPrototypePush(out, `# ${tapEscape(lines[i])}\n`);
          }
        }
        break;
      }
      case 'test:diagnostic':
        ArrayPrototypePush(
          out, `${indent(data.nesting)}# ${tapEscape(data.message)}\n`);
        break;
      case 'test:coverage': {
        const { formatCoverageReport } =
          require('internal/test_runner/coverage');
        ArrayPrototypePush(
          out, formatCoverageReport(indent(data.nesting), data.summary, '# ',
                                    null));
        break;
      }
      default:
        break;
    }
    return out;
  }

  begin() {
    if (this.#started) return '';
    this.#started = true;
    return 'TAP version 13\n';
  }

  format(event) {
    let out = '';
    if (!this.#started) {
      this.#started = true;
      out = 'TAP version 13\n';
    }
    return out + ArrayPrototypeJoin(this.parts(event), '');
  }

  end() {
    return this.#started ? '' : 'TAP version 13\n';
  }
}

// The public form: an async generator from events to text.
async function* tap(source) {
  const formatter = new TapFormatter();
  yield 'TAP version 13\n';
  for await (const event of source) {
    const parts = formatter.parts(event);
    for (let i = 0; i < parts.length; i++) yield parts[i];
  }
}

module.exports = { TapFormatter, tap };
