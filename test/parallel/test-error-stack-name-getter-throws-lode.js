'use strict';
// An error whose `name` getter throws: reading its stack throws what the
// getter throws, every time (the stack is made by Error.prepareStackTrace's
// default, which reads the name); util.inspect falls back to
// [object Error]; uncaught, only the --trace-uncaught hint is printed.
// As in Node 24.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const { inspect } = require('util');

const code = `
const e = new Error('boom');
Object.defineProperty(e, 'name', { get() { throw new Error('x'); } });
`;
const e = new Function(`${code}; return e;`)();
for (let i = 0; i < 2; i++) {
  assert.throws(() => e.stack, { message: 'x' });
}
assert.strictEqual(inspect(e).split('\n')[0], '[object Error]');

const { status, stderr } = spawnSync(process.execPath,
                                     ['-e', `${code}; throw e;`],
                                     { encoding: 'utf8' });
assert.strictEqual(status, 1);
assert.strictEqual(stderr,
                   '\n(Use `node --trace-uncaught ...` to show where the ' +
                   `exception was thrown)\n\nNode.js ${process.version}\n`);
