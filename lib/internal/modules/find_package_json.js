'use strict';

// module.findPackageJSON(specifier[, base]): the path of the package.json
// that governs what `specifier` names from `base` (a path or URL; for
// CommonJS __filename, for ES modules import.meta.url). A bare specifier
// ('pkg', 'pkg/sub', '@scope/pkg') gives its package's root package.json:
// the base's own package when it names itself, else the node_modules
// lookup alone finds it (the package's entry is not resolved, its
// package.json need not exist); any other specifier is
// resolved as import would resolve it, and the answer is the nearest
// package.json above the result, or undefined.

const {
  StringPrototypeCharAt,
} = primordials;

const {
  codes: { ERR_MISSING_ARGS, ERR_MODULE_NOT_FOUND },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const {
  fileURLToPath,
  isURL,
  pathToFileURL,
  URL,
} = require('internal/url');
const path = require('path');

function findPackageJSON(specifier, base = 'data:') {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('specifier');
  try {
    specifier = `${specifier}`;
  } catch {
    validateString(specifier, 'specifier');
  }
  let parentURL = base;
  if (!isURL(parentURL)) {
    validateString(parentURL, 'base');
    parentURL = path.isAbsolute(parentURL) ?
      pathToFileURL(parentURL) : new URL(parentURL);
  }
  const { internals } = require('internal/modules/esm/loader');
  const first = StringPrototypeCharAt(specifier, 0);
  if (specifier !== '' && first !== '.' && first !== '/' &&
      !URL.canParse(specifier)) {
    return packageRootJSON(specifier, parentURL, internals);
  }
  let target;
  try {
    target = internals.defaultResolve(specifier, parentURL.href);
  } catch (err) {
    // A folder has a nearest package.json too.
    if (err?.code !== 'ERR_UNSUPPORTED_DIR_IMPORT') throw err;
    target = err.url;
  }
  const { readPackageScope } = require('internal/modules/cjs/loader');
  const scope = readPackageScope(fileURLToPath(target));
  return scope ? scope.data.pjsonPath : undefined;
}

// <dir>/node_modules/<name>/package.json for the first folder, from the
// base's own up to the root, that has that package folder.
function packageRootJSON(specifier, parentURL, internals) {
  const { name } = internals.parsePackageName(specifier, parentURL.href);
  // A base without a hierarchy (the default, data:) cannot have
  // node_modules: new URL() throws ERR_INVALID_URL for it, as in Node.
  const start = fileURLToPath(new URL('./', parentURL));
  const { Module, readPackageScope } = require('internal/modules/cjs/loader');
  // A package naming itself (with "exports", as import's self-reference
  // requires) is its own root.
  const scope = readPackageScope(`${start}x`);
  if (scope && scope.data.name === name && scope.data.exports != null) {
    return scope.data.pjsonPath;
  }
  let dir = path.resolve(start);
  while (true) {
    const folder = path.join(dir, 'node_modules', name);
    if (Module._stat(folder) === 1) return path.join(folder, 'package.json');
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new ERR_MODULE_NOT_FOUND(name, fileURLToPath(parentURL), undefined);
}

module.exports = { findPackageJSON };
