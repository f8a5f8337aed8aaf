// Flags: --expose-internals
'use strict';
require('../common');
const assert = require('assert');
const {
  parseSimpleSpecialURL, resolveSimpleRelative, runStateMachine,
} = require('internal/url');

// new URL(input) tries a one-scan parser for the common URLs first (http,
// https, ws, wss, ftp with a plain lower-case domain, file:/// URLs), and
// new URL(input, base) one for plain relative references against such a
// base; whatever they take must get the record the full parser gives, and
// whatever they leave goes to the full parser.

// What it takes.
for (const input of [
  'http://localhost:3000/api/users?id=42',
  'https://example.com',
  'https://registry.npmjs.org/@babel%2fcore',
  'ws://a-b.c9:8080/x?y#z#w',
  'ftp://files.example.org/pub/',
  'file:///home/user/project/src/index.js',
  'file:///',
  'http://a.b:80/x',
  'http://a.b:/x',
]) {
  const simple = parseSimpleSpecialURL(input);
  assert.notStrictEqual(simple, undefined, input);
  assert.deepStrictEqual(simple, runStateMachine(input), input);
}

// What it leaves to the full parser.
for (const input of [
  'HTTP://a.b/', 'http://A.b/', 'http://user@a.b/', 'http://a.b/./x',
  'http://a.b/%2E%2e/x', 'http://1.2.3.4/', 'http://a.0x10/',
  'http://xn--nxasmq6b.com/', 'http://[::1]/', 'http://a.b\\x',
  'http://a.b/ x', 'http://a.b/ä', 'http://a.b/x?q=\'', 'http://a..b/',
  'http://a.b./', 'http://a.b:99999/', 'http://a.b:1x/', 'file://host/x',
  'file:///a/../b', ' http://a.b/', 'http://a.b/\tx', 'blob:http://a.b/',
  'http:/a.b/', 'https://a.b/{x}',
]) {
  assert.strictEqual(parseSimpleSpecialURL(input), undefined, input);
}

// Random inputs from pieces that sit on both sides of every condition:
// taken or left, the URL is the full parser's.
const pieces = [
  'http://', 'https://', 'ws://', 'wss://', 'ftp://', 'file:///', 'file://',
  'HTTP://', 'a', 'b', 'Z', '0', '9', '.', '-', ':', '80', '443', '21',
  '65535', '65536', '0080', '/', '//', '?', '#', '%', '%2e', '%2E', '..',
  '@', '[', ']', '\\', ' ', '\t', '"', '\'', '<', '>', '^', '`', '{', '|',
  '}', '~', '!', '$', '&', '(', ')', '*', '+', ',', ';', '=', 'xn--a',
  'é', '😀', 'localhost', 'example.com', '1.2.3.4', 'C:', 'C|',
];
let seed = 27112026;
function random(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
const hostPieces = ['a', 'b', 'localhost', 'example.com', 'x-y', '9a', '.',
                    '-', '0', 'A'];
const portPieces = ['', ':', ':80', ':443', ':21', ':8080', ':0', ':00443',
                    ':65536', ':x'];
let taken = 0;
for (let round = 0; round < 40000; round++) {
  let input = pieces[random(6)];
  if (round % 2) {
    // Shaped like a URL: a host, maybe a port, then anything.
    for (let i = 1 + random(3); i > 0; i--) {
      input += hostPieces[random(hostPieces.length)];
    }
    input += portPieces[random(portPieces.length)];
  }
  const count = random(12);
  for (let i = 0; i < count; i++) input += pieces[random(pieces.length)];
  const simple = parseSimpleSpecialURL(input);
  if (simple === undefined) continue;
  taken++;
  assert.deepStrictEqual(simple, runStateMachine(input), input);
  const url = new URL(input);
  assert.strictEqual(url.href, new URL(`${input}`, 'http://base.test/').href,
                     input);
}
// The fast path took a fair share of them.
assert.ok(taken > 2000, `${taken}`);

// Relative references against bases of each kind.
const baseStrings = [
  'http://localhost', 'https://a.b:8443/c/d/e?q#f', 'file:///home/u/src/x.js',
  'ws://h/', 'ftp://f.g/a/b/', 'file:///C:/x/y', 'http://u:p@h/a/b',
  'https://[::1]/a/b', 'file://server/share/a',
];
const bases = baseStrings.map((b) => runStateMachine(b));
for (const [input, base, expected] of [
  ['/api/users?id=42', 0, 'http://localhost/api/users?id=42'],
  ['./lib/util.js', 2, 'file:///home/u/src/lib/util.js'],
  ['../lib/util.js#x', 2, 'file:///home/u/lib/util.js#x'],
  ['../../../../a', 1, 'https://a.b:8443/a'],
  ['x/..', 1, 'https://a.b:8443/c/d/'],
  ['%2e%2E/q?', 4, 'ftp://f.g/a/q?'],
]) {
  const simple = resolveSimpleRelative(input, bases[base]);
  assert.notStrictEqual(simple, undefined, input);
  assert.deepStrictEqual(simple, runStateMachine(input, bases[base]), input);
  assert.strictEqual(new URL(input, baseStrings[base]).href, expected);
}
for (const [input, base] of [
  ['', 0], ['?q', 0], ['#f', 0], ['//x/y', 0], ['a:b', 0], ['C:/x', 2],
  ['x', 5], ['\\x', 0], ['a b', 0], ['ä', 0],
]) {
  assert.strictEqual(resolveSimpleRelative(input, bases[base]), undefined,
                     `${input} ${base}`);
}
const relativePieces = [
  '/', '.', '..', './', '../', '%2e', '%2E.', 'a', 'b', 'C:', 'c|', ':', '?',
  '#', '@', '%', '=', '&', ' ', '\\', 'é', '~', 'x.js', '//',
];
let resolved = 0;
for (let round = 0; round < 30000; round++) {
  let input = '';
  for (let i = 1 + random(8); i > 0; i--) {
    input += relativePieces[random(relativePieces.length)];
  }
  const which = random(bases.length);
  const simple = resolveSimpleRelative(input, bases[which]);
  if (simple === undefined) continue;
  resolved++;
  assert.deepStrictEqual(simple, runStateMachine(input, bases[which]), input);
}
assert.ok(resolved > 5000, `${resolved}`);
