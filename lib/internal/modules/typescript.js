'use strict';

// TypeScript to JavaScript, as Node 24 does it: amaro (swc compiled to
// WebAssembly, embedded as internal/deps/amaro/dist/index) strips the types,
// or with --experimental-transform-types also rewrites enums, namespaces
// and parameter properties. amaro is loaded the first time TypeScript is
// met, never at start-up.

const {
  ObjectPrototypeHasOwnProperty,
} = primordials;

const {
  validateBoolean,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');
const {
  assertTypeScript,
  emitExperimentalWarning,
  isUnderNodeModules,
  kEmptyObject,
} = require('internal/util');
const {
  ERR_INTERNAL_ASSERTION,
  ERR_INVALID_TYPESCRIPT_SYNTAX,
  ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING,
  ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX,
} = require('internal/errors').codes;
const { getOptionValue } = require('internal/options');

let transformSync;
function amaroTransform() {
  if (transformSync === undefined) {
    assertTypeScript();
    transformSync = require('internal/deps/amaro/dist/index').transformSync;
  }
  return transformSync;
}

// 'transform' under --experimental-transform-types (warned about once),
// else 'strip-only'.
let loaderMode;
function modeForLoaders() {
  if (loaderMode === undefined) {
    if (getOptionValue('--experimental-transform-types')) {
      emitExperimentalWarning('Transform Types');
      loaderMode = 'transform';
    } else {
      loaderMode = 'strip-only';
    }
  }
  return loaderMode;
}

// The error the user sees for an amaro error object: its kind decides the
// code; where it happened (file:line and swc's snippet with carets) goes
// in front of the stack.
function typeScriptError(swcError) {
  let err;
  if (swcError.code === 'UnsupportedSyntax') {
    err = new ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX(swcError.message);
  } else {
    err = new ERR_INVALID_TYPESCRIPT_SYNTAX(swcError.message);
  }
  err.stack = `${swcError.filename}:${swcError.startLine}\n` +
    `${swcError.snippet}\n${err.stack}`;
  // The stack shows where in the TypeScript the error is: a fatal error
  // must not add the line of lib/ that threw it.
  const { decorated_private_symbol: decorated } =
    internalBinding('util').privateSymbols;
  err[decorated] = true;
  return err;
}

// { code, map } for `source`; `options` as amaro takes them (mode,
// sourceMap, filename).
function transform(source, options) {
  const run = amaroTransform();
  try {
    return run(source, options);
  } catch (thrown) {
    const swcCode = thrown?.code;
    if (swcCode === 'UnsupportedSyntax' || swcCode === 'InvalidSyntax') {
      throw typeScriptError(thrown);
    }
    // Anything else is swc failing, not the user's code: an internal
    // error, with swc's own words when it gave some.
    let detail;
    if (typeof thrown === 'string') {
      detail = thrown;
    } else if (thrown != null &&
               ObjectPrototypeHasOwnProperty(thrown, 'message')) {
      detail = thrown.message;
    }
    throw new ERR_INTERNAL_ASSERTION(detail);
  }
}

// The JavaScript to run: with the source map inlined when there is one,
// else named after `filename` (when given) for stack traces and debuggers.
function toJavaScript(source, options) {
  const { code, map } = transform(source, options);
  if (map) {
    const { Buffer } = require('buffer');
    const encoded = Buffer.from(map).toString('base64');
    return `${code}\n\n//# sourceMappingURL=data:application/json;base64,` +
      encoded;
  }
  if (options.filename) {
    return `${code}\n\n//# sourceURL=${options.filename}`;
  }
  return code;
}

// module.stripTypeScriptTypes(code[, { mode, sourceMap, sourceUrl }]).
function stripTypeScriptTypes(code, options = kEmptyObject) {
  emitExperimentalWarning('stripTypeScriptTypes');
  validateString(code, 'code');
  validateObject(options, 'options');
  const { sourceMap = false, sourceUrl = '' } = options;
  let { mode = 'strip' } = options;
  validateOneOf(mode, 'options.mode', ['strip', 'transform']);
  validateBoolean(sourceMap, 'options.sourceMap');
  validateString(sourceUrl, 'options.sourceUrl');
  // Stripping keeps every position, so it takes no source map; amaro
  // calls that mode 'strip-only'.
  if (mode === 'strip') {
    if (sourceMap) {
      validateOneOf(sourceMap, 'options.sourceMap', [false, undefined]);
    }
    mode = 'strip-only';
  }
  return toJavaScript(code, { mode, sourceMap, filename: sourceUrl });
}

// What the module loaders and --eval run for TypeScript `source` from
// `filename` (a path, a file: URL or '[eval]'). With the compile cache on,
// a file's JavaScript is kept there (per mode, and whether it carries a
// source map), so that a later run does not call amaro for it again.
function stripTypeScriptModuleTypes(source, filename) {
  if (typeof source !== 'string') throw new ERR_INTERNAL_ASSERTION();
  if (isUnderNodeModules(filename)) {
    throw new ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING(filename);
  }
  const mode = modeForLoaders();
  const sourceMap = getOptionValue('--enable-source-maps');
  const {
    getTranspiled, keepTranspiled, transpileKinds,
  } = internalBinding('compile_cache');
  let kind;
  if (mode !== 'transform') {
    kind = transpileKinds.STRIPPED;
  } else if (sourceMap) {
    kind = transpileKinds.TRANSFORMED_WITH_SOURCE_MAPS;
  } else {
    kind = transpileKinds.TRANSFORMED;
  }
  // (--eval code is kept too, as '[eval]': the key covers the source.)
  const cached = getTranspiled(source, filename, kind);
  if (typeof cached === 'string') return cached;
  const code = toJavaScript(source, { mode, sourceMap, filename });
  // null: the cache is on and had nothing for this file.
  if (cached === null) keepTranspiled(source, filename, kind, code);
  return code;
}

module.exports = {
  stripTypeScriptModuleTypes,
  stripTypeScriptTypes,
};
