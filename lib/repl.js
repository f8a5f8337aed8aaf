'use strict';

// node:repl: a read-eval-print loop on any pair of streams, built on a
// readline Interface. Each entered line is compiled as a script (wrapped
// when it is an object literal or awaits at top level), run in the REPL's
// context, and its value printed with util.inspect. Errors print as
// "Uncaught ..."; input that more lines can complete continues on the next
// line. The pieces live in lib/internal/repl/.

const {
  ArrayPrototypeFilter,
  ArrayPrototypeForEach,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  Boolean,
  Error: MainContextError,
  ErrorPrototypeToString,
  FunctionPrototypeBind,
  JSONStringify,
  MathMaxApply,
  NumberIsNaN,
  NumberParseFloat,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyNames,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ObjectSetPrototypeOf,
  Promise,
  ReflectApply,
  RegExp,
  RegExpPrototypeExec,
  SafePromiseRace,
  SafeSet,
  SafeWeakSet,
  StringPrototypeCharAt,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  StringPrototypeTrim,
  Symbol,
  SyntaxError,
  SyntaxErrorPrototype,
  globalThis,
} = primordials;

const { BuiltinModule } = require('internal/bootstrap/realm');
const { makeRequireFunction } = require('internal/modules/helpers');
const {
  decorateErrorStack,
  isError,
  deprecate,
  deprecateInstantiation,
  SideEffectFreeRegExpPrototypeSymbolReplace,
  SideEffectFreeRegExpPrototypeSymbolSplit,
} = require('internal/util');
const { inspect } = require('internal/util/inspect');
const vm = require('vm');
const path = require('path');
const fs = require('fs');
const { Interface } = require('readline');
const { commonPrefix } = require('internal/readline/utils');
const { Console } = require('console');
const CJSModule = require('internal/modules/cjs/loader').Module;
const domain = require('domain');
let debug = require('internal/util/debuglog').debuglog('repl', (fn) => {
  debug = fn;
});
const {
  codes: {
    ERR_CANNOT_WATCH_SIGINT,
    ERR_INVALID_REPL_EVAL_CONFIG,
    ERR_INVALID_REPL_INPUT,
    ERR_MISSING_ARGS,
    ERR_SCRIPT_EXECUTION_INTERRUPTED,
  },
  isErrorStackTraceLimitWritable,
  overrideStackTrace,
} = require('internal/errors');
const { getOptionValue } = require('internal/options');
const { validateFunction, validateObject } = require('internal/validators');
const {
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  isRecoverableError,
  kStandaloneREPL,
  setupPreview,
  setupReverseSearch,
  isObjectLiteral,
  isValidSyntax,
} = require('internal/repl/utils');
const { complete: completeLine } = require('internal/repl/completion');
const {
  startSigintWatchdog,
  stopSigintWatchdog,
} = internalBinding('contextify');
const {
  kMultilinePrefix,
  kAddNewLineOnTTY,
  kLastCommandErrored,
} = require('internal/readline/interface');

const experimentalREPLAwait = getOptionValue('--experimental-repl-await');
const pendingDeprecation = getOptionValue('--pending-deprecation');

let builtinLibs = ArrayPrototypeFilter(
  CJSModule.builtinModules,
  (name) => name[0] !== '_' && !StringPrototypeStartsWith(name, 'node:'));
const nodeSchemeBuiltinLibs = ArrayPrototypeMap(builtinLibs,
                                                (name) => `node:${name}`);
ArrayPrototypeForEach(BuiltinModule.getSchemeOnlyModuleNames(), (name) =>
  ArrayPrototypePush(nodeSchemeBuiltinLibs, `node:${name}`));

// Each evaluation gets its own script name (REPL1, REPL2, ...): V8's code
// cache keys on it.
let nextResourceNumber = 1;
function nextResourceName() {
  return `REPL${nextResourceNumber++}`;
}

// Lazily loaded.
let processTopLevelAwait;
let replBinding;

// The names a fresh context has by itself.
const globalBuiltins = new SafeSet(
  vm.runInNewContext('Object.getOwnPropertyNames(globalThis)'));

const parentModule = module;
const domainSet = new SafeWeakSet();

const kBufferedCommand = Symbol('bufferedCommand');
const kLoading = Symbol('loading');
// An object of the REPL's context (its global), for the preview and the
// lexical names; undefined when the context is the main one.
const kContextGlobal = Symbol('contextGlobal');

let addedNewListener = false;

// require('./x') in the REPL resolves from the current directory.
try {
  module.filename = path.resolve('repl');
} catch {
  // The current directory is gone: use the executable's.
  module.filename = path.resolve(path.dirname(process.execPath), 'repl');
}
module.paths = CJSModule._nodeModulePaths(module.filename);

// The default writer; `writer.options` are its inspect options.
const writer = (obj) => inspect(obj, writer.options);
writer.options = { ...inspect.defaultOptions, showProxy: true };

