'use strict';
// The ES module loader, through the command line: .mjs entry points,
// imports of ES modules, CommonJS, builtins, packages ("exports" and
// "main") and data: URLs, import.meta, import(), the errors of resolution
// and linking, detection of ES module syntax in a .js without "type",
// --input-type=module, unsettled top-level await, and require(esm).
require('../common');
const assert = require('assert');
const path = require('path');
const { spawnSync } = require('child_process');

const dir = path.join(__dirname, '..', 'fixtures', 'esm');

function run(args, input) {
  const r = spawnSync(process.execPath, args, { cwd: dir, input, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

{
  const r = run(['main.mjs']);
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.status, 0);
  assert.strictEqual(r.stdout,
                     'named 1 1 2 true function expkg-import expkg-sub ' +
                     'mainpkg typemodule 42\ntrue true true true\nnamed\n');
}

function expectError(file, pattern) {
  const r = run([file]);
  assert.strictEqual(r.status, 1, file);
  assert.match(r.stderr, pattern);
}

expectError('missing-export.mjs',
            /SyntaxError: The requested module '\.\/dep\.mjs' does not provide an export named 'missing'/);
expectError('not-found.mjs',
            new RegExp('Error \\[ERR_MODULE_NOT_FOUND\\]: Cannot find module ' +
                       `'${dir}/nope.mjs' imported from ${dir}/not-found.mjs`));
expectError('not-exported.mjs',
            /Error \[ERR_PACKAGE_PATH_NOT_EXPORTED\]: Package subpath '\.\/hidden' is not defined by "exports" in .*expkg\/package\.json imported from /);
expectError('dir-import.mjs',
            /Error \[ERR_UNSUPPORTED_DIR_IMPORT\]: Directory import '.*typemodule' is not supported resolving ES modules imported from /);

{
  const r = run(['detect.js']);
  assert.strictEqual(r.stdout, 'detected named\n');
  assert.strictEqual(r.status, 0);
}
{
  const r = run(['require-esm.cjs']);
  assert.strictEqual(r.stdout,
                     'required named\nERR_REQUIRE_ASYNC_MODULE\nimported named\n');
  assert.strictEqual(r.status, 0);
}
{
  const r = run(['tla/unsettled.mjs']);
  assert.strictEqual(r.status, 13);
  assert.match(r.stderr, /^Warning: Detected unsettled top-level await at file:/);
}
{
  const r = run(['--input-type=module', '-e',
                 'import { named } from "./dep.mjs"; console.log(named, typeof require)']);
  assert.strictEqual(r.stdout, 'named undefined\n');
  assert.strictEqual(r.status, 0);
}
{
  const r = run(['--input-type=module'],
                'const m = await import("./dep.mjs"); console.log(m.named)');
  assert.strictEqual(r.stdout, 'named\n');
}
{
  // import() from CommonJS code.
  const r = run(['-e', 'import("./dep.mjs").then((m) => console.log(m.named))']);
  assert.strictEqual(r.stdout, 'named\n');
}
{
  // Detection also for require() and after a hashbang line.
  const r = run(['require-detect.cjs']);
  assert.strictEqual(r.stdout, 'detected named\nnamed\n');
  assert.strictEqual(run(['shebang-detect.js']).stdout, 'named\n');
}
