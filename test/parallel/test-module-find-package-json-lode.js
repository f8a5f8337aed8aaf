'use strict';
// module.findPackageJSON(): a bare specifier's package root package.json
// (by the node_modules lookup, without resolving the package), otherwise
// the nearest package.json above what the specifier resolves to; Node's
// errors for bad arguments. Results checked against Node 24.
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { findPackageJSON } = require('module');
const tmpdir = require('../common/tmpdir');

assert.strictEqual(findPackageJSON.name, 'findPackageJSON');
assert.strictEqual(findPackageJSON.length, 1);

tmpdir.refresh();
const root = tmpdir.resolve('app');
const write = (file, text) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};
write('package.json', '{"name":"app","exports":"./src/lib.js"}');
write('src/deep/main.js', '');
write('src/lib.js', '');
// A package whose "exports" points elsewhere, one without a package.json,
// a scoped one, and a sub-package with its own package.json.
write('node_modules/pkg/package.json', '{"exports":"./sub/index.js"}');
write('node_modules/pkg/sub/package.json', '{"type":"module"}');
write('node_modules/pkg/sub/index.js', '');
fs.mkdirSync(path.join(root, 'node_modules/bare'), { recursive: true });
write('node_modules/@scope/thing/package.json', '{}');
const main = path.join(root, 'src/deep/main.js');
const mainURL = pathToFileURL(main);

// Bare specifiers: the package root, whatever the entry or subpath.
for (const base of [main, mainURL, mainURL.href,
                    path.join(root, 'src/deep') + '/']) {
  assert.strictEqual(findPackageJSON('pkg', base),
                     path.join(root, 'node_modules/pkg/package.json'));
}
assert.strictEqual(findPackageJSON('pkg/sub/index.js', main),
                   path.join(root, 'node_modules/pkg/package.json'));
assert.strictEqual(findPackageJSON('bare', main),
                   path.join(root, 'node_modules/bare/package.json'));
assert.strictEqual(findPackageJSON('@scope/thing', main),
                   path.join(root, 'node_modules/@scope/thing/package.json'));
// A package naming itself (it has "exports") is its own root.
assert.strictEqual(findPackageJSON('app', main),
                   path.join(root, 'package.json'));
assert.strictEqual(findPackageJSON('app/x', main),
                   path.join(root, 'package.json'));

// Anything else: the nearest package.json above the resolved file or
// folder.
assert.strictEqual(findPackageJSON('../lib.js', main),
                   path.join(root, 'package.json'));
assert.strictEqual(findPackageJSON('..', main),
                   path.join(root, 'package.json'));
assert.strictEqual(findPackageJSON(mainURL), path.join(root, 'package.json'));
assert.strictEqual(findPackageJSON(mainURL.href),
                   path.join(root, 'package.json'));
assert.strictEqual(
  findPackageJSON('./node_modules/pkg/sub/index.js', path.join(root, 'x')),
  path.join(root, 'node_modules/pkg/sub/package.json'));
// Converted to a string first.
assert.strictEqual(findPackageJSON({ toString() { return '../lib.js'; } },
                                   main),
                   path.join(root, 'package.json'));
// No package.json above: undefined.
assert.strictEqual(findPackageJSON('.', path.join(tmpdir.path, 'x.js')),
                   undefined);

// Errors.
assert.throws(() => findPackageJSON(), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "specifier" argument must be specified',
});
assert.throws(() => findPackageJSON(Symbol(), main), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "specifier" argument must be of type string. ' +
           'Received type symbol (Symbol())',
});
for (const [base, received] of [[null, 'Received null'],
                                [1, 'Received type number (1)'],
                                [{}, 'Received an instance of Object']]) {
  assert.throws(() => findPackageJSON('./x.js', base), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: `The "base" argument must be of type string. ${received}`,
  });
}
// A relative base is parsed as a URL; the default base (data:) has no
// node_modules.
assert.throws(() => findPackageJSON('./x.js', 'x.js'),
              { code: 'ERR_INVALID_URL', name: 'TypeError' });
assert.throws(() => findPackageJSON('pkg'),
              { code: 'ERR_INVALID_URL', name: 'TypeError' });
assert.throws(() => findPackageJSON('missing', main), {
  code: 'ERR_MODULE_NOT_FOUND',
  message: `Cannot find package 'missing' imported from ${main}`,
});
assert.throws(() => findPackageJSON('@scope', main), {
  code: 'ERR_INVALID_MODULE_SPECIFIER',
  message: 'Invalid module "@scope" is not a valid package name imported ' +
           `from ${main}`,
});
assert.throws(() => findPackageJSON('./nope.js', main), {
  code: 'ERR_MODULE_NOT_FOUND',
});
assert.throws(() => findPackageJSON('node:fs', main), {
  code: 'ERR_INVALID_URL_SCHEME',
});