// `import x from 'y'` becomes what the REPL can run: `const x = await
// import("y")` and its variants.
function toDynamicImport(codeLine) {
  let out = '';
  const { parse } = require('internal/deps/acorn/acorn/dist/acorn');
  const walk = require('internal/deps/acorn/acorn-walk/dist/walk');
  const ast = parse(codeLine, {
    __proto__: null, sourceType: 'module', ecmaVersion: 'latest',
  });
  walk.ancestor(ast, {
    ImportDeclaration(node) {
      const load = `await import(${JSONStringify(node.source.value)});`;
      const specifiers = node.specifiers;
      if (specifiers.length === 0) {
        out += load;
      } else if (specifiers.length === 1 &&
                 specifiers[0].type === 'ImportNamespaceSpecifier') {
        out += `const ${specifiers[0].local.name} = ${load}`;
      } else {
        const names = ArrayPrototypeJoin(ArrayPrototypeMap(
          specifiers, ({ local, imported }) =>
            (local.name === imported?.name ? local.name :
              `${imported?.name ?? 'default'}: ${local.name}`)), ', ');
        out += `const { ${names} } = ${load}`;
      }
    },
  });
  return out;
}

// The builtin modules as lazy globals of `object` (`fs`, `path`, ...): read
// once, they are loaded; assigned, the user's value replaces them.
function addBuiltinLibsToObject(object, moduleName) {
  const loader = new CJSModule(moduleName);
  const names = CJSModule.builtinModules;
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (StringPrototypeStartsWith(name, '_') ||
        StringPrototypeIncludes(name, '/') ||
        StringPrototypeStartsWith(name, 'node:') ||
        ObjectPrototypeHasOwnProperty(object, name)) {
      continue;
    }
    const replace = (value) => {
      delete object[name];
      object[name] = value;
    };
    ObjectDefineProperty(object, name, {
      __proto__: null,
      get: () => {
        const lib = loader.require(name);
        try {
          ObjectDefineProperty(object, name, {
            __proto__: null,
            get: () => lib,
            set: replace,
            configurable: true,
            enumerable: false,
          });
        } catch {
          // No longer configurable: keep what is there.
        }
        return lib;
      },
      set: replace,
      configurable: true,
      enumerable: false,
    });
  }
}

function Recoverable(err) {
  this.err = err;
}
ObjectSetPrototypeOf(Recoverable.prototype, SyntaxErrorPrototype);
ObjectSetPrototypeOf(Recoverable, SyntaxError);

// V8's stack layout, for frames the REPL has trimmed.
function formatStack(error, frames) {
  let head;
  try {
    head = ErrorPrototypeToString(error);
  } catch {
    head = '<error>';
  }
  if (frames.length === 0) return head;
  return `${head}\n    at ${ArrayPrototypeJoin(
    ArrayPrototypeMap(frames, (frame) => `${frame}`), '\n    at ')}`;
}

// Where the REPL's own frames start: at the top level of the evaluated
// script (the last frame of a REPLn file without a function name), else at
// the last frame without a function name.
function replFramesStart(frames) {
  let anonymous = -1;
  for (let i = frames.length - 1; i >= 0; i--) {
    if (frames[i].getFunctionName() !== null) continue;
    const file = `${frames[i].getFileName()}`;
    if (RegExpPrototypeExec(/^REPL\d+$/, file) !== null) {
      return i;
    }
    if (anonymous === -1) anonymous = i;
  }
  return anonymous;
}

