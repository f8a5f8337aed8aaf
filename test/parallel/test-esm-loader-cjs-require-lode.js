'use strict';
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

// CommonJS whose source a load hook (module.register, --experimental-loader)
// returned gets a require() that goes through the hooks, as in Node:
// require() and require.resolve() run the resolve hooks, and what they
// load runs the load hooks. CommonJS left to the default load step (its
// source is not given) keeps the default require().

tmpdir.refresh();
const dir = tmpdir.path;
fs.writeFileSync(path.join(dir, 'dep.cjs'), 'module.exports = "dep";');
fs.writeFileSync(path.join(dir, 'main.cjs'), `
  const fs = require('fs');
  const dep = require('./dep.cjs');
  console.log(JSON.stringify({
    marker: fs.marker ?? null,
    dep,
    resolved: require.resolve('./dep.cjs') === ${JSON.stringify(
    path.join(dir, 'dep.cjs'))},
    hasCache: 'cache' in require,
  }));
`);

function hooks(giveSource) {
  return `
    import { readFileSync, writeSync } from 'node:fs';
    export function resolve(specifier, context, next) {
      writeSync(1, 'resolve ' + specifier.replace(/^.*\\//, '') + '\\n');
      if (specifier === 'fs') return { url: 'custom:fs', shortCircuit: true };
      return next(specifier, context);
    }
    export async function load(url, context, next) {
      if (url === 'custom:fs') {
        return { format: 'commonjs', shortCircuit: true,
                 source: 'module.exports = { marker: "hooked" };' };
      }
      const result = await next(url, context);
      if (${giveSource} && result.format === 'commonjs') {
        result.source = readFileSync(new URL(url));
      }
      return result;
    }`;
}

function run(giveSource) {
  const loader = `data:text/javascript,${encodeURIComponent(hooks(giveSource))}`;
  const { status, stdout, stderr } = spawnSync(
    process.execPath,
    ['--no-warnings', '--experimental-loader', loader,
     path.join(dir, 'main.cjs')],
    { encoding: 'utf8' });
  assert.strictEqual(stderr, '');
  assert.strictEqual(status, 0);
  return stdout.trim().split('\n');
}

assert.deepStrictEqual(run(true), [
  'resolve main.cjs',
  'resolve fs',
  'resolve dep.cjs',
  'resolve dep.cjs',
  JSON.stringify({ marker: 'hooked', dep: 'dep', resolved: true,
                   hasCache: false }),
]);

assert.deepStrictEqual(run(false), [
  'resolve main.cjs',
  JSON.stringify({ marker: null, dep: 'dep', resolved: true,
                   hasCache: true }),
]);

// The default load step gives CommonJS no source: undefined when the
// format was known, null when the file's source told it.
{
  fs.writeFileSync(path.join(dir, 'plain.js'), 'module.exports = 1;');
  fs.writeFileSync(path.join(dir, 'entry.mjs'),
                   'import "./dep.cjs"; import "./plain.js";');
  const loader = 'data:text/javascript,' + encodeURIComponent(`
    export async function load(url, context, next) {
      const r = await next(url, context);
      if (!url.endsWith('.mjs')) {
        console.log(url.slice(-7), String(context.format), r.format,
                    String(r.source), 'source' in r);
      }
      return r;
    }`);
  const { status, stdout } = spawnSync(
    process.execPath,
    ['--no-warnings', '--experimental-loader', loader,
     path.join(dir, 'entry.mjs')],
    { encoding: 'utf8' });
  assert.strictEqual(status, 0);
  assert.deepStrictEqual(stdout.trim().split('\n'), [
    'dep.cjs commonjs commonjs undefined true',
    'lain.js null commonjs null true',
  ]);
}
