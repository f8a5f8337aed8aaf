'use strict';

// The require() of CommonJS whose source a module.register() load hook
// gave checks its argument as Node's does: a non-string is reported as the
// "path" argument (require.resolve() alike), and undefined, null or a
// symbol fail on the look for a node: prefix. An empty string is not
// found. Without hooks the argument is "id".

require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const dir = tmpdir.path;
fs.writeFileSync(path.join(dir, 'hooks.mjs'), `
import { readFileSync } from 'node:fs';
export async function load(url, context, next) {
  const result = await next(url, context);
  if (result.format === 'commonjs' && result.source == null) {
    result.source = readFileSync(new URL(url));
  }
  return result;
}
`);
fs.writeFileSync(path.join(dir, 'register.mjs'), `
import { register } from 'node:module';
register('./hooks.mjs', import.meta.url);
`);
fs.writeFileSync(path.join(dir, 'main.js'), `
const out = [];
for (const value of [1, {}, undefined, null, Symbol('s'), '']) {
  for (const fn of [require, require.resolve]) {
    try {
      fn(value);
      out.push('no error');
    } catch (err) {
      out.push([err.name, err.code, err.message.split('\\n')[0]].join(' | '));
    }
  }
}
console.log(out.join('\\n'));
`);

const expected = (arg) => [
  `TypeError | ERR_INVALID_ARG_TYPE | The "${arg}" argument must be of ` +
    'type string. Received type number (1)',
  `TypeError | ERR_INVALID_ARG_TYPE | The "${arg === 'id' ? 'request' : arg}" ` +
    'argument must be of type string. Received type number (1)',
];
const hooked = spawnSync(process.execPath,
                         ['--import', './register.mjs', 'main.js'],
                         { cwd: dir, encoding: 'utf8' });
assert.strictEqual(hooked.stderr, '');
assert.strictEqual(hooked.status, 0);
assert.deepStrictEqual(hooked.stdout.trimEnd().split('\n'), [
  ...expected('path'),
  'TypeError | ERR_INVALID_ARG_TYPE | The "path" argument must be of type ' +
    'string. Received an instance of Object',
  'TypeError | ERR_INVALID_ARG_TYPE | The "path" argument must be of type ' +
    'string. Received an instance of Object',
  'TypeError |  | String.prototype.startsWith called on null or undefined',
  'TypeError |  | String.prototype.startsWith called on null or undefined',
  'TypeError |  | String.prototype.startsWith called on null or undefined',
  'TypeError |  | String.prototype.startsWith called on null or undefined',
  'TypeError |  | Cannot convert a Symbol value to a string',
  'TypeError |  | Cannot convert a Symbol value to a string',
  "Error | MODULE_NOT_FOUND | Cannot find module ''",
  "Error | MODULE_NOT_FOUND | Cannot find module ''",
]);

// The plain require(): "id" (and "request" for require.resolve()).
const plain = spawnSync(process.execPath, ['main.js'],
                        { cwd: dir, encoding: 'utf8' });
assert.strictEqual(plain.status, 0);
assert.deepStrictEqual(plain.stdout.split('\n').slice(0, 2), expected('id'));
