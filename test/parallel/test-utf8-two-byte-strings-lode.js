'use strict';
const common = require('../common');
const assert = require('assert');

// Strings V8 keeps at two bytes a unit (any character above U+00FF) take a
// one-pass UTF-8 path (vectorised 32 units a step where the CPU allows):
// Buffer.from, buf.write, Buffer.byteLength, TextEncoder's encode and
// encodeInto. Each is checked against a plain encoder written here, for
// mixes of every width, surrogate pairs that straddle the 32-unit blocks,
// and lone surrogates (U+FFFD) at every position.

function reference(str) {
  const bytes = [];
  for (let i = 0; i < str.length; i++) {
    let cp = str.charCodeAt(i);
    const next = str.charCodeAt(i + 1);
    if (cp >= 0xD800 && cp <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (next - 0xDC00);
      i++;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    if (cp < 0x80) {
      bytes.push(cp);
    } else if (cp < 0x800) {
      bytes.push(0xC0 | cp >> 6, 0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      bytes.push(0xE0 | cp >> 12, 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F));
    } else {
      bytes.push(0xF0 | cp >> 18, 0x80 | ((cp >> 12) & 0x3F),
                 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F));
    }
  }
  return Buffer.from(bytes);
}

const encoder = new TextEncoder();

function check(str, label) {
  const expected = reference(str);
  assert.deepStrictEqual(Buffer.from(str, 'utf8'), expected, `from ${label}`);
  assert.strictEqual(Buffer.byteLength(str, 'utf8'), expected.length,
                     `byteLength ${label}`);
  const encoded = encoder.encode(str);
  assert.deepStrictEqual(Buffer.from(encoded), expected, `encode ${label}`);
  // The result's buffer is exactly its bytes.
  assert.strictEqual(encoded.buffer.byteLength, expected.length);

  // Writes into the middle of a larger buffer leave the bytes around them.
  const room = Buffer.alloc(str.length * 3 + 8, 0xA5);
  const written = room.write(str, 4, 'utf8');
  assert.strictEqual(written, expected.length, `write ${label}`);
  assert.deepStrictEqual(room.subarray(4, 4 + written), expected);
  assert.ok(room.subarray(0, 4).every((b) => b === 0xA5));
  assert.ok(room.subarray(4 + written).every((b) => b === 0xA5));

  const into = new Uint8Array(str.length * 3 + 8).fill(0xA5);
  const result = encoder.encodeInto(str, into.subarray(2));
  assert.deepStrictEqual(result, { read: str.length, written: expected.length },
                         `encodeInto ${label}`);
  assert.deepStrictEqual(Buffer.from(into.subarray(2, 2 + expected.length)),
                         expected);
  assert.ok(into.subarray(2 + expected.length).every((b) => b === 0xA5));
}

const pieces = ['a', 'é', '✓', '日', '😀', '\uD800', '\uDFFF', 'Ā', '\u07FF',
                '\u0800', '\uFFFF', '\uDBFF\uDFFF'];

// Every length up to three blocks, from a fixed mix.
const mix = 'héllo wörld ✓ 日本語 😀 ';
for (let length = 0; length < 100; length++) {
  const str = (mix.repeat(5) + '\u0100').slice(0, length) + '\u0100';
  check(str, `mix ${length}`);
}

// A surrogate pair, then a lone high and a lone low surrogate, at `at` in
// a run of a three-byte character.
function checkSurrogatesAt(length, at) {
  const units = Array(length).fill('日');
  units[at] = '😀';
  check(units.join(''), `pair at ${at}`);
  units[at] = '\uD83D';
  check(units.join(''), `lone high at ${at}`);
  units[at] = '\uDE00';
  check(units.join(''), `lone low at ${at}`);
}

// At every position of 70 units (three vector blocks).
for (let at = 0; at < 70; at++) checkSurrogatesAt(70, at);

// Random mixes, seeded so a failure repeats.
let seed = 20261127;
function random(n) {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
}
for (let round = 0; round < 300; round++) {
  let str = 'Ā';
  const length = random(200);
  while (str.length < length) str += pieces[random(pieces.length)];
  check(str, `random ${round}`);
}

// A long string: more than the stack scratch, every block in the vector
// path.
check('ü😀日a'.repeat(5000), 'long');

// Strings are read 4,096 units at a time: across each of the first two
// such edges.
for (const edge of [4096, 8192]) {
  for (let at = edge - 3; at <= edge + 1; at++) {
    checkSurrogatesAt(edge + 50, at);
  }
}

// fs.writeFileSync and a socket's write(string) take the same path.
const fs = require('fs');
const net = require('net');
const tmpdir = require('../common/tmpdir');
tmpdir.refresh();
const file = tmpdir.resolve('two-byte.txt');
const samples = ['é😀\uD800', mix.repeat(10) + '\uDC00', '✓a😀'.repeat(3000)];
for (const str of samples) {
  fs.writeFileSync(file, str);
  assert.deepStrictEqual(fs.readFileSync(file), reference(str));
}
const server = net.createServer((socket) => {
  for (const str of samples) socket.write(str);
  socket.end();
}).listen(0, () => {
  const chunks = [];
  net.connect(server.address().port)
    .on('data', (chunk) => chunks.push(chunk))
    .on('end', common.mustCall(() => {
      assert.deepStrictEqual(Buffer.concat(chunks),
                             Buffer.concat(samples.map(reference)));
      server.close();
    }));
});
