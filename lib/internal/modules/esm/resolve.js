'use strict';

// The default resolve step of ES module imports, as Node's internals name
// it: defaultResolve() gives { url, format } for a specifier and parent;
// legacyMainResolve() finds a package's entry file from its "main" field.
// The algorithm itself lives in internal/modules/esm/loader.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_URL,
    ERR_MODULE_NOT_FOUND,
  },
} = require('internal/errors');
const { assert } = require('internal/errors');
const {
  fileURLToPath,
  isURL,
  pathToFileURL,
  URL,
} = require('internal/url');
const path = require('path');

let loaderInternals;
function internals() {
  loaderInternals ??= require('internal/modules/esm/loader').internals;
  return loaderInternals;
}

const encodedSepRegEx = /%2F|%5C/i;

// `import()` from code whose parent URL is not a URL string or undefined.
function throwIfInvalidParentURL(parentURL) {
  if (parentURL === undefined) return;
  if (typeof parentURL !== 'string' && !isURL(parentURL)) {
    throw new ERR_INVALID_ARG_TYPE('parentURL', ['string', 'URL'], parentURL);
  }
}

// { url, format } of `specifier` (a string or URL) imported from
// `context.parentURL` (the working directory when there is none); the
// format is what the URL alone tells (null for a .js file without "type").
function defaultResolve(specifier, context = {}) {
  let { parentURL } = context;
  throwIfInvalidParentURL(parentURL);
  parentURL = parentURL === undefined ?
    pathToFileURL(`${process.cwd()}/`).href : `${parentURL}`;
  const url = internals().defaultResolve(`${specifier}`, parentURL);
  const { defaultGetFormatWithoutErrors } =
    require('internal/modules/esm/get_format');
  return {
    __proto__: null,
    url,
    format: defaultGetFormatWithoutErrors(new URL(url), context),
  };
}

// The entry file (a URL) of the package whose package.json is at
// `packageJSONUrl` (a URL), by `packageConfig.main` and then index files.
// `base` (string or URL) names the importer in the error when there is
// none.
function legacyMainResolve(packageJSONUrl, packageConfig, base) {
  assert(isURL(packageJSONUrl));
  const pkgPath = fileURLToPath(new URL('.', packageJSONUrl));
  const main = packageConfig.main;
  const found = internals().findLegacyMain(pkgPath, main);
  if (found !== undefined) return pathToFileURL(found);
  if (typeof base !== 'string' && !isURL(base)) {
    throw new ERR_INVALID_ARG_TYPE('base', ['string', 'URL'], base);
  }
  let baseURL;
  try {
    baseURL = new URL(base);
  } catch {
    throw new ERR_INVALID_URL(`${base}`);
  }
  const from = baseURL.protocol === 'file:' ? fileURLToPath(baseURL) :
    baseURL.href;
  throw new ERR_MODULE_NOT_FOUND(path.resolve(pkgPath, main || 'index.js'),
                                 from, undefined);
}

module.exports = {
  defaultResolve,
  encodedSepRegEx,
  legacyMainResolve,
  throwIfInvalidParentURL,
};
