'use strict';
// ES module details: live bindings of builtins (module.syncBuiltinESMExports),
// the unsettled top-level await warning and exit code 13, top-level await
// that V8 10.2 reports as another syntax error in a script, and
// import.meta.resolve with a parent URL.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const { syncBuiltinESMExports } = require('module');

function run(args) {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runModule(source, flags = []) {
  return run([...flags, '--input-type=module', '-e', source]);
}

(async () => {
  const fs = require('fs');
  const ns = await import('node:fs');
  const original = fs.readFile;
  const replacement = () => 'replaced';
  fs.readFile = replacement;
  assert.strictEqual(ns.readFile, original);
  syncBuiltinESMExports();
  assert.strictEqual(ns.readFile, replacement);
  delete fs.readFile;
  syncBuiltinESMExports();
  assert.strictEqual(ns.readFile, undefined);
  fs.readFile = original;
  syncBuiltinESMExports();
  assert.strictEqual(ns.readFile, original);
  assert.strictEqual(ns.default, fs);
})().then(() => {
  // Unsettled top-level await: the warning shows the await.
  let r = runModule('let x = 1;\n  await new Promise(() => {});');
  assert.strictEqual(r.status, 13);
  assert.strictEqual(r.stdout, '');
  assert.match(r.stderr, /^Warning: Detected unsettled top-level await at file:\/\/.*\/\[eval1\]:2\n  await new Promise\(\(\) => \{\}\);\n  \^\n/);

  r = runModule('process.on("exit", (c) => console.log(c));' +
                'await new Promise(() => {});', ['--no-warnings']);
  assert.deepStrictEqual(r, { status: 13, stdout: '13\n', stderr: '' });

  r = runModule('process.exitCode = 42; await new Promise(() => {});');
  assert.deepStrictEqual(r, { status: 42, stdout: '', stderr: '' });

  // Top-level await detected in --eval code without --input-type.
  r = run(['-e', 'function f(x) { console.log(x); }; f(await 7);']);
  assert.deepStrictEqual(r, { status: 0, stdout: '7\n', stderr: '' });
  r = run(['-e', 'f(await 7 8);']);
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /SyntaxError: missing \) after argument list/);

  // import.meta.resolve: schemes it does not load, folders, parent URLs.
  r = runModule('console.log(import.meta.resolve("http://a.test/x"));' +
                'console.log(import.meta.resolve("./dir/", "file:///a/b"));' +
                'try { import.meta.resolve("x", 1) } catch (e) {' +
                '  console.log(e.code) }' +
                'await import("data:text/javascript,import.meta.resolve(\'y\')")' +
                '  .catch((e) => console.log(e.code));',
                ['--experimental-import-meta-resolve']);
  assert.deepStrictEqual(r, {
    status: 0,
    stdout: 'http://a.test/x\nfile:///a/dir/\nERR_INVALID_ARG_TYPE\n' +
            'ERR_UNSUPPORTED_RESOLVE_REQUEST\n',
    stderr: '',
  });
});
