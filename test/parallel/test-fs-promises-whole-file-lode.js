'use strict';
// fs.promises.readFile/writeFile of a path (one threadpool job each when no
// AbortSignal is given): results, options and the errors of each step.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');
const fsp = fs.promises;

tmpdir.refresh();
const file = tmpdir.resolve('w.txt');

(async () => {
  // Strings in UTF-8 (lone surrogates replaced) and other encodings, views.
  await fsp.writeFile(file, 'h\u00e9llo \ud83d\ude00 \ud800');
  assert.deepStrictEqual(fs.readFileSync(file),
                         Buffer.from('h\u00e9llo \ud83d\ude00 \ud800'));
  await fsp.writeFile(file, '68656c6c6f', 'hex');
  assert.strictEqual(fs.readFileSync(file, 'latin1'), 'hello');
  await fsp.writeFile(file, 'aGk=', { encoding: 'base64' });
  assert.strictEqual(fs.readFileSync(file, 'latin1'), 'hi');
  await fsp.writeFile(file, new Uint16Array([0x6261, 0x6463]).subarray(1));
  assert.strictEqual(fs.readFileSync(file, 'latin1'), 'cd');
  await fsp.writeFile(file, new DataView(new ArrayBuffer(3)));
  assert.deepStrictEqual(fs.readFileSync(file), Buffer.alloc(3));
  await fsp.writeFile(file, '');
  assert.strictEqual(fs.statSync(file).size, 0);
  await fsp.writeFile(file, Buffer.alloc(0));
  assert.strictEqual(fs.statSync(file).size, 0);

  // Flags, mode, flush, appendFile.
  await fsp.writeFile(file, 'ab', { flush: true });
  await fsp.writeFile(file, 'cd', { flag: 'a' });
  await fsp.appendFile(file, Buffer.from('ef'));
  assert.strictEqual(await fsp.readFile(file, 'utf8'), 'abcdef');
  await assert.rejects(fsp.writeFile(file, 'x', { flag: 'wx' }), {
    code: 'EEXIST', syscall: 'open', path: file,
    message: `EEXIST: file already exists, open '${file}'`,
  });
  const modeFile = tmpdir.resolve('mode.txt');
  await fsp.writeFile(modeFile, 'm', { mode: 0o600 });
  if (!common.isWindows) {
    assert.strictEqual(fs.statSync(modeFile).mode & 0o777, 0o600);
  }
  await assert.rejects(fsp.writeFile(file, 'x', { flush: 'yes' }),
                       { code: 'ERR_INVALID_ARG_TYPE' });
  // An odd-length hex string is not refused: its last digit is dropped.
  await fsp.writeFile(file, 'abc', 'hex');
  assert.deepStrictEqual(fs.readFileSync(file), Buffer.from([0xab]));
  const fh = await fsp.open(file, 'w');
  await fh.writeFile('abc', 'hex');
  await fh.close();
  assert.deepStrictEqual(fs.readFileSync(file), Buffer.from([0xab]));

  // Errors of the open (with the path) and of the write (without).
  const missing = tmpdir.resolve('no/such/file');
  await assert.rejects(fsp.writeFile(missing, 'x'), {
    code: 'ENOENT', syscall: 'open', path: missing, errno: -2,
    message: `ENOENT: no such file or directory, open '${missing}'`,
  });
  await assert.rejects(fsp.readFile(missing), (err) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.syscall, 'open');
    assert.strictEqual(err.path, missing);
    // The stack is that of the caller, not empty.
    assert.match(err.stack, /test-fs-promises-whole-file-lode/);
    return true;
  });
  await assert.rejects(fsp.readFile(tmpdir.path), {
    code: 'EISDIR', syscall: 'read',
    message: 'EISDIR: illegal operation on a directory, read',
  });
  if (common.isLinux && fs.existsSync('/dev/full')) {
    await assert.rejects(fsp.writeFile('/dev/full', 'x'), (err) => {
      assert.strictEqual(err.code, 'ENOSPC');
      assert.strictEqual(err.syscall, 'write');
      assert.strictEqual(err.path, undefined);
      return true;
    });
  }
  await assert.rejects(fsp.readFile(file, { flag: 'zz' }),
                       { code: 'ERR_INVALID_ARG_VALUE' });
  await assert.rejects(fsp.readFile(123), { code: 'ERR_INVALID_ARG_TYPE' });

  // readFile: encodings, Buffer and URL paths, flags, sizes.
  await fsp.writeFile(file, 'hello');
  assert.strictEqual(await fsp.readFile(file, 'base64'), 'aGVsbG8=');
  assert.deepStrictEqual(await fsp.readFile(Buffer.from(file)),
                         Buffer.from('hello'));
  const { pathToFileURL } = require('url');
  assert.strictEqual(await fsp.readFile(pathToFileURL(file), 'utf8'), 'hello');
  assert.strictEqual(await fsp.readFile(file, { flag: 'a+', encoding: 'utf8' }),
                     'hello');
  const created = tmpdir.resolve('created.txt');
  assert.strictEqual((await fsp.readFile(created, { flag: 'a+' })).length, 0);
  assert.ok(fs.existsSync(created));
  const big = Buffer.alloc(3 * 1024 * 1024 + 17);
  for (let i = 0; i < big.length; i++) big[i] = (i * 13) & 255;
  await fsp.writeFile(file, big);
  const back = await fsp.readFile(file);
  assert.ok(back.equals(big));
  assert.ok(back instanceof Buffer);
  assert.strictEqual(back.buffer.byteLength, big.length);
  if (common.isLinux) {
    // Size 0 in stat, read until the end.
    assert.match(await fsp.readFile('/proc/self/status', 'utf8'), /^Name:/);
  }

  // With an AbortSignal: rejected before any I/O when already aborted.
  const ac = new AbortController();
  ac.abort();
  const untouched = tmpdir.resolve('untouched.txt');
  await assert.rejects(fsp.writeFile(untouched, 'x', { signal: ac.signal }),
                       { name: 'AbortError' });
  assert.ok(!fs.existsSync(untouched));
  await assert.rejects(fsp.readFile(file, { signal: ac.signal }),
                       { name: 'AbortError' });
  assert.strictEqual(
    await fsp.readFile(file, { signal: new AbortController().signal,
                               encoding: 'latin1' }),
    big.toString('latin1'));

  // Many at once.
  const names = [];
  for (let i = 0; i < 20; i++) names.push(tmpdir.resolve(`many${i}`));
  await Promise.all(names.map((n, i) => fsp.writeFile(n, `${i}`)));
  const texts = await Promise.all(names.map((n) => fsp.readFile(n, 'utf8')));
  assert.deepStrictEqual(texts, names.map((n, i) => `${i}`));
})().then(common.mustCall());
