'use strict';
// ReadStream and WriteStream: open/ready events, ranges, errors.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');

tmpdir.refresh();
const input = tmpdir.resolve('in.txt');
fs.writeFileSync(input, 'abcdefghij'.repeat(1000));

const ws = fs.createWriteStream(tmpdir.resolve('out.txt'));
assert.strictEqual(ws.pending, true);
ws.on('open', common.mustCall((fd) => assert.strictEqual(typeof fd, 'number')));
ws.on('ready', common.mustCall());
ws.write('hello ');
ws.end(Buffer.from('world'), common.mustCall(() => {
  assert.strictEqual(ws.bytesWritten, 11);
  assert.strictEqual(fs.readFileSync(tmpdir.resolve('out.txt'), 'utf8'),
                     'hello world');
}));
ws.on('close', common.mustCall());

const rs = fs.createReadStream(input, { start: 5, end: 5004,
                                        highWaterMark: 1024 });
let total = 0;
rs.on('data', (chunk) => { total += chunk.length; });
rs.on('end', common.mustCall(() => {
  assert.strictEqual(total, 5000);
  assert.strictEqual(rs.bytesRead, 5000);
}));
rs.on('close', common.mustCall());

fs.createReadStream(tmpdir.resolve('nope')).on('error', common.mustCall((e) => {
  assert.strictEqual(e.code, 'ENOENT');
  assert.strictEqual(e.syscall, 'open');
}));
assert.throws(() => fs.createReadStream(input, { start: 5, end: 2 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "start" is out of range. It must be <= "end" ' +
    '(here: 2). Received 5',
});
