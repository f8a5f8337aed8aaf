'use strict';

// What happens to an exception nobody caught: 'uncaughtExceptionMonitor',
// then 'uncaughtException' listeners or the capture callback; otherwise
// 'exit' is emitted and C++ prints the error and ends the process.

const {
  MathMax,
  ObjectDefineProperty,
  ObjectPrototypeHasOwnProperty,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  String,
  globalThis,
} = primordials;

const {
  codes: {
    ERR_EVAL_ESM_CANNOT_PRINT,
    ERR_INVALID_ARG_TYPE,
    ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET,
  },
} = require('internal/errors');
const {
  exitCodes: { kGenericUserError },
  setShouldAbortOnUncaughtException,
} = internalBinding('errors');

let captureFn = null;

function setUncaughtExceptionCaptureCallback(fn) {
  if (fn === null) {
    captureFn = null;
    setShouldAbortOnUncaughtException(true);
    return;
  }
  if (typeof fn !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
  }
  if (captureFn !== null) {
    throw new ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
  }
  captureFn = fn;
  // --abort-on-uncaught-exception: the callback handles what would abort.
  setShouldAbortOnUncaughtException(false);
}

function hasUncaughtExceptionCaptureCallback() {
  return captureFn !== null;
}

// Returns true when the exception was handled; otherwise the exit code.
function onGlobalUncaughtException(er, fromPromise) {
  const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  process.emit('uncaughtExceptionMonitor', er, type);
  if (captureFn !== null) {
    captureFn(er);
    require('timers').setImmediate(() => {});
    require('internal/async_hooks').exitContextsAfterException();
    return true;
  }
  if (process.emit('uncaughtException', er, type)) {
    // The tick queue the exception interrupted runs again on the next
    // turn of the loop: give the loop that turn.
    require('timers').setImmediate(() => {});
    // The callbacks the exception interrupted are left now, with their
    // 'after' hooks (the handlers ran inside them).
    require('internal/async_hooks').exitContextsAfterException();
    return true;
  }
  try {
    if (!process._exiting) {
      process._exiting = true;
      process.exitCode = kGenericUserError;
      process.emit('exit', kGenericUserError);
    }
  } catch {
    // An exception from an 'exit' listener must not hide the first one.
  }
  // The 'exit' listeners may have changed process.exitCode, even to 0.
  const code = process.exitCode;
  if (code === undefined || code === null) return kGenericUserError;
  return +code | 0;
}

// The text printed for a fatal exception, below the source line. A thrown
// primitive prints as its string (`throw "x"` shows x, `throw 1n` shows 1),
// as Node prints it; a symbol, which has no string conversion, as nothing.
// An object is inspected as Node does it (its own inspect method ignored,
// at least five levels deep); its stack is read before (a throwing getter
// keeps the earlier text), and when nothing came of either the result is
// undefined: C++ then prints the object's name and message, or its string.
function formatFatalError(error) {
  if ((typeof error !== 'object' || error === null) &&
      typeof error !== 'function') {
    return typeof error === 'symbol' ? '' : String(error);
  }
  let text;
  try {
    text = error.stack;
  } catch {
    // Nothing from this step.
  }
  try {
    const stack = error.stack;
    try {
      const { inspect } = require('internal/util/inspect');
      const { shouldColorize } = require('internal/util/debuglog');
      text = inspect(error, {
        colors: shouldColorize(process.stderr),
        customInspect: false,
        depth: MathMax(inspect.defaultOptions.depth, 5),
      });
    } catch {
      text = stack;
    }
  } catch {
    // Nothing from this step either.
  }
  if (text === undefined) return undefined;
  try {
    text = `${text}`;
  } catch {
    return undefined;
  }
  return text === '' ? undefined : text;
}

// As in Node, code given on the command line sees the builtin modules as
// globals (`fs`, `vm`, ...), loaded on first use.
function addBuiltinLibsToObject(object) {
  const { BuiltinModule } = require('internal/bootstrap/realm');
  const names = BuiltinModule.getCanBeRequiredByUsersWithoutSchemeList();
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name[0] === '_' || StringPrototypeIncludes(name, '/')) continue;
    if (ObjectPrototypeHasOwnProperty(object, name)) continue;
    const setReal = (value) => {
      ObjectDefineProperty(object, name, {
        __proto__: null, value, writable: true, enumerable: false,
        configurable: true,
      });
    };
    ObjectDefineProperty(object, name, {
      __proto__: null,
      enumerable: false,
      configurable: true,
      get() {
        const lib = require(name);
        try {
          setReal(lib);
        } catch {
          // The program made the property non-configurable: keep it.
        }
        return lib;
      },
      set: setReal,
    });
  }
}

// The working directory; when it is gone (getcwd() fails once it was
// removed), the directory of the executable stands in, as in Node.
function tryGetCwd() {
  try {
    return process.cwd();
  } catch {
    return require('path').dirname(process.execPath);
  }
}

