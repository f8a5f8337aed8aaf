'use strict';

// node:readline. Its Interface is the shared one (internal/readline/interface)
// with a callback question(), a completer that may take a callback, and the
// old underscore names of the internal methods and fields, which programs
// still read and override: the internal code calls through them.

const {
  DateNow,
  FunctionPrototypeBind,
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  Promise,
  PromiseReject,
  StringPrototypeSlice,
  SymbolDispose,
} = primordials;

const {
  clearLine,
  clearScreenDown,
  cursorTo,
  moveCursor,
} = require('internal/readline/callbacks');
const emitKeypressEvents = require('internal/readline/emitKeypressEvents');
const { AbortError } = require('internal/errors');
const { inspect } = require('internal/util/inspect');
const { kEmptyObject, promisify } = require('internal/util');
const { validateAbortSignal } = require('internal/validators');
const { addAbortListener } = require('internal/events/abort_listener');
const internal = require('internal/readline/interface');
const promises = require('readline/promises');
const {
  Interface: _Interface,
  InterfaceConstructor,
  kQuestion,
  kQuestionCancel,
  kSawReturnAt,
  kTabCompleter,
} = internal;

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) {
    return new Interface(input, output, completer, terminal);
  }

  // A completer of one parameter returns its result: adapt it to the
  // callback form used here.
  if (input?.input && typeof input.completer === 'function' &&
      input.completer.length !== 2) {
    const returning = input.completer;
    input.completer = (line, cb) => cb(null, returning(line));
  } else if (typeof completer === 'function' && completer.length !== 2) {
    const returning = completer;
    completer = (line, cb) => cb(null, returning(line));
  }

  FunctionPrototypeCall(InterfaceConstructor, this, input, output, completer,
                        terminal);

  if (process.env.TERM === 'dumb') {
    this._ttyWrite = FunctionPrototypeBind(ttyWriteDumb, this);
  }
}

ObjectSetPrototypeOf(Interface.prototype, _Interface.prototype);
ObjectSetPrototypeOf(Interface, _Interface);

Interface.prototype.question = function question(query, options, cb) {
  if (typeof options === 'function') cb = options;
  if (options === null || typeof options !== 'object') options = kEmptyObject;

  const { signal } = options;
  if (signal) {
    validateAbortSignal(signal, 'options.signal');
    if (signal.aborted) return;
    const onAbort = () => this[kQuestionCancel]();
    const disposable = addAbortListener(signal, onAbort);
    const answered = cb;
    cb = typeof answered === 'function' ? (answer) => {
      disposable[SymbolDispose]();
      return answered(answer);
    } : disposable[SymbolDispose];
  }

  if (typeof cb === 'function') this[kQuestion](query, cb);
};

Interface.prototype.question[promisify.custom] = function question(query,
                                                                   options) {
  if (options === null || typeof options !== 'object') options = kEmptyObject;
  const { signal } = options;
  if (signal?.aborted) {
    return PromiseReject(new AbortError(undefined, { cause: signal.reason }));
  }
  return new Promise((resolve, reject) => {
    let cb = resolve;
    if (signal) {
      const onAbort = () => {
        reject(new AbortError(undefined, { cause: signal.reason }));
      };
      const disposable = addAbortListener(signal, onAbort);
      cb = (answer) => {
        disposable[SymbolDispose]();
        resolve(answer);
      };
    }
    this.question(query, options, cb);
  });
};

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

