'use strict';
// TypeScript type stripping, on by default as in Node 24: .ts/.mts/.cts
// files in the CommonJS and ES module loaders with Node's module-type rules,
// --input-type=module-typescript/commonjs-typescript, -e code that only
// compiles once stripped, --experimental-transform-types,
// --no-experimental-strip-types, module.stripTypeScriptTypes(), the errors
// and process.features.typescript / process.versions.amaro.
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const dir = tmpdir.path;

function write(name, text) {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function run(args, input) {
  const r = spawnSync(process.execPath, args,
                      { cwd: dir, encoding: 'utf8', input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(args, stdout, input) {
  const r = run(args, input);
  assert.strictEqual(r.stderr, '', `${args.join(' ')}: ${r.stderr}`);
  assert.strictEqual(r.status, 0);
  assert.strictEqual(r.stdout, stdout);
}

// Files: .ts without "type" is CommonJS unless its stripped code has module
// syntax; .mts is an ES module, .cts CommonJS.
write('cjs.ts', 'const a: number = 1;\n' +
  'interface I { x: string }\n' +
  'console.log(a, typeof require, typeof module);\n');
ok(['cjs.ts'], '1 function object\n');
write('esm.ts', 'const a: number = 2;\n' +
  'type T = string;\n' +
  'console.log(a, typeof require, new URL(import.meta.url).protocol);\n');
ok(['esm.ts'], '2 undefined file:\n');
write('lib.cts', 'const n: number = 3;\nmodule.exports = { n };\n');
write('lib.mts', 'export const m: string = "m";\n');
write('main.mts', 'import { n } from "./lib.cts";\n' +
  'import { m } from "./lib.mts";\n' +
  'import { createRequire } from "node:module";\n' +
  'const require = createRequire(import.meta.url);\n' +
  'console.log(n, m, require("./lib.cts").n, require("./lib.mts").m);\n');
ok(['main.mts'], '3 m 3 m\n');
write('req.cjs', 'console.log(require("./lib.cts").n, require("./lib.mts").m)');
ok(['req.cjs'], '3 m\n');

// "type": "module" makes a .ts an ES module.
write('pkg/package.json', '{ "type": "module" }');
write('pkg/index.ts', 'const x: number = 4;\n' +
  'console.log(x, typeof require);\n');
ok(['pkg/index.ts'], '4 undefined\n');

// A .ts without "type" found to be an ES module: Node's warning about the
// package.json that could say so.
write('typeless/package.json', '{}');
write('typeless/index.ts', 'export const t: number = 5;\nconsole.log(t);\n');
{
  const r = run(['typeless/index.ts']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.strictEqual(r.stdout, '5\n');
  assert.match(r.stderr, /\[MODULE_TYPELESS_PACKAGE_JSON\] Warning: Module type of file:.*typeless\/index\.ts is not specified and it doesn't parse as CommonJS\./);
}

// Stack traces point at the TypeScript file's lines and columns.
write('throws.ts', 'const s: string = "x";\n' +
  'function f(): never { throw new Error("boom"); }\n' +
  'try { f(); } catch (e) { console.log(e.stack.split("\\n")[1]); }\n');
ok(['throws.ts'], `    at f (${path.join(dir, 'throws.ts')}:2:29)\n`);

// Unsupported syntax in strip-only mode; the transform mode handles it.
write('enum.ts', 'enum E { A, B }\nconsole.log(E.B);\n');
{
  const r = run(['enum.ts']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /SyntaxError \[ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX\]: TypeScript enum is not supported in strip-only mode/);
  assert.match(r.stderr, /enum\.ts:1\nenum E \{ A, B \}\n\^+/);
}
{
  const r = run(['--experimental-transform-types', 'enum.ts']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.strictEqual(r.stdout, '1\n');
  assert.match(r.stderr, /ExperimentalWarning: Transform Types is an experimental feature/);
}
write('bad.ts', 'let x: = 1;\n');
{
  const r = run(['bad.ts']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /SyntaxError \[ERR_INVALID_TYPESCRIPT_SYNTAX\]/);
}

// Not under node_modules.
write('node_modules/dep/index.ts', 'export const d: number = 1;\n');
write('usedep.mjs', 'import "./node_modules/dep/index.ts";\n');
{
  const r = run(['usedep.mjs']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /Error \[ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING\]: Stripping types is currently unsupported for files under node_modules, for "/);
}

// Without type stripping a .ts file is JavaScript (and fails to parse).
{
  const r = run(['--no-experimental-strip-types', 'cjs.ts']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /SyntaxError: Missing initializer in const declaration/);
  ok(['--no-experimental-strip-types', '-p', 'process.features.typescript'],
     'false\n');
}

// Code given as a string.
ok(['-e', 'const a: number = 5; console.log(a)'], '5\n');
ok(['-p', 'let s: string = "p"; s'], 'p\n');
ok(['--input-type=module-typescript', '-e',
    'const a: number = 6; console.log(a, typeof require)'], '6 undefined\n');
ok(['--input-type=commonjs-typescript', '-e',
    'const a: number = 7; console.log(a, typeof require)'], '7 function\n');
ok(['-e', 'import { sep } from "node:path"; const a: string = sep;' +
    'console.log(a)'], '/\n');
ok([], '8\n', 'const a: number = 8; console.log(a)');
{
  const r = run(['-e', 'enum E { A }']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /\[eval\]:1\nenum E \{ A \}\n\^+\nTypeScript enum is not supported in strip-only mode\n\nSyntaxError: Unexpected reserved word/);
}
{
  const r = run(['--input-type=foo', '-e', '1']);
  assert.strictEqual(r.status, 9);
  assert.match(r.stderr, /--input-type must be "module","commonjs", "module-typescript" or "commonjs-typescript"/);
}

// The API and the process' own view.
const { stripTypeScriptTypes } = require('module');
assert.strictEqual(stripTypeScriptTypes('const a: number = 1;'),
                   'const a         = 1;');
assert.strictEqual(
  stripTypeScriptTypes('const a: number = 1;', { sourceUrl: 'a.ts' }),
  'const a         = 1;\n\n//# sourceURL=a.ts');
{
  const out = stripTypeScriptTypes('enum E { A }',
                                   { mode: 'transform', sourceMap: true });
  assert.match(out, /E\[E\["A"\] = 0\] = "A"/);
  assert.match(out, /\/\/# sourceMappingURL=data:application\/json;base64,/);
}
assert.throws(() => stripTypeScriptTypes('enum E { A }'), {
  code: 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX',
  name: 'SyntaxError',
  message: 'TypeScript enum is not supported in strip-only mode',
});
assert.throws(() => stripTypeScriptTypes('let x: = 1'), {
  code: 'ERR_INVALID_TYPESCRIPT_SYNTAX',
  name: 'SyntaxError',
});
assert.throws(() => stripTypeScriptTypes(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => stripTypeScriptTypes('', { mode: 'x' }),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => stripTypeScriptTypes('', { sourceMap: true }),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.strictEqual(process.features.typescript, 'strip');
assert.strictEqual(process.versions.amaro, '1.1.5');
ok(['--experimental-transform-types', '-p', 'process.features.typescript'],
   'transform\n');