function REPLServer(prompt, stream, eval_, useGlobal, ignoreUndefined,
                    replMode) {
  if (!(this instanceof REPLServer)) {
    return deprecateInstantiation(REPLServer, 'DEP0185', prompt, stream, eval_,
                                  useGlobal, ignoreUndefined, replMode);
  }

  let options;
  if (prompt !== null && typeof prompt === 'object') {
    options = { ...prompt };
    stream = options.stream || options.socket;
    eval_ = options.eval;
    useGlobal = options.useGlobal;
    ignoreUndefined = options.ignoreUndefined;
    prompt = options.prompt;
    replMode = options.replMode;
  } else {
    options = {};
  }

  if (!options.input && !options.output) {
    // A duplex stream (a socket, or `process`, the default).
    stream ||= process;
    options.input = stream.stdin || stream;
    options.output = stream.stdout || stream;
  }

  if (options.terminal === undefined) options.terminal = options.output.isTTY;
  options.terminal = !!options.terminal;

  if (options.terminal && options.useColors === undefined) {
    options.useColors = shouldColorize(options.output);
  }

  const preview = options.terminal &&
    (options.preview !== undefined ? !!options.preview : !eval_);

  defineStreamAlias(this, 'inputStream', 'input');
  defineStreamAlias(this, 'outputStream', 'output');

  this.allowBlockingCompletions = !!options.allowBlockingCompletions;
  this.useColors = !!options.useColors;
  this._domain = options.domain || domain.create();
  this.useGlobal = !!useGlobal;
  this.ignoreUndefined = !!ignoreUndefined;
  this.replMode = replMode || module.exports.REPL_MODE_SLOPPY;
  this.underscoreAssigned = false;
  this.last = undefined;
  this.underscoreErrAssigned = false;
  this.lastError = undefined;
  this.breakEvalOnSigint = !!options.breakEvalOnSigint;
  this.editorMode = false;
  this[kContextGlobal] = undefined;
  this[kLastCommandErrored] = false;

  if (this.breakEvalOnSigint && eval_) {
    // breakEvalOnSigint is about the default eval only.
    throw new ERR_INVALID_REPL_EVAL_CONFIG();
  }

  if (options[kStandaloneREPL]) {
    // `lode` on a terminal: the REPL can inspect itself as repl.repl.
    module.exports.repl = this;
  } else if (!addedNewListener) {
    // One listener for all REPLs: an 'uncaughtException' listener added
    // from REPL code would take the errors the REPL's domain reports.
    process.prependListener('newListener', (event, listener) => {
      if (event === 'uncaughtException' && process.domain &&
          listener.name !== 'domainUncaughtExceptionClear' &&
          domainSet.has(process.domain)) {
        throw new ERR_INVALID_REPL_INPUT(
          'Listeners for `uncaughtException` cannot be used in the REPL');
      }
    });
    addedNewListener = true;
  }
  domainSet.add(this._domain);

  // RegExp.$1-$9 belong to the user's code, not to the REPL's own matching:
  // saved after each evaluation, restored before the next.
  const savedRegExpMatches = ['', '', '', '', '', '', '', '', '', ''];
  const sep = '\u0000\u0000\u0000';
  const regExpRestorer = new RegExp(
    `^${sep}(.*)${sep}(.*)${sep}(.*)${sep}(.*)${sep}(.*)${sep}(.*)` +
    `${sep}(.*)${sep}(.*)${sep}(.*)$`);

  eval_ ||= defaultEval;
  const self = this;

  // While a top-level await runs, keys (and a close) wait.
  const pausedBuffer = [];
  let paused = false;
  function pause() {
    paused = true;
  }
  function unpause() {
    if (!paused) return;
    paused = false;
    const completionWas = self.isCompletionEnabled;
    let entry;
    while ((entry = ArrayPrototypeShift(pausedBuffer)) !== undefined) {
      if (entry[0] === 'key') {
        self.isCompletionEnabled = entry[2];
        self._ttyWrite(entry[1][0], entry[1][1]);
      } else {
        self.emit('exit');
      }
      if (paused) break;
    }
    self.isCompletionEnabled = completionWas;
  }

  // import() goes to the default loader, relative to the current directory
  // (the script's name is no path). A callback function would need
  // --experimental-vm-modules.
  const { vm_dynamic_import_default_internal: importModuleDynamically } =
    internalBinding('symbols');

  function compile(code, file) {
    return new vm.Script(code, { filename: file, importModuleDynamically });
  }

  function defaultEval(code, context, file, cb) {
    let result;
    let script;
    let wrappedError;
    let err = null;
    let wrapped = false;
    let awaitPromise = false;
    const input = code;

    // `{ a: 1 }` is an object, not a block.
    if (isObjectLiteral(code) && isValidSyntax(code)) {
      code = `(${StringPrototypeTrim(code)})\n`;
      wrapped = true;
    }

    if (experimentalREPLAwait && StringPrototypeIncludes(code, 'await')) {
      processTopLevelAwait ??=
        require('internal/repl/await').processTopLevelAwait;
      try {
        const rewritten = processTopLevelAwait(code);
        if (rewritten !== null) {
          code = rewritten;
          wrapped = true;
          awaitPromise = true;
        }
      } catch (e) {
        let recoverable = false;
        if (e.name === 'SyntaxError') {
          // Without the awaits, is the rest only unfinished?
          const withoutAwait =
            SideEffectFreeRegExpPrototypeSymbolReplace(/\bawait\b/g, code, '');
          try {
            compile(withoutAwait, file);
          } catch (plainError) {
            if (isRecoverableError(plainError, withoutAwait)) {
              recoverable = true;
              err = new Recoverable(e);
            }
          }
        }
        if (!recoverable) {
          decorateErrorStack(e);
          err = e;
        }
      }
    }

    if (code === '\n') return cb(null);

    if (err === null) {
      while (true) {
        try {
          if (self.replMode === module.exports.REPL_MODE_STRICT &&
              RegExpPrototypeExec(/^\s*$/, code) === null) {
            // `void 0` keeps "use strict" from being the result.
            code = `'use strict'; void 0;\n${code}`;
          }
          script = compile(code, file);
        } catch (e) {
          debug('parse error %j', code, e);
          if (wrapped) {
            // The wrapped form did not parse: try the input as it was.
            wrapped = false;
            awaitPromise = false;
            code = input;
            wrappedError = e;
            continue;
          }
          const error = wrappedError || e;
          err = isRecoverableError(error, code) ?
            new Recoverable(error) : error;
        }
        break;
      }
    }

    RegExpPrototypeExec(regExpRestorer,
                        ArrayPrototypeJoin(savedRegExpMatches, sep));

    let finished = false;
    function finishExecution(error, value) {
      if (finished) return;
      finished = true;
      for (let i = 1; i < savedRegExpMatches.length; i++) {
        savedRegExpMatches[i] = RegExp[`$${i}`];
      }
      cb(error, value);
    }

    if (!err) {
      let wasRaw;
      if (self.breakEvalOnSigint) {
        // The watchdog first, so that an early Ctrl+C cannot kill us; then
        // out of raw mode, so that Ctrl+C is a signal again.
        // (lode's binding returns nothing on success.)
        if (startSigintWatchdog() === false) {
          throw new ERR_CANNOT_WATCH_SIGINT();
        }
        wasRaw = self._setRawMode(false);
      }
      try {
        try {
          const runOptions = {
            displayErrors: false,
            breakOnSigint: self.breakEvalOnSigint,
          };
          result = self.useGlobal ?
            script.runInThisContext(runOptions) :
            script.runInContext(context, runOptions);
        } finally {
          if (self.breakEvalOnSigint) {
            self._setRawMode(wasRaw);
            // A Ctrl+C that came after the script ended.
            if (stopSigintWatchdog()) self.emit('SIGINT');
          }
        }
      } catch (e) {
        err = e;
        if (process.domain) {
          debug('not recoverable, send to domain');
          process.domain.emit('error', err);
          process.domain.exit();
          return;
        }
      }

      if (awaitPromise && !err) {
        let onInterrupt;
        pause();
        let promise = result;
        if (self.breakEvalOnSigint) {
          const interrupted = new Promise((resolve, reject) => {
            onInterrupt = () => {
              const limit = MainContextError.stackTraceLimit;
              if (isErrorStackTraceLimitWritable()) {
                MainContextError.stackTraceLimit = 0;
              }
              const error = new ERR_SCRIPT_EXECUTION_INTERRUPTED();
              if (isErrorStackTraceLimitWritable()) {
                MainContextError.stackTraceLimit = limit;
              }
              reject(error);
            };
            prioritizedSigintQueue.add(onInterrupt);
          });
          promise = SafePromiseRace([promise, interrupted]);
        }
        (async () => {
          try {
            finishExecution(null, (await promise)?.value);
          } catch (error) {
            if (error && process.domain) {
              debug('not recoverable, send to domain');
              process.domain.emit('error', error);
              process.domain.exit();
              return;
            }
            finishExecution(error);
          } finally {
            prioritizedSigintQueue.delete(onInterrupt);
            unpause();
          }
        })();
      }
    }

    if (!awaitPromise || err) finishExecution(err, result);
  }

  self.eval = self._domain.bind(eval_);

  self._domain.on('error', function debugDomainError(e) {
    debug('domain error');
    let errStack = '';

    if (typeof e === 'object' && e !== null) {
      // The stack stops at the REPL's own frames: from the last frame of
      // the evaluated script's top level down, they are dropped.
      overrideStackTrace.set(e, (error, frames) => {
        let kept = frames;
        if (typeof frames === 'object') {
          kept = ArrayPrototypeSlice(frames, 0, replFramesStart(frames));
        }
        if (typeof MainContextError.prepareStackTrace === 'function') {
          try {
            return MainContextError.prepareStackTrace(error, kept);
          } catch {
            // The user's formatter failed: use the usual one.
          }
        }
        return formatStack(error, kept);
      });
      decorateErrorStack(e);

      if (e.domainThrown) {
        delete e.domain;
        delete e.domainThrown;
      }

      if (isError(e)) {
        if (e.stack) {
          if (e.name === 'SyntaxError') {
            // Only the message: no source position, no frames.
            e.stack = SideEffectFreeRegExpPrototypeSymbolReplace(
              /^\s+at\s.*\n?/gm,
              SideEffectFreeRegExpPrototypeSymbolReplace(
                /^REPL\d+:\d+\r?\n/, e.stack, ''),
              '');
            if (StringPrototypeIncludes(
              e.message, 'Cannot use import statement outside a module')) {
              e.message = 'Cannot use import statement inside the Node.js ' +
                'REPL, alternatively use dynamic import: ' +
                toDynamicImport(self.lines[self.lines.length - 1]);
              e.stack = SideEffectFreeRegExpPrototypeSymbolReplace(
                /SyntaxError:.*\n/, e.stack, `SyntaxError: ${e.message}\n`);
            }
          } else if (self.replMode === module.exports.REPL_MODE_STRICT) {
            // Our `'use strict'; void 0;` line is not the user's.
            e.stack = SideEffectFreeRegExpPrototypeSymbolReplace(
              /(\s+at\s+REPL\d+:)(\d+)/, e.stack,
              (_, pre, line) => pre + (line - 1));
          }
        }
        errStack = self.writer(e);
        // `[Error: x]` (an error without stack) prints without brackets.
        if (errStack[0] === '[' && errStack[errStack.length - 1] === ']') {
          errStack = StringPrototypeSlice(errStack, 1, -1);
        }
      }
    }

    if (!self.underscoreErrAssigned) self.lastError = e;

    if (options[kStandaloneREPL] &&
        process.listenerCount('uncaughtException') !== 0) {
      process.nextTick(() => {
        process.emit('uncaughtException', e);
        self.clearBufferedCommand();
        self.lines.level = [];
        if (!self.closed) self.displayPrompt();
      });
      return;
    }

    if (errStack === '') errStack = self.writer(e);
    // "Uncaught " before the line naming the error (on its own line when
    // that line is long), or before everything.
    const lines = SideEffectFreeRegExpPrototypeSymbolSplit(/(?<=\n)/, errStack);
    let named = false;
    errStack = '';
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (!named &&
          RegExpPrototypeExec(/^\[?([A-Z][a-z0-9_]*)*Error/, line) !== null) {
        errStack += writer.options.breakLength >= line.length ?
          `Uncaught ${line}` : `Uncaught:\n${line}`;
        named = true;
      } else {
        errStack += line;
      }
    }
    if (!named) {
      errStack = `Uncaught${lines.length === 1 ? ' ' : ':\n'}${errStack}`;
    }
    if (!StringPrototypeEndsWith(errStack, '\n')) errStack += '\n';
    self.output.write(errStack);
    self.clearBufferedCommand();
    self.lines.level = [];
    if (!self.closed) self.displayPrompt();
  });

  self.clearBufferedCommand();

  function completer(text, cb) {
    ReflectApply(complete, self,
                 [text, self.editorMode ? self.completeOnEditorMode(cb) : cb]);
  }

  ReflectApply(Interface, this, [{
    input: options.input,
    output: options.output,
    completer: options.completer || completer,
    terminal: options.terminal,
    historySize: options.historySize,
    prompt,
  }]);

  self.resetContext();

  this.commands = { __proto__: null };
  defineDefaultCommands(this);

  self.writer = options.writer || module.exports.writer;

  if (self.writer === writer) {
    writer.options.colors = self.useColors;
    if (options[kStandaloneREPL]) {
      ObjectDefineProperty(inspect, 'replDefaults', {
        __proto__: null,
        get() {
          return writer.options;
        },
        set(newOptions) {
          validateObject(newOptions, 'options');
          return ObjectAssign(writer.options, newOptions);
        },
        enumerable: true,
        configurable: true,
      });
    }
  }

  function runCommand(keyword, rest) {
    const command = this.commands[keyword];
    if (!command) return false;
    ReflectApply(command.action, this, [rest]);
    return true;
  }

  self.on('close', function emitExit() {
    if (paused) {
      ArrayPrototypePush(pausedBuffer, ['close']);
      return;
    }
    self.emit('exit');
  });

  let sawSIGINT = false;
  let sawCtrlD = false;
  const prioritizedSigintQueue = new SafeSet();
  self.on('SIGINT', function onSigInt() {
    if (prioritizedSigintQueue.size > 0) {
      for (const task of prioritizedSigintQueue) task();
      return;
    }
    const empty = self.line.length === 0;
    self.clearLine();
    turnOffEditorMode(self);
    const buffered = self[kBufferedCommand];
    if (!(buffered && buffered.length > 0) && empty) {
      if (sawSIGINT) {
        self.close();
        sawSIGINT = false;
        return;
      }
      self.output.write(
        '(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
      sawSIGINT = true;
    } else {
      sawSIGINT = false;
    }
    self.clearBufferedCommand();
    self.lines.level = [];
    self.displayPrompt();
  });

  self.on('line', function onLine(cmd) {
    debug('line %j', cmd);
    cmd ||= '';
    sawSIGINT = false;

    if (self.editorMode) {
      self[kBufferedCommand] += cmd + '\n';
      // Keep the indentation of the line above.
      const indent = self._sawKeyPress && !self[kLoading] ?
        RegExpPrototypeExec(/^\s+/, cmd) : null;
      if (indent) {
        self.write(indent[0]);
        self.line = indent[0];
        self.cursor = indent[0].length;
      }
      remember(self, cmd);
      return;
    }

    const trimmed = StringPrototypeTrim(cmd);
    // `.name rest` runs a REPL command (but `.5` is a number and `..` is
    // not a command).
    if (trimmed && StringPrototypeCharAt(trimmed, 0) === '.' &&
        StringPrototypeCharAt(trimmed, 1) !== '.' &&
        NumberIsNaN(NumberParseFloat(trimmed))) {
      const match = RegExpPrototypeExec(/^\.([^\s]+)\s*(.*)$/, trimmed);
      if (ReflectApply(runCommand, self, [match?.[1], match?.[2]])) return;
      if (!self[kBufferedCommand]) {
        self.output.write('Invalid REPL keyword\n');
        finish(null);
        return;
      }
    }

    const evalCmd = self[kBufferedCommand] + cmd + '\n';
    debug('eval %j', evalCmd);
    self.eval(evalCmd, self.context, nextResourceName(), finish);

    function finish(e, ret) {
      debug('finish', e, ret);
      const hasResult = arguments.length === 2;
      remember(self, cmd);

      if (e && !self[kBufferedCommand] &&
          StringPrototypeStartsWith(StringPrototypeTrim(cmd), 'npm ') &&
          !(e instanceof Recoverable)) {
        self.output.write('npm should be run outside of the ' +
                          'Node.js REPL, in your normal shell.\n' +
                          '(Press Ctrl+D to exit.)\n');
        self.displayPrompt();
        return;
      }

      // Unfinished input: go on on the next line.
      if (e instanceof Recoverable && !sawCtrlD) {
        if (self.terminal) {
          self[kAddNewLineOnTTY]();
        } else {
          self[kBufferedCommand] += cmd + '\n';
          self.displayPrompt();
        }
        return;
      }

      if (e) {
        self._domain.emit('error', e.err || e);
        self[kLastCommandErrored] = true;
      }

      self.clearBufferedCommand();
      sawCtrlD = false;

      if (!e && hasResult && (!self.ignoreUndefined || ret !== undefined)) {
        if (!self.underscoreAssigned) self.last = ret;
        self.output.write(self.writer(ret) + '\n');
      }

      if (!self.closed && !e) {
        self[kLastCommandErrored] = false;
        self.displayPrompt();
      }
    }
  });

  self.on('SIGCONT', function onSigCont() {
    if (self.editorMode) {
      self.output.write(`${self._initialPrompt}.editor\n`);
      self.output.write(
        '// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
      self.output.write(`${self[kBufferedCommand]}\n`);
      self.prompt(true);
    } else {
      self.displayPrompt(true);
    }
  });

  const { reverseSearch } = setupReverseSearch(this);
  const { clearPreview, showPreview } = setupPreview(
    this, () => self[kContextGlobal], kBufferedCommand, preview);

  // Keys: queued while paused; in editor mode, Ctrl+D ends the entry and
  // the history keys do nothing; otherwise previews and reverse search
  // come first.
  const ttyWrite = FunctionPrototypeBind(self._ttyWrite, self);
  self._ttyWrite = (d, key) => {
    key ||= {};
    if (paused && !(self.breakEvalOnSigint && key.ctrl && key.name === 'c')) {
      ArrayPrototypePush(pausedBuffer,
                         ['key', [d, key], self.isCompletionEnabled]);
      return;
    }
    if (!self.editorMode || !self.terminal) {
      if (key.ctrl && key.name === 'd' &&
          self.cursor === 0 && self.line.length === 0) {
        self.clearLine();
      }
      clearPreview(key);
      if (!reverseSearch(d, key)) {
        ttyWrite(d, key);
        showPreview(key.name !== 'escape');
      }
      return;
    }

    if (key.ctrl && !key.shift) {
      switch (key.name) {
        case 'd':
          turnOffEditorMode(self);
          sawCtrlD = true;
          ttyWrite(d, { name: 'return' });
          break;
        case 'n':
        case 'p':
          break;
        default:
          ttyWrite(d, key);
      }
    } else {
      switch (key.name) {
        case 'up':
        case 'down':
          break;
        case 'tab':
          // No double-tab listing in the editor.
          self._previousKey = null;
          ttyWrite(d, key);
          break;
        default:
          ttyWrite(d, key);
      }
    }
  };

  self.displayPrompt();
}
ObjectSetPrototypeOf(REPLServer.prototype, Interface.prototype);
ObjectSetPrototypeOf(REPLServer, Interface);

function defineStreamAlias(repl, name, target) {
  const message = 'repl.inputStream and repl.outputStream are deprecated. ' +
    'Use repl.input and repl.output instead';
  let get = () => repl[target];
  let set = (value) => { repl[target] = value; };
  if (pendingDeprecation) {
    get = deprecate(get, message, 'DEP0141');
    set = deprecate(set, message, 'DEP0141');
  }
  ObjectDefineProperty(repl, name, {
    __proto__: null, get, set, enumerable: false, configurable: true,
  });
}

function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) {
    return require('internal/tty').getColorDepth() > 2;
  }
  return stream?.isTTY && (typeof stream.getColorDepth === 'function' ?
    stream.getColorDepth() > 2 : true);
}

