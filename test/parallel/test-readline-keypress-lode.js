'use strict';
const common = require('../common');
const assert = require('assert');
const readline = require('readline');
const { PassThrough } = require('stream');

function keys(...chunks) {
  const input = new PassThrough();
  readline.emitKeypressEvents(input);
  const got = [];
  input.on('keypress', (s, key) => got.push([s, key]));
  for (const chunk of chunks) input.write(chunk);
  return got;
}

function key(name, sequence, extra = {}) {
  return { sequence, name, ctrl: false, meta: false, shift: false, ...extra };
}

assert.deepStrictEqual(keys('A'), [['A', key('a', 'A', { shift: true })]]);
assert.deepStrictEqual(keys('\r'), [['\r', key('return', '\r')]]);
assert.deepStrictEqual(keys('\x01'), [['\x01',
                                        key('a', '\x01', { ctrl: true })]]);
assert.deepStrictEqual(keys('\x1bb'), [[undefined,
                                        key('b', '\x1bb', { meta: true })]]);
assert.deepStrictEqual(keys('\x1b[A'), [[undefined,
                                         key('up', '\x1b[A', { code: '[A' })]]);
// Ctrl+F12 in xterm; Ctrl+Home; alt+right; rxvt shift/ctrl codes.
assert.deepStrictEqual(keys('\x1b[24;5~'), [[undefined, key(
  'f12', '\x1b[24;5~', { ctrl: true, code: '[24~' })]]);
assert.deepStrictEqual(keys('\x1b[1;5H'), [[undefined, key(
  'home', '\x1b[1;5H', { ctrl: true, code: '[H' })]]);
assert.deepStrictEqual(keys('\x1b[1;3C'), [[undefined, key(
  'right', '\x1b[1;3C', { meta: true, code: '[C' })]]);
assert.deepStrictEqual(keys('\x1b[a'), [[undefined, key(
  'up', '\x1b[a', { shift: true, code: '[a' })]]);
assert.deepStrictEqual(keys('\x1bOd'), [[undefined, key(
  'left', '\x1bOd', { ctrl: true, code: 'Od' })]]);
assert.deepStrictEqual(keys('\x1b[Z'), [[undefined, key(
  'tab', '\x1b[Z', { shift: true, code: '[Z' })]]);
// Bracketed paste and an unknown sequence.
assert.deepStrictEqual(keys('\x1b[200~'), [[undefined, key(
  'paste-start', '\x1b[200~', { code: '[200~' })]]);
assert.deepStrictEqual(keys('\x1b[999~'), [[undefined, key(
  'undefined', '\x1b[999~', { code: '[999~' })]]);
// Unnamed characters, astral ones whole.
assert.deepStrictEqual(keys('é😀'), [
  ['é', key(undefined, 'é')], ['😀', key(undefined, '😀')],
]);
// A sequence split between chunks.
assert.deepStrictEqual(keys('\x1b', '[1;', '5C'), [[undefined, key(
  'right', '\x1b[1;5C', { ctrl: true, code: '[C' })]]);

// A lone ESC becomes 'escape' after escapeCodeTimeout.
{
  const input = new PassThrough();
  readline.emitKeypressEvents(input, { escapeCodeTimeout: 10 });
  input.on('keypress', common.mustCall((s, k) => {
    assert.strictEqual(s, undefined);
    assert.deepStrictEqual(k, key('escape', '\x1b', { meta: true }));
  }));
  input.write('\x1b');
}
