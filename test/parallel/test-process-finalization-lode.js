'use strict';
// process.finalization: callbacks at 'exit' / 'beforeExit' for objects still
// alive, once each, in registration order, ahead of listeners added later;
// unregister() drops them (and the listener with the last one); a collected
// object drops out. Outputs checked against Node 24.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

function run(source, ...flags) {
  const child = spawnSync(process.execPath,
                          ['--no-warnings', ...flags, '-e', source],
                          { encoding: 'utf8' });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

{
  const { status, stdout } = run(`
    const f = process.finalization;
    const o = { name: 'o' };
    f.register(o, function(obj, event) {
      console.log('exit callback', obj === o, event, arguments.length);
    });
    f.register(o, (obj, event) => console.log('second', event));
    let calls = 0;
    f.registerBeforeExit(o, (obj, event) => {
      console.log('beforeExit callback', event, ++calls);
      // More work: 'beforeExit' comes again, the callback does not.
      setTimeout(() => {}, 1);
    });
    process.on('beforeExit', () => console.log('user beforeExit'));
    process.on('exit', () => console.log('user exit'));
  `);
  assert.strictEqual(status, 0);
  assert.strictEqual(stdout,
                     'beforeExit callback beforeExit 1\n' +
                     'user beforeExit\nuser beforeExit\n' +
                     'exit callback true exit 2\nsecond exit\nuser exit\n');
}

{
  // The listener comes with the first entry and goes with the last one
  // unregistered (unregistering twice is fine).
  const { status, stdout } = run(`
    const f = process.finalization;
    const count = () => process.listenerCount('exit') + ' ' +
                        process.listenerCount('beforeExit');
    f.unregister(undefined);  // nothing registered yet: nothing checked
    const a = {}, b = () => {};
    f.register(a, () => console.log('a'));
    f.registerBeforeExit(b, () => console.log('b'));
    console.log(count());
    f.unregister(a);
    f.unregister(a);
    console.log(count());
    // While an entry is left, a token that cannot be one is an error.
    try { f.unregister(1); } catch (e) { console.log(e.name, e.message); }
    f.unregister(b);
    console.log(count());
    f.unregister(1);  // nothing left: nothing checked
  `);
  assert.strictEqual(status, 0);
  assert.strictEqual(stdout, '1 1\n0 1\n' +
                     "TypeError Invalid unregisterToken ('1')\n0 0\n");
}

{
  // A collected object's callback does not run.
  const { status, stdout } = run(`
    let obj = {};
    process.finalization.register(obj, () => console.log('called'));
    setImmediate(() => { obj = undefined; gc(); });
    process.on('exit', () => console.log('exit'));
  `, '--expose-gc');
  assert.strictEqual(status, 0);
  assert.strictEqual(stdout, 'exit\n');
}

{
  // A throwing callback is an uncaught exception.
  const { status, stderr } = run(`
    process.finalization.register({}, () => { throw new Error('boom'); });
  `);
  assert.strictEqual(status, 1);
  assert.match(stderr, /Error: boom/);
}

{
  // The first use of each function warns once.
  const child = spawnSync(process.execPath, ['-e', `
    const f = process.finalization;
    f.register({}, () => {});
    f.register({}, () => {});
    f.unregister({});
  `], { encoding: 'utf8' });
  const warnings = child.stderr.match(/ExperimentalWarning: [^\n]*/g);
  assert.deepStrictEqual(warnings, [
    'ExperimentalWarning: process.finalization.register is an experimental ' +
      'feature and might change at any time',
    'ExperimentalWarning: process.finalization.unregister is an experimental ' +
      'feature and might change at any time',
  ]);
}

for (const [value, received] of [[undefined, 'Received undefined'],
                                 [null, 'Received null'],
                                 [1, 'Received type number (1)']]) {
  for (const name of ['register', 'registerBeforeExit']) {
    assert.throws(() => process.finalization[name](value, () => {}), {
      code: 'ERR_INVALID_ARG_TYPE',
      name: 'TypeError',
      message: `The "obj" argument must be of type object. ${received}`,
    });
  }
}
