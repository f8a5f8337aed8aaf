'use strict';
// duplexPair(): destroying one side, with or without an error, leaves the
// other side as it is (Node 24); ending one side ends the other's reading.
const common = require('../common');
const assert = require('assert');
const { duplexPair } = require('stream');

{
  const [a, b] = duplexPair();
  a.on('error', common.mustCall((err) => assert.strictEqual(err.message, 'x')));
  b.on('error', common.mustNotCall());
  a.destroy(new Error('x'));
  setTimeout(common.mustCall(() => {
    assert.strictEqual(a.destroyed, true);
    assert.strictEqual(b.destroyed, false);
    assert.strictEqual(b.errored, null);
    assert.strictEqual(b.closed, false);
    b.destroy();
  }), 10);
}
{
  const [a, b] = duplexPair();
  a.destroy();
  setTimeout(common.mustCall(() => {
    assert.strictEqual(b.destroyed, false);
    assert.strictEqual(b.closed, false);
    b.destroy();
  }), 10);
}
{
  const [a, b] = duplexPair();
  b.resume();
  b.on('end', common.mustCall(() => assert.strictEqual(b.destroyed, false)));
  a.end();
}
