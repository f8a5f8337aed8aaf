'use strict';

// Package resolution shared by import and require(): the "exports" and
// "imports" fields of package.json (targets are URLs relative to the
// package; conditions pick among alternatives; "*" patterns), and the
// default resolve step of ES module imports as Node's internals name it:
// defaultResolve() gives { url, format }; legacyMainResolve() finds a
// package's entry file from its "main" field. The rest of the algorithm
// lives in internal/modules/esm/loader.

const {
  ArrayIsArray,
  ArrayPrototypeJoin,
  JSONStringify,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  decodeURIComponent,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_MODULE_SPECIFIER,
    ERR_INVALID_PACKAGE_CONFIG,
    ERR_INVALID_PACKAGE_TARGET,
    ERR_INVALID_URL,
    ERR_MODULE_NOT_FOUND,
    ERR_PACKAGE_IMPORT_NOT_DEFINED,
    ERR_PACKAGE_PATH_NOT_EXPORTED,
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

// --- "exports" and "imports" ---------------------------------------------

// A URL or path of the importer, as error messages name it.
function baseName(base) {
  if (base === undefined || base === null) return undefined;
  const href = `${base}`;
  if (StringPrototypeStartsWith(href, 'file:')) return fileURLToPath(href);
  return href;
}

function packageDir(packageJSONUrl) {
  return fileURLToPath(new URL('.', packageJSONUrl));
}

function decodeSegment(segment) {
  try {
    return StringPrototypeToLowerCase(decodeURIComponent(segment));
  } catch {
    return StringPrototypeToLowerCase(segment);
  }
}

// 'invalid' when a path (of a target or what a pattern matched) has a
// ".", ".." or "node_modules" segment, percent-encoded or not; 'empty'
// when it only has empty ones (deprecated: double or edge slashes).
function badSegments(str) {
  const segments = StringPrototypeSplit(str, /[/\\]/);
  let empty = false;
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === '') {
      empty = true;
      continue;
    }
    const s = decodeSegment(segments[i]);
    if (s === '.' || s === '..' || s === 'node_modules') return 'invalid';
  }
  return empty ? 'empty' : null;
}

function emitSegmentDeprecation(target, request, match, packageJSONUrl,
                                internal, base, isTarget) {
  const double = RegExpPrototypeExec(/[/\\][/\\]/,
                                     isTarget ? target : request) !== null;
  const from = base ? ` imported from ${baseName(base)}` : '';
  process.emitWarning(
    `Use of deprecated ${double ? 'double slash' :
      'leading or trailing slash matching'} resolving "${target}" for ` +
    `module request "${request}" ` +
    `${request !== match ? `matched to "${match}" ` : ''}in the ` +
    `"${internal ? 'imports' : 'exports'}" field module resolution of the ` +
    `package at ${fileURLToPath(packageJSONUrl)}${from}.`,
    'DeprecationWarning', 'DEP0166');
}

function invalidTarget(match, target, packageJSONUrl, internal, base) {
  return new ERR_INVALID_PACKAGE_TARGET(
    `${packageDir(packageJSONUrl)}`, match, target, internal, baseName(base));
}

function replaceStars(str, value) {
  return ArrayPrototypeJoin(StringPrototypeSplit(str, '*'), value);
}

function isURLString(str) {
  try {
    new URL(str);
    return true;
  } catch {
    return false;
  }
}

function resolveTargetString(packageJSONUrl, target, subpath, match, base,
                             pattern, internal, isPathMap, conditions) {
  if (subpath !== '' && !pattern && !StringPrototypeEndsWith(target, '/')) {
    throw invalidTarget(match, target, packageJSONUrl, internal, base);
  }
  if (!StringPrototypeStartsWith(target, './')) {
    // An "imports" target may name another package.
    if (internal && !StringPrototypeStartsWith(target, '../') &&
        !StringPrototypeStartsWith(target, '/') && !isURLString(target)) {
      const request = pattern ? replaceStars(target, subpath) :
        target + subpath;
      return internals().packageResolve(request, packageJSONUrl.href,
                                        conditions);
    }
    throw invalidTarget(match, target, packageJSONUrl, internal, base);
  }
  const targetProblem = badSegments(StringPrototypeSlice(target, 2));
  if (targetProblem === 'invalid') {
    throw invalidTarget(match, target, packageJSONUrl, internal, base);
  }
  if (targetProblem === 'empty' && !isPathMap) {
    emitSegmentDeprecation(pattern ? replaceStars(target, subpath) : target,
                           match, match, packageJSONUrl, internal, base,
                           true);
  }
  const resolved = new URL(target, packageJSONUrl);
  const packagePath = new URL('.', packageJSONUrl).pathname;
  if (!StringPrototypeStartsWith(resolved.pathname, packagePath)) {
    throw invalidTarget(match, target, packageJSONUrl, internal, base);
  }
  if (subpath === '') return resolved;
  const subpathProblem = badSegments(subpath);
  if (subpathProblem !== null) {
    const request = pattern ?
      StringPrototypeSlice(match, 0, StringPrototypeIndexOf(match, '*')) +
        subpath +
        StringPrototypeSlice(match, StringPrototypeIndexOf(match, '*') + 1) :
      match + subpath;
    if (subpathProblem === 'invalid') {
      throw new ERR_INVALID_MODULE_SPECIFIER(
        request,
        `request is not a valid match in pattern "${match}" for the ` +
        `"${internal ? 'imports' : 'exports'}" resolution of ` +
        `${fileURLToPath(packageJSONUrl)}`, baseName(base));
    }
    if (!isPathMap) {
      emitSegmentDeprecation(
        pattern ? replaceStars(target, subpath) : target + subpath,
        request, match, packageJSONUrl, internal, base, false);
    }
  }
  if (pattern) return new URL(replaceStars(resolved.href, subpath));
  return new URL(subpath, resolved);
}

