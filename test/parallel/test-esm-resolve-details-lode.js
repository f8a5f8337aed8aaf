'use strict';

// ES module resolution details that match Node 24: the CommonJS hint of a
// module that is not found, a module URL set as an own property, loader
// hooks given URLs of foreign schemes, the format resolve reports for a file
// whose format depends on its source, --input-type refused for a main file,
// --check loading --import modules first, and Module.runMain() through the
// hooks.

require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const dir = tmpdir.path;
const write = (name, text) => {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
};
const run = (args) => spawnSync(process.execPath, args, { cwd: dir,
                                                          encoding: 'utf8' });

write('lib.js', 'module.exports = 1;\n');
write('node_modules/pkg/package.json', '{"name":"pkg"}');
write('node_modules/pkg/a b#/x.js', 'module.exports = 2;\n');
write('node_modules/loose.js', 'module.exports = 3;\n');

// The form require() would have found is cited.
for (const [specifier, hint] of [
  ['./lib', './lib.js'],
  ['pkg/a b#/x', 'pkg/a%20b%23/x.js'],
  ['loose.js', `${require('url').pathToFileURL(dir)}/node_modules/loose.js`],
]) {
  const r = run(['--input-type=module', '-e', `import ${JSON.stringify(specifier)}`]);
  assert.match(r.stderr, /ERR_MODULE_NOT_FOUND/);
  assert.ok(r.stderr.includes(`\nDid you mean to import ${JSON.stringify(hint)}?\n`),
            r.stderr);
}
// A package subpath is a URL path: "#" starts its fragment.
{
  const r = run(['--input-type=module', '-e',
                 'import "pkg/a%20b%23/x.js"; console.log("ok")']);
  assert.strictEqual(r.stdout, 'ok\n', r.stderr);
}

// The error's url is its own property: a setter on Object.prototype is not
// run for it, nor for the modules' own URLs.
{
  const r = run(['--input-type=module', '-e', `
    Object.defineProperty(Object.prototype, 'url', {
      get() { throw new Error('get'); }, set() { throw new Error('set'); },
    });
    try { await import('./nowhere.mjs'); } catch (e) {
      console.log(e.code, Object.hasOwn(e, 'url'));
    }
    await import('data:text/javascript,export default 1');
    console.log('done');
  `]);
  assert.strictEqual(r.stdout, 'ERR_MODULE_NOT_FOUND true\ndone\n', r.stderr);
}

// A file: URL with a host names itself and its importer.
{
  const r = run(['--input-type=module', '-e', 'import "file://host/x.js"']);
  assert.match(r.stderr, /ERR_INVALID_FILE_URL_HOST/);
  assert.match(r.stderr, /input: 'file:\/\/host\/x\.js'/);
  assert.match(r.stderr, /module: 'file:\/\/.*\[eval1\]'/);
}

// Loader hooks: the default resolve step returns a URL of a scheme it cannot
// load (the load hook can), and a .js file without "type" has no format yet.
write('hooks.mjs', `
  import { writeSync } from 'node:fs';
  export async function resolve(specifier, context, next) {
    const result = await next(specifier, context);
    writeSync(1, result.url.slice(0, 7) + ' ' + result.format + '\\n');
    return result;
  }
  export async function load(url, context, next) {
    if (url === 'lode://x/main.mjs') {
      return { format: 'module', shortCircuit: true,
               source: 'import v from "./dep.mjs"; console.log(v);' };
    }
    if (url === 'lode://x/dep.mjs') {
      return { format: 'module', shortCircuit: true,
               source: 'export default "dep"' };
    }
    return next(url, context);
  }
`);
write('detect.js', 'export default 1; console.log("ran");\n');
{
  const r = run(['--no-warnings', '--loader', './hooks.mjs',
                 '--input-type=module', '-e', 'import "lode://x/main.mjs"']);
  assert.strictEqual(r.stdout, 'lode:// null\nlode:// null\ndep\n',
                     r.stderr);
  const d = run(['--no-warnings', '--loader', './hooks.mjs', 'detect.js']);
  assert.strictEqual(d.stdout, 'file:// null\nran\n', d.stderr);
  // Module.runMain() goes through the hooks; the module does not run again.
  write('again.mjs',
        'import { runMain } from "node:module"; console.log("main"); runMain();');
  const m = run(['--no-warnings', '--loader', './hooks.mjs', 'again.mjs']);
  assert.deepStrictEqual(
    m.stdout.split('\n').filter((line) => !line.startsWith('node:')),
    ['file:// module', 'main', 'file:// module', ''], m.stderr);
}

