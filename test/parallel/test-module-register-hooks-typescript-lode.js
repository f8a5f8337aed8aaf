'use strict';
// module.registerHooks() load hooks and require() of TypeScript files: each
// file goes through the hooks once, told its format as Node 24 tells it
// (.mts module-typescript, .cts commonjs-typescript, a .ts outside any
// "type" typescript), and its types are stripped from the source they give.
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const Module = require('module');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const write = (name, text) => {
  const file = path.join(tmpdir.path, name);
  fs.writeFileSync(file, text);
  return file;
};
const mts = write('x.mts', 'export const t: number = 1;');
const cts = write('y.cts', 'const t: number = 2; module.exports = t;');
const ts = write('z.ts', 'const t: number = 3; module.exports = t;');

const log = [];
const hooks = Module.registerHooks({
  load(url, context, next) {
    const result = next(url, context);
    log.push([path.basename(url), context.format, result.format,
              typeof result.source].join(' '));
    return result;
  },
});
try {
  assert.strictEqual(require(mts).t, 1);
  assert.strictEqual(require(cts), 2);
  assert.strictEqual(require(ts), 3);
} finally {
  hooks.deregister();
}
assert.deepStrictEqual(log, [
  'x.mts module-typescript module-typescript string',
  'y.cts commonjs-typescript commonjs-typescript string',
  'z.ts typescript typescript string',
]);
