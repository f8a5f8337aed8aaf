'use strict';

// The format of a module URL as far as its name (and, for a .js file
// without "type", its source) tells: what the default resolve step reports
// and the default load step starts from.

const {
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
} = primordials;

const { fileURLToPath, URL } = require('internal/url');

const extensionFormatMap = {
  '__proto__': null,
  '.cjs': 'commonjs',
  '.js': 'module',
  '.json': 'json',
  '.mjs': 'module',
  '.wasm': 'wasm',
  '.ts': 'module-typescript',
  '.mts': 'module-typescript',
  '.cts': 'commonjs-typescript',
};

// The extension of a URL's last path segment, as path.extname gives it.
function extname(url) {
  const { pathname } = url;
  const base = StringPrototypeSlice(pathname,
                                    StringPrototypeLastIndexOf(pathname, '/') +
                                    1);
  const dot = StringPrototypeLastIndexOf(base, '.');
  if (dot <= 0 || base === '..') return '';
  return StringPrototypeSlice(base, dot);
}

let loaderInternals;
function internals() {
  loaderInternals ??= require('internal/modules/esm/loader').internals;
  return loaderInternals;
}

function sourceString(source) {
  if (source == null || typeof source === 'string') return source;
  return require('buffer').Buffer.from(source).toString();
}

function fileFormat(url, context, ignoreErrors) {
  const filename = fileURLToPath(url);
  let format;
  try {
    format = internals().formatOfFile(filename);
  } catch (err) {
    if (ignoreErrors && err?.code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      return undefined;
    }
    throw err;
  }
  if (format !== 'commonjs-or-module' && format !== 'typescript') {
    return format;
  }
  // No "type": the syntax decides, when the source is at hand.
  const source = sourceString(context?.source);
  if (source == null) return null;
  if (format === 'typescript') {
    return internals().typeScriptFormat(source, filename);
  }
  return internals().containsModuleSyntax(source, filename) ?
    'module' : 'commonjs';
}

function getFormat(url, context, ignoreErrors) {
  if (typeof url === 'string') url = new URL(url);
  const { protocol } = url;
  if (protocol === 'node:') return 'builtin';
  if (protocol === 'data:') {
    return internals().parseDataURL(url.href, false).format ?? null;
  }
  if (protocol === 'file:') return fileFormat(url, context, ignoreErrors);
  return null;
}

// The format of `url` (a URL); an unknown file extension throws
// ERR_UNKNOWN_FILE_EXTENSION.
function defaultGetFormat(url, context) {
  return getFormat(url, context, false);
}

// The same, undefined for an unknown file extension.
function defaultGetFormatWithoutErrors(url, context) {
  return getFormat(url, context, true);
}

module.exports = {
  defaultGetFormat,
  defaultGetFormatWithoutErrors,
  extensionFormatMap,
  extname,
};
