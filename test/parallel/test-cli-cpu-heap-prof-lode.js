'use strict';
// --cpu-prof and --heap-prof write V8's profiles at exit, named as Node
// names them, to the working directory or the given folder; their settings
// without them are usage errors.
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

const work = 'function allocate() { const a = []; ' +
  'for (let i = 0; i < 2e5; i++) a.push({ i }); return a.length; } ' +
  'allocate();';

tmpdir.refresh();
{
  const run = spawnSync(process.execPath, [
    '--cpu-prof', '--heap-prof', '--heap-prof-interval', '128', '-e', work,
  ], { cwd: tmpdir.path, encoding: 'utf8' });
  assert.strictEqual(run.status, 0, run.stderr);
  const files = fs.readdirSync(tmpdir.path).sort();
  assert.strictEqual(files.length, 2, String(files));
  const pid = run.pid;
  assert.match(files[0],
               new RegExp(`^CPU\\.\\d{8}\\.\\d{6}\\.${pid}\\.0\\.001\\.cpuprofile$`));
  assert.match(files[1],
               new RegExp(`^Heap\\.\\d{8}\\.\\d{6}\\.${pid}\\.0\\.002\\.heapprofile$`));
  const cpu = JSON.parse(fs.readFileSync(tmpdir.resolve(files[0]), 'utf8'));
  assert(Array.isArray(cpu.nodes) && Array.isArray(cpu.samples));
  assert.strictEqual(cpu.nodes[0].callFrame.functionName, '(root)');
  const heap = JSON.parse(fs.readFileSync(tmpdir.resolve(files[1]), 'utf8'));
  assert.strictEqual(heap.head.callFrame.functionName, '(root)');
  assert(Array.isArray(heap.samples));
  const names = [];
  (function walk(node) {
    names.push(node.callFrame.functionName);
    node.children.forEach(walk);
  })(heap.head);
  assert(names.includes('allocate'), names.join());
}

// A folder (made when missing) and a name; process.exit() writes it too.
tmpdir.refresh();
{
  const run = spawnSync(process.execPath, [
    '--heap-prof', '--heap-prof-dir', 'profiles/heap',
    '--heap-prof-name', 'mine.heapprofile', '-e', `${work} process.exit(3)`,
  ], { cwd: tmpdir.path, encoding: 'utf8' });
  assert.strictEqual(run.status, 3, run.stderr);
  const file = path.join(tmpdir.path, 'profiles', 'heap', 'mine.heapprofile');
  assert(JSON.parse(fs.readFileSync(file, 'utf8')).head);
}

for (const [args, flag] of [
  [['--heap-prof-name', 'x'], '--heap-prof-name'],
  [['--heap-prof-dir', 'x'], '--heap-prof-dir'],
  [['--heap-prof-interval', '128'], '--heap-prof-interval'],
  [['--cpu-prof-name', 'x'], '--cpu-prof-name'],
  [['--cpu-prof-dir', 'x'], '--cpu-prof-dir'],
  [['--cpu-prof-interval', 'crashme'], '--cpu-prof-interval'],
]) {
  const run = spawnSync(process.execPath, [...args, '-e', '0'],
                        { encoding: 'utf8' });
  assert.strictEqual(run.status, 9);
  const base = flag.startsWith('--heap') ? '--heap-prof' : '--cpu-prof';
  assert.strictEqual(run.stderr.trim(),
                     `${process.execPath}: ${flag} must be used with ${base}`);
}
