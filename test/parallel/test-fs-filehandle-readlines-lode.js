'use strict';
// FileHandle.readLines over a file with CRLF, empty lines and no final
// newline; start/end options pass through to the stream.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fsp = require('fs/promises');

tmpdir.refresh();
const file = tmpdir.resolve('lines.txt');

(async () => {
  await fsp.writeFile(file, '1\n\n2\r\nlast');
  const fh = await fsp.open(file);
  const lines = [];
  for await (const line of fh.readLines()) lines.push(line);
  assert.deepStrictEqual(lines, ['1', '', '2', 'last']);
  await fh.close();

  const fh2 = await fsp.open(file);
  const part = [];
  for await (const line of fh2.readLines({ start: 3, end: 5 })) part.push(line);
  assert.deepStrictEqual(part, ['2']);
  await fh2.close();
})().then(common.mustCall());
