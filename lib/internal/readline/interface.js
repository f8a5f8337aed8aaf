'use strict';

// The readline Interface shared by node:readline (callback completer and
// question) and node:readline/promises. On a terminal it is a line editor
// driven by 'keypress' events: it redraws the prompt and the line with cursor
// sequences, keeps a history, a kill ring and undo/redo stacks. Otherwise it
// only splits the input into lines.
//
// Methods are keyed by symbols; node:readline maps them to the old
// underscore names (_ttyWrite, _refreshLine...) that programs override.

const {
  ArrayFrom,
  ArrayPrototypeFilter,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeReverse,
  ArrayPrototypeShift,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  DateNow,
  FunctionPrototypeCall,
  MathCeil,
  MathFloor,
  MathMax,
  MathMaxApply,
  NumberIsFinite,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  RegExpPrototypeExec,
  SafeStringIterator,
  StringPrototypeCodePointAt,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeRepeat,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeTrim,
  Symbol,
  SymbolAsyncIterator,
  SymbolDispose,
} = primordials;

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_USE_AFTER_CLOSE,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateNumber,
  validateString,
  validateUint32,
} = require('internal/validators');
const {
  assignFunctionName,
  kEmptyObject,
} = require('internal/util');
const {
  getStringWidth,
  inspect,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const EventEmitter = require('events');
const { addAbortListener } = require('internal/events/abort_listener');
const {
  charLengthAt,
  charLengthLeft,
  commonPrefix,
  kSubstringSearch,
  reverseString,
} = require('internal/readline/utils');
const {
  clearScreenDown,
  cursorTo,
  moveCursor,
} = require('internal/readline/callbacks');
const { StringDecoder } = require('string_decoder');

let emitKeypressEvents;
let kFirstEventParam;

const kHistorySize = 30;
const kMaxUndoRedoStackSize = 2048;
const kMincrlfDelay = 100;
const kMaxLengthOfKillRing = 32;
// As GNU readline's keyseq-timeout.
const kEscapeCodeTimeout = 500;
// Continuation lines of a multi-line entry are shown after this prefix.
const kMultilinePrefix = '| ';

// A line ends at \r\n, \n, a \r not followed by \n, U+2028 or U+2029.
const lineEnding = /\r?\n|\r(?!\n)|\u2028|\u2029/g;

const kAddHistory = Symbol('_addHistory');
const kBeforeEdit = Symbol('_beforeEdit');
const kDecoder = Symbol('_decoder');
const kDeleteLeft = Symbol('_deleteLeft');
const kDeleteLineLeft = Symbol('_deleteLineLeft');
const kDeleteLineRight = Symbol('_deleteLineRight');
const kDeleteRight = Symbol('_deleteRight');
const kDeleteWordLeft = Symbol('_deleteWordLeft');
const kDeleteWordRight = Symbol('_deleteWordRight');
const kGetDisplayPos = Symbol('_getDisplayPos');
const kHistoryNext = Symbol('_historyNext');
const kHistoryPrev = Symbol('_historyPrev');
const kInsertString = Symbol('_insertString');
const kIsMultiline = Symbol('_isMultiline');
const kKillRing = Symbol('_killRing');
const kKillRingCursor = Symbol('_killRingCursor');
const kLastCommandErrored = Symbol('_lastCommandErrored');
const kLine = Symbol('_line');
const kLineObjectStream = Symbol('line object stream');
const kLine_buffer = Symbol('_line_buffer');
const kMoveCursor = Symbol('_moveCursor');
const kMoveDownOrHistoryNext = Symbol('_moveDownOrHistoryNext');
const kMoveUpOrHistoryPrev = Symbol('_moveUpOrHistoryPrev');
const kMultilineMove = Symbol('_multilineMove');
const kNormalWrite = Symbol('_normalWrite');
const kOldPrompt = Symbol('_oldPrompt');
const kOnLine = Symbol('_onLine');
const kPreviousCursorCols = Symbol('_previousCursorCols');
const kPreviousKey = Symbol('_previousKey');
const kPrompt = Symbol('_prompt');
const kPushToKillRing = Symbol('_pushToKillRing');
const kPushToUndoStack = Symbol('_pushToUndoStack');
const kQuestion = Symbol('kQuestion');
const kQuestionCallback = Symbol('_questionCallback');
const kQuestionCancel = Symbol('kQuestionCancel');
const kQuestionReject = Symbol('_questionReject');
const kRedo = Symbol('_redo');
const kRedoStack = Symbol('_redoStack');
const kRefreshLine = Symbol('_refreshLine');
const kSawKeyPress = Symbol('_sawKeyPress');
const kSawReturnAt = Symbol('_sawReturnAt');
const kSetLine = Symbol('_setLine');
const kSetRawMode = Symbol('_setRawMode');
const kTabComplete = Symbol('_tabComplete');
const kTabCompleter = Symbol('_tabCompleter');
const kTtyWrite = Symbol('_ttyWrite');
const kUndo = Symbol('_undo');
const kUndoStack = Symbol('_undoStack');
const kWordLeft = Symbol('_wordLeft');
const kWordRight = Symbol('_wordRight');
const kWriteToOutput = Symbol('_writeToOutput');
const kYank = Symbol('_yank');
const kYankPop = Symbol('_yankPop');
const kYanking = Symbol('_yanking');
const kAddNewLineOnTTY = Symbol('_addNewLineOnTTY');
const kLinePos = Symbol('_linePos');
const kSavePreviousState = Symbol('_savePreviousState');
const kRestorePreviousState = Symbol('_restorePreviousState');
const kPreviousLine = Symbol('_previousLine');
const kPreviousCursor = Symbol('_previousCursor');
const kPreviousPrevRows = Symbol('_previousPrevRows');

// History entries: newest first. A multi-line entry is stored with its lines
// in reverse order joined by \r, and shown with \n.
class LineHistory {
  #owner;
  #entries;
  #size;
  #index = -1;
  #removeDuplicates;

  constructor(owner, options) {
    if (options.history !== undefined) {
      validateArray(options.history, 'history');
    }
    if (options.size !== undefined) validateNumber(options.size, 'size', 0);
    this.#owner = owner;
    this.#removeDuplicates = options.removeHistoryDuplicates || false;
    this.#size = options.size ?? kHistorySize;
    this.#entries = options.history ?? [];
  }

  get size() { return this.#size; }
  get isFlushing() { return false; }
  get history() { return this.#entries; }
  set history(entries) { this.#entries = entries; }
  get index() { return this.#index; }
  set index(index) { this.#index = index; }

  // Adds the owner's current line; returns the line to hand out.
  addHistory(isMultiline, lastCommandErrored) {
    const line = this.#owner.line;
    if (line.length === 0) return '';
    if (this.#size === 0) return line;
    if (StringPrototypeTrim(line).length === 0) return line;

    if ((isMultiline && this.#index === -1) || lastCommandErrored) {
      ArrayPrototypeShift(this.#entries);
    }
    const stored = reverseString(line, '\n', '\r');
    if (this.#entries.length === 0 || this.#entries[0] !== stored) {
      if (this.#removeDuplicates) {
        const at = ArrayPrototypeIndexOf(this.#entries, line);
        if (at !== -1) ArrayPrototypeSplice(this.#entries, at, 1);
      }
      ArrayPrototypeUnshift(this.#entries, stored);
      if (this.#entries.length > this.#size) {
        ArrayPrototypePop(this.#entries);
      }
    }
    this.#index = -1;
    const added = isMultiline ? reverseString(this.#entries[0]) :
      this.#entries[0];
    // A listener may still edit the array (drop a password, say).
    this.#owner.emit('history', this.#entries);
    return added;
  }

  canNavigateToNext() {
    return this.#index > -1 && this.#entries.length > 0;
  }

  canNavigateToPrevious() {
    return this.#entries.length !== this.#index && this.#entries.length > 0;
  }

  // Newer entry starting with `search` (and differing from the line).
  navigateToNext(search) {
    if (!this.canNavigateToNext()) return null;
    search ||= '';
    let i = this.#index - 1;
    while (i >= 0 && !this.#matches(i, search)) i--;
    this.#index = i;
    return i === -1 ? search : reverseString(this.#entries[i], '\r', '\n');
  }

  // Older entry starting with `search` (and differing from the line).
  navigateToPrevious(search) {
    if (!this.canNavigateToPrevious()) return null;
    search ||= '';
    const count = this.#entries.length;
    let i = this.#index + 1;
    while (i < count && !this.#matches(i, search)) i++;
    this.#index = i;
    return i === count ? search : reverseString(this.#entries[i], '\r', '\n');
  }

  #matches(i, search) {
    const entry = this.#entries[i];
    return StringPrototypeStartsWith(entry, search) &&
      this.#owner.line !== entry;
  }
}

function InterfaceConstructor(input, output, completer, terminal) {
  this[kSawReturnAt] = 0;
  // Off while a pasted chunk is decoded, so that a tab in it is inserted.
  this.isCompletionEnabled = true;
  this[kSawKeyPress] = false;
  this[kPreviousKey] = null;
  this.escapeCodeTimeout = kEscapeCodeTimeout;
  this.tabSize = 8;

  FunctionPrototypeCall(EventEmitter, this);

  let crlfDelay;
  let prompt = '> ';
  let signal;

  if (input?.input) {
    // createInterface(options)
    const options = input;
    output = options.output;
    completer = options.completer;
    terminal = options.terminal;
    signal = options.signal;
    const { history, historySize, removeHistoryDuplicates } = options;

    if (options.tabSize !== undefined) {
      validateUint32(options.tabSize, 'tabSize', true);
      this.tabSize = options.tabSize;
    }
    if (options.prompt !== undefined) prompt = options.prompt;
    if (options.escapeCodeTimeout !== undefined) {
      if (!NumberIsFinite(options.escapeCodeTimeout)) {
        throw new ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout',
                                        this.escapeCodeTimeout);
      }
      this.escapeCodeTimeout = options.escapeCodeTimeout;
    }
    if (signal) validateAbortSignal(signal, 'options.signal');
    crlfDelay = options.crlfDelay;
    input = options.input;

    // The history manager reads these names from the options object.
    options.size = historySize;
    options.history = history;
    options.removeHistoryDuplicates = removeHistoryDuplicates;
    this.setupHistoryManager(options);
  } else {
    this.setupHistoryManager(input);
  }

  if (completer !== undefined && typeof completer !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('completer', completer);
  }

  // Without an explicit `terminal`, follow the output's isTTY.
  if (terminal === undefined && output != null) terminal = !!output.isTTY;

  const self = this;

  this.line = '';
  this[kIsMultiline] = false;
  this[kSubstringSearch] = null;
  this.output = output;
  this.input = input;
  this[kUndoStack] = [];
  this[kRedoStack] = [];
  this[kPreviousCursorCols] = -1;
  // Killed text, newest first, for yank (ctrl+y) and yank-pop (meta+y).
  this[kKillRing] = [];
  this[kKillRingCursor] = 0;

  this.crlfDelay = crlfDelay ? MathMax(kMincrlfDelay, crlfDelay) :
    kMincrlfDelay;
  this.completer = completer;
  this.setPrompt(prompt);
  this.terminal = !!terminal;

  function onerror(err) {
    self.emit('error', err);
  }

  function ondata(data) {
    self[kNormalWrite](data);
  }

  function onend() {
    const rest = self[kLine_buffer];
    if (typeof rest === 'string' && rest.length > 0) self.emit('line', rest);
    self.close();
  }

  function ontermend() {
    if (typeof self.line === 'string' && self.line.length > 0) {
      self.emit('line', self.line);
    }
    self.close();
  }

  function onkeypress(s, key) {
    self[kTtyWrite](s, key);
    if (key?.sequence) {
      // Half of a surrogate pair: redraw once the character is whole.
      const code = StringPrototypeCodePointAt(key.sequence, 0);
      if (code >= 0xd800 && code <= 0xdfff) self[kRefreshLine]();
    }
  }

  function onresize() {
    self[kRefreshLine]();
  }

  this[kLineObjectStream] = undefined;

  input.on('error', onerror);

  if (!this.terminal) {
    input.on('data', ondata);
    input.on('end', onend);
    this.once('close', () => {
      input.removeListener('data', ondata);
      input.removeListener('error', onerror);
      input.removeListener('end', onend);
    });
    this[kDecoder] = new StringDecoder('utf8');
  } else {
    emitKeypressEvents ??= require('internal/readline/emitKeypressEvents');
    emitKeypressEvents(input, this);
    input.on('keypress', onkeypress);
    input.on('end', ontermend);
    this[kSetRawMode](true);
    this.terminal = true;
    this.cursor = 0;
    if (output != null) output.on('resize', onresize);
    this.once('close', () => {
      input.removeListener('keypress', onkeypress);
      input.removeListener('error', onerror);
      input.removeListener('end', ontermend);
      if (output != null) output.removeListener('resize', onresize);
    });
  }

  if (signal) {
    const onAborted = () => self.close();
    if (signal.aborted) {
      process.nextTick(onAborted);
    } else {
      const disposable = addAbortListener(signal, onAborted);
      this.once('close', disposable[SymbolDispose]);
    }
  }

  this[kSetLine]('');

  input.resume();
}

ObjectSetPrototypeOf(InterfaceConstructor.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(InterfaceConstructor, EventEmitter);

function defineHistoryAccessor(rl, name, get, set) {
  ObjectDefineProperty(rl, name, {
    __proto__: null, configurable: true, enumerable: true, get, set,
  });
}

// The word before the cursor: optional spaces, then a run of word characters
// or a run of other non-space characters. Matched on the reversed text so
// that the cost stays linear.
function wordBeforeLength(text) {
  const reversed = ArrayPrototypeJoin(ArrayPrototypeReverse(ArrayFrom(text)),
                                      '');
  return RegExpPrototypeExec(/^\s*(?:[^\w\s]+|\w+)?/, reversed)[0].length;
}

function ctrlShiftKey(rl, key) {
  if (key.name === 'backspace') {
    rl[kDeleteLineLeft]();
  } else if (key.name === 'delete') {
    rl[kDeleteLineRight]();
  }
}

function ctrlKey(rl, key) {
  switch (key.name) {
    case 'c':
      if (rl.listenerCount('SIGINT') > 0) {
        rl.emit('SIGINT');
      } else {
        rl.close();
        rl[kQuestionReject]?.(new AbortError('Aborted with Ctrl+C'));
      }
      break;
    case 'h':
      rl[kDeleteLeft]();
      break;
    case 'd':
      // EOF on an empty line, else delete to the right.
      if (rl.cursor === 0 && rl.line.length === 0) {
        rl.close();
        rl[kQuestionReject]?.(new AbortError('Aborted with Ctrl+D'));
      } else if (rl.cursor < rl.line.length) {
        rl[kDeleteRight]();
      }
      break;
    case 'u':
      rl[kDeleteLineLeft]();
      break;
    case 'k':
      rl[kDeleteLineRight]();
      break;
    case 'a':
      rl[kMoveCursor](-Infinity);
      break;
    case 'e':
      rl[kMoveCursor](+Infinity);
      break;
    case 'b':
      rl[kMoveCursor](-charLengthLeft(rl.line, rl.cursor));
      break;
    case 'f':
      rl[kMoveCursor](+charLengthAt(rl.line, rl.cursor));
      break;
    case 'l':
      cursorTo(rl.output, 0, 0);
      clearScreenDown(rl.output);
      rl[kRefreshLine]();
      break;
    case 'n':
      rl[kHistoryNext]();
      break;
    case 'p':
      rl[kHistoryPrev]();
      break;
    case 'y':
      rl[kYank]();
      break;
    case 'z':
      suspend(rl);
      break;
    case 'w':
    case 'backspace':
      rl[kDeleteWordLeft]();
      break;
    case 'delete':
      rl[kDeleteWordRight]();
      break;
    case 'left':
      rl[kWordLeft]();
      break;
    case 'right':
      rl[kWordRight]();
      break;
  }
}

// ctrl+z: 'SIGTSTP' when someone listens, else stop the process for real
// and restore the terminal on SIGCONT.
function suspend(rl) {
  if (process.platform === 'win32') return;
  if (rl.listenerCount('SIGTSTP') > 0) {
    rl.emit('SIGTSTP');
    return;
  }
  process.once('SIGCONT', () => {
    if (!rl.paused) {
      rl.pause();
      rl.emit('SIGCONT');
    }
    rl[kSetRawMode](true);
    rl[kRefreshLine]();
  });
  rl[kSetRawMode](false);
  process.kill(process.pid, 'SIGTSTP');
}

function metaKey(rl, key) {
  switch (key.name) {
    case 'b':
      rl[kWordLeft]();
      break;
    case 'f':
      rl[kWordRight]();
      break;
    case 'd':
    case 'delete':
      rl[kDeleteWordRight]();
      break;
    case 'backspace':
      rl[kDeleteWordLeft]();
      break;
    case 'y':
      rl[kYankPop]();
      break;
  }
}

function plainKey(rl, s, key, previousKey) {
  // A \r only matters to a \n that follows it at once.
  if (rl[kSawReturnAt] && key.name !== 'enter') rl[kSawReturnAt] = 0;

  switch (key.name) {
    case 'return':
      rl[kSawReturnAt] = DateNow();
      rl[kLine]();
      return;
    case 'enter':
      // The \n of a \r\n is no second line.
      if (rl[kSawReturnAt] === 0 ||
          DateNow() - rl[kSawReturnAt] > rl.crlfDelay) {
        rl[kLine]();
      }
      rl[kSawReturnAt] = 0;
      return;
    case 'backspace':
      rl[kDeleteLeft]();
      return;
    case 'delete':
      rl[kDeleteRight]();
      return;
    case 'left':
      rl[kMoveCursor](-charLengthLeft(rl.line, rl.cursor));
      return;
    case 'right':
      rl[kMoveCursor](+charLengthAt(rl.line, rl.cursor));
      return;
    case 'home':
      rl[kMoveCursor](-Infinity);
      return;
    case 'end':
      rl[kMoveCursor](+Infinity);
      return;
    case 'up':
      rl[kMoveUpOrHistoryPrev]();
      return;
    case 'down':
      rl[kMoveDownOrHistoryNext]();
      return;
    case 'tab':
      if (typeof rl.completer === 'function' && rl.isCompletionEnabled) {
        rl[kTabComplete](previousKey && previousKey.name === 'tab');
        return;
      }
      break;
  }
  if (typeof s !== 'string' || !s) return;

  // Text (possibly several lines, when written with rl.write()).
  let start = 0;
  let match;
  lineEnding.lastIndex = 0;
  while ((match = RegExpPrototypeExec(lineEnding, s)) !== null) {
    const next = lineEnding.lastIndex;
    rl[kInsertString](StringPrototypeSlice(s, start, match.index));
    rl[kLine]();
    // The line handlers may have used the regexp.
    lineEnding.lastIndex = next;
    start = next;
  }
  rl[kInsertString](StringPrototypeSlice(s, start));
}

class Interface extends InterfaceConstructor {
  get columns() {
    if (this.output?.columns) return this.output.columns;
    return Infinity;
  }

  setPrompt(prompt) {
    this[kPrompt] = prompt;
  }

  getPrompt() {
    return this[kPrompt];
  }

  setupHistoryManager(options) {
    if (options?.onHistoryFileLoaded) {
      // The REPL's history file (repl.setupHistory()).
      const { ReplHistory } = require('internal/repl/history');
      this.historyManager = new ReplHistory(this, options);
      this.historyManager.initialize(options.onHistoryFileLoaded);
    } else {
      this.historyManager = new LineHistory(this, options);
    }
    defineHistoryAccessor(this, 'history',
                          function() { return this.historyManager.history; },
                          function(v) { this.historyManager.history = v; });
    defineHistoryAccessor(this, 'historyIndex',
                          function() { return this.historyManager.index; },
                          function(v) { this.historyManager.index = v; });
    defineHistoryAccessor(this, 'historySize',
                          function() { return this.historyManager.size; });
    defineHistoryAccessor(this, 'isFlushing', function() {
      return this.historyManager.isFlushing;
    });
  }

  [kSetRawMode](mode) {
    const wasRaw = this.input.isRaw;
    if (typeof this.input.setRawMode === 'function') {
      this.input.setRawMode(mode);
    }
    return wasRaw;
  }

  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this[kRefreshLine]();
    } else {
      this[kWriteToOutput](this[kPrompt]);
    }
  }

  [kQuestion](query, cb) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (!this[kQuestionCallback]) {
      this[kOldPrompt] = this[kPrompt];
      this.setPrompt(query);
      this[kQuestionCallback] = cb;
    }
    this.prompt();
  }

  [kSetLine](line = '') {
    this.line = line;
    this[kIsMultiline] = StringPrototypeIncludes(line, '\n');
  }

  [kOnLine](line) {
    const cb = this[kQuestionCallback];
    if (cb) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  [kBeforeEdit](oldText, oldCursor) {
    this[kPushToUndoStack](oldText, oldCursor);
  }

  [kQuestionCancel]() {
    if (!this[kQuestionCallback]) return;
    this[kQuestionCallback] = null;
    this.setPrompt(this[kOldPrompt]);
    this.clearLine();
  }

  [kWriteToOutput](stringToWrite) {
    validateString(stringToWrite, 'stringToWrite');
    if (this.output != null) this.output.write(stringToWrite);
  }

  [kAddHistory]() {
    return this.historyManager.addHistory(this[kIsMultiline],
                                          this[kLastCommandErrored]);
  }

  // Redraws prompt and line: up to the first row, clear everything below,
  // write, then put the cursor back where it belongs.
  [kRefreshLine]() {
    const end = this[kGetDisplayPos](this[kPrompt] + this.line);
    const cursorPos = this.getCursorPos();

    const prevRows = this.prevRows || 0;
    if (prevRows > 0) moveCursor(this.output, 0, -prevRows);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);

    if (this[kIsMultiline]) {
      const lines = StringPrototypeSplit(this.line, '\n');
      this[kWriteToOutput](this[kPrompt] + lines[0]);
      for (let i = 1; i < lines.length; i++) {
        this[kWriteToOutput](`\n${kMultilinePrefix}${lines[i]}`);
      }
    } else {
      this[kWriteToOutput](this[kPrompt] + this.line);
    }
    // At column 0 the terminal has not moved to the new row yet: make it.
    if (end.cols === 0) this[kWriteToOutput](' ');

    cursorTo(this.output, cursorPos.cols);
    const rowsBelow = end.rows - cursorPos.rows;
    if (rowsBelow > 0) moveCursor(this.output, 0, -rowsBelow);
    this.prevRows = cursorPos.rows;
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this[kSetRawMode](false);
    this.closed = true;
    this.emit('close');
  }

  pause() {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  write(d, key) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (this.paused) this.resume();
    if (this.terminal) {
      this[kTtyWrite](d, key);
    } else {
      this[kNormalWrite](d);
    }
  }

  // Non-terminal input: split decoded text into lines. A \r ending a chunk
  // is a line end already; a \n opening the next chunk within crlfDelay
  // belongs to it and is dropped.
  [kNormalWrite](b) {
    if (b === undefined) return;
    let text = this[kDecoder].write(b);
    if (this[kSawReturnAt] &&
        DateNow() - this[kSawReturnAt] <= this.crlfDelay) {
      if (StringPrototypeCodePointAt(text) === 10) {
        text = StringPrototypeSlice(text, 1);
      }
      this[kSawReturnAt] = 0;
    }

    lineEnding.lastIndex = 0;
    if (RegExpPrototypeExec(lineEnding, text) === null) {
      if (text) {
        const pending = this[kLine_buffer];
        this[kLine_buffer] = pending ? pending + text : text;
      }
      return;
    }

    if (this[kLine_buffer]) {
      text = this[kLine_buffer] + text;
      this[kLine_buffer] = null;
    }
    this[kSawReturnAt] = StringPrototypeEndsWith(text, '\r') ? DateNow() : 0;

    const lines = [];
    let start = 0;
    let match;
    lineEnding.lastIndex = 0;
    while ((match = RegExpPrototypeExec(lineEnding, text)) !== null) {
      ArrayPrototypePush(lines, StringPrototypeSlice(text, start, match.index));
      start = lineEnding.lastIndex;
    }
    this[kLine_buffer] = StringPrototypeSlice(text, start);
    for (let i = 0; i < lines.length; i++) this[kOnLine](lines[i]);
  }

  [kInsertString](c) {
    this[kBeforeEdit](this.line, this.cursor);
    const atEnd = this.cursor >= this.line.length;
    if (!this.isCompletionEnabled) {
      // Inside a pasted chunk: no redraw per character.
      this.line = atEnd ? this.line + c :
        StringPrototypeSlice(this.line, 0, this.cursor) + c +
        StringPrototypeSlice(this.line, this.cursor);
      this.cursor += c.length;
      this[kWriteToOutput](c);
      return;
    }
    if (!atEnd) {
      this[kSetLine](StringPrototypeSlice(this.line, 0, this.cursor) + c +
                     StringPrototypeSlice(this.line, this.cursor));
      this.cursor += c.length;
      this[kRefreshLine]();
      return;
    }
    const before = this.getCursorPos();
    this.line += c;
    this.cursor += c.length;
    if (before.rows < this.getCursorPos().rows) {
      this[kRefreshLine]();
    } else {
      this[kWriteToOutput](c);
    }
  }

  // The promise-based completer: completer(text) returns (a promise of)
  // [completions, completedPart]. node:readline replaces this with the
  // callback form.
  async [kTabComplete](lastKeypressWasTab) {
    this.pause();
    const text = StringPrototypeSlice(this.line, 0, this.cursor);
    let result;
    try {
      result = await this.completer(text);
    } catch (err) {
      this[kWriteToOutput](`Tab completion error: ${inspect(err)}`);
      return;
    } finally {
      this.resume();
    }
    this[kTabCompleter](lastKeypressWasTab, result);
  }

  // Applies a completion result: inserts the common prefix when it extends
  // the completed part; on a second tab lists the candidates in columns
  // ('' entries start a new group).
  [kTabCompleter](lastKeypressWasTab, { 0: completions, 1: completeOn }) {
    if (!completions || completions.length === 0) return;

    const prefix = commonPrefix(
      ArrayPrototypeFilter(completions, (c) => c !== ''));
    if (StringPrototypeStartsWith(prefix, completeOn) &&
        prefix.length > completeOn.length) {
      this[kInsertString](StringPrototypeSlice(prefix, completeOn.length));
      return;
    }
    if (!StringPrototypeStartsWith(completeOn, prefix)) {
      // The completion rewrites what was typed.
      const start = this.cursor - completeOn.length;
      this[kSetLine](StringPrototypeSlice(this.line, 0, start) + prefix +
                     StringPrototypeSlice(this.line, this.cursor));
      this.cursor = start + prefix.length;
      this[kRefreshLine]();
      return;
    }
    if (!lastKeypressWasTab) return;

    this[kBeforeEdit](this.line, this.cursor);

    const widths = ArrayPrototypeMap(completions, (c) => getStringWidth(c));
    const cellWidth = MathMaxApply(widths) + 2;
    let perRow = MathFloor(this.columns / cellWidth) || 1;
    if (perRow === Infinity) perRow = 1;

    let listing = '\r\n';
    let inRow = 0;
    let pad = 0;
    for (let i = 0; i < completions.length; i++) {
      const completion = completions[i];
      if (completion === '' || inRow === perRow) {
        listing += '\r\n';
        inRow = 0;
        pad = 0;
      } else {
        listing += StringPrototypeRepeat(' ', pad);
      }
      if (completion === '') {
        listing += '\r\n';
      } else {
        listing += completion;
        pad = cellWidth - widths[i];
        inRow++;
      }
    }
    if (inRow !== 0) listing += '\r\n\r\n';
    this[kWriteToOutput](listing);
    this[kRefreshLine]();
  }

  [kWordLeft]() {
    if (this.cursor === 0) return;
    const text = StringPrototypeSlice(this.line, 0, this.cursor);
    this[kMoveCursor](-wordBeforeLength(text));
  }

  [kWordRight]() {
    if (this.cursor >= this.line.length) return;
    const rest = StringPrototypeSlice(this.line, this.cursor);
    const match = RegExpPrototypeExec(/^(?:\s+|[^\w\s]+|\w+)\s*/, rest);
    this[kMoveCursor](match[0].length);
  }

  [kDeleteLeft]() {
    if (this.cursor === 0 || this.line.length === 0) return;
    this[kBeforeEdit](this.line, this.cursor);
    const size = charLengthLeft(this.line, this.cursor);
    this.line = StringPrototypeSlice(this.line, 0, this.cursor - size) +
      StringPrototypeSlice(this.line, this.cursor);
    this.cursor -= size;
    this[kRefreshLine]();
  }

  [kDeleteRight]() {
    if (this.cursor >= this.line.length) return;
    this[kBeforeEdit](this.line, this.cursor);
    const size = charLengthAt(this.line, this.cursor);
    this.line = StringPrototypeSlice(this.line, 0, this.cursor) +
      StringPrototypeSlice(this.line, this.cursor + size);
    this[kRefreshLine]();
  }

  [kDeleteWordLeft]() {
    if (this.cursor === 0) return;
    this[kBeforeEdit](this.line, this.cursor);
    const text = StringPrototypeSlice(this.line, 0, this.cursor);
    const kept = StringPrototypeSlice(text, 0,
                                      text.length - wordBeforeLength(text));
    this.line = kept + StringPrototypeSlice(this.line, this.cursor);
    this.cursor = kept.length;
    this[kRefreshLine]();
  }

  [kDeleteWordRight]() {
    if (this.cursor >= this.line.length) return;
    this[kBeforeEdit](this.line, this.cursor);
    const rest = StringPrototypeSlice(this.line, this.cursor);
    const match = RegExpPrototypeExec(/^(?:\s+|\W+|\w+)\s*/, rest);
    this.line = StringPrototypeSlice(this.line, 0, this.cursor) +
      StringPrototypeSlice(rest, match[0].length);
    this[kRefreshLine]();
  }

  [kDeleteLineLeft]() {
    this[kBeforeEdit](this.line, this.cursor);
    const killed = StringPrototypeSlice(this.line, 0, this.cursor);
    this[kSetLine](StringPrototypeSlice(this.line, this.cursor));
    this.cursor = 0;
    this[kPushToKillRing](killed);
    this[kRefreshLine]();
  }

  [kDeleteLineRight]() {
    this[kBeforeEdit](this.line, this.cursor);
    const killed = StringPrototypeSlice(this.line, this.cursor);
    this[kSetLine](StringPrototypeSlice(this.line, 0, this.cursor));
    this[kPushToKillRing](killed);
    this[kRefreshLine]();
  }

  [kPushToKillRing](killed) {
    const ring = this[kKillRing];
    if (!killed || killed === ring[0]) return;
    ArrayPrototypeUnshift(ring, killed);
    this[kKillRingCursor] = 0;
    while (ring.length > kMaxLengthOfKillRing) ArrayPrototypePop(ring);
  }

  [kYank]() {
    if (this[kKillRing].length === 0) return;
    this[kYanking] = true;
    this[kInsertString](this[kKillRing][this[kKillRingCursor]]);
  }

  // Right after a yank: replace the yanked text by the next older kill.
  [kYankPop]() {
    if (!this[kYanking]) return;
    const ring = this[kKillRing];
    if (ring.length <= 1) return;
    const previous = ring[this[kKillRingCursor]];
    this[kKillRingCursor] = (this[kKillRingCursor] + 1) % ring.length;
    const next = ring[this[kKillRingCursor]];
    const head = StringPrototypeSlice(this.line, 0,
                                      this.cursor - previous.length);
    const tail = StringPrototypeSlice(this.line, this.cursor);
    this[kSetLine](head + next + tail);
    this.cursor = head.length + next.length;
    this[kRefreshLine]();
  }

  clearLine() {
    this[kMoveCursor](+Infinity);
    this[kWriteToOutput]('\r\n');
    this[kSetLine]('');
    this.cursor = 0;
    this.prevRows = 0;
  }

  [kLine]() {
    this[kSavePreviousState]();
    const line = this[kAddHistory]();
    this[kUndoStack] = [];
    this[kRedoStack] = [];
    this.clearLine();
    this[kOnLine](line);
  }

  // What the line was before the last return, for kAddNewLineOnTTY.
  [kSavePreviousState]() {
    this[kPreviousLine] = this.line;
    this[kPreviousCursor] = this.cursor;
    this[kPreviousPrevRows] = this.prevRows;
  }

  [kRestorePreviousState]() {
    this[kSetLine](this[kPreviousLine]);
    this.cursor = this[kPreviousCursor];
    this.prevRows = this[kPreviousPrevRows];
  }

  // The REPL found the entered line incomplete: take it back and go on
  // editing it on a new row (behind the multi-line prefix) after the
  // cursor's position. The terminal's cursor is at the end of the input.
  [kAddNewLineOnTTY]() {
    this[kRestorePreviousState]();
    const whole = this.line;
    const head = StringPrototypeSlice(whole, 0, this.cursor);
    let tail = StringPrototypeSlice(whole, this.cursor);
    this[kSetLine](`${head}\n${tail}`);
    this.cursor += 1;

    const splitInside = tail.length > 0;
    const belowFirstRow = this.prevRows > 0;
    let redrawFirst = false;
    if (splitInside) {
      const headRows = StringPrototypeSplit(head, '\n');
      redrawFirst = headRows.length < 2;
      if (belowFirstRow) {
        // Back to the end of the row above the split one, which is then
        // drawn again whole with the rest.
        const tailRows = StringPrototypeSplit(tail, '\n');
        const aboveLength = (headRows[headRows.length - 2] || '').length +
          kMultilinePrefix.length;
        moveCursor(this.output, aboveLength, -(tailRows.length + 1));
        tail = `${headRows[headRows.length - 1]}\n${tail}`;
      } else {
        moveCursor(this.output, 0,
                   -StringPrototypeSplit(whole, '\n').length);
      }
      clearScreenDown(this.output);
      if (belowFirstRow) this[kWriteToOutput]('\n');
    }

    if (redrawFirst) {
      this[kWriteToOutput](`${this[kPrompt]}${head}\n${kMultilinePrefix}`);
    } else {
      this[kWriteToOutput](kMultilinePrefix);
    }

    if (splitInside) {
      const cursorPos = this.getCursorPos();
      this[kWriteToOutput](StringPrototypeReplaceAll(
        tail, '\n', `\n${kMultilinePrefix}`));
      const endPos = this[kGetDisplayPos](this.line);
      moveCursor(this.output, cursorPos.cols - endPos.cols,
                 cursorPos.rows - endPos.rows);
      this.prevRows = cursorPos.rows;
    } else {
      this.prevRows = StringPrototypeSplit(this.line, '\n').length - 1;
    }
  }

  [kPushToUndoStack](text, cursor) {
    const stack = this[kUndoStack];
    if (ArrayPrototypePush(stack, { text, cursor }) > kMaxUndoRedoStackSize) {
      ArrayPrototypeShift(stack);
    }
  }

  [kUndo]() {
    if (this[kUndoStack].length === 0) return;
    ArrayPrototypePush(this[kRedoStack], {
      text: this.line, cursor: this.cursor,
    });
    const entry = ArrayPrototypePop(this[kUndoStack]);
    this[kSetLine](entry.text);
    this.cursor = entry.cursor;
    this[kRefreshLine]();
  }

  [kRedo]() {
    if (this[kRedoStack].length === 0) return;
    ArrayPrototypePush(this[kUndoStack], {
      text: this.line, cursor: this.cursor,
    });
    const entry = ArrayPrototypePop(this[kRedoStack]);
    this[kSetLine](entry.text);
    this.cursor = entry.cursor;
    this[kRefreshLine]();
  }

  // Up (-1) or down (1) one row inside a multi-line entry, keeping the
  // column when the target row is long enough (and remembering it when not).
  [kMultilineMove](direction, rows, { rows: row, cols }) {
    const current = rows[row];
    const target = rows[row + direction];
    const down = direction === 1;
    const clamped = down ?
      current.length - cols + kMultilinePrefix.length + target.length + 1 :
      -cols + 1;
    let amount;
    if (cols > target.length + 1) {
      if (this[kPreviousCursorCols] === -1) this[kPreviousCursorCols] = cols;
      amount = clamped;
    } else {
      amount = down ? current.length + 1 : -target.length - 1;
      const wanted = this[kPreviousCursorCols];
      if (wanted !== -1) {
        if (wanted <= target.length) {
          amount += wanted - cols;
          this[kPreviousCursorCols] = -1;
        } else {
          amount = clamped;
        }
      }
    }
    this[kMoveCursor](amount);
  }

  // The cursor's row and column in the lines of this.line (a long line
  // wrapping on the terminal is still one row): what kMultilineMove uses.
  [kLinePos]() {
    const before = StringPrototypeSplit(
      StringPrototypeSlice(this.line, 0, this.cursor), '\n');
    const row = before.length - 1;
    const lead = row === 0 ? getStringWidth(this[kPrompt]) :
      kMultilinePrefix.length;
    return { rows: row, cols: lead + before[row].length };
  }

  [kMoveDownOrHistoryNext]() {
    const pos = this[kLinePos]();
    const rows = StringPrototypeSplit(this.line, '\n');
    if (this[kIsMultiline] && pos.rows < rows.length - 1) {
      this[kMultilineMove](1, rows, pos);
      return;
    }
    this[kPreviousCursorCols] = -1;
    this[kHistoryNext]();
  }

  [kHistoryNext]() {
    const history = this.historyManager;
    if (!history.canNavigateToNext()) return;
    this[kBeforeEdit](this.line, this.cursor);
    this[kSetLine](history.navigateToNext(this[kSubstringSearch]));
    this.cursor = this.line.length;
    this[kRefreshLine]();
  }

  [kMoveUpOrHistoryPrev]() {
    const pos = this[kLinePos]();
    if (this[kIsMultiline] && pos.rows > 0) {
      this[kMultilineMove](-1, StringPrototypeSplit(this.line, '\n'), pos);
      return;
    }
    this[kPreviousCursorCols] = -1;
    this[kHistoryPrev]();
  }

  [kHistoryPrev]() {
    const history = this.historyManager;
    if (!history.canNavigateToPrevious()) return;
    this[kBeforeEdit](this.line, this.cursor);
    this[kSetLine](history.navigateToPrevious(this[kSubstringSearch]));
    this.cursor = this.line.length;
    this[kRefreshLine]();
  }

  // Row and column reached after writing `str` from column 0, with the
  // output's width, tab stops and double-width characters.
  [kGetDisplayPos](str) {
    const width = this.columns;
    let offset = 0;
    let rows = 0;
    for (const ch of new SafeStringIterator(stripVTControlCharacters(str))) {
      if (ch === '\n') {
        rows += MathCeil(offset / width) || 1;
        offset = this[kIsMultiline] ? kMultilinePrefix.length : 0;
        continue;
      }
      if (ch === '\t') {
        offset += this.tabSize - (offset % this.tabSize);
        continue;
      }
      const w = getStringWidth(ch, false);
      if (w === 0 || w === 1) {
        offset += w;
      } else {
        // A wide character does not start in the last column.
        if ((offset + 1) % width === 0) offset++;
        offset += 2;
      }
    }
    const cols = offset % width;
    rows += (offset - cols) / width;
    return { cols, rows };
  }

  getCursorPos() {
    return this[kGetDisplayPos](
      this[kPrompt] + StringPrototypeSlice(this.line, 0, this.cursor));
  }

  // Moves the cursor dx units (clamped to the line); redraws only when the
  // row changes.
  [kMoveCursor](dx) {
    if (dx === 0) return;
    const before = this.getCursorPos();
    this.cursor += dx;
    if (this.cursor < 0) {
      this.cursor = 0;
    } else if (this.cursor > this.line.length) {
      this.cursor = this.line.length;
    }
    const after = this.getCursorPos();
    if (before.rows === after.rows) {
      moveCursor(this.output, after.cols - before.cols, 0);
    } else {
      this[kRefreshLine]();
    }
  }

  // One key from the terminal.
  [kTtyWrite](s, key) {
    const previousKey = this[kPreviousKey];
    key ||= kEmptyObject;
    this[kPreviousKey] = key;
    let keepPreviousCursorCols = false;

    if (!key.meta || key.name !== 'y') this[kYanking] = false;

    // Plain up/down search the history for entries starting with what is
    // before the cursor; any other key ends that search.
    if ((key.name === 'up' || key.name === 'down') &&
        !key.ctrl && !key.meta && !key.shift) {
      if (this[kSubstringSearch] === null && !this[kIsMultiline]) {
        this[kSubstringSearch] = StringPrototypeSlice(this.line, 0,
                                                      this.cursor);
      }
    } else if (this[kSubstringSearch] !== null) {
      this[kSubstringSearch] = null;
      if (this.history.length === this.historyIndex) this.historyIndex = -1;
    }

    // ctrl+_ (0x1f) undoes, ctrl+^ (0x1e) redoes.
    if (typeof key.sequence === 'string') {
      const code = StringPrototypeCodePointAt(key.sequence, 0);
      if (code === 0x1f) {
        this[kUndo]();
        return;
      }
      if (code === 0x1e) {
        this[kRedo]();
        return;
      }
    }

    if (key.name === 'escape') return;

    // (Plain functions, not private methods: node:readline's Interface
    // builds its instances without this class's constructor.)
    if (key.ctrl && key.shift) {
      ctrlShiftKey(this, key);
    } else if (key.ctrl) {
      ctrlKey(this, key);
    } else if (key.meta) {
      metaKey(this, key);
    } else {
      keepPreviousCursorCols = key.name === 'up' || key.name === 'down';
      plainKey(this, s, key, previousKey);
    }
    if (!keepPreviousCursorCols) this[kPreviousCursorCols] = -1;
  }

  // for await (const line of rl): 'line' events, paused above 1024 queued.
  [SymbolAsyncIterator]() {
    if (this[kLineObjectStream] === undefined) {
      kFirstEventParam ??= require('internal/events/symbols').kFirstEventParam;
      this[kLineObjectStream] = EventEmitter.on(this, 'line', {
        close: ['close'],
        highWaterMark: 1024,
        [kFirstEventParam]: true,
      });
    }
    return this[kLineObjectStream];
  }
}

Interface.prototype[SymbolDispose] =
  assignFunctionName(SymbolDispose, function() {
    this.close();
  });

module.exports = {
  Interface,
  InterfaceConstructor,
  kAddHistory,
  kDecoder,
  kDeleteLeft,
  kDeleteLineLeft,
  kDeleteLineRight,
  kDeleteRight,
  kDeleteWordLeft,
  kDeleteWordRight,
  kGetDisplayPos,
  kHistoryNext,
  kHistoryPrev,
  kInsertString,
  kIsMultiline,
  kLine,
  kLine_buffer,
  kMoveCursor,
  kNormalWrite,
  kOldPrompt,
  kOnLine,
  kSetLine,
  kPreviousKey,
  kPrompt,
  kQuestion,
  kQuestionCallback,
  kQuestionCancel,
  kQuestionReject,
  kRefreshLine,
  kSawKeyPress,
  kSawReturnAt,
  kSetRawMode,
  kTabComplete,
  kTabCompleter,
  kTtyWrite,
  kWordLeft,
  kWordRight,
  kWriteToOutput,
  kMultilinePrefix,
  kLastCommandErrored,
  kAddNewLineOnTTY,
  LineHistory,
};
