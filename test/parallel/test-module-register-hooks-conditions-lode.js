'use strict';

// The conditions a module.registerHooks() resolve hook hands on in its
// context are the ones the default step resolves package "exports" with,
// for require() and import alike; undefined stands for the default ones,
// anything else but an array is refused.

const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { registerHooks } = require('module');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const pkg = path.join(tmpdir.path, 'node_modules', 'pkg');
fs.mkdirSync(pkg, { recursive: true });
const entry = { custom: './custom.cjs', default: './default.cjs' };
fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({
  exports: { './a': entry, './b': entry, './c': entry, './d': entry },
}));
fs.writeFileSync(path.join(pkg, 'custom.cjs'), 'module.exports = "custom";');
fs.writeFileSync(path.join(pkg, 'default.cjs'), 'module.exports = "default";');
const parent = path.join(tmpdir.path, 'parent.js');
fs.writeFileSync(parent, `
exports.req = (id) => require(id);
exports.imp = (id) => import(id).then((ns) => ns.default);
`);
const { req, imp } = require(parent);

function withConditions(change, fn) {
  const hook = registerHooks({
    resolve(specifier, context, nextResolve) {
      context.conditions = change(context.conditions);
      return nextResolve(specifier, context);
    },
  });
  return Promise.resolve(fn()).finally(() => hook.deregister());
}

(async () => {
  await withConditions((c) => ['custom', ...c], async () => {
    assert.strictEqual(req('pkg/a'), 'custom');
    assert.strictEqual(await imp('pkg/a'), 'custom');
  });
  await withConditions(() => undefined, async () => {
    assert.strictEqual(req('pkg/b'), 'default');
    assert.strictEqual(await imp('pkg/b'), 'default');
  });
  await withConditions(() => [], async () => {
    assert.strictEqual(req('pkg/c'), 'default');
    assert.strictEqual(await imp('pkg/c'), 'default');
  });
  await withConditions(() => 'custom', async () => {
    assert.throws(() => req('pkg/d'), {
      code: 'ERR_INVALID_ARG_VALUE',
      name: 'TypeError',
      message: "The property 'context.conditions' expected an array. " +
        "Received 'custom'",
    });
    await assert.rejects(imp('pkg/d'), {
      code: 'ERR_INVALID_ARG_VALUE',
      name: 'TypeError',
      message: "The argument 'conditions' expected an array. " +
        "Received 'custom'",
    });
  });
})().then(common.mustCall());
