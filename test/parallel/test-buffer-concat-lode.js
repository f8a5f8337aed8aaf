'use strict';
// Buffer.concat: the total comes from each element's `length` property (as
// in Node), the bytes from the typed arrays themselves.
require('../common');
const assert = require('assert');

const parts = Array.from({ length: 16 }, (_, i) => Buffer.alloc(1040, i));
const all = Buffer.concat(parts);
assert.strictEqual(all.length, 16 * 1040);
for (let i = 0; i < 16; i++) assert.strictEqual(all[i * 1040 + 1039], i);

// A shadowed `length` decides the total, as in Node 24.
const b = Buffer.from('abcdef');
Object.defineProperty(b, 'length', { value: 2 });
assert.strictEqual(Buffer.concat([b]).toString(), 'ab');

// An explicit length shorter or longer than the parts: cut, or zero-filled.
assert.deepStrictEqual(Buffer.concat([Buffer.from('abc'), Buffer.from('de')], 4),
                       Buffer.from('abcd'));
assert.deepStrictEqual(
  Buffer.concat([Buffer.from('ab'), new Uint8Array([99])], 6),
  Buffer.from([97, 98, 99, 0, 0, 0]));
// Plain Uint8Arrays and an empty list.
assert.deepStrictEqual(Buffer.concat([new Uint8Array([1, 2])]), Buffer.from([1, 2]));
assert.strictEqual(Buffer.concat([]).length, 0);
assert.throws(() => Buffer.concat([Buffer.from('a'), 'b']),
              { code: 'ERR_INVALID_ARG_TYPE' });
