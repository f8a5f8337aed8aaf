'use strict';
// Loading single files: extensions, .json, .cjs, circular requires and a
// package.json with "type": "commonjs".
require('../common');
const assert = require('assert');
const path = require('path');
const fixtures = require('../common/fixtures');

const root = fixtures.path('packages');
const { require: load } = require(path.join(root, 'loader.js'));

// Only .js, .json and .node are tried, in that order.
assert.deepStrictEqual(Object.keys(require.extensions),
                       ['.js', '.json', '.node']);
assert.strictEqual(load('./both'), 'both.js');
assert.strictEqual(load.resolve('./both'), path.join(root, 'both.js'));
assert.strictEqual(load('./both.json'), 'both.json');

// JSON.
const data = load('./data.json');
assert.deepStrictEqual(data, { answer: 42, nested: { list: ['a', 'b'] } });
assert.strictEqual(load('./data'), data);
assert.strictEqual(require(path.join(root, 'data.json')), data);
assert.throws(() => load('./broken.json'), (err) => {
  assert.ok(err instanceof SyntaxError);
  assert.ok(err.message.startsWith(`${path.join(root, 'broken.json')}: `),
            err.message);
  return true;
});

// .cjs must be named in full.
assert.deepStrictEqual(load('./file.cjs'),
                       { ext: '.cjs', filename: path.join(root, 'file.cjs') });
assert.throws(() => load('./file'), {
  code: 'MODULE_NOT_FOUND',
  message: "Cannot find module './file'\nRequire stack:\n- " +
           `${path.join(root, 'loader.js')}\n- ${__filename}`,
});

// Circular requires see the partly filled exports object.
const a = load('./circular/a');
assert.deepStrictEqual(a, {
  loaded: true,
  fromB: { loaded: true, sawA: { loaded: false, keys: ['loaded'] } },
});
assert.deepStrictEqual(load('./circular/b'), {
  loaded: true,
  sawA: { loaded: false, keys: ['loaded'] },
});
assert.strictEqual(load('./circular/a.js'), a);

// "type": "commonjs" keeps .js files CommonJS.
assert.deepStrictEqual(load('./typed/mod'), {
  thisIsExports: true,
  requireType: 'function',
  dirname: path.join(root, 'typed'),
});

// A directory without index.js or package.json "main".
assert.throws(() => require(path.join(root, 'nested')), {
  code: 'MODULE_NOT_FOUND',
  message: `Cannot find module '${path.join(root, 'nested')}'\n` +
           `Require stack:\n- ${__filename}`,
});
