'use strict';
// BroadcastChannel: every other channel of the same name gets each
// message, the sender does not; a closed channel refuses to post.
const common = require('../common');
const assert = require('assert');

const a = new BroadcastChannel('lode-test');
const b = new BroadcastChannel('lode-test');
const c = new BroadcastChannel('lode-test');
const other = new BroadcastChannel('another');
assert.strictEqual(a.name, 'lode-test');
assert.ok(a instanceof EventTarget);

a.onmessage = common.mustNotCall();
other.onmessage = common.mustNotCall();
let pending = 2;
function done() {
  if (--pending === 0) {
    for (const channel of [a, b, c, other]) channel.close();
    assert.throws(() => a.postMessage(1), {
      name: 'InvalidStateError',
      message: 'BroadcastChannel is closed.',
    });
  }
}
b.onmessage = common.mustCall((event) => {
  assert.ok(event instanceof MessageEvent);
  assert.deepStrictEqual(event.data, { hello: 'world' });
  done();
});
c.addEventListener('message', common.mustCall((event) => {
  assert.deepStrictEqual(event.data, { hello: 'world' });
  done();
}));
a.postMessage({ hello: 'world' });