// Runs code given on the command line (-e, -p, stdin) as a script.
function evalScript(name, body, print) {
  addBuiltinLibsToObject(globalThis);
  const { runScript } = internalBinding('contextify');
  const CJSModule = require('internal/modules/cjs/loader').Module;
  const path = require('path');
  const cwd = tryGetCwd();
  const module = new CJSModule(name);
  module.filename = path.join(cwd, name);
  module.paths = CJSModule._nodeModulePaths(cwd);
  // The REPL's own `module` (with -i -e) comes back afterwards.
  const replModule = globalThis.module;
  globalThis.module = module;
  globalThis.require = require('internal/modules/helpers')
    .makeRequireFunction(module);
  globalThis.exports = module.exports;
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  // --inspect-brk: the debugger pauses at the code's first line.
  const { getOptionValue } = require('internal/options');
  const result = runScript(body, name, getOptionValue('--inspect-brk'));
  if (replModule !== undefined) globalThis.module = replModule;
  if (print) {
    const { log } = require('internal/console/global');
    process.on('exit', () => { log(result); });
  }
  return result;
}

// Code given as a string (-e, -p, stdin, a worker's eval) under type
// stripping, with `inputType` the --input-type: { source, module } to run,
// the types stripped where they have to be. module-typescript and
// commonjs-typescript are stripped; without a type, the code runs as it is
// when it compiles as JavaScript, else stripped (then as a module when it
// has module syntax). When stripping fails too, the JavaScript error stands,
// with the TypeScript message added.
function prepareTypeScriptEval(name, code, inputType, detect) {
  const { stripTypeScriptModuleTypes } =
    require('internal/modules/typescript');
  const esm = require('internal/modules/esm/loader');
  if (inputType === 'module-typescript') {
    return { source: stripTypeScriptModuleTypes(code, '[eval]'),
             module: true };
  }
  if (inputType === 'commonjs-typescript') {
    return { source: stripTypeScriptModuleTypes(code, '[eval]'),
             module: false };
  }
  let module = false;
  let original = syntaxError(code, name, false);
  if (original === undefined) return { source: code, module };
  if (detect && esm.containsModuleSyntax(code, name, false)) {
    module = true;
    original = syntaxError(code, name, true);
    if (original === undefined) return { source: code, module };
  }
  let source;
  try {
    source = stripTypeScriptModuleTypes(code, '[eval]');
  } catch (tsError) {
    const tsCode = tsError?.code;
    if (tsCode === 'ERR_INVALID_TYPESCRIPT_SYNTAX' ||
        tsCode === 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX') {
      addTypeScriptMessage(original, tsError.message, module);
      throw original;
    }
    throw tsError;
  }
  return {
    source,
    module: module ||
      (detect && esm.containsModuleSyntax(source, name, false)),
  };
}

// Code given as a string (-e, -p, stdin, a worker's eval) named `name`:
// { source, module } to run, after --input-type, type stripping and module
// detection (off with --no-experimental-detect-module, and for -p, whose
// completion value a module would not have).
function prepareEval(name, code, print) {
  const { getOptionValue } = require('internal/options');
  const inputType = getOptionValue('--input-type');
  const detect = getOptionValue('--experimental-detect-module');
  if (getOptionValue('--strip-types') && inputType !== 'module' &&
      inputType !== 'commonjs') {
    // TypeScript, or JavaScript that may be.
    const prepared = prepareTypeScriptEval(name, code, inputType, detect);
    if (prepared.module && print) throw new ERR_EVAL_ESM_CANNOT_PRINT();
    return prepared;
  }
  const esm = require('internal/modules/esm/loader');
  const module = inputType === 'module' ||
    (inputType !== 'commonjs' && !print && detect &&
     esm.containsModuleSyntax(code, name, false));
  return { source: code, module };
}

// The SyntaxError `code` gives, compiled as a script or a module;
// undefined when it compiles.
function syntaxError(code, name, module) {
  try {
    if (module) {
      const { ModuleWrap } = internalBinding('module_wrap');
      new ModuleWrap(`lode:check:${name}`, code);
    } else {
      const { ContextifyScript } = internalBinding('contextify');
      new ContextifyScript(code, name);
    }
  } catch (err) {
    if (err?.name === 'SyntaxError') return err;
  }
  return undefined;
}

// The TypeScript error's message below the source line and carets that
// start the stack of the JavaScript one (a blank line around it for a
// module's, as Node prints them).
function addTypeScriptMessage(error, message, module) {
  const { stack } = error;
  if (typeof stack !== 'string') return;
  let index = -1;
  for (let i = 0; i < 3; i++) {
    const next = StringPrototypeIndexOf(stack, '\n', index + 1);
    if (next === -1) break;
    index = next;
  }
  if (index === -1) return;
  const insert = module ? `\n\n${message}` : `\n${message}`;
  error.stack = StringPrototypeSlice(stack, 0, index) + insert +
    StringPrototypeSlice(stack, index);
}

module.exports = {
  prepareEval,
  evalScript,
  formatFatalError,
  hasUncaughtExceptionCaptureCallback,
  onGlobalUncaughtException,
  setUncaughtExceptionCaptureCallback,
};
