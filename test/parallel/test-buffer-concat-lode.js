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

// The copy takes each piece's `length` as read (capped at its real length),
// with or without an explicit total.
{
  const short = Buffer.from('abcd');
  Object.defineProperty(short, 'length', { get() { return 2; } });
  const long = Buffer.from('xyz');
  Object.defineProperty(long, 'length', { get() { return 10; } });
  const e = Buffer.from('ef');
  assert.deepStrictEqual(Buffer.concat([short, e]), Buffer.from('abef'));
  assert.deepStrictEqual(Buffer.concat([short, e], 6),
                         Buffer.from([97, 98, 101, 102, 0, 0]));
  assert.deepStrictEqual(Buffer.concat([long, e]),
                         Buffer.from('xyzef\0\0\0\0\0\0\0'));
  const odd = Buffer.from('pq');
  Object.defineProperty(odd, 'length', { get() { return 'x'; } });
  // A `length` that is not a number: nothing of that piece, as in Node.
  assert.deepStrictEqual(Buffer.concat([odd, e], 4),
                         Buffer.from([101, 102, 0, 0]));
}

// A `length` getter that concatenates while a concat is under way.
{
  const inner = Buffer.from('12');
  Object.defineProperty(inner, 'length', {
    get() {
      assert.deepStrictEqual(
        Buffer.concat([Buffer.from('in'), Buffer.from('ner')]),
        Buffer.from('inner'));
      return 2;
    },
  });
  assert.deepStrictEqual(Buffer.concat([Buffer.from('a'), inner, Buffer.from('b')]),
                         Buffer.from('a12b'));
  // And the next concat is as usual.
  assert.deepStrictEqual(Buffer.concat([Buffer.from('c'), Buffer.from('d')]),
                         Buffer.from('cd'));
}

// A getter that throws leaves concat usable.
{
  const bad = Buffer.from('zz');
  Object.defineProperty(bad, 'length', { get() { throw new Error('boom'); } });
  assert.throws(() => Buffer.concat([Buffer.from('a'), bad]), /boom/);
  assert.deepStrictEqual(Buffer.concat([Buffer.from('o'), Buffer.from('k')]),
                         Buffer.from('ok'));
}

// Long lists (more pieces than are passed to the binding at once), small
// typed arrays, subarrays and a list with more pieces than before.
{
  const many = Array.from({ length: 3000 }, (_, i) => Buffer.from([i & 0xff]));
  const joined = Buffer.concat(many);
  assert.strictEqual(joined.length, 3000);
  for (let i = 0; i < 3000; i++) assert.strictEqual(joined[i], i & 0xff);
  const some = Array.from({ length: 40 },
                          (_, i) => new Uint8Array([i, i]).subarray(1));
  assert.deepStrictEqual([...Buffer.concat(some)],
                         Array.from({ length: 40 }, (_, i) => i));
  assert.deepStrictEqual([...Buffer.concat(some, 45)],
                         [...Array.from({ length: 40 }, (_, i) => i),
                          0, 0, 0, 0, 0]);
}

// The element that is not a Uint8Array is named, with an explicit length too.
for (const length of [undefined, 3]) {
  assert.throws(() => Buffer.concat([Buffer.from('a'), new Uint16Array(1)], length), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: /The "list\[1\]" argument must be an instance of Buffer or Uint8Array/,
  });
}

// A `length` getter that appends to the list: what the list holds by then is
// copied (the added piece's bytes, not a stale length).
{
  const a = Buffer.from('AAAA');
  const b = Buffer.from('BBBB');
  const list = [a];
  let once = true;
  Object.defineProperty(a, 'length', {
    get() {
      if (once) {
        once = false;
        list.push(b);
      }
      return 4;
    },
  });
  assert.strictEqual(Buffer.concat(list, 8).toString(), 'AAAABBBB');
}
