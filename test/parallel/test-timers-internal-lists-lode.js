// Flags: --expose-internals
'use strict';
const common = require('../common');
const assert = require('assert');
const PriorityQueue = require('internal/priority_queue');
const L = require('internal/linkedlist');

// A max-heap with positions reported back, then removal from the middle.
const queue = new PriorityQueue((a, b) => b.value - a.value,
                                (node, pos) => { node.pos = pos; });
const nodes = [5, 1, 9, 3, 7].map((value) => ({ value, pos: null }));
for (const node of nodes) queue.insert(node);
assert.strictEqual(queue.peek().value, 9);
queue.removeAt(nodes[4].pos);  // 7
assert.deepStrictEqual([queue.shift(), queue.shift(), queue.shift(),
                        queue.shift()].map((n) => n.value), [9, 5, 3, 1]);
assert.strictEqual(queue.shift(), undefined);

// The list's peek is its oldest item.
const list = L.init({});
const a = {};
const b = {};
L.append(list, a);
L.append(list, b);
assert.strictEqual(L.peek(list), a);
L.remove(a);
assert.strictEqual(L.peek(list), b);
L.remove(b);
assert.ok(L.isEmpty(list));

// After an immediate throws, the next immediate runs before the ticks the
// throwing one queued.
let order = '';
process.once('uncaughtException', common.mustCall());
setImmediate(() => {
  process.nextTick(() => { order += 't'; });
  throw new Error('boom');
});
setImmediate(() => { order += 'a'; });
setImmediate(() => { order += 'b'; });
process.on('exit', () => assert.strictEqual(order, 'atb'));

// timers/promises checks the delay.
assert.rejects(require('timers/promises').setTimeout('1'),
               { code: 'ERR_INVALID_ARG_TYPE' }).then(common.mustCall());
