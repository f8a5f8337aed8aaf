'use strict';
// FormData: append/set/get/getAll/has/delete, Blob and File values, live
// iteration and the argument checks.
require('../common');
const assert = require('assert');
const { inspect } = require('util');

const form = new FormData();
form.append('a', '1');
form.append('b', 2);
form.append('a', '3');
assert.strictEqual(form.get('a'), '1');
assert.deepStrictEqual(form.getAll('a'), ['1', '3']);
assert.strictEqual(form.get('b'), '2');
assert.strictEqual(form.get('none'), null);
assert.strictEqual(form.has('a'), true);
form.set('a', '4');
assert.deepStrictEqual([...form], [['a', '4'], ['b', '2']]);
form.delete('b');
assert.deepStrictEqual([...form.keys()], ['a']);

// A Blob becomes a File named "blob" (or the filename given); a File is
// kept as it is unless renamed.
const blob = new Blob(['xy'], { type: 'text/x' });
const file = new File(['z'], 'z.txt');
form.append('blob', blob);
form.append('named', blob, 'n.bin');
form.append('file', file);
form.append('renamed', file, 'other.txt');
assert.ok(form.get('blob') instanceof File);
assert.strictEqual(form.get('blob').name, 'blob');
assert.strictEqual(form.get('blob').type, 'text/x');
assert.strictEqual(form.get('named').name, 'n.bin');
assert.strictEqual(form.get('file'), file);
assert.strictEqual(form.get('renamed').name, 'other.txt');
assert.match(inspect(form), /^FormData \{\n {2}a: '4',\n {2}blob: File \{/);

// Iterators see entries added after they were made.
const live = new FormData();
live.append('x', '1');
const entries = live.entries();
assert.deepStrictEqual(entries.next().value, ['x', '1']);
live.append('y', '2');
assert.deepStrictEqual(entries.next().value, ['y', '2']);
assert.strictEqual(entries.next().done, true);
assert.strictEqual(Object.prototype.toString.call(entries),
                   '[object FormData Iterator]');

assert.throws(() => new FormData(1), {
  message: 'FormData constructor: Argument 1 could not be converted to: ' +
    'undefined.',
});
assert.throws(() => form.append('a'), {
  message: 'FormData.append: 2 arguments required, but only 1 found.',
});
assert.throws(() => form.append('a', 'b', 'c'), {
  message: 'FormData.append: Expected value (""b"") to be an instance of ' +
    'Blob.',
});
assert.throws(() => FormData.prototype.get.call({}, 'a'), {
  code: 'ERR_INVALID_THIS',
});