// Lines kept for .save (empty for an empty line).
function remember(repl, cmd) {
  repl.lines ||= [];
  repl.lines.level ||= [];
  ArrayPrototypePush(repl.lines, cmd || '');
  if (!cmd) repl.lines.level = [];
}

function start(prompt, source, eval_, useGlobal, ignoreUndefined, replMode) {
  return new REPLServer(prompt, source, eval_, useGlobal, ignoreUndefined,
                        replMode);
}

REPLServer.prototype.setupHistory = function setupHistory(config = {}, cb) {
  // A path alone is accepted too.
  const options = typeof config === 'string' ? { filePath: config } : config;
  if (typeof cb === 'function') options.onHistoryFileLoaded = cb;
  this.setupHistoryManager(options);
};

REPLServer.prototype.clearBufferedCommand = function clearBufferedCommand() {
  this[kBufferedCommand] = '';
};

REPLServer.prototype.close = function close() {
  if (this.terminal && this.historyManager.isFlushing &&
      !this._closingOnFlush) {
    this._closingOnFlush = true;
    this.once('flushHistory', () =>
      ReflectApply(Interface.prototype.close, this, []));
    return;
  }
  process.nextTick(() => ReflectApply(Interface.prototype.close, this, []));
};

REPLServer.prototype.createContext = function createContext() {
  let context;
  if (this.useGlobal) {
    context = globalThis;
    this[kContextGlobal] = undefined;
  } else {
    context = vm.createContext();
    this[kContextGlobal] = vm.runInContext('globalThis', context);
    // The main context's globals that a new context lacks (process,
    // Buffer, timers, ...).
    const names = ObjectGetOwnPropertyNames(globalThis);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (!globalBuiltins.has(name)) {
        ObjectDefineProperty(context, name, {
          __proto__: null,
          ...ObjectGetOwnPropertyDescriptor(globalThis, name),
        });
      }
    }
    context.global = context;
    ObjectDefineProperty(context, 'console', {
      __proto__: null,
      configurable: true,
      writable: true,
      value: new Console(this.output),
    });
  }

  const replModule = new CJSModule('<repl>');
  replModule.paths = CJSModule._resolveLookupPaths('<repl>', parentModule);
  ObjectDefineProperty(context, 'module', {
    __proto__: null, configurable: true, writable: true, value: replModule,
  });
  ObjectDefineProperty(context, 'require', {
    __proto__: null,
    configurable: true,
    writable: true,
    value: makeRequireFunction(replModule),
  });
  addBuiltinLibsToObject(context, '<REPL>');
  return context;
};

