'use strict';

// The REPL's helpers: telling an incomplete input (more lines will come)
// from a broken one, the preview of the result as you type, and the
// incremental history search (Ctrl+R / Ctrl+S).

const {
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypeMap,
  Boolean,
  MathMin,
  RegExpPrototypeExec,
  SafeSet,
  SafeStringIterator,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  StringPrototypeTrim,
  Symbol,
} = primordials;

const acorn = require('internal/deps/acorn/acorn/dist/acorn');
const {
  clearLine,
  clearScreenDown,
  cursorTo,
  moveCursor,
} = require('internal/readline/callbacks');
const {
  kIsMultiline,
  kSetLine,
} = require('internal/readline/interface');
const {
  commonPrefix,
  kSubstringSearch,
} = require('internal/readline/utils');
const {
  getStringWidth,
  inspect,
} = require('internal/util/inspect');

let debug = require('internal/util/debuglog').debuglog('repl', (fn) => {
  debug = fn;
});

const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');
const kStandaloneREPL = Symbol('kStandaloneREPL');

// How a preview shows a value: short, plain, one level deep.
const kPreviewInspectOptions = { colors: false, depth: 1, showHidden: false };
// Node's inspector stops a preview evaluation after this long.
const kPreviewTimeoutMs = 333;

// --- Incomplete input ------------------------------------------------------

// A parser that notes whether it got to the end of the input before it
// failed: an error there (or an unterminated template, comment, or string
// continued with a backslash) means more input can still fix it.
let EndAwareParser;
let reachedEnd = false;
function getEndAwareParser() {
  EndAwareParser ??= acorn.Parser.extend((Base) => class extends Base {
    nextToken() {
      super.nextToken();
      if (this.type === acorn.tokTypes.eof) reachedEnd = true;
    }
    raise(pos, message) {
      if (message === 'Unterminated template' ||
          message === 'Unterminated comment') {
        reachedEnd = true;
      } else if (message === 'Unterminated string constant') {
        const text = StringPrototypeSlice(this.input, this.lastTokStart,
                                          this.pos);
        if (RegExpPrototypeExec(/\\(?:\r\n?|\n|\u2028|\u2029)$/,
                                text) !== null) {
          reachedEnd = true;
        }
      }
      super.raise(pos, message);
    }
  });
  return EndAwareParser;
}

