'use strict';
// fsPromises.watch: an async iterator of { eventType, filename }; validation
// errors reject the first next(); an AbortSignal ends it with an AbortError.
const common = require('../common');
const assert = require('assert');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');
const { watch } = require('fs/promises');

tmpdir.refresh();
const file = tmpdir.resolve('w.txt');
fs.writeFileSync(file, '');

(async () => {
  await assert.rejects(watch(1).next(), { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(watch(file, { overflow: 'x' }).next(),
                       { code: 'ERR_INVALID_ARG_VALUE' });
  await assert.rejects(watch(file, { maxQueue: 'x' }).next(),
                       { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(watch(tmpdir.resolve('missing')).next(),
                       { code: 'ENOENT', syscall: 'watch' });

  const timer = setInterval(() => fs.appendFileSync(file, 'x'), 20);
  const watcher = watch(tmpdir.path);
  for await (const event of watcher) {
    assert.deepStrictEqual(Object.keys(event), ['eventType', 'filename']);
    if (event.filename === 'w.txt') break;
  }
  // Done once returned.
  assert.deepStrictEqual(await watcher.next(),
                         { value: undefined, done: true });

  const ac = new AbortController();
  const reason = new Error('stop');
  setTimeout(() => ac.abort(reason), 50);
  await assert.rejects(async () => {
    for await (const event of watch(file, { signal: ac.signal })) {
      assert.strictEqual(event.eventType, 'change');
    }
  }, { name: 'AbortError', cause: reason });

  const recursive = watch(tmpdir.path, { recursive: true });
  for await (const { filename } of recursive) {
    if (filename === 'w.txt') break;
  }
  clearInterval(timer);
})().then(common.mustCall());