REPLServer.prototype.resetContext = function resetContext() {
  this.context = this.createContext();
  this.underscoreAssigned = false;
  this.underscoreErrAssigned = false;
  this.lines = [];
  this.lines.level = [];

  // `_` is the last result and `_error` the last error, until the user
  // assigns them.
  ObjectDefineProperty(this.context, '_', {
    __proto__: null,
    configurable: true,
    get: () => this.last,
    set: (value) => {
      this.last = value;
      if (!this.underscoreAssigned) {
        this.underscoreAssigned = true;
        this.output.write('Expression assignment to _ now disabled.\n');
      }
    },
  });
  ObjectDefineProperty(this.context, '_error', {
    __proto__: null,
    configurable: true,
    get: () => this.lastError,
    set: (value) => {
      this.lastError = value;
      if (!this.underscoreErrAssigned) {
        this.underscoreErrAssigned = true;
        this.output.write('Expression assignment to _error now disabled.\n');
      }
    },
  });

  this.emit('reset', this.context);
};

REPLServer.prototype.displayPrompt = function displayPrompt(preserveCursor) {
  const prompt = this[kBufferedCommand].length ?
    kMultilinePrefix : this._initialPrompt;
  // The prompt shown changes, the one set stays.
  ReflectApply(Interface.prototype.setPrompt, this, [prompt]);
  this.prompt(preserveCursor);
};