// --input-type is for string input only.
{
  write('m.mjs', 'console.log("m")');
  const r = run(['--input-type=module', 'm.mjs']);
  assert.match(r.stderr, /ERR_INPUT_TYPE_NOT_ALLOWED/);
  assert.strictEqual(r.status, 1);
}

// --check runs the --import modules first.
{
  write('pre.mjs', 'console.log("pre")');
  const r = run(['--import', './pre.mjs', '--check', 'm.mjs']);
  assert.strictEqual(r.stdout, 'pre\n', r.stderr);
  assert.strictEqual(r.status, 0);
}

// A hook's context is an ordinary object; importAssertions, the former name
// of importAttributes, is its accessor, with a warning. A load hook's change
// of the attributes is what the default load step checks.
write('keys.mjs', `
  import { writeSync } from 'node:fs';
  const show = (c) => JSON.stringify(Reflect.ownKeys(c)) + ' ' +
    (Object.getPrototypeOf(c) === Object.prototype) + ' ' +
    (Object.getPrototypeOf(c.importAttributes) === Object.prototype);
  export async function resolve(s, c, n) {
    writeSync(1, 'R ' + show(c) + '\\n');
    return n(s, c);
  }
  export async function load(u, c, n) {
    writeSync(1, 'L ' + show(c) + '\\n');
    if (u.startsWith('data:')) c.importAssertions = { type: 'json' };
    return n(u.startsWith('data:') ? 'data:application/json,7' : u, c);
  }
`);
{
  const r = run(['--loader', './keys.mjs', '--input-type=module', '-e',
                 'console.log((await import("data:")).default)']);
  assert.strictEqual(
    r.stdout,
    'R ["conditions","importAttributes","parentURL","importAssertions"] ' +
    'true true\n' +
    'L ["format","importAttributes","importAssertions"] true true\n7\n',
    r.stderr);
  assert.match(r.stderr,
               /ExperimentalWarning: Use `importAttributes` instead of `importAssertions`/);
}

// --entry-url: the entry is a URL relative to the working directory's.
{
  write('entry.mjs', 'console.log(import.meta.url, import.meta.main)');
  const r = run(['--entry-url', 'entry.mjs?q=1#h']);
  assert.strictEqual(
    r.stdout,
    `${require('url').pathToFileURL(dir)}/entry.mjs?q=1#h true\n`, r.stderr);
  assert.match(r.stderr, /--entry-url is an experimental feature/);
  const d = run(['--no-warnings', '--entry-url',
                 'data:text/javascript,console.log(process.argv[1])']);
  assert.strictEqual(d.stdout,
                     'data:text/javascript,console.log(process.argv[1])\n');
  const m = run(['--entry-url', './a%20b.mjs']);
  assert.match(m.stderr, /ERR_MODULE_NOT_FOUND/);
  assert.match(m.stderr, /a b\.mjs' imported from /);
}

// A named import a TypeScript file run as CommonJS lacks: V8's message, not
// the CommonJS explanation (Node gives that for the commonjs format only).
{
  write('types.ts', 'export type T = { a: string };\n');
  write('uses.ts', "import { T } from './types.ts';\n");
  const r = run(['--no-warnings', 'uses.ts']);
  assert.match(r.stderr,
               /SyntaxError: The requested module '\.\/types\.ts' does not provide an export named 'T'/);
}

// A package.json that is not JSON: Node's message, naming the import.
{
  write('node_modules/broken/package.json', '{ "name": }');
  const r = run(['--input-type=module', '-e', 'import "broken"']);
  const json = path.join(dir, 'node_modules/broken/package.json');
  assert.ok(r.stderr.includes(
    `Invalid package config ${json} while importing "broken" from ` +
    `${path.join(dir, '[eval1]')}.`), r.stderr);
  const c = run(['-e', 'require("broken")']);
  assert.ok(c.stderr.includes(`Invalid package config ${json}.\n`), c.stderr);
}
