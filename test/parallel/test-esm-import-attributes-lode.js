'use strict';
// Flags: --expose-internals
// Import attributes: a JSON module needs `with { type: 'json' }`, other
// formats must not name a type, unknown keys are rejected; a file imported
// with and without a type gives two modules; JSON modules share require()'s
// cache. Also the loader internals Node's tests reach: esm/assert,
// esm/module_map, esm/get_format and esm/resolve; "exports"/"imports"
// targets resolved as URLs ("%20" is a space) with Node's errors.
const common = require('../common');
const fs = require('fs');
const tmpdir = require('../common/tmpdir');
const assert = require('assert');
const path = require('path');
const { pathToFileURL } = require('url');

const jsonFile = path.join(__dirname, '..', 'fixtures', 'packages',
                           'data.json');
const jsonURL = pathToFileURL(jsonFile).href;
const jsURL = 'data:text/javascript,export default 1';

async function main() {
  await assert.rejects(import('data:application/json,1'), {
    name: 'TypeError',
    code: 'ERR_IMPORT_ATTRIBUTE_MISSING',
    message: 'Module "data:application/json,1" needs an import attribute ' +
      'of "type: json"',
  });
  await assert.rejects(import(jsURL, { with: { type: 'json' } }), {
    code: 'ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE',
    message: `Module "${jsURL}" is not of type "json"`,
  });
  await assert.rejects(import(jsURL, { with: { type: 'css' } }), {
    code: 'ERR_IMPORT_ATTRIBUTE_UNSUPPORTED',
    message: `Import attribute "type" with value "css" is not supported in ${jsURL}`,
  });
  await assert.rejects(import(jsURL, { with: { mode: 'x' } }), {
    code: 'ERR_IMPORT_ATTRIBUTE_UNSUPPORTED',
  });
  // The attributes are checked before the unknown MIME type.
  await assert.rejects(import('data:text/css,', { with: { mode: 'x' } }), {
    code: 'ERR_IMPORT_ATTRIBUTE_UNSUPPORTED',
  });
  await assert.rejects(import('data:text/css,', { with: { type: 'css' } }), {
    code: 'ERR_UNKNOWN_MODULE_FORMAT',
  });
  // Static imports carry their attributes too.
  await assert.rejects(
    import(`data:text/javascript,import "${jsURL}" with { type: "json" }`),
    { code: 'ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE' });

  // A JSON file required first: the import gives require()'s object.
  const required = require(jsonFile);
  const ns = await import(jsonURL, { with: { type: 'json' } });
  assert.strictEqual(ns.default, required);
  const again = await import(jsonURL, { with: { type: 'json' } });
  assert.strictEqual(again, ns);

  const { validateAttributes, kImplicitTypeAttribute } =
    require('internal/modules/esm/assert');
  assert.strictEqual(kImplicitTypeAttribute, 'javascript');
  assert.strictEqual(validateAttributes('x:', 'wasm', {}), true);
  assert.strictEqual(validateAttributes('x:', 'made-up', { type: 'x' }), true);
  assert.throws(() => validateAttributes('x:', 'module', { type: 1 }), {
    code: 'ERR_INVALID_ARG_TYPE',
  });

  const { LoadCache, ResolveCache } = require('internal/modules/esm/module_map');
  const cache = new LoadCache();
  assert.throws(() => cache.set('u', undefined, {}), {
    message: /^The "job" argument must be an instance of ModuleJob/,
  });
  assert.strictEqual(new ResolveCache().serializeKey('./a', { b: '1', a: '2' }),
                     './a::"a""2","b""1"');

  const { extname, defaultGetFormat } =
    require('internal/modules/esm/get_format');
  assert.strictEqual(extname(new URL('file:///a/b.c/d')), '');
  assert.strictEqual(extname(new URL('file:///a/.d')), '');
  assert.strictEqual(extname(new URL('file:///a/..d')), '.d');
  assert.strictEqual(defaultGetFormat(new URL(jsonURL)), 'json');
  assert.strictEqual(defaultGetFormat(new URL('node:fs')), 'builtin');

  const { defaultResolve, legacyMainResolve } =
    require('internal/modules/esm/resolve');
  assert.deepStrictEqual({ ...defaultResolve('fs') },
                         { url: 'node:fs', format: 'builtin' });
  assert.throws(() => defaultResolve('no-such-package-anywhere'), {
    code: 'ERR_MODULE_NOT_FOUND',
    message: /^Cannot find package 'no-such-package-anywhere' imported from /,
  });
  const pkgJSON = pathToFileURL(path.join(__dirname, 'package.json'));
  assert.throws(() => legacyMainResolve(pkgJSON, { main: './nope' }, pkgJSON), {
    code: 'ERR_MODULE_NOT_FOUND',
    message: `Cannot find package '${path.join(__dirname, 'nope')}' ` +
      `imported from ${path.join(__dirname, 'package.json')}`,
  });
}

async function packages() {
  tmpdir.refresh();
  const pkg = path.join(tmpdir.path, 'node_modules', 'pkg');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({
    exports: { './space': './sp%20ce.js', './up': '../x.js', './sub/*': './lib/*' },
    imports: { '#self': './sp%20ce.js', '#none': null },
  }));
  fs.writeFileSync(path.join(pkg, 'sp ce.js'), 'module.exports = "space";');
  const importer = path.join(tmpdir.path, 'importer.mjs');
  fs.writeFileSync(importer, 'export default (s) => import(s);');
  const { default: imp } = await import(pathToFileURL(importer).href);
  const req = require('module').createRequire(importer);
  assert.strictEqual(req('pkg/space'), 'space');
  assert.strictEqual((await imp('pkg/space')).default, 'space');
  for (const load of [req, imp]) {
    await assert.rejects(async () => load('pkg/up'), {
      code: 'ERR_INVALID_PACKAGE_TARGET',
      message: /^Invalid "exports" target "\.\.\/x\.js" defined for '\.\/up'/,
    });
    await assert.rejects(async () => load('pkg/sub/../x.js'), {
      code: 'ERR_INVALID_MODULE_SPECIFIER',
      message: /request is not a valid match in pattern "\.\/sub\/\*"/,
    });
  }
  const reqInside = require('module').createRequire(path.join(pkg, 'x.js'));
  assert.strictEqual(reqInside('#self'), 'space');
  assert.throws(() => reqInside('#none'), {
    code: 'ERR_PACKAGE_IMPORT_NOT_DEFINED',
    message: `Package import specifier "#none" is not defined in package ${pkg}/package.json imported from ${path.join(pkg, 'x.js')}`,
  });
  assert.throws(() => reqInside('#/x'), { code: 'ERR_INVALID_MODULE_SPECIFIER' });
}

main().then(packages).then(common.mustCall());
