'use strict';
// vm.Module, vm.SourceTextModule and vm.SyntheticModule exist only behind
// --experimental-vm-modules; creating one emits the experimental warning.
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const vm = require('vm');

assert.strictEqual(vm.Module, undefined);
assert.strictEqual(vm.SourceTextModule, undefined);
assert.strictEqual(vm.SyntheticModule, undefined);
assert.deepStrictEqual(Object.keys(vm), [
  'Script', 'createContext', 'createScript', 'runInContext',
  'runInNewContext', 'runInThisContext', 'isContext', 'compileFunction',
  'measureMemory', 'constants',
]);

const code = `
  const vm = require('vm');
  console.log(Object.keys(vm).slice(-3).join());
  console.log([vm.Module, vm.SourceTextModule, vm.SyntheticModule]
    .map((c) => typeof c).join());
  new vm.SourceTextModule('');
  new vm.SyntheticModule([], () => {});
`;
const r = spawnSync(process.execPath,
                    ['--experimental-vm-modules', '-e', code],
                    { encoding: 'utf8' });
assert.strictEqual(r.status, 0, r.stderr);
assert.strictEqual(r.stdout,
                   'Module,SourceTextModule,SyntheticModule\n' +
                   'function,function,function\n');
// The warning comes once, whatever the number of modules.
const warnings = r.stderr.match(/ExperimentalWarning: VM Modules is an experimental feature/g);
assert.strictEqual(warnings.length, 1);

// An abstract class: only its subclasses construct.
const child = spawnSync(process.execPath, [
  '--experimental-vm-modules', '--no-warnings', '-e',
  'try { new (require("vm").Module)(); } catch (e) { console.log(e.name, e.message); }',
], { encoding: 'utf8' });
assert.strictEqual(child.stdout, 'TypeError Module is not a constructor\n');
common.mustCall()();