// Whether V8's SyntaxError for `code` is one that further lines can fix.
function isRecoverableError(error, code) {
  // Code opening with a brace may be an object literal still being typed.
  if (RegExpPrototypeExec(/^\s*\{/, code) !== null &&
      isRecoverableError(error, `(${code}`)) {
    return true;
  }
  const Parser = getEndAwareParser();
  reachedEnd = false;
  try {
    Parser.parse(code, { ecmaVersion: 'latest' });
  } catch {
    return reachedEnd;
  }
  // V8 refused what acorn accepts: more input will not help.
  return false;
}

function isValidSyntax(input) {
  const options = { ecmaVersion: 'latest', allowAwaitOutsideFunction: true };
  try {
    acorn.Parser.parse(input, options);
    return true;
  } catch {
    // It may still be an expression (an object literal, say).
  }
  try {
    acorn.Parser.parse(`_=${input}`, options);
    return true;
  } catch {
    return false;
  }
}

// `{ a: 1 }` typed alone means an object, not a block.
function isObjectLiteral(code) {
  return RegExpPrototypeExec(/^\s*{/, code) !== null &&
    RegExpPrototypeExec(/;\s*$/, code) === null;
}

// --- Previews ---------------------------------------------------------------

let replBinding;
function previewSupported() {
  replBinding ??= internalBinding('repl');
  return typeof replBinding.previewEvaluate === 'function';
}

function isStrictRepl(repl) {
  if (repl.replMode === REPL_MODE_STRICT) return true;
  const flags = ArrayPrototypeMap(process.execArgv, (flag) =>
    StringPrototypeReplaceAll(StringPrototypeToLowerCase(flag), '_', '-'));
  return ArrayPrototypeIncludes(flags, '--use-strict');
}

// Below the input, in grey (or after `// `), what the input evaluates to
// when that has no side effects; after the cursor, in grey, the rest of the
// only (or common) completion.
function setupPreview(repl, contextGlobalOf, bufferSymbol, active) {
  if (process.env.TERM === 'dumb' || !active) {
    return { showPreview() {}, clearPreview() {} };
  }

  let shownPreview = null;        // the result preview on the row below
  let shownCompletion = null;     // the completion suffix after the input
  let completionRequest = 0;
  let sawCompletions = false;
  let wrappedInParens = false;
  let escapedLine = null;         // the line on which escape hid completion

  function positions() {
    const displayPos = repl._getDisplayPos(`${repl.getPrompt()}${repl.line}`);
    const cursorPos = repl.line.length === repl.cursor ?
      displayPos : repl.getCursorPos();
    return { displayPos, cursorPos };
  }

  function cursorAtEnd() {
    const { displayPos, cursorPos } = positions();
    return displayPos.rows === cursorPos.rows &&
      displayPos.cols === cursorPos.cols;
  }

  function clearPreview(key) {
    if (shownPreview !== null) {
      const { displayPos, cursorPos } = positions();
      const down = displayPos.rows - cursorPos.rows + 1;
      moveCursor(repl.output, 0, down);
      clearLine(repl.output);
      moveCursor(repl.output, 0, -down);
      shownPreview = null;
    }
    if (shownCompletion !== null) {
      const away = repl.line.length !== repl.cursor;
      let pos;
      let rows;
      if (away) {
        pos = positions();
        cursorTo(repl.output, pos.displayPos.cols);
        rows = pos.displayPos.rows - pos.cursorPos.rows;
        moveCursor(repl.output, 0, rows);
      }
      const end = repl._getDisplayPos(
        `${repl.getPrompt()}${repl.line}${shownCompletion}`);
      if (end.rows === 0 || (pos && pos.displayPos.rows === end.rows)) {
        clearLine(repl.output, 1);
      } else {
        clearScreenDown(repl.output);
      }
      if (away) {
        cursorTo(repl.output, pos.cursorPos.cols);
        moveCursor(repl.output, 0, -rows);
      }
      if (!key.ctrl && !key.shift) {
        if (key.name === 'escape') {
          if (escapedLine === null && key.meta) escapedLine = repl.line;
        } else if ((key.name === 'return' || key.name === 'enter') &&
                   !key.meta && escapedLine !== repl.line && cursorAtEnd()) {
          // Return accepts the completion shown.
          repl._insertString(shownCompletion);
        }
      }
      shownCompletion = null;
    }
    if (escapedLine !== repl.line) escapedLine = null;
  }

  function showCompletionPreview(line, insert) {
    const request = ++completionRequest;
    repl.completer(line, (error, data) => {
      if (request !== completionRequest) return;  // outdated
      if (error) {
        debug('completion preview failed', error);
        return;
      }
      const { 0: found, 1: completeOn } = data;
      if (!found || found.length === 0) return;
      sawCompletions = true;
      const prefix = commonPrefix(ArrayPrototypeFilter(found, Boolean));
      if (prefix.length <= completeOn.length) return;
      const suffix = StringPrototypeSlice(prefix, completeOn.length);
      if (insert) {
        repl._insertString(suffix);
        return;
      }
      shownCompletion = suffix;
      const text = repl.useColors ?
        `\u001b[90m${suffix}\u001b[39m` : ` // ${suffix}`;
      const { cursorPos, displayPos } = positions();
      if (repl.line.length !== repl.cursor) {
        cursorTo(repl.output, displayPos.cols);
        moveCursor(repl.output, 0, displayPos.rows - cursorPos.rows);
      }
      repl.output.write(text);
      cursorTo(repl.output, cursorPos.cols);
      const end = repl._getDisplayPos(
        `${repl.getPrompt()}${repl.line}${suffix}`);
      moveCursor(repl.output, 0,
                 -(end.rows - cursorPos.rows - (end.cols === 0 ? 1 : 0)));
    });
  }

  // What `input` previews as: a string, or null for nothing.
  function previewOf(input) {
    if (!wrappedInParens && input[0] === '{' &&
        input[input.length - 1] !== ';' && isValidSyntax(input)) {
      input = `(${input})`;
      wrappedInParens = true;
    }
    const outcome = replBinding.previewEvaluate(input, contextGlobalOf(),
                                                kPreviewTimeoutMs);
    if (outcome === undefined) return null;  // timed out
    if (outcome[0]) {
      const value = outcome[1];
      if (typeof value !== 'object' && typeof value !== 'function') {
        return inspect(value, kPreviewInspectOptions);
      }
      return inspect(value, {
        ...repl.writer.options,
        colors: false,
        depth: 1,
        compact: true,
        breakLength: Infinity,
      });
    }
    const className = outcome[2];
    // A side effect (EvalError), broken input, or an unknown name while
    // typing: show nothing.
    if (className === 'EvalError' || className === 'SyntaxError' ||
        (className === 'ReferenceError' &&
         (sawCompletions || !isStrictRepl(repl)))) {
      return null;
    }
    return inspect(outcome[1], {
      ...repl.writer.options,
      colors: false,
      depth: 1,
      compact: true,
      breakLength: Infinity,
    });
  }

  function writePreview(line, inspected) {
    if (inspected == null) return;
    wrappedInParens = false;
    if (line === inspected) return;
    if (inspected === 'undefined' &&
        (!repl.useColors || repl.ignoreUndefined)) {
      return;
    }
    shownPreview = inspected;
    // At most the terminal's width (and 250 columns).
    let room = MathMin(repl.columns, 250);
    if (inspected.length * 2 >= room && getStringWidth(inspected) > room) {
      room -= 4 + (repl.useColors ? 0 : 3);
      let cut = '';
      for (const ch of new SafeStringIterator(inspected)) {
        room -= getStringWidth(ch);
        if (room < 0) break;
        cut += ch;
      }
      inspected = `${cut}...`;
    }
    const lineBreak = RegExpPrototypeExec(/[\r\n\v]/, inspected);
    if (lineBreak !== null) {
      inspected = StringPrototypeSlice(inspected, 0, lineBreak.index);
    }
    const text = repl.useColors ?
      `\u001b[90m${inspected}\u001b[39m` : `// ${inspected}`;
    const { cursorPos, displayPos } = positions();
    const rows = displayPos.rows - cursorPos.rows;
    moveCursor(repl.output, 0, rows);
    repl.output.write(`\n${text}`);
    cursorTo(repl.output, cursorPos.cols);
    moveCursor(repl.output, 0, -rows - 1);
  }

  function showPreview(withCompletion = true) {
    if (shownPreview !== null || repl[kIsMultiline] ||
        !repl.isCompletionEnabled || !previewSupported()) {
      return;
    }
    const line = StringPrototypeTrim(repl.line);
    if (line === '') return;
    sawCompletions = false;
    if (withCompletion) showCompletionPreview(repl.line, false);
    // A command spanning several lines is not previewed.
    if (repl[bufferSymbol]) return;

    let previewLine = line;
    if (shownCompletion !== null && cursorAtEnd() &&
        escapedLine !== repl.line) {
      previewLine += shownCompletion;
    }
    let inspected;
    try {
      inspected = previewOf(previewLine);
      // `{ ... }` failed as an object: try it as a block.
      if (wrappedInParens && inspected == null) {
        inspected = previewOf(previewLine);
      }
    } catch (err) {
      debug('preview failed', err);
      inspected = null;
    }
    wrappedInParens = false;
    writePreview(line, inspected);
  }

  // A redraw wipes the preview: draw it again.
  const refreshLine = repl._refreshLine;
  repl._refreshLine = () => {
    shownPreview = null;
    refreshLine.call(repl);
    showPreview();
  };

  // Moving right at the end of the input takes the completion shown.
  let completionInsertable = true;
  const moveCursorBy = repl._moveCursor;
  repl._moveCursor = (dx) => {
    const before = repl.cursor;
    moveCursorBy.call(repl, dx);
    if (before + dx > repl.line.length &&
        typeof repl.completer === 'function' && completionInsertable) {
      showCompletionPreview(repl.line, true);
    }
  };
  const clearLineOf = repl.clearLine;
  repl.clearLine = () => {
    completionInsertable = false;
    clearLineOf.call(repl);
    completionInsertable = true;
  };

  return { showPreview, clearPreview };
}

// --- Incremental history search -------------------------------------------

function setupReverseSearch(repl) {
  if (process.env.TERM === 'dumb') {
    return { reverseSearch() { return false; } };
  }

  const kLabels = { r: 'bck-i-search: ', s: 'fwd-i-search: ' };
  const seen = new SafeSet();
  let searching = false;
  let index = -1;
  let query = '';
  let at = -1;
  let direction = 'r';
  let matchIndex = -1;
  let matchAt = -1;
  let promptPos;

  function setDirection(name) {
    if (kLabels[name] === undefined) return false;
    if (direction !== name) {
      seen.clear();
      direction = name;
    }
    return true;
  }

  function skipEntry() {
    seen.add(repl.history[index]);
    index += direction === 'r' ? 1 : -1;
    at = -1;
  }

  function search() {
    if (query === '') {
      draw(repl.line, `${kLabels[direction]}_`);
      return;
    }
    if (direction === 'r') {
      if (index < 0) index = 0;
    } else if (index >= repl.history.length) {
      index = repl.history.length - 1;
    }
    while (index >= 0 && index < repl.history.length) {
      let entry = repl.history[index];
      if (seen.has(entry)) {
        index += direction === 'r' ? 1 : -1;
        continue;
      }
      if (direction === 'r') {
        if (at === -1) at = entry.length;
        at = StringPrototypeLastIndexOf(entry, query, at - 1);
      } else {
        at = StringPrototypeIndexOf(entry, query, at + 1);
      }
      if (at === -1) {
        skipEntry();
        continue;
      }
      if (repl.useColors) {
        entry = `${StringPrototypeSlice(entry, 0, at)}\x1B[4m${query}` +
          `\x1B[24m${StringPrototypeSlice(entry, at + query.length)}`;
      }
      draw(entry, `${kLabels[direction]}${query}_`, at);
      matchIndex = index;
      matchAt = at;
      if ((direction === 'r' && at === 0) ||
          (direction === 's' && entry.length === at + query.length)) {
        skipEntry();
      }
      return;
    }
    draw(repl.line, `failed-${kLabels[direction]}${query}_`);
  }

  // Shows `shown` as the input line and `status` on the row below it, with
  // the cursor at `cursor` in the input.
  function draw(shown, status, cursor = repl.cursor) {
    let rows = 0;
    if (matchIndex !== -1) {
      const before = StringPrototypeSlice(repl.history[matchIndex], 0,
                                          matchAt);
      rows = repl._getDisplayPos(`${repl.getPrompt()}${before}`).rows;
      cursorTo(repl.output, promptPos.cols);
    } else if (searching && repl.line !== '') {
      rows = repl.getCursorPos().rows;
      cursorTo(repl.output, promptPos.cols);
    }
    if (rows !== 0) moveCursor(repl.output, 0, -rows);

    if (searching) {
      clearScreenDown(repl.output);
      repl.output.write(`${shown}\n${status}`);
    } else {
      repl.output.write(`\n${status}`);
    }
    matchIndex = -1;

    const prompt = repl.getPrompt();
    const cursorPos = repl._getDisplayPos(
      prompt + StringPrototypeSlice(shown, 0, cursor));
    const shownPos = repl._getDisplayPos(`${prompt}${shown}`);
    const statusPos = repl._getDisplayPos(status);
    const statusRows = statusPos.rows - (statusPos.cols === 0 ? 1 : 0);
    moveCursor(repl.output, 0,
               -1 - statusRows - (shownPos.rows - cursorPos.rows));
    cursorTo(repl.output, cursorPos.cols);
  }

  // Leaves the search (no argument) or restarts it with `newQuery`.
  function reset(newQuery) {
    searching = newQuery !== undefined;
    if (!searching) {
      if (matchIndex !== -1) {
        repl[kSetLine](repl.history[matchIndex]);
        repl.cursor = matchAt;
        repl.historyIndex = matchIndex;
      }
      matchIndex = -1;
      cursorTo(repl.output, promptPos.cols);
      moveCursor(repl.output, 0, promptPos.rows);
      clearScreenDown(repl.output);
      if (repl.line !== '') {
        repl.output.write(repl.line);
        if (repl.line.length !== repl.cursor) {
          const { cols, rows } = repl.getCursorPos();
          cursorTo(repl.output, cols);
          moveCursor(repl.output, 0, rows);
        }
      }
    }
    query = newQuery || '';
    at = -1;
    index = repl.historyIndex;
    seen.clear();
  }

  // Handles the key when it belongs to the search; false lets readline
  // have it.
  function reverseSearch(string, key) {
    if (!searching) {
      if (key.ctrl && setDirection(key.name)) {
        index = repl.historyIndex;
        promptPos = repl._getDisplayPos(`${repl.getPrompt()}`);
        draw(repl.line, `${kLabels[direction]}_`);
        searching = true;
      }
    } else if (key.ctrl && setDirection(key.name)) {
      search();
    } else if (key.name === 'backspace' ||
               (key.ctrl && (key.name === 'h' || key.name === 'w'))) {
      reset(StringPrototypeSlice(query, 0, query.length - 1));
      search();
    } else if ((key.ctrl && key.name === 'c') || key.name === 'escape') {
      // Cancel: the line from before the search comes back.
      matchIndex = -1;
      reset();
      return true;
    } else if (key.ctrl || key.meta || key.name === 'return' ||
               key.name === 'enter' || typeof string !== 'string' ||
               string === '') {
      reset();
      repl[kSubstringSearch] = '';
    } else {
      reset(`${query}${string}`);
      search();
    }
    return searching;
  }

  return { reverseSearch };
}

module.exports = {
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  isRecoverableError,
  kStandaloneREPL,
  setupPreview,
  setupReverseSearch,
  isObjectLiteral,
  isValidSyntax,
  previewSupported,
};
