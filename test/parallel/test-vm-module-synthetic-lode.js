'use strict';
// Flags: --experimental-vm-modules --no-warnings
// vm.SyntheticModule: linked from the start, its callback runs on the
// first evaluate() only, setExport() sets live bindings, and the argument
// checks.
const common = require('../common');
const assert = require('assert');
const { inspect } = require('util');
const { SyntheticModule, SourceTextModule } = require('vm');

(async () => {
  const s = new SyntheticModule(['x', 'y'], common.mustCall(function() {
    s.setExport('x', 1);
  }), { identifier: 'synth' });
  assert.strictEqual(s.status, 'linked');
  assert.strictEqual(s.identifier, 'synth');
  assert.strictEqual(s.link(common.mustNotCall()), undefined);
  assert.strictEqual(s.namespace.x, undefined);
  assert.match(inspect(s.evaluate()), /Promise { undefined }/);
  assert.match(inspect(s.evaluate()), /Promise { undefined }/);
  assert.strictEqual(s.status, 'evaluated');

  const user = new SourceTextModule('import { x } from "s"; export const get = () => x;');
  await user.link(() => s);
  await user.evaluate();
  assert.strictEqual(user.namespace.get(), 1);
  s.setExport('x', 42);
  assert.strictEqual(user.namespace.get(), 42);
  assert.throws(() => s.setExport('nope', 1), { name: 'ReferenceError' });
  assert.throws(() => s.setExport(1, 1), { code: 'ERR_INVALID_ARG_TYPE' });

  // A throwing callback: rejected at once, 'errored'.
  const err = new Error('fail');
  const bad = new SyntheticModule([], () => { throw err; });
  const p = bad.evaluate();
  assert.match(inspect(p), /rejected/);
  await assert.rejects(p, err);
  assert.strictEqual(bad.status, 'errored');
  assert.strictEqual(bad.error, err);

  assert.throws(() => new SyntheticModule(['a', 'a'], () => {}), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The property 'exportNames.a' is duplicated. Received 'a'",
  });
  assert.throws(() => new SyntheticModule([1], () => {}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: /^The "exportNames" argument must be an Array of unique strings/,
  });
  assert.throws(() => new SyntheticModule([], null),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => SyntheticModule.prototype.setExport.call({}, 'x'),
                { code: 'ERR_INVALID_THIS' });
})().then(common.mustCall());
