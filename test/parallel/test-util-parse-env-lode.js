'use strict';
// util.parseEnv(): the dotenv format as Node 24 reads it.
require('../common');
const assert = require('assert');
const { parseEnv } = require('util');

const cases = [
  ['', {}],
  ['A=1\nB=2', { A: '1', B: '2' }],
  ['A=1\r\nB=2\r\n', { A: '1', B: '2' }],
  ['FOO=bar\nFOO=baz\n', { FOO: 'baz' }],
  // Quotes, multi-line values, \n expanded in double quotes only.
  ['A="x\\ny"', { A: 'x\ny' }],
  ["A='x\\ny'", { A: 'x\\ny' }],
  ['A=`a\nb`', { A: 'a\nb' }],
  ['A="a"b"', { A: 'a' }],
  ["A='x' # c\nB=1", { A: 'x', B: '1' }],
  // No closing quote: the line as written.
  ["A='x # y\nB=1", { A: "'x # y", B: '1' }],
  // Comments and blanks.
  ['A= x # y', { A: 'x' }],
  ['A=x#y', { A: 'x' }],
  ['#A=v\nB=1', { B: '1' }],
  ['  \nB=2', { B: '2' }],
  ['A=v\n\t#c\nB=2', { A: 'v', B: '2' }],
  ['#\n #A=1', { '#A': '1' }],
  ['X=1\n #A=1', { X: '1' }],
  ['A=\u00a0x\u00a0', { A: '\u00a0x\u00a0' }],
  // Empty values and keys.
  ['A=', { A: '' }],
  ['A=\n=2', { A: '' }],
  ['A=  \nB=1', { A: 'B=1' }],
  ['=', { '': '' }],
  ['=x', {}],
  ['=\t=B=1', { B: '1' }],
  // export.
  ['export A=1', { A: '1' }],
  ['export  A=1', { A: '1' }],
  ['export A=', { 'export A': '' }],
  ['export\tA=1', { 'export\tA': '1' }],
  // Lines without "=".
  ['A\nB=v', { B: 'v' }],
  ['A=1\n#\nB=2\nC', { A: '1', B: '2' }],
];
for (const [input, expected] of cases) {
  assert.deepStrictEqual(parseEnv(input), expected, JSON.stringify(input));
}

// Keys come out sorted.
assert.deepStrictEqual(Object.keys(parseEnv('b=1\na=2\nB=3')), ['B', 'a', 'b']);

for (const value of [null, undefined, {}, [], 1]) {
  assert.throws(() => parseEnv(value), { code: 'ERR_INVALID_ARG_TYPE' });
}
