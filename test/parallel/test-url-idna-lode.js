'use strict';
require('../common');
const assert = require('assert');
const url = require('url');

const cases = [
  ['español.com', 'xn--espaol-zwa.com', 'español.com'],
  ['XN--ESPAOL-ZWA.com', 'xn--espaol-zwa.com', 'español.com'],
  ['FAß.de', 'xn--fa-hia.de', 'faß.de'],
  ['ΒΌΛΟΣ.gr', 'xn--nxasmq6b.gr', 'βόλοσ.gr'],
  ['Ⅻ.com', 'xii.com', 'xii.com'],
  ['💩.la', 'xn--ls8h.la', '💩.la'],
  ['a\u3002b', 'a.b', 'a.b'],
  ['a\u00adb', 'ab', 'ab'],
  ['مثال.إختبار', 'xn--mgbh0fb.xn--kgbechtv', 'مثال.إختبار'],
  ['1.2.3', '1.2.0.3', '1.2.0.3'],
  ['a%41', 'aa', 'aa'],
  ['[::1]', '[::1]', '[::1]'],
  // Failures give ''.
  ['xn--a', '', ''], ['xn--', '', ''], ['a\u200db', '', ''], ['ab c', '', ''],
  ['a.b.c.0x', '', ''], ['www\u2025lookout.net', '', ''], ['يa', '', ''], ['', '', ''],
];
for (const [input, ascii, unicode] of cases) {
  assert.strictEqual(url.domainToASCII(input), ascii, input);
  assert.strictEqual(url.domainToUnicode(input), unicode, input);
}
assert.throws(() => url.domainToASCII(), {
  code: 'ERR_MISSING_ARGS', message: 'The "domain" argument must be specified',
});

// ContextJ: a joiner after a virama is allowed.
assert.strictEqual(new URL('http://ශ්‍රී/').host, 'xn--10cl1a0b660p');
