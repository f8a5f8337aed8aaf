'use strict';
// --disable-proto=delete|throw in the main context, vm contexts and
// workers; an unknown mode is refused.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

function run(mode, code) {
  return spawnSync(process.execPath, [`--disable-proto=${mode}`, '-e', code],
                   { encoding: 'utf8' });
}

const probe = `
const vm = require('vm');
const results = [];
for (const code of ['({}).__proto__', '({}).__proto__ = {}']) {
  for (const run of [eval, (c) => vm.runInNewContext(c)]) {
    try { results.push(String(run(code))); } catch (e) { results.push(e.code); }
  }
}
results.push(Object.hasOwn(Object.prototype, '__proto__'));
results.push(Object.getPrototypeOf({}) === Object.prototype);
console.log(results.join(' '));
`;

let child = run('throw', probe);
assert.strictEqual(child.stdout.trim(),
                   'ERR_PROTO_ACCESS ERR_PROTO_ACCESS ERR_PROTO_ACCESS ' +
                   'ERR_PROTO_ACCESS true true');
child = run('delete', probe);
assert.strictEqual(child.stdout.trim(),
                   'undefined undefined [object Object] [object Object] ' +
                   'false true');
child = run('throw', `
const { Worker } = require('worker_threads');
new Worker('try { ({}).__proto__ } catch (e) { console.log(e.code) }',
           { eval: true });`);
assert.strictEqual(child.stdout.trim(), 'ERR_PROTO_ACCESS');
child = run('nope', '1');
assert.strictEqual(child.status, 12);
assert.match(child.stderr, /invalid mode passed to --disable-proto/);
