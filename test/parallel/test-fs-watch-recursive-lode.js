'use strict';
// fs.watch(dir, { recursive: true }) on Linux: new folders are watched, names
// are relative to the root, a removed tree is reported, symlinks are not
// followed, and the AbortSignal closes the watcher.
const common = require('../common');
const assert = require('assert');
const path = require('path');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');

tmpdir.refresh();
const root = tmpdir.resolve('tree');
fs.mkdirSync(path.join(root, 'old'), { recursive: true });
fs.writeFileSync(path.join(root, 'old', 'a.txt'), 'a');
fs.symlinkSync(tmpdir.path, path.join(root, 'link'));

assert.throws(() => fs.watch(root, { recursive: 'yes' }),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.watch(tmpdir.resolve('nope'), { recursive: true }),
              { code: 'ENOENT', syscall: 'stat' });

const ac = new AbortController();
const events = [];
const watcher = fs.watch(root, { recursive: true, signal: ac.signal });
watcher.on('change', (eventType, filename) => {
  events.push(`${eventType} ${filename}`);
});
watcher.on('close', common.mustCall(() => {
  assert.ok(events.includes('rename new'));
  assert.ok(events.includes(`rename ${path.join('new', 'b.txt')}`));
  assert.ok(events.includes(`change ${path.join('old', 'a.txt')}`));
  assert.ok(events.includes(`rename ${path.join('old', 'a.txt')}`));
  assert.ok(!events.some((e) => e.includes('outside')));
}));

const steps = [
  () => {
    fs.mkdirSync(path.join(root, 'new'));
    fs.writeFileSync(path.join(root, 'new', 'b.txt'), 'b');
  },
  () => fs.appendFileSync(path.join(root, 'old', 'a.txt'), 'more'),
  () => fs.writeFileSync(tmpdir.resolve('outside.txt'), 'x'),
  () => fs.rmSync(path.join(root, 'old'), { recursive: true }),
  () => ac.abort(),
];
let i = 0;
const timer = setInterval(() => {
  steps[i++]();
  if (i === steps.length) clearInterval(timer);
}, common.platformTimeout(100));
