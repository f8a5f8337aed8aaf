// Flags: --expose-internals
'use strict';
const common = require('../common');
const assert = require('assert');
const { NodeEventTarget } = require('internal/event_target');

const target = new NodeEventTarget();
target.on('foo', common.mustCall((value) => {
  assert.strictEqual(value, 1);
}));
target.once('bar', common.mustCall((value) => {
  assert.strictEqual(value, 2);
}));
assert.strictEqual(target.emit('foo', 1), true);
assert.strictEqual(target.emit('bar', 2), true);
assert.strictEqual(target.emit('bar', 3), false);
assert.strictEqual(target.listenerCount('foo'), 1);
// A 'once' listener that ran leaves its (empty) type behind, as in Node.
assert.deepStrictEqual(target.eventNames(), ['foo', 'bar']);
assert.strictEqual(target.getMaxListeners(), 10);
target.setMaxListeners(3);
assert.strictEqual(target.getMaxListeners(), 3);
assert.strictEqual(target.removeAllListeners(), target);
assert.deepStrictEqual(target.eventNames(), []);
assert.throws(() => target.emit(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => NodeEventTarget.prototype.on.call(new EventTarget(), 'x',
                                                      () => {}),
              { code: 'ERR_INVALID_THIS' });