// Internal methods: the prototype gets the old name bound to the internal
// implementation, and the symbol turns into a getter of the old name, so an
// override of rl._refreshLine (say) is what the editor calls.
const kLegacyMethods = [
  ['_setRawMode', 'kSetRawMode'],
  ['_onLine', 'kOnLine'],
  ['_writeToOutput', 'kWriteToOutput'],
  ['_addHistory', 'kAddHistory'],
  ['_refreshLine', 'kRefreshLine'],
  ['_normalWrite', 'kNormalWrite'],
  ['_insertString', 'kInsertString'],
  ['_tabComplete', 'kTabComplete'],
  ['_wordLeft', 'kWordLeft'],
  ['_wordRight', 'kWordRight'],
  ['_deleteLeft', 'kDeleteLeft'],
  ['_deleteRight', 'kDeleteRight'],
  ['_deleteWordLeft', 'kDeleteWordLeft'],
  ['_deleteWordRight', 'kDeleteWordRight'],
  ['_deleteLineLeft', 'kDeleteLineLeft'],
  ['_deleteLineRight', 'kDeleteLineRight'],
  ['_line', 'kLine'],
  ['_historyNext', 'kHistoryNext'],
  ['_historyPrev', 'kHistoryPrev'],
  ['_getDisplayPos', 'kGetDisplayPos'],
  ['_moveCursor', 'kMoveCursor'],
  ['_ttyWrite', 'kTtyWrite'],
];

// Internal fields, reachable under their old names.
const kLegacyFields = [
  ['_decoder', 'kDecoder'],
  ['_line_buffer', 'kLine_buffer'],
  ['_oldPrompt', 'kOldPrompt'],
  ['_previousKey', 'kPreviousKey'],
  ['_prompt', 'kPrompt'],
  ['_questionCallback', 'kQuestionCallback'],
  ['_sawKeyPress', 'kSawKeyPress'],
  ['_sawReturnAt', 'kSawReturnAt'],
];

for (let i = 0; i < kLegacyMethods.length; i++) {
  const { 0: name, 1: symbolName } = kLegacyMethods[i];
  const symbol = internal[symbolName];
  ObjectDefineProperty(Interface.prototype, symbol, {
    __proto__: null,
    get() { return this[name]; },
  });
}

for (let i = 0; i < kLegacyFields.length; i++) {
  const { 0: name, 1: symbolName } = kLegacyFields[i];
  const symbol = internal[symbolName];
  ObjectDefineProperty(Interface.prototype, name, {
    __proto__: null,
    get() { return this[symbol]; },
    set(value) { this[symbol] = value; },
  });
}

for (let i = 0; i < kLegacyMethods.length; i++) {
  const { 0: name, 1: symbolName } = kLegacyMethods[i];
  if (name === '_tabComplete') {
    Interface.prototype._tabComplete = tabCompleteWithCallback;
  } else {
    Interface.prototype[name] = _Interface.prototype[internal[symbolName]];
  }
  if (name === '_getDisplayPos') {
    Interface.prototype._getCursorPos = _Interface.prototype.getCursorPos;
  }
}

// The completer here is completer(line, callback(err, [list, part])).
function tabCompleteWithCallback(lastKeypressWasTab) {
  this.pause();
  const text = StringPrototypeSlice(this.line, 0, this.cursor);
  this.completer(text, (err, result) => {
    this.resume();
    if (err) {
      this._writeToOutput(`Tab completion error: ${inspect(err)}`);
      return;
    }
    this[kTabCompleter](lastKeypressWasTab, result);
  });
}

// TERM=dumb: no cursor movement, no editing; characters are echoed and
// return/enter end the line.
function ttyWriteDumb(s, key) {
  key ||= kEmptyObject;
  if (key.name === 'escape') return;
  if (this[kSawReturnAt] && key.name !== 'enter') this[kSawReturnAt] = 0;

  if (key.ctrl && key.name === 'c') {
    if (this.listenerCount('SIGINT') > 0) {
      this.emit('SIGINT');
    } else {
      this.close();
    }
    return;
  }
  if (key.ctrl && key.name === 'd') {
    this.close();
    return;
  }

  if (key.name === 'return') {
    this[kSawReturnAt] = DateNow();
    this._line();
  } else if (key.name === 'enter') {
    if (this[kSawReturnAt] === 0 ||
        DateNow() - this[kSawReturnAt] > this.crlfDelay) {
      this._line();
    }
    this[kSawReturnAt] = 0;
  } else if (typeof s === 'string' && s) {
    this.line += s;
    this.cursor += s.length;
    this._writeToOutput(s);
  }
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
  promises,
};
