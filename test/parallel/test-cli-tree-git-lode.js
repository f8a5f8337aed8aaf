'use strict';
// A CLI that reads a tree, writes files into it and spawns git
// (test/fixtures/tree-git-cli.js) gives the same output, files and commit
// under lode as under node (the `node` on PATH, when there is one).
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

if (spawnSync('git', ['--version']).status !== 0) common.skip('needs git');

const cli = path.join(__dirname, '..', 'fixtures', 'tree-git-cli.js');
tmpdir.refresh();

function makeTree(root) {
  const files = {
    'package.json': '{ "name": "demo", "version": "1.0.0" }\n',
    'src/index.js': "module.exports = require('./lib/add');\n",
    'src/lib/add.js': 'module.exports = (a, b) => a + b;\n',
    'src/lib/data.bin': Buffer.from([0, 1, 2, 255, 254, 10]),
    'docs/README.md': '# Demo\n\nnon-ASCII: é ✓ 日本\n',
    'docs/deep/er/note.txt': 'x'.repeat(70000),
  };
  for (const [name, data] of Object.entries(files)) {
    const full = path.join(root, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, data);
  }
  return Object.keys(files).length;
}

function run(runtime, name) {
  const root = tmpdir.resolve(name);
  const count = makeTree(root);
  const result = spawnSync(runtime, [cli, root], { encoding: 'utf8' });
  assert.strictEqual(result.status, 0, result.stderr);
  const report = JSON.parse(result.stdout);
  return { root, count, stdout: result.stdout, report };
}

const lode = run(process.execPath, 'lode');
assert.strictEqual(lode.report.files, lode.count);
assert.strictEqual(lode.report.bytes, 70000 + 6 + 39 + 39 + 34 +
                   Buffer.byteLength('# Demo\n\nnon-ASCII: é ✓ 日本\n'));
assert.deepStrictEqual(lode.report.listed,
                       ['SUMMARY.txt', 'docs/README.md',
                        'docs/deep/er/note.txt', 'manifest.json',
                        'package.json', 'src/index.js', 'src/lib/add.js',
                        'src/lib/data.bin']);
assert.strictEqual(lode.report.status, '');
assert.match(lode.report.head, /^[0-9a-f]{40}$/);
const manifest = JSON.parse(fs.readFileSync(path.join(lode.root,
                                                      'manifest.json')));
assert.strictEqual(manifest.length, lode.count);
assert.deepStrictEqual(manifest.find((f) => f.path === 'src/lib/data.bin'),
                       { path: 'src/lib/data.bin', size: 6,
                         sha1: '02d539901fffee203bbc2f24301efad9fdd00c97' });

// The same run under node, when the machine has one that is not lode.
const node = spawnSync('node', ['-p', 'process.versions.lode === undefined'],
                       { encoding: 'utf8' });
if (node.status === 0 && node.stdout.trim() === 'true') {
  const other = run('node', 'node');
  assert.strictEqual(lode.stdout, other.stdout);
  for (const file of ['manifest.json', 'SUMMARY.txt']) {
    assert.strictEqual(fs.readFileSync(path.join(lode.root, file), 'utf8'),
                       fs.readFileSync(path.join(other.root, file), 'utf8'));
  }
}
