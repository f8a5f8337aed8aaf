'use strict';
// Output a child wrote before it exited is read before its 'exit' event:
// the exit is reported after the other I/O of the same loop turn, as libuv
// reports its own children. (Children run one after another here; Node
// gives the same order.)
const common = require('../common');
const assert = require('assert');
const cp = require('child_process');
{
  let left = 20;
  const next = common.mustCall(() => {
    const child = cp.spawn('echo', ['hello']);
    let got = false;
    child.stdout.on('data', () => { got = true; });
    child.on('exit', common.mustCall(() => {
      assert.strictEqual(got, true);
      if (--left > 0) next();
    }));
  }, 20);
  next();
}
