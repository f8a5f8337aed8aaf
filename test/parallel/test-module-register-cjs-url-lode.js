'use strict';

// A module.register() load hook may give CommonJS source for a URL of its
// own scheme (not file:): the module runs with that URL as __filename, its
// exports are found by the lexer, and require() of a relative path inside
// resolves from the working directory, as in Node.

require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const dir = tmpdir.path;
fs.writeFileSync(path.join(dir, 'hooks.mjs'), `
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('virt:')) return { shortCircuit: true, url: specifier };
  return next(specifier, context);
}
const sources = {
  'virt:a': 'exports.a = 1; exports.f = typeof require + " " + __filename + " " + __dirname;',
  'virt:b': 'module.exports = require("./x.cjs"); module.exports.fromHook = true;',
};
export async function load(url, context, next) {
  if (url in sources) {
    return { shortCircuit: true, format: 'commonjs', source: sources[url] };
  }
  return next(url, context);
}
`);
fs.writeFileSync(path.join(dir, 'x.cjs'), 'exports.x = 1;\n');
fs.writeFileSync(path.join(dir, 'main.mjs'), `
import { register } from 'node:module';
register('./hooks.mjs', import.meta.url);
const a = await import('virt:a');
console.log(JSON.stringify([Object.keys(a), a.f, a.a]));
const b = await import('virt:b');
console.log(JSON.stringify([Object.keys(b), b.x, b.fromHook]));
`);
const child = spawnSync(process.execPath, ['main.mjs'], {
  cwd: dir, encoding: 'utf8',
});
assert.strictEqual(child.stderr, '');
assert.strictEqual(child.stdout,
                   '[["a","default","f","module.exports"],"function virt:a .",1]\n' +
                   '[["default","fromHook","module.exports","x"],1,true]\n');
assert.strictEqual(child.status, 0);
