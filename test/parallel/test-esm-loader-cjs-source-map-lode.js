'use strict';
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

// CommonJS whose source a load hook returned, run under
// --enable-source-maps: its //# sourceMappingURL= comment is read and the
// map cached (the loader used to look its own helper up through the
// hooked require() it hands the module, and failed with
// MODULE_NOT_FOUND). A shebang line is allowed, as for any CommonJS file.

tmpdir.refresh();
const dir = tmpdir.path;
const map = Buffer.from(JSON.stringify({
  version: 3, sources: ['original.ts'], names: [], mappings: 'AAAA',
})).toString('base64');
fs.writeFileSync(path.join(dir, 'main.cjs'), `#!/usr/bin/env node
const { findSourceMap } = require('module');
const found = findSourceMap(__filename);
console.log(JSON.stringify({
  req: typeof require,
  sources: found?.payload.sources.map((s) => s.replace(/^.*\\//, '')),
}));
//# sourceMappingURL=data:application/json;base64,${map}
`);

const hooks = `
  import { readFileSync } from 'node:fs';
  export async function load(url, context, next) {
    const result = await next(url, context);
    if (result.format === 'commonjs' && result.source == null) {
      result.source = readFileSync(new URL(url));
    }
    return result;
  }`;
const { status, stdout, stderr } = spawnSync(
  process.execPath,
  ['--no-warnings', '--enable-source-maps', '--experimental-loader',
   `data:text/javascript,${encodeURIComponent(hooks)}`,
   path.join(dir, 'main.cjs')],
  { encoding: 'utf8' });
assert.strictEqual(stderr, '');
assert.strictEqual(status, 0);
assert.deepStrictEqual(JSON.parse(stdout),
                       { req: 'function', sources: ['original.ts'] });
