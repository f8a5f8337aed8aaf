'use strict';
// module.registerHooks() resolve hooks and the CommonJS loader's caches:
// what a hook's own conditions resolve is not kept for later requires
// (the path cache's key leaves the conditions out), and a hooked
// require('node:fs') is the builtin even when Module._cache has an 'fs'
// entry. As in Node 24.
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const Module = require('module');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const pkg = path.join(tmpdir.path, 'node_modules', 'pkg');
fs.mkdirSync(pkg, { recursive: true });
fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({
  exports: { './a': { custom: './custom.cjs', default: './default.cjs' } },
}));
fs.writeFileSync(path.join(pkg, 'custom.cjs'), 'module.exports = "custom";');
fs.writeFileSync(path.join(pkg, 'default.cjs'), 'module.exports = "default";');
// A script in that folder: a hooked require, the same request after the
// hook is gone (from the same folder: Node's per-folder cache answers it),
// then require.resolve() without hooks and with a hook that adds no
// condition of its own: the default file both times.
const helper = path.join(tmpdir.path, 'helper.js');
fs.writeFileSync(helper, 'module.exports = (id) => require(id);');
const main = path.join(tmpdir.path, 'main.js');
fs.writeFileSync(main, `
const { registerHooks } = require('module');
const out = [];
let hooks = registerHooks({
  resolve(s, c, next) {
    return next(s, { ...c, conditions: ['custom', ...c.conditions] });
  },
});
out.push(require('./helper.js')('pkg/a'));
hooks.deregister();
out.push(require('./helper.js')('pkg/a'));
out.push(require('path').basename(require.resolve('pkg/a')));
hooks = registerHooks({
  resolve(s, c, next) { return next(s, { ...c, conditions: [] }); },
});
out.push(require('path').basename(require.resolve('pkg/a')));
console.log(out.join(' '));
`);
const { status, stdout, stderr } =
  spawnSync(process.execPath, [main], { encoding: 'utf8' });
assert.strictEqual(status, 0, stderr);
assert.strictEqual(stdout, 'custom custom default.cjs default.cjs\n');

// A resolve hook's answer for node:fs is the builtin, not Module._cache.fs.
const realFs = require('fs');
Module._cache.fs = { loaded: true, exports: 'FAKE', children: [] };
try {
  const hooks = Module.registerHooks({
    resolve(specifier, context, next) { return next(specifier, context); },
  });
  assert.strictEqual(require('node:fs'), realFs);
  hooks.deregister();
  assert.strictEqual(require('node:fs'), realFs);
} finally {
  delete Module._cache.fs;
}
