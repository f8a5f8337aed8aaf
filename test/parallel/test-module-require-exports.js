'use strict';
// "exports" in package.json: conditions, subpaths, patterns, null targets
// and the errors for subpaths a package does not export.
require('../common');
const assert = require('assert');
const path = require('path');
const fixtures = require('../common/fixtures');

const root = fixtures.path('packages');
const pkgDir = path.join(root, 'node_modules', 'pkg-exports');
const pkgJson = path.join(pkgDir, 'package.json');
const { require: load } = require(path.join(root, 'loader.js'));

// "." with import/require/default: require() picks "require", and "exports"
// takes precedence over "main".
assert.strictEqual(load('pkg-exports'), 'main-require');
assert.strictEqual(load.resolve('pkg-exports'),
                   path.join(pkgDir, 'lib', 'main-require.js'));

// "node" matches before "default".
assert.strictEqual(load('pkg-exports/sub'), 'sub-node');
assert.strictEqual(load.resolve('pkg-exports/sub'),
                   path.join(pkgDir, 'lib', 'sub-node.js'));

// Conditions are tried in object order: "default" listed first wins.
assert.strictEqual(load('pkg-exports/first-match'), 'sub-default');

// Subpath patterns.
assert.strictEqual(load('pkg-exports/features/a.js'), 'feature a');
assert.strictEqual(load('pkg-exports/features/b.js'), 'feature b');
assert.strictEqual(load.resolve('pkg-exports/features/a.js'),
                   path.join(pkgDir, 'src', 'features', 'a.js'));

// An exported package.json.
assert.strictEqual(load('pkg-exports/package.json').name, 'pkg-exports');
assert.strictEqual(load.resolve('pkg-exports/package.json'), pkgJson);

function notExported(subpath) {
  return {
    name: 'Error',
    code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    message: `Package subpath '${subpath}' is not defined by "exports" in ` +
             pkgJson,
  };
}

// No extension search through "exports".
assert.throws(() => load('pkg-exports/features/a'),
              notExported('./features/a'));
// A null target hides a part of a pattern.
assert.throws(() => load('pkg-exports/features/private/secret.js'),
              notExported('./features/private/secret.js'));
// Files that exist but are not exported.
assert.throws(() => load('pkg-exports/lib/main-field.js'),
              notExported('./lib/main-field.js'));
assert.throws(() => load.resolve('pkg-exports/nothing'),
              notExported('./nothing'));
assert.throws(() => load('pkg-exports/nothing'), (err) => {
  assert.strictEqual(String(err),
                     'Error [ERR_PACKAGE_PATH_NOT_EXPORTED]: ' +
                     notExported('./nothing').message);
  assert.strictEqual(err.requireStack, undefined);
  return true;
});

// A package exporting only subpaths has no main entry point.
const noDotJson = path.join(root, 'node_modules', 'pkg-no-dot', 'package.json');
assert.throws(() => load('pkg-no-dot'), {
  name: 'Error',
  code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
  message: `No "exports" main defined in ${noDotJson}`,
});
assert.strictEqual(load('pkg-no-dot/only'), 'only');

// Absolute paths bypass "exports".
assert.strictEqual(require(path.join(pkgDir, 'lib', 'main-field.js')),
                   'main-field');
assert.strictEqual(require(pkgJson).name, 'pkg-exports');
