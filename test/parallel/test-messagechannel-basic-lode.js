'use strict';
// A MessageChannel within one thread: messages arrive in order as
// MessageEvents once the port is started (an onmessage handler starts it),
// and closing one end closes both, each with a 'close' event.
const common = require('../common');
const assert = require('assert');

const { port1, port2 } = new MessageChannel();
assert.ok(port1 instanceof MessagePort);
assert.ok(port1 instanceof EventTarget);
assert.strictEqual(port1.hasRef(), false);
assert.throws(() => new MessagePort(), {
  name: 'TypeError', code: 'ERR_CONSTRUCT_CALL_INVALID',
});
assert.throws(() => MessageChannel(), { code: 'ERR_CONSTRUCT_CALL_REQUIRED' });
assert.throws(() => port1.postMessage(), { code: 'ERR_MISSING_ARGS' });

// Sent before anyone listens: queued.
port1.postMessage({ n: 1, nested: { list: [1, 2, 3] }, when: new Date(0) });
port1.postMessage('two');

const received = [];
port2.onmessage = common.mustCall((event) => {
  assert.ok(event instanceof MessageEvent);
  assert.strictEqual(event.type, 'message');
  assert.strictEqual(event.target, port2);
  assert.deepStrictEqual(event.ports, []);
  received.push(event.data);
  if (received.length === 2) {
    assert.deepStrictEqual(received[0],
                           { n: 1, nested: { list: [1, 2, 3] },
                             when: new Date(0) });
    assert.strictEqual(received[1], 'two');
    port2.close();
  }
}, 2);
assert.strictEqual(port2.hasRef(), true);

// port1 never listens for messages: ref'ed, it keeps the loop alive until
// the other end's close reaches it.
port1.ref();
port1.on('close', common.mustCall());
port2.addEventListener('close', common.mustCall((event) => {
  assert.strictEqual(event.type, 'close');
}));

// The end closed first emits 'close' first, while its peer is still open
// (and ref'ed); the peer's 'close' follows, with both unref'ed (Node 24's
// order).
{
  const { port1: a, port2: b } = new MessageChannel();
  a.on('message', () => {});
  b.on('message', () => {});
  const order = [];
  b.on('close', common.mustCall(() => {
    order.push('b');
    assert.strictEqual(a.hasRef(), true);
    assert.strictEqual(b.hasRef(), false);
  }));
  a.on('close', common.mustCall(() => {
    order.push('a');
    assert.deepStrictEqual(order, ['b', 'a']);
    assert.strictEqual(a.hasRef(), false);
    assert.strictEqual(b.hasRef(), false);
  }));
  b.close();
  assert.strictEqual(a.hasRef(), true);
  assert.strictEqual(b.hasRef(), true);
}

// A message posted after close() in the same tick is not delivered (the
// closing port is linked to its peer until its handle has closed).
{
  const { port1: a, port2: b } = new MessageChannel();
  const seen = [];
  b.on('message', (m) => seen.push(m));
  b.on('close', common.mustCall(() => assert.deepStrictEqual(seen, ['x'])));
  a.postMessage('x');
  a.close();
  a.postMessage('y');
}
