'use strict';
// URL.createObjectURL / revokeObjectURL / buffer.resolveObjectURL,
// fs.openAsBlob and FileHandle.readableWebStream.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const { resolveObjectURL } = require('buffer');
const tmpdir = require('../common/tmpdir');

{
  const blob = new Blob(['content'], { type: 'text/x' });
  const url = URL.createObjectURL(blob);
  assert.match(url, /^blob:nodedata:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
  const resolved = resolveObjectURL(url);
  assert.strictEqual(resolved.size, 7);
  assert.strictEqual(resolved.type, 'text/x');
  URL.revokeObjectURL(url);
  assert.strictEqual(resolveObjectURL(url), undefined);
  assert.strictEqual(resolveObjectURL('blob:nodedata:nope'), undefined);
  assert.throws(() => URL.createObjectURL({}), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
  assert.throws(() => URL.revokeObjectURL(), { code: 'ERR_MISSING_ARGS' });
}

tmpdir.refresh();
const file = tmpdir.resolve('blob.txt');
fs.writeFileSync(file, 'a'.repeat(70000));

(async () => {
  const blob = await fs.openAsBlob(file, { type: 'X/Y' });
  assert.strictEqual(blob.size, 70000);
  assert.strictEqual(blob.type, 'X/Y');
  const sizes = [];
  for await (const chunk of blob.stream()) sizes.push(chunk.byteLength);
  assert.deepStrictEqual(sizes, [65536, 4464]);
  assert.strictEqual(await blob.slice(69998).text(), 'aa');
  // The Blob openAsBlob gives cannot be cloned or posted (as in Node); one
  // made from it can be cloned.
  const notCloneable = {
    code: 'ERR_INVALID_STATE',
    name: 'TypeError',
    message: 'Invalid state: File-backed Blobs are not cloneable',
  };
  assert.throws(() => structuredClone({ blob }), notCloneable);
  const { port1 } = new MessageChannel();
  assert.throws(() => port1.postMessage(blob), notCloneable);
  port1.close();
  assert.strictEqual(await structuredClone(blob.slice(69998)).text(), 'aa');
  fs.writeFileSync(file, 'changed');
  await assert.rejects(blob.text(), { name: 'NotReadableError' });
  assert.throws(() => fs.openAsBlob(tmpdir.resolve('missing')), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: 'Unable to open file as blob',
  });
})().then(common.mustCall());

(async () => {
  const handle = await fs.promises.open(__filename);
  const stream = handle.readableWebStream();
  assert.throws(() => handle.readableWebStream(), {
    code: 'ERR_INVALID_STATE',
    message: 'Invalid state: The FileHandle is locked',
  });
  let text = '';
  const decoder = new TextDecoder();
  for await (const chunk of stream) text += decoder.decode(chunk);
  assert.strictEqual(text, fs.readFileSync(__filename, 'utf8'));
  await handle.close();
  assert.throws(() => handle.readableWebStream(), {
    code: 'ERR_INVALID_STATE',
  });
})().then(common.mustCall());