function isArrayIndex(key) {
  return RegExpPrototypeExec(/^(0|[1-9][0-9]*)$/, key) !== null &&
    +key < 4294967295;
}

// The URL a target (string, conditions object, fallback array or null)
// leads to: null when it excludes the subpath, undefined when no
// condition matches.
function resolvePackageTarget(packageJSONUrl, target, subpath, match, base,
                              pattern, internal, isPathMap, conditions) {
  if (typeof target === 'string') {
    return resolveTargetString(packageJSONUrl, target, subpath, match, base,
                               pattern, internal, isPathMap, conditions);
  }
  if (ArrayIsArray(target)) {
    if (target.length === 0) return null;
    let lastError;
    for (let i = 0; i < target.length; i++) {
      let resolved;
      try {
        resolved = resolvePackageTarget(packageJSONUrl, target[i], subpath,
                                        match, base, pattern, internal,
                                        isPathMap, conditions);
      } catch (err) {
        lastError = err;
        if (err?.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw err;
      }
      if (resolved === undefined) continue;
      if (resolved === null) {
        lastError = null;
        continue;
      }
      return resolved;
    }
    if (lastError === undefined || lastError === null) return lastError;
    throw lastError;
  }
  if (typeof target === 'object' && target !== null) {
    const keys = ObjectKeys(target);
    for (let i = 0; i < keys.length; i++) {
      if (isArrayIndex(keys[i])) {
        throw new ERR_INVALID_PACKAGE_CONFIG(
          fileURLToPath(packageJSONUrl), base,
          '"exports" cannot contain numeric property keys.');
      }
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === 'default' || conditions.has(key)) {
        const resolved = resolvePackageTarget(
          packageJSONUrl, target[key], subpath, match, base, pattern,
          internal, isPathMap, conditions);
        if (resolved === undefined) continue;
        return resolved;
      }
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidTarget(match, target, packageJSONUrl, internal, base);
}

// Whether "exports" is only the package's main entry: a string, an array
// or an object of conditions; keys of both kinds are an error.
function isConditionalExportsMainSugar(exports, packageJSONUrl, base) {
  if (typeof exports === 'string' || ArrayIsArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  const keys = ObjectKeys(exports);
  let isConditional = false;
  for (let i = 0; i < keys.length; i++) {
    const conditional = keys[i] === '' || keys[i][0] !== '.';
    if (i === 0) {
      isConditional = conditional;
    } else if (isConditional !== conditional) {
      throw new ERR_INVALID_PACKAGE_CONFIG(
        fileURLToPath(packageJSONUrl), base,
        '"exports" cannot contain some keys starting with \'.\' and some ' +
        'not. The exports object must either be an object of package ' +
        'subpath keys or an object of main entry condition name keys only.');
    }
  }
  return isConditional;
}

// Orders "*" keys: longer prefix first, then longer key.
function patternKeyCompare(a, b) {
  const aStar = StringPrototypeIndexOf(a, '*');
  const bStar = StringPrototypeIndexOf(b, '*');
  const baseLengthA = aStar === -1 ? a.length : aStar + 1;
  const baseLengthB = bStar === -1 ? b.length : bStar + 1;
  if (baseLengthA > baseLengthB) return -1;
  if (baseLengthB > baseLengthA) return 1;
  if (aStar === -1) return 1;
  if (bStar === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

// The best "*" key of `map` for `name`: [key, what the "*" matched].
function bestPatternMatch(map, name) {
  let best = '';
  let bestSubpath;
  const keys = ObjectKeys(map);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const star = StringPrototypeIndexOf(key, '*');
    if (star === -1 ||
        !StringPrototypeStartsWith(name, StringPrototypeSlice(key, 0, star))) {
      continue;
    }
    const trailer = StringPrototypeSlice(key, star + 1);
    if (name.length >= key.length &&
        StringPrototypeEndsWith(name, trailer) &&
        patternKeyCompare(best, key) === 1 &&
        StringPrototypeLastIndexOf(key, '*') === star) {
      best = key;
      bestSubpath = StringPrototypeSlice(name, star,
                                         name.length - trailer.length);
    }
  }
  return best === '' ? undefined : [best, bestSubpath];
}

// Once per package and subpath: "./dir/" matched by a "*" pattern.
const trailingSlashWarned = new SafeSet();
function warnTrailingSlashPattern(exports, subpath, packageJSONUrl, base) {
  const keys = ObjectKeys(exports);
  for (let i = 0; i < keys.length; i++) {
    const star = StringPrototypeIndexOf(keys[i], '*');
    if (star === -1 ||
        !StringPrototypeStartsWith(subpath,
                                   StringPrototypeSlice(keys[i], 0, star))) {
      continue;
    }
    const pjsonPath = fileURLToPath(packageJSONUrl);
    const id = `${pjsonPath}|${subpath}`;
    if (trailingSlashWarned.has(id)) return;
    trailingSlashWarned.add(id);
    const from = base ? ` imported from ${baseName(base)}` : '';
    process.emitWarning(
      `Use of deprecated trailing slash pattern mapping "${subpath}" in the ` +
      `"exports" field module resolution of the package at ${pjsonPath}` +
      `${from}. Mapping specifiers ending in "/" is no longer supported.`,
      'DeprecationWarning', 'DEP0155');
    return;
  }
}

function exportsNotFound(subpath, packageJSONUrl, base) {
  return new ERR_PACKAGE_PATH_NOT_EXPORTED(packageDir(packageJSONUrl),
                                           subpath, baseName(base));
}

// The URL "exports" of the package at `packageJSONUrl` gives `subpath`
// ("." or "./x"), imported from `base` (a URL, or undefined for require()).
function packageExportsResolve(packageJSONUrl, subpath, packageConfig, base,
                               conditions) {
  let exports = packageConfig.exports;
  if (isConditionalExportsMainSugar(exports, packageJSONUrl, base)) {
    exports = { '.': exports };
  }
  if (ObjectPrototypeHasOwnProperty(exports, subpath) &&
      !StringPrototypeIncludes(subpath, '*') &&
      !StringPrototypeEndsWith(subpath, '/')) {
    const resolved = resolvePackageTarget(packageJSONUrl, exports[subpath],
                                          '', subpath, base, false, false,
                                          false, conditions);
    if (resolved === null || resolved === undefined) {
      throw exportsNotFound(subpath, packageJSONUrl, base);
    }
    return resolved;
  }
  if (StringPrototypeEndsWith(subpath, '/')) {
    warnTrailingSlashPattern(exports, subpath, packageJSONUrl, base);
  }
  const match = bestPatternMatch(exports, subpath);
  if (match !== undefined) {
    const resolved = resolvePackageTarget(
      packageJSONUrl, exports[match[0]], match[1], match[0], base, true,
      false, StringPrototypeEndsWith(subpath, '/'), conditions);
    if (resolved === null || resolved === undefined) {
      throw exportsNotFound(subpath, packageJSONUrl, base);
    }
    return resolved;
  }
  throw exportsNotFound(subpath, packageJSONUrl, base);
}

// The URL the "imports" of the package around `base` (a file: URL) give
// `name` ("#x").
function packageImportsResolve(name, base, conditions) {
  if (name === '#' || StringPrototypeStartsWith(name, '#/') ||
      StringPrototypeEndsWith(name, '/')) {
    throw new ERR_INVALID_MODULE_SPECIFIER(
      name, 'is not a valid internal imports specifier name', baseName(base));
  }
  let packageJSONUrl;
  const href = base === undefined ? undefined : `${base}`;
  const scope = href !== undefined && StringPrototypeStartsWith(href, 'file:') ?
    require('internal/modules/cjs/loader')
      .readPackageScope(fileURLToPath(href)) : false;
  if (scope) {
    packageJSONUrl = pathToFileURL(`${scope.path}/package.json`);
    const imports = scope.data.imports;
    if (imports !== null && typeof imports === 'object') {
      if (ObjectPrototypeHasOwnProperty(imports, name) &&
          !StringPrototypeIncludes(name, '*')) {
        const resolved = resolvePackageTarget(packageJSONUrl, imports[name],
                                              '', name, base, false, true,
                                              false, conditions);
        if (resolved !== null && resolved !== undefined) return resolved;
      } else {
        const match = bestPatternMatch(imports, name);
        if (match !== undefined) {
          const resolved = resolvePackageTarget(
            packageJSONUrl, imports[match[0]], match[1], match[0], base,
            true, true, false, conditions);
          if (resolved !== null && resolved !== undefined) return resolved;
        }
      }
    }
  }
  throw new ERR_PACKAGE_IMPORT_NOT_DEFINED(
    name, packageJSONUrl && packageDir(packageJSONUrl), baseName(base));
}

module.exports = {
  defaultResolve,
  encodedSepRegEx,
  legacyMainResolve,
  packageExportsResolve,
  packageImportsResolve,
  throwIfInvalidParentURL,
};
