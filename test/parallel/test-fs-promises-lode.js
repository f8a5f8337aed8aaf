'use strict';
// fs.promises and FileHandle.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');
const fsp = require('fs/promises');

tmpdir.refresh();
const file = tmpdir.resolve('p.txt');

(async () => {
  assert.strictEqual(fs.promises, fsp);
  await fsp.writeFile(file, 'hello');
  await fsp.appendFile(file, '!');
  assert.strictEqual(await fsp.readFile(file, 'utf8'), 'hello!');
  await assert.rejects(fsp.readFile(tmpdir.resolve('nope')), {
    code: 'ENOENT', syscall: 'open',
  });
  assert.strictEqual(await fsp.mkdir(tmpdir.resolve('m/n'),
                                     { recursive: true }),
                     tmpdir.resolve('m'));
  assert.deepStrictEqual(await fsp.readdir(tmpdir.resolve('m'),
                                           { recursive: true }), ['n']);
  await fsp.rm(tmpdir.resolve('m'), { recursive: true });
  await assert.rejects(fsp.access(tmpdir.resolve('m')), { code: 'ENOENT' });

  const fh = await fsp.open(file, 'r+');
  assert.strictEqual(typeof fh.fd, 'number');
  const { bytesRead, buffer } = await fh.read(Buffer.alloc(5), 0, 5, 0);
  assert.strictEqual(bytesRead, 5);
  assert.strictEqual(buffer.toString(), 'hello');
  const w = await fh.write('J', 0);
  assert.strictEqual(w.bytesWritten, 1);
  assert.strictEqual((await fh.stat()).size, 6);
  await fh.truncate(2);
  assert.strictEqual(await fsp.readFile(file, 'utf8'), 'Je');
  fh.on('close', common.mustCall());
  await fh.close();
  assert.strictEqual(fh.fd, -1);
  await fh.close();
  await assert.rejects(fh.stat(), {
    code: 'EBADF', syscall: 'fstat', message: 'file closed',
  });
})().then(common.mustCall());