REPLServer.prototype.setPrompt = function setPrompt(prompt) {
  this._initialPrompt = prompt;
  ReflectApply(Interface.prototype.setPrompt, this, [prompt]);
};

REPLServer.prototype.complete = function() {
  ReflectApply(this.completer, this, arguments);
};

// What completion needs to know beyond the REPL object.
const completionEnv = {
  builtinLibs: () => builtinLibs,
  nodeSchemeLibs: () => nodeSchemeBuiltinLibs,
  modulePaths: () => module.paths,
  globalPaths: () => CJSModule.globalPaths,
  requireExtensions: () => ObjectKeys(CJSModule._extensions),
  globalBuiltins: () => [...globalBuiltins],
  resourceName: nextResourceName,
  lexicalNames: null,
};

function complete(line, callback) {
  const repl = this;
  completeLine(repl, {
    __proto__: completionEnv,
    lexicalNames() {
      replBinding ??= internalBinding('repl');
      try {
        return replBinding.globalLexicalScopeNames(repl[kContextGlobal]);
      } catch {
        return [];
      }
    },
  }, line, callback);
}

REPLServer.prototype.completeOnEditorMode = (callback) => (err, results) => {
  if (err) return callback(err);
  const { 0: completions, 1: completeOn = '' } = results;
  let result = ArrayPrototypeFilter(completions, Boolean);
  if (completeOn && result.length !== 0) result = [commonPrefix(result)];
  callback(null, [result, completeOn]);
};

