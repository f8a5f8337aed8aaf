'use strict';
// fs.readFile/fs.writeFile of a path with a callback (one threadpool job
// each when no AbortSignal or flush is given): results, options, errors.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');
const { promisify } = require('util');

tmpdir.refresh();
const file = tmpdir.resolve('cb.txt');
const readFile = promisify(fs.readFile);
const writeFile = promisify(fs.writeFile);

(async () => {
  await writeFile(file, 'h\u00e9llo');
  assert.strictEqual(await readFile(file, 'utf8'), 'h\u00e9llo');
  await writeFile(file, '6869', 'hex');
  assert.deepStrictEqual(await readFile(file), Buffer.from('hi'));
  await writeFile(file, new Uint8Array([1, 2, 3]).subarray(1));
  assert.deepStrictEqual(await readFile(file), Buffer.from([2, 3]));
  await writeFile(file, 'x', { flag: 'a' });
  assert.strictEqual(await readFile(file, 'latin1'), '\u0002\u0003x');
  await writeFile(file, 'flushed', { flush: true });
  assert.strictEqual(await readFile(file, { encoding: 'utf8' }), 'flushed');
  await promisify(fs.appendFile)(file, '!');
  assert.strictEqual(fs.readFileSync(file, 'utf8'), 'flushed!');

  const missing = tmpdir.resolve('nope/x');
  fs.writeFile(missing, 'x', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.syscall, 'open');
    assert.strictEqual(err.path, missing);
  }));
  fs.readFile(missing, common.mustCall((err, data) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.syscall, 'open');
    assert.strictEqual(data, undefined);
  }));
  fs.readFile(tmpdir.path, common.mustCall((err) => {
    assert.strictEqual(err.code, 'EISDIR');
    assert.strictEqual(err.syscall, 'read');
  }));
  const ok = tmpdir.resolve('ok.txt');
  fs.writeFile(ok, 'ok', common.mustCall(function(err) {
    assert.strictEqual(err, null);
    assert.strictEqual(arguments.length, 1);
  }));
  if (common.isLinux) {
    fs.readFile('/proc/self/status', 'utf8', common.mustSucceed((text) => {
      assert.match(text, /^Name:/);
    }));
  }
  const big = Buffer.alloc(1024 * 1024 + 3, 'z');
  await writeFile(file, big);
  const back = await readFile(file);
  assert.ok(back.equals(big));
  assert.strictEqual(back.buffer.byteLength, big.length);
})().then(common.mustCall());
