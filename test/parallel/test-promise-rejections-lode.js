'use strict';
// Unhandled rejections: the warning shows a reason as V8 prints it; the
// deprecated 'multipleResolves' event; a long run of rejections handled at
// once is cheap; a bad --unhandled-rejections is a usage error.
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

{
  const { stderr } = spawnSync(process.execPath, [
    '--unhandled-rejections=warn', '-e',
    'Promise.reject("plain"); Promise.reject({ a: 1 }); Promise.reject(42);',
  ], { encoding: 'utf8' });
  assert.match(stderr, /UnhandledPromiseRejectionWarning: plain\n/);
  assert.match(stderr, /UnhandledPromiseRejectionWarning: #<Object>\n/);
  assert.match(stderr, /UnhandledPromiseRejectionWarning: 42\n/);
}
{
  const { stderr, status } = spawnSync(process.execPath, [
    '-e', 'Promise.reject({ a: 1 })',
  ], { encoding: 'utf8' });
  assert.strictEqual(status, 1);
  assert.match(stderr, /The promise rejected with the reason "#<Object>"\./);
}
{
  const { stderr, status } = spawnSync(process.execPath, [
    '--unhandled-rejections=foobar', '-e', '0',
  ], { encoding: 'utf8' });
  assert.strictEqual(status, 9);
  assert.strictEqual(stderr.trim(),
                     `${process.execPath}: invalid value for ` +
                     '--unhandled-rejections');
}

common.expectWarning('DeprecationWarning',
                     'The multipleResolves event has been deprecated.',
                     'DEP0160');
const seen = [];
process.on('multipleResolves', common.mustCall((type, promise, value) => {
  seen.push([type, promise, value]);
}, 2));
const p = new Promise((resolve, reject) => {
  resolve(1);
  resolve(2);
  reject(3);
});
setImmediate(common.mustCall(() => {
  assert.deepStrictEqual(seen, [['resolve', p, 2], ['reject', p, 3]]);
}));

(async () => {
  for (let i = 0; i < 50000; i++) {
    await Promise.reject(new Error('x')).catch(() => {});
  }
  const start = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert(Date.now() - start < 1000);
})().then(common.mustCall());
