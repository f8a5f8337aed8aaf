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

// The package.json at the root of the package `specifier` names: the
// base's own package when it names itself, else that of the first
// node_modules/<name> folder from the base's folder up (which need not
// have one): the lookup import makes (esm/loader's findPackage).
function packageRootJSON(specifier, parentURL, internals) {
  const { name } = internals.parsePackageName(specifier, parentURL.href);
  // A base without a hierarchy (the default, data:) cannot have
  // node_modules: new URL() throws ERR_INVALID_URL for it, as in Node.
  const start = fileURLToPath(new URL('./', parentURL));
  const found = internals.findPackage(name, path.resolve(start));
  if (found === undefined) {
    throw new ERR_MODULE_NOT_FOUND(name, fileURLToPath(parentURL), undefined);
  }
  return found.scope !== undefined ? found.scope.data.pjsonPath :
    `${found.pkgPath}/package.json`;
}

module.exports = { findPackageJSON };
