'use strict';

// A CommonJS entry point stays the main module when module.register()
// hooks load it (--import of a file that registers them): require.main and
// process.mainModule are that module, in it and in what it requires, with
// or without the hooks giving its source. As in Node, its id is then its
// path (not '.'), and it has no parent.

require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const dir = tmpdir.path;
fs.writeFileSync(path.join(dir, 'pass.mjs'), `
export async function resolve(specifier, context, next) {
  return next(specifier, context);
}
export async function load(url, context, next) {
  return next(url, context);
}
`);
// This one gives the source of CommonJS itself (the default step leaves it
// to the CommonJS loader).
fs.writeFileSync(path.join(dir, 'source.mjs'), `
import { readFileSync } from 'node:fs';
export async function load(url, context, next) {
  const result = await next(url, context);
  if (result.format === 'commonjs' && result.source == null) {
    result.source = readFileSync(new URL(url));
  }
  return result;
}
`);
for (const hooks of ['pass', 'source']) {
  fs.writeFileSync(path.join(dir, `register-${hooks}.mjs`), `
import { register } from 'node:module';
register('./${hooks}.mjs', import.meta.url);
`);
}
fs.writeFileSync(path.join(dir, 'child.js'),
                 'module.exports = require.main;\n');
fs.writeFileSync(path.join(dir, 'main.js'), `
console.log(JSON.stringify([
  require.main === module,
  process.mainModule === module,
  module.id === __filename,
  module.parent === undefined,
  require('./child.js') === module,
]));
`);

for (const hooks of ['pass', 'source']) {
  const child = spawnSync(process.execPath,
                          ['--import', `./register-${hooks}.mjs`, 'main.js'],
                          { cwd: dir, encoding: 'utf8' });
  assert.strictEqual(child.stderr, '');
  assert.strictEqual(child.stdout, '[true,true,true,true,true]\n', hooks);
  assert.strictEqual(child.status, 0);
}

// Without hooks: the id is '.' and the parent null.
const plain = spawnSync(process.execPath, ['main.js'],
                        { cwd: dir, encoding: 'utf8' });
assert.strictEqual(plain.stderr, '');
assert.strictEqual(plain.stdout, '[true,true,false,false,true]\n');
assert.strictEqual(plain.status, 0);
