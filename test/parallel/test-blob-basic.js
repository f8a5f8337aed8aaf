'use strict';
// Blob and File: parts, options, slice, reading, stream, inspect, globals.
const common = require('../common');
const assert = require('assert');
const { inspect } = require('util');
const { Blob, File } = require('buffer');

assert.strictEqual(globalThis.Blob, Blob);
assert.strictEqual(globalThis.File, File);

{
  const blob = new Blob(['ab', new Uint8Array([99]), new ArrayBuffer(1),
                         new Blob(['d'])], { type: 'Text/Plain' });
  assert.strictEqual(blob.size, 5);
  assert.strictEqual(blob.type, 'text/plain');
  assert.strictEqual(inspect(blob), "Blob { size: 5, type: 'text/plain' }");
  assert.strictEqual(inspect(blob, { depth: -1 }), '[Blob]');
  assert.strictEqual(new Blob([], { type: '\u0100' }).type, '');
  assert.strictEqual(new Blob(['a\r\nb\rc'], { endings: 'native' }).size, 5);
  blob.text().then(common.mustCall((text) => {
    assert.strictEqual(text, 'abc\0d');
  }));
  blob.slice(-2, undefined, 'X').arrayBuffer().then(common.mustCall((ab) => {
    assert.deepStrictEqual(new Uint8Array(ab), new Uint8Array([0, 100]));
  }));
  assert.strictEqual(blob.slice(1, 3).type, '');
  assert.strictEqual(blob.slice(4, 1).size, 0);
}

assert.throws(() => new Blob('abc'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /must be a sequence/,
});
assert.throws(() => new Blob([], 1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new Blob([], { endings: 'x' }), {
  code: 'ERR_INVALID_ARG_VALUE',
});
assert.throws(() => Reflect.get(Blob.prototype, 'size', {}), {
  code: 'ERR_INVALID_THIS',
});
Blob.prototype.text.call({}).catch(common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_INVALID_THIS');
}));

(async () => {
  // One chunk per part.
  const sizes = [];
  for await (const chunk of new Blob(['hello', 'world!']).stream()) {
    sizes.push(chunk.byteLength);
  }
  assert.deepStrictEqual(sizes, [5, 6]);
  const bytes = await new Blob(['xy']).bytes();
  assert.ok(bytes instanceof Uint8Array);
  assert.strictEqual(bytes.length, 2);
})().then(common.mustCall());

{
  const file = new File(['abc'], 'a.txt', { type: 'T', lastModified: 42 });
  assert.ok(file instanceof Blob);
  assert.strictEqual(file.name, 'a.txt');
  assert.strictEqual(file.lastModified, 42);
  assert.strictEqual(inspect(file),
                     "File { size: 3, type: 't', name: 'a.txt', " +
                     'lastModified: 42 }');
  assert.strictEqual(Object.prototype.toString.call(file), '[object File]');
  assert.throws(() => new File([]), { code: 'ERR_MISSING_ARGS' });
  assert.strictEqual(typeof new File([], 'n').lastModified, 'number');
}
