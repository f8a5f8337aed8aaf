'use strict';
// require() of ES modules and CommonJS seen from ES modules: what require()
// returns (the namespace, __esModule: true next to a default export, the
// 'module.exports' export), the cycles it refuses (ERR_REQUIRE_CYCLE_MODULE),
// the "module-sync" condition, the names import finds in CommonJS (through
// cjs-module-lexer, re-exports included), the hint of a missing named
// export of CommonJS, --trace-require-module and
// --experimental-print-required-tla.
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { isModuleNamespaceObject } = require('util/types');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const dir = tmpdir.path;
function write(name, text) {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}
function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// A default export: the namespace gains __esModule: true, still a namespace.
{
  const ns = require(write('with-default.mjs',
                           'export default 1; export const x = 2;'));
  assert(isModuleNamespaceObject(ns));
  assert.strictEqual(ns.__esModule, true);
  assert.strictEqual(ns.default, 1);
  assert.strictEqual(ns.x, 2);
  assert.strictEqual(require(path.join(dir, 'with-default.mjs')), ns);
}
// Without a default export: the plain namespace.
{
  const ns = require(write('named-only.mjs', 'export const y = 3;'));
  assert(isModuleNamespaceObject(ns));
  assert.strictEqual(ns.__esModule, undefined);
  assert.deepStrictEqual(Object.keys(ns), ['y']);
}
// export { x as 'module.exports' }: that value is what require() returns.
{
  write('as-cjs.mjs', 'const f = () => 42; export { f as "module.exports" };');
  assert.strictEqual(require(path.join(dir, 'as-cjs.mjs'))(), 42);
}

// Names of CommonJS modules, re-exports and escapes included.
{
  write('base.cjs', 'exports.a = 1; exports["\\u{1F310}"] = 2;\n' +
        'exports["\\u{D83C}"] = 3;\n');
  write('reexport.cjs', 'module.exports = require("./base.cjs");\n');
  write('literal.cjs',
        'const c = 1; module.exports = { b: "not a name", c };\n');
  write('names.mjs', [
    'import * as ns from "./reexport.cjs";',
    'import * as lit from "./literal.cjs";',
    'console.log(JSON.stringify(Object.keys(ns)));',
    'console.log(JSON.stringify(Object.keys(lit)));',
  ].join('\n'));
  const r = run(['names.mjs']);
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.stdout,
                     '["a","default","module.exports","🌐"]\n' +
                     '["default","module.exports"]\n');
}
// A named import CommonJS does not provide: Node's hint.
{
  write('cjs-named.cjs', 'module.exports = { x: 1 };');
  write('bad-named.mjs', 'import { x as y } from "./cjs-named.cjs";');
  const r = run(['bad-named.mjs']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /SyntaxError: Named export 'x' not found\. The requested module '\.\/cjs-named\.cjs' is a CommonJS module/);
  assert.match(r.stderr, /import pkg from '\.\/cjs-named\.cjs';\nconst { x: y } = pkg;/);
}

// Cycles through require() of an ES module.
{
  write('cycle/a.mjs', 'import "./b.cjs";');
  write('cycle/b.cjs', 'require("./a.mjs");');
  let r = run(['cycle/a.mjs']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /Error \[ERR_REQUIRE_CYCLE_MODULE\]: Cannot require\(\) ES Module .*a\.mjs in a cycle\. \(from .*b\.cjs\)/);
  r = run(['cycle/b.cjs']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /Cannot import CommonJS Module \.\/b\.cjs in a cycle\. \(from .*a\.mjs\)/);
  write('cycle/c.mjs', 'import "./d.cjs";');
  write('cycle/d.cjs', 'require("./e.mjs");');
  write('cycle/e.mjs', 'import "./c.mjs";');
  r = run(['cycle/c.mjs']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /Cannot import Module \.\/c\.mjs in a cycle\. \(from .*e\.mjs\)/);
}

