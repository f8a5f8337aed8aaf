'use strict';
// Loading packages from node_modules: "main", a directory "main", index.js,
// scoped names and files inside a package.
require('../common');
const assert = require('assert');
const path = require('path');
const fixtures = require('../common/fixtures');

const root = fixtures.path('packages');
const modules = path.join(root, 'node_modules');
// A require() whose lookups start in test/fixtures/packages.
const { require: load } = require(path.join(root, 'loader.js'));

// "main" wins over index.js.
const entry = path.join(modules, 'pkg-main', 'lib', 'entry.js');
assert.deepStrictEqual(load('pkg-main'), { name: 'pkg-main', file: entry });
assert.strictEqual(load.resolve('pkg-main'), entry);
assert.strictEqual(load('pkg-main'), load(entry));

// "main" may name a directory, which resolves to its index.js.
assert.strictEqual(load('pkg-main-dir'), 'pkg-main-dir/lib/index.js');
assert.strictEqual(load.resolve('pkg-main-dir'),
                   path.join(modules, 'pkg-main-dir', 'lib', 'index.js'));

// Without package.json, index.js is the entry point.
const dir = load('pkg-dir');
assert.strictEqual(dir.name, 'pkg-dir');
assert.strictEqual(load.resolve('pkg-dir'),
                   path.join(modules, 'pkg-dir', 'index.js'));

// Files inside a package, with and without an extension.
assert.deepStrictEqual(load('pkg-dir/data.json'),
                       { kind: 'json', list: [1, 2, 3] });
assert.strictEqual(load('pkg-dir/data'), load('pkg-dir/data.json'));
assert.strictEqual(load.resolve('pkg-dir/data'),
                   path.join(modules, 'pkg-dir', 'data.json'));
assert.strictEqual(load('pkg-main/lib/entry'), load('pkg-main'));
assert.strictEqual(load('pkg-main/index.js').name, 'pkg-main index');

// Scoped package.
assert.strictEqual(load('@scope/pkg'), '@scope/pkg');
assert.strictEqual(load.resolve('@scope/pkg'),
                   path.join(modules, '@scope', 'pkg', 'main.js'));

// A module inside node_modules looks in its own node_modules first, then
// walks up, never producing a node_modules/node_modules entry.
const expectedPaths = [];
for (let d = path.join(modules, 'pkg-dir'); ; d = path.dirname(d)) {
  if (path.basename(d) !== 'node_modules') {
    expectedPaths.push(path.join(d, 'node_modules'));
  }
  if (d === path.dirname(d)) break;
}
assert.deepStrictEqual(dir.paths, expectedPaths);
assert.strictEqual(dir.paths[0], path.join(modules, 'pkg-dir', 'node_modules'));
assert.strictEqual(dir.paths[1], modules);
assert.strictEqual(dir.paths[dir.paths.length - 1], '/node_modules');

// The paths option replaces the lookup start.
assert.strictEqual(require.resolve('pkg-main', { paths: [root] }), entry);
const searchPaths = [path.join(root, 'nested'), root];
assert.strictEqual(require.resolve('./data', { paths: searchPaths }),
                   path.join(root, 'data.json'));
assert.throws(() => require.resolve('pkg-main', { paths: ['/'] }), {
  code: 'MODULE_NOT_FOUND',
  message: "Cannot find module 'pkg-main'\nRequire stack:\n- " + __filename,
});

// The test file itself cannot see the fixture packages.
assert.throws(() => require('pkg-main'), {
  code: 'MODULE_NOT_FOUND',
  message: "Cannot find module 'pkg-main'\nRequire stack:\n- " + __filename,
  requireStack: [__filename],
});
