'use strict';
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

// An uncaught primitive prints as its string conversion, as in Node: a
// string without quotes, a bigint without its n, -0 as 0; a symbol (which
// has no conversion) as an empty line.
const cases = [
  ['"literal string"', 'literal string'],
  ['1n', '1'],
  ['-0', '0'],
  ['null', 'null'],
  ['undefined', 'undefined'],
  ['Symbol("s")', ''],
];
for (const [code, printed] of cases) {
  const { status, stderr } = spawnSync(
    process.execPath, ['-e', `throw ${code};`], { encoding: 'utf8' });
  assert.strictEqual(status, 1);
  const lines = stderr.split('\n');
  // The line under the caret.
  const caret = lines.indexOf('^');
  assert.notStrictEqual(caret, -1, stderr);
  assert.strictEqual(lines[caret + 1], printed, stderr);
}
