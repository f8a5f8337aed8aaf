'use strict';
// Flags: --experimental-vm-modules --no-warnings
// evaluate(): the promise V8 gives (settled at once without top-level
// await), in the module's context; a module runs once; an error makes it
// 'errored'; the options are checked; timeout and microtaskMode.
const common = require('../common');
const assert = require('assert');
const { inspect } = require('util');
const { SourceTextModule, createContext, runInContext } = require('vm');

(async () => {
  const context = createContext({ count: 0 });
  const m = new SourceTextModule('count++; export const x = count;', { context });
  await m.link(common.mustNotCall());
  const p = m.evaluate();
  assert.match(inspect(p), /Promise { undefined }/);
  assert.strictEqual(Object.getPrototypeOf(p),
                     runInContext('Promise.prototype', context));
  await p;
  await m.evaluate();
  assert.strictEqual(context.count, 1);
  assert.strictEqual(m.status, 'evaluated');
  assert.strictEqual(m.namespace.x, 1);

  const bad = new SourceTextModule('throw new TypeError("nope");');
  await bad.link(common.mustNotCall());
  const rejected = bad.evaluate();
  assert.match(inspect(rejected), /rejected/);
  await assert.rejects(rejected, { name: 'TypeError', message: 'nope' });
  assert.strictEqual(bad.status, 'errored');
  assert.strictEqual(bad.error.message, 'nope');
  await assert.rejects(bad.evaluate(), (err) => err === bad.error);

  const tla = new SourceTextModule('await null; export const y = 2;');
  await tla.link(common.mustNotCall());
  const pending = tla.evaluate();
  assert.match(inspect(pending), /<pending>/);
  await pending;
  assert.strictEqual(tla.namespace.y, 2);

  await assert.rejects(new SourceTextModule('').evaluate(), {
    code: 'ERR_VM_MODULE_STATUS',
    message: 'Module status must be one of linked, evaluated, or errored',
  });
  await assert.rejects(m.evaluate(null), { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(m.evaluate({ timeout: 0 }), { code: 'ERR_OUT_OF_RANGE' });
  await assert.rejects(m.evaluate({ breakOnSigint: 1 }),
                       { code: 'ERR_INVALID_ARG_TYPE' });

  const loop = new SourceTextModule('while (true) {}');
  await loop.link(common.mustNotCall());
  await assert.rejects(loop.evaluate({ timeout: 20 }), {
    code: 'ERR_SCRIPT_EXECUTION_TIMEOUT',
    message: 'Script execution timed out after 20ms',
  });

  // microtaskMode 'afterEvaluate': the context's jobs run before evaluate()
  // returns.
  const own = createContext({ log: [] }, { microtaskMode: 'afterEvaluate' });
  const jobs = new SourceTextModule(
    'Promise.resolve().then(() => log.push("job")); log.push("body");',
    { context: own });
  await jobs.link(common.mustNotCall());
  jobs.evaluate();
  assert.deepStrictEqual(own.log, ['body', 'job']);
})().then(common.mustCall());
