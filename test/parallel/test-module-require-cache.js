'use strict';
// require.cache, the module object and require.resolve.paths().
require('../common');
const assert = require('assert');
const path = require('path');
const fixtures = require('../common/fixtures');

const root = fixtures.path('packages');
const loaderFile = path.join(root, 'loader.js');

// The main module.
assert.strictEqual(require.main, module);
assert.strictEqual(module.id, '.');
assert.strictEqual(module.filename, __filename);
assert.strictEqual(module.path, __dirname);
assert.strictEqual(module.loaded, false);
assert.strictEqual(module.parent, null);
assert.strictEqual(require.cache[__filename], module);

const loader = require(loaderFile);
const loaderModule = loader.module;
assert.strictEqual(loaderModule.id, loaderFile);
assert.strictEqual(loaderModule.filename, loaderFile);
assert.strictEqual(loaderModule.loaded, true);
assert.strictEqual(loaderModule.parent, module);
assert.ok(module.children.includes(loaderModule));
assert.strictEqual(require.cache[loaderFile], loaderModule);

// Cache keys are absolute file names, for .js and .json alike.
const counterFile = path.join(root, 'counter.js');
const dataFile = path.join(root, 'data.json');
assert.strictEqual(require.cache[counterFile], undefined);
const first = loader.require('./counter');
assert.deepStrictEqual(first, { count: 1 });
assert.strictEqual(require.cache[counterFile].exports, first);
assert.strictEqual(loader.require('./counter.js'), first);
assert.strictEqual(require(counterFile), first);
const data = loader.require('./data.json');
assert.strictEqual(require.cache[dataFile].exports, data);
assert.strictEqual(require.cache[dataFile].id, dataFile);
assert.ok(Object.keys(require.cache).includes(counterFile));
assert.ok(Object.keys(require.cache).every((key) => path.isAbsolute(key)));

// Deleting an entry makes the next require() run the file again.
delete require.cache[counterFile];
const second = loader.require('./counter');
assert.deepStrictEqual(second, { count: 2 });
assert.notStrictEqual(second, first);
assert.strictEqual(require.cache[counterFile].exports, second);
delete globalThis.lodeTestCounter;

// A cache entry made by hand is used without reading the file.
const cjsFile = path.join(root, 'file.cjs');
require.cache[cjsFile] = { id: cjsFile, filename: cjsFile, loaded: true,
                           exports: 'from the cache' };
assert.strictEqual(require(cjsFile), 'from the cache');
assert.strictEqual(loader.require('./file.cjs'), 'from the cache');
delete require.cache[cjsFile];
assert.strictEqual(require(cjsFile).ext, '.cjs');

// module.paths: a node_modules entry per ancestor directory.
const expected = [];
for (let d = root; ; d = path.dirname(d)) {
  expected.push(path.join(d, 'node_modules'));
  if (d === path.dirname(d)) break;
}
assert.deepStrictEqual(loaderModule.paths, expected);
assert.strictEqual(expected[expected.length - 1], '/node_modules');

// require.resolve.paths(): module.paths plus the global folders for bare
// names, the requiring directory for relative ones, null for builtins.
const globalFolders = [];
if (process.env.HOME) {
  globalFolders.push(path.resolve(process.env.HOME, '.node_modules'),
                     path.resolve(process.env.HOME, '.node_libraries'));
}
globalFolders.push(path.resolve(process.execPath, '..', '..', 'lib', 'node'));
if (!process.env.NODE_PATH) {
  assert.deepStrictEqual(loader.require.resolve.paths('pkg-main'),
                         [...expected, ...globalFolders]);
}
assert.deepStrictEqual(loader.require.resolve.paths('./x'), [root]);
assert.deepStrictEqual(loader.require.resolve.paths('../x'), [root]);
assert.strictEqual(require.resolve.paths('fs'), null);
assert.strictEqual(require.resolve.paths('node:fs'), null);
