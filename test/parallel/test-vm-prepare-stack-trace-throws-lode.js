'use strict';
// An Error.prepareStackTrace that throws while vm's displayErrors reads the
// stack of what a script threw (vm.runInThisContext, -e): the script's own
// exception reaches the caller, as in Node, and the process does not abort
// on a V8 check.
require('../common');
const assert = require('assert');
const vm = require('vm');
const { spawnSync } = require('child_process');

const prepare = (err) => {
  if (err.message === 'thrown') throw new Error('from prepareStackTrace');
  return 'custom stack';
};
const saved = Error.prepareStackTrace;
Error.prepareStackTrace = prepare;
assert.throws(() => vm.runInThisContext("throw new Error('thrown')"),
              { message: 'thrown' });
// The stack getter still throws for the caller.
assert.throws(() => new Error('thrown').stack,
              { message: 'from prepareStackTrace' });
assert.strictEqual(new Error('other').stack, 'custom stack');
Error.prepareStackTrace = saved;

// Uncaught from -e: a fatal exception naming the script's error.
const code = `Error.prepareStackTrace = ${prepare}; throw new Error('thrown')`;
const { status, signal, stderr } = spawnSync(process.execPath, ['-e', code],
                                             { encoding: 'utf8' });
assert.strictEqual(signal, null);
assert.strictEqual(status, 1);
assert.match(stderr, /Error: thrown/);
assert.doesNotMatch(stderr, /from prepareStackTrace/);