// "module-sync" applies to import and require().
{
  write('node_modules/sync/package.json', JSON.stringify({
    exports: { 'module-sync': './m.mjs', 'default': './d.cjs' },
  }));
  write('node_modules/sync/m.mjs', 'export const which = "module-sync";');
  write('node_modules/sync/d.cjs', 'exports.which = "default";');
  write('use-sync.cjs', 'console.log(require("sync").which);');
  assert.strictEqual(run(['use-sync.cjs']).stdout, 'module-sync\n');
  assert.strictEqual(run(['--no-experimental-require-module', 'use-sync.cjs'])
    .stdout, 'default\n');
}

// --trace-require-module and --experimental-print-required-tla.
{
  write('req.cjs', 'require("./named-only.mjs");');
  let r = run(['--trace-require-module=all', 'req.cjs']);
  assert.match(r.stderr, /ExperimentalWarning: CommonJS module .*req\.cjs is loading ES Module .*named-only\.mjs using require\(\)\.\nSupport for loading ES Module in require\(\) is an experimental feature/);
  r = run(['--trace-require-module=bad', 'req.cjs']);
  assert.strictEqual(r.status, 9);
  assert.match(r.stderr, /invalid value for --trace-require-module/);
  write('tla.mjs', 'console.log("ran");\n  await new Promise(() => {});\n');
  write('req-tla.cjs', 'require("./tla.mjs");');
  r = run(['--experimental-print-required-tla', 'req-tla.cjs']);
  assert.strictEqual(r.status, 1);
  assert.strictEqual(r.stdout, 'ran\n');
  assert.match(r.stderr, /Error: unexpected top-level await at file:.*tla\.mjs:2\n {2}await new Promise\(\(\) => {}\);\n {2}\^/);
  assert.match(r.stderr, /ERR_REQUIRE_ASYNC_MODULE/);
}

// A CommonJS main: ES module syntax gets Node's note; an error thrown at
// run time is shown where it was thrown.
{
  write('esm-syntax.cjs', 'import "x";\n');
  let r = run(['esm-syntax.cjs']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /Warning: Failed to load the ES module: .*esm-syntax\.cjs\. Make sure to set "type": "module"/);
  write('throws.cjs', 'const a = 1;\nthrow new Error("boom");\n');
  r = run(['throws.cjs']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /^.*throws\.cjs:2\nthrow new Error\("boom"\);\n\^\n/);
}

// An ES module that throws while require() evaluates it: the fatal error
// shows the line of the module, not the loader's rethrow.
{
  write('throws.mjs', 'const b = 2;\nthrow new Error("from esm");\n');
  write('req-throws.cjs', 'require("./throws.mjs");');
  const r = run(['req-throws.cjs']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /^file:.*throws\.mjs:2\nthrow new Error\("from esm"\);\n {6}\^\n\nError: from esm/);
}

// --no-experimental-require-module: a .js file of a "type": "module" scope
// written as an ES module gets the import() hint; one only declared an ES
// module by "type" gets the rename-to-.cjs hint.
{
  write('typed/package.json', '{"type": "module"}');
  write('typed/esm.js', 'export const x = 1;\n');
  write('typed/cjs.js', 'module.exports = 1;\n');
  const sep = path.sep === '\\' ? '\\\\' : path.sep;
  for (const [file, hint] of [
    ['esm.js', `Instead change the require of esm\\.js in .*${sep}req-typed\\.cjs to a dynamic import\\(\\) which is available in all CommonJS modules\\.\n`],
    ['cjs.js', 'cjs\\.js is treated as an ES module file as it is a \\.js file whose nearest parent package\\.json contains "type": "module" .*\nInstead either rename cjs\\.js to end in \\.cjs'],
  ]) {
    write('req-typed.cjs', `require("./typed/${file}");`);
    const r = run(['--no-experimental-require-module', 'req-typed.cjs']);
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /Error \[ERR_REQUIRE_ESM\]: require\(\) of ES Module /);
    assert.match(r.stderr, new RegExp(hint));
  }
}
