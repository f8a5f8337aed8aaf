'use strict';
// fs.globSync, fs.glob and fsPromises.glob over one tree: wildcards, '**'
// (no dot names, no symlinked directories), braces, extglobs, '..',
// trailing '/', absolute patterns, arrays, cwd as a URL, withFileTypes and
// both kinds of exclude.
const common = require('../common');
const assert = require('assert');
const path = require('path');
const { pathToFileURL } = require('url');
const tmpdir = require('../common/tmpdir');
const fs = require('fs');

tmpdir.refresh();
const cwd = tmpdir.resolve('tree');
for (const f of ['a/b/c.js', 'a/b/d.ts', 'a/e.js', 'a/.hidden/x.js',
                 'f.js', 'g/h/i.md']) {
  fs.mkdirSync(path.join(cwd, path.dirname(f)), { recursive: true });
  fs.writeFileSync(path.join(cwd, f), f);
}
fs.symlinkSync(path.join(cwd, 'a'), path.join(cwd, 'g', 'link'));

const cases = {
  '*.js': ['f.js'],
  '**/*.js': ['a/b/c.js', 'a/e.js', 'f.js'],
  'a/**': ['a', 'a/b', 'a/b/c.js', 'a/b/d.ts', 'a/e.js'],
  'a/**/': ['a', 'a/b'],
  'a/{b/*.ts,e.js}': ['a/b/d.ts', 'a/e.js'],
  'a/b/+(c|d).*': ['a/b/c.js', 'a/b/d.ts'],
  'a/b/!(c).*': ['a/b/d.ts'],
  'a/.hidden/*': ['a/.hidden/x.js'],
  'a/b/../e.js': ['a/e.js'],
  'a//b///c.js': ['a/b/c.js'],
  'g/*': ['g/h', 'g/link'],
  'g/link/e.js': ['g/link/e.js'],
  '**/i.md': ['g/h/i.md'],
  '[a-f].js': ['f.js'],
  'a/b/?.js': ['a/b/c.js'],
  'nothing/**': [],
};
const norm = (list) => list.map((p) => p.replaceAll('/', path.sep)).sort();

for (const [pattern, expected] of Object.entries(cases)) {
  assert.deepStrictEqual(fs.globSync(pattern, { cwd }).sort(), norm(expected),
                         pattern);
  assert.deepStrictEqual(
    fs.globSync(pattern, { cwd: pathToFileURL(cwd) }).sort(), norm(expected));
  fs.glob(pattern, { cwd }, common.mustSucceed((result) => {
    assert.deepStrictEqual(result.sort(), norm(expected), pattern);
  }));
  (async () => {
    const result = [];
    for await (const p of fs.promises.glob(pattern, { cwd })) result.push(p);
    assert.deepStrictEqual(result.sort(), norm(expected), pattern);
  })().then(common.mustCall());
}

// An absolute pattern gives absolute results; arrays join their results.
assert.deepStrictEqual(fs.globSync(`${cwd}/g/h/*`), [path.join(cwd, 'g/h/i.md')]);
assert.deepStrictEqual(fs.globSync(['f.js', 'a/e.js', 'f.js'], { cwd }).sort(),
                       norm(['a/e.js', 'f.js']));

// withFileTypes: Dirents with their parent directory.
const dirents = fs.globSync('a/*', { cwd, withFileTypes: true });
assert.ok(dirents.every((d) => d instanceof fs.Dirent));
assert.deepStrictEqual(
  dirents.map((d) => path.relative(cwd, path.join(d.parentPath, d.name))).sort(),
  norm(['a/b', 'a/e.js']));
assert.ok(dirents.find((d) => d.name === 'b').isDirectory());

// exclude as patterns (resolved against cwd) or as a function.
assert.deepStrictEqual(fs.globSync('**/*.js', { cwd, exclude: ['a/**'] }),
                       ['f.js']);
assert.deepStrictEqual(
  fs.globSync('**/*.js', { cwd, exclude: (p) => p === 'a' }), ['f.js']);
assert.deepStrictEqual(
  fs.globSync('a/**', { cwd, withFileTypes: true,
                        exclude: (d) => d.name === 'b' })
    .map((d) => d.name).sort(),
  ['a', 'e.js']);

// Validation.
assert.throws(() => fs.globSync(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.globSync(['a', 1]), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.globSync('*', null), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => fs.globSync('*', { exclude: 1 }),
              { code: 'ERR_INVALID_ARG_TYPE',
                message: 'The "options.exclude" property must be of type ' +
                  'function or string[]. Received type number (1)' });
assert.throws(() => fs.glob('*'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.rejects(fs.promises.glob(1).next(), { code: 'ERR_INVALID_ARG_TYPE' })
  .then(common.mustCall());