REPLServer.prototype.defineCommand = function defineCommand(keyword, cmd) {
  if (typeof cmd === 'function') {
    cmd = { action: cmd };
  } else {
    validateFunction(cmd.action, 'cmd.action');
  }
  this.commands[keyword] = cmd;
};

function turnOnEditorMode(repl) {
  repl.editorMode = true;
  ReflectApply(Interface.prototype.setPrompt, repl, ['']);
}

function turnOffEditorMode(repl) {
  repl.editorMode = false;
  repl.setPrompt(repl._initialPrompt);
}

function defineDefaultCommands(repl) {
  repl.defineCommand('break', {
    help: 'Sometimes you get stuck, this gets you out',
    action() {
      this.clearBufferedCommand();
      this.displayPrompt();
    },
  });

  repl.defineCommand('clear', {
    help: repl.useGlobal ? 'Alias for .break' :
      'Break, and also clear the local context',
    action() {
      this.clearBufferedCommand();
      if (!this.useGlobal) {
        this.output.write('Clearing context...\n');
        this.resetContext();
      }
      this.displayPrompt();
    },
  });

  repl.defineCommand('exit', {
    help: 'Exit the REPL',
    action() {
      this.close();
    },
  });

  repl.defineCommand('help', {
    help: 'Print this help message',
    action() {
      const names = ArrayPrototypeSort(ObjectKeys(this.commands));
      const width = MathMaxApply(ArrayPrototypeMap(names, (n) => n.length));
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        const { help } = this.commands[name];
        const pad = StringPrototypeRepeat(' ', width - name.length + 3);
        this.output.write(`.${name}${help ? pad + help : ''}\n`);
      }
      this.output.write('\nPress Ctrl+C to abort current expression, ' +
                        'Ctrl+D to exit the REPL\n');
      this.displayPrompt();
    },
  });

  repl.defineCommand('save', {
    help: 'Save all evaluated commands in this REPL session to a file',
    action(file) {
      try {
        if (file === '') throw new ERR_MISSING_ARGS('file');
        fs.writeFileSync(file, ArrayPrototypeJoin(this.lines, '\n'));
        this.output.write(`Session saved to: ${file}\n`);
      } catch (error) {
        if (error instanceof ERR_MISSING_ARGS) {
          this.output.write(`${error.message}\n`);
        } else {
          this.output.write(`Failed to save: ${file}\n`);
        }
      }
      this.displayPrompt();
    },
  });

  repl.defineCommand('load', {
    help: 'Load JS from a file into the REPL session',
    action(file) {
      try {
        if (file === '') throw new ERR_MISSING_ARGS('file');
        const stats = fs.statSync(file);
        if (stats && stats.isFile()) {
          // Typed in as in the editor: one entry, however many lines.
          turnOnEditorMode(this);
          this[kLoading] = true;
          const data = fs.readFileSync(file, 'utf8');
          this.write(data);
          this[kLoading] = false;
          turnOffEditorMode(this);
          this.write('\n');
        } else {
          this.output.write(
            `Failed to load: ${file} is not a valid file\n`);
        }
      } catch (error) {
        if (error instanceof ERR_MISSING_ARGS) {
          this.output.write(`${error.message}\n`);
        } else {
          this.output.write(`Failed to load: ${file}\n`);
        }
      }
      this.displayPrompt();
    },
  });

  if (repl.terminal) {
    repl.defineCommand('editor', {
      help: 'Enter editor mode',
      action() {
        turnOnEditorMode(this);
        this.output.write(
          '// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
      },
    });
  }
}

module.exports = {
  start,
  writer,
  REPLServer,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
  isValidSyntax,
};

function defineBuiltinList(name, code, message) {
  let get = () => builtinLibs;
  let set = (value) => { builtinLibs = value; };
  if (pendingDeprecation) {
    get = deprecate(get, message, code);
    set = deprecate(set, message, code);
  }
  ObjectDefineProperty(module.exports, name, {
    __proto__: null, get, set, enumerable: false, configurable: true,
  });
}
defineBuiltinList('builtinModules', 'DEP0191',
                  'repl.builtinModules is deprecated. Check ' +
                  'module.builtinModules instead');
defineBuiltinList('_builtinLibs', 'DEP0142',
                  'repl._builtinLibs is deprecated. Check ' +
                  'module.builtinModules instead');
