'use strict';

// What the built-in reporters share: symbols, colours, and the formatting of
// one finished test and of its error.

const {
  ArrayPrototypeJoin,
  RegExpPrototypeSymbolSplit,
  StringPrototypeRepeat,
  hardenRegExp,
} = primordials;

const { inspectWithNoCustomRetry } = require('internal/errors');

const kLineBreak = hardenRegExp(/\r?\n/);

const symbols = {
  __proto__: null,
  'test:fail': '\u2716 ',
  'test:pass': '\u2714 ',
  'test:diagnostic': '\u2139 ',
  'test:coverage': '\u2139 ',
  'arrow:right': '\u25B6 ',
  'hyphen:minus': '\uFE63 ',
  'warning:alert': '\u26A0 ',
};

// Colours are used only when the destination is a terminal that has them.
function getColors(stream) {
  let on = false;
  try {
    on = stream?.isTTY === true &&
      (typeof stream.hasColors !== 'function' || stream.hasColors());
  } catch {
    on = false;
  }
  if (process.env.FORCE_COLOR !== undefined) {
    on = process.env.FORCE_COLOR !== '0' && process.env.FORCE_COLOR !== '';
  } else if (process.env.NO_COLOR !== undefined ||
             process.env.NODE_DISABLE_COLORS !== undefined) {
    on = false;
  }
  const c = (code) => (on ? `\u001b[${code}m` : '');
  return {
    __proto__: null,
    enabled: on,
    blue: c(34),
    green: c(32),
    red: c(31),
    gray: c(90),
    yellow: c(33),
    white: c(39),
  };
}

function colorFor(colors, type) {
  if (type === 'test:fail') return colors.red;
  if (type === 'test:pass') return colors.green;
  if (type === 'test:diagnostic') return colors.blue;
  return colors.white;
}

function indent(nesting) {
  return StringPrototypeRepeat('  ', nesting);
}

const inspectOptions = {
  __proto__: null,
  colors: false,
  breakLength: Infinity,
};

// The error as the spec reporter shows it: the user's error (not the
// ERR_TEST_FAILURE around it), inspected, each line indented.
// Inspected in colour where the reporter's colours are on.
function formatError(error, pad, colors) {
  if (!error) return '';
  const shown = error.code === 'ERR_TEST_FAILURE' ? error.cause : error;
  const options = colors?.enabled ?
    { __proto__: null, colors: true, breakLength: Infinity } : inspectOptions;
  const lines = RegExpPrototypeSymbolSplit(
    kLineBreak, inspectWithNoCustomRetry(shown, options));
  return `\n${pad}  ${ArrayPrototypeJoin(lines, `\n${pad}  `)}\n`;
}

// One line for a finished test, plus its error when `withError`.
function formatTestReport(colors, type, data, prefix = '', pad = '',
                          hasChildren = false, withError = true) {
  let color = colorFor(colors, type);
  let symbol = symbols[type] ?? ' ';
  const { skip, todo } = data;
  const ms = data.details?.duration_ms;
  let title = data.name;
  if (ms) title += ` ${colors.gray}(${ms}ms)${colors.white}`;
  if (skip !== undefined) {
    title += ` # ${typeof skip === 'string' && skip.length ? skip : 'SKIP'}`;
    color = colors.gray;
    symbol = symbols['hyphen:minus'];
  } else if (todo !== undefined) {
    title += ` # ${typeof todo === 'string' && todo.length ? todo : 'TODO'}`;
  }
  const error = withError ? formatError(data.details?.error, pad, colors) :
    '';
  let tail = error;
  if (hasChildren) {
    tail = (!error || data.details?.error?.failureType === 'subtestsFailed') ?
      '' : `\n${error}`;
  }
  return `${prefix}${pad}${color}${symbol}${title}${colors.white}${tail}`;
}

module.exports = {
  colorFor,
  formatError,
  formatTestReport,
  getColors,
  indent,
  inspectOptions,
  kLineBreak,
  symbols,
};
