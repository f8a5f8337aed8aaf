'use strict';
// worker_threads.markAsUncloneable(): structuredClone() and postMessage()
// refuse a marked ordinary object (also deep inside a message) with
// DataCloneError; marks on non-objects and on arrays change nothing, as in
// Node 24.
require('../common');
const assert = require('assert');
const { markAsUncloneable, MessageChannel } = require('worker_threads');

const refused = {
  name: 'DataCloneError',
  message: 'Cannot clone object of unsupported type.',
  code: 25,
};

const marked = { a: 1 };
markAsUncloneable(marked);
assert.throws(() => structuredClone(marked), refused);
assert.throws(() => structuredClone({ deep: [new Map([[1, marked]])] }),
              refused);

class Point { constructor() { this.x = 1; } }
const point = new Point();
markAsUncloneable(point);
assert.throws(() => structuredClone(point), refused);

const bare = { __proto__: null, y: 2 };
markAsUncloneable(bare);
assert.throws(() => structuredClone(bare), refused);

const { port1, port2 } = new MessageChannel();
assert.throws(() => port1.postMessage({ marked }), refused);
port1.close();
port2.close();

// Unmarked objects are cloned as before; non-objects are ignored.
assert.deepStrictEqual(structuredClone({ b: 2 }), { b: 2 });
markAsUncloneable(5);
markAsUncloneable(null);
const array = [1, 2];
markAsUncloneable(array);
assert.deepStrictEqual(structuredClone(array), [1, 2]);
