'use strict';
// fs.promises.readFile of a regular file reads into one buffer of the size
// fstat reports (several requests for a large file), from the handle's
// current position, and still reads files whose size is unknown (0).
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');

tmpdir.refresh();
const file = tmpdir.resolve('big.bin');
const data = Buffer.alloc(1300 * 1024);
for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 255;
fs.writeFileSync(file, data);

(async () => {
  const whole = await fs.promises.readFile(file);
  assert.ok(whole.equals(data));
  assert.strictEqual(whole.buffer.byteLength, data.length);
  assert.strictEqual((await fs.promises.readFile(file, 'latin1')).length,
                     data.length);

  const fh = await fs.promises.open(file, 'r');
  await fh.read(Buffer.alloc(1000), 0, 1000, null);
  const rest = await fh.readFile();
  assert.ok(rest.equals(data.subarray(1000)));
  await fh.close();

  fs.writeFileSync(file, '');
  assert.strictEqual((await fs.promises.readFile(file)).length, 0);
  if (common.isLinux) {
    const status = await fs.promises.readFile('/proc/self/status', 'utf8');
    assert.match(status, /^Name:/);
  }
})().then(common.mustCall());
