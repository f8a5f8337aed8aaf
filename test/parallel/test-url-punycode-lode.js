'use strict';
const common = require('../common');
const assert = require('assert');

// Loading the module warns once (DEP0040).
process.on('warning', common.mustCall((warning) => {
  assert.strictEqual(warning.name, 'DeprecationWarning');
  assert.strictEqual(warning.code, 'DEP0040');
  assert.strictEqual(warning.message, 'The `punycode` module is deprecated. ' +
                     'Please use a userland alternative instead.');
}));
const punycode = require('punycode');
require('punycode');

assert.strictEqual(punycode.version, '2.1.0');
assert.deepStrictEqual(Object.keys(punycode),
                       ['version', 'ucs2', 'decode', 'encode', 'toASCII', 'toUnicode']);
assert.strictEqual(punycode.encode('mañana'), 'maana-pta');
assert.strictEqual(punycode.decode('maana-pta'), 'mañana');
assert.strictEqual(punycode.encode('\u{10FFFF}'.repeat(3)), 'dn32gaa');
assert.strictEqual(punycode.decode('a-'), 'a');
assert.strictEqual(punycode.encode(''), '');
assert.strictEqual(punycode.toASCII('mañana.com@Bücher.com'), 'mañana.com@xn--Bcher-kva.com');
assert.strictEqual(punycode.toASCII('a\u3002ü'), 'a.xn--tda');
assert.strictEqual(punycode.toUnicode('xn--maana-pta.com'), 'mañana.com');
assert.strictEqual(punycode.toUnicode('XN--MAANA-PTA.com'), 'XN--MAANA-PTA.com');
assert.deepStrictEqual(punycode.ucs2.decode('a\ud800b\udc00\ud83d\ude00'),
                       [97, 0xD800, 98, 0xDC00, 0x1F600]);
assert.strictEqual(punycode.ucs2.encode([0x61, 0x1F600]), 'a😀');

for (const [input, message] of [
  ['!', 'Invalid input'],
  ['ü-', 'Illegal input >= 0x80 (not a basic code point)'],
  ['-', 'Invalid input'],
]) {
  assert.throws(() => punycode.decode(input), { name: 'RangeError', message });
}
