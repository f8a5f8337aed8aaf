'use strict';

// module.registerHooks() load hooks and require(): the source they give
// must be a string, an ArrayBuffer or a TypedArray (nothing is read in
// its place); a resolve hook's URL of its own scheme names the module; a
// hook may hand another URL on to the default step, which reads that
// one; and an ES module they give (by format or by its syntax) is built
// from that source, the hooks being asked once.

const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { registerHooks } = require('module');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const real = path.join(tmpdir.path, 'real.js');
fs.writeFileSync(real, 'module.exports = "real";');
const blank = path.join(tmpdir.path, 'blank.js');
fs.writeFileSync(blank, '');

const sources = {
  'virt:string': 'module.exports = "string";',
  'virt:buffer': new TextEncoder().encode('module.exports = "view";').buffer,
  'virt:view': new TextEncoder().encode('module.exports = "view";'),
  'virt:null': null,
  'virt:number': 1,
};
const hook = registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('virt:')) {
      return { shortCircuit: true, url: specifier };
    }
    return nextResolve(specifier, context);
  },
  load: common.mustCall((url, context, nextLoad) => {
    if (url === 'virt:redirect') {
      return nextLoad(pathToFileURL(real).href, context);
    }
    if (url.startsWith('virt:')) {
      return { shortCircuit: true, source: sources[url] };
    }
    const result = nextLoad(url, context);
    if (url === pathToFileURL(blank).href) {
      return { source: 'export const hello = "esm";', format: 'module' };
    }
    return result;
  }, 7),
});

assert.strictEqual(require('virt:string'), 'string');
assert.strictEqual(require('virt:buffer'), 'view');
assert.strictEqual(require('virt:view'), 'view');
assert.strictEqual(require('virt:redirect'), 'real');
for (const [id, got] of [['virt:null', 'null'],
                         ['virt:number', 'type number (1)']]) {
  assert.throws(() => require(id), {
    code: 'ERR_INVALID_RETURN_PROPERTY_VALUE',
    name: 'TypeError',
    message: 'Expected a string, an ArrayBuffer, or a TypedArray to be ' +
      `returned for the "source" from the "load" hook but got ${got}.`,
  });
}
assert.strictEqual(require(blank).hello, 'esm');
// Cached: the hooks are not asked again (7 calls in all).
assert.strictEqual(require('virt:string'), 'string');
hook.deregister();
