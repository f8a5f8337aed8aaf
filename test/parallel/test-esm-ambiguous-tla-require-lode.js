'use strict';
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

// An ES module with a top-level await that uses a CommonJS global: Node
// cannot tell which format was meant and says so (ERR_AMBIGUOUS_MODULE_SYNTAX
// on the ReferenceError); without the await it is the usual "not defined in
// ES module scope".

const ambiguous = 'Cannot determine intended module format because both ' +
  'require() and top-level await are present. If the code is intended to ' +
  'be CommonJS, wrap await in an async function. If the code is intended ' +
  'to be an ES module, replace require() with import.';

function run(code) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', code],
                   { encoding: 'utf8' });
}

{
  const child = run("await 1;\nconst fs = require('fs');");
  assert.strictEqual(child.status, 1);
  assert.ok(child.stderr.includes(`ReferenceError: ${ambiguous}\n`),
            child.stderr);
  assert.match(child.stderr, /code: 'ERR_AMBIGUOUS_MODULE_SYNTAX'/);
}
{
  const child = run('await 1;\nconsole.log(__filename);');
  assert.strictEqual(child.status, 1);
  assert.ok(child.stderr.includes(ambiguous), child.stderr);
}
{
  const child = run("const fs = require('fs');");
  assert.strictEqual(child.status, 1);
  assert.ok(child.stderr.includes(
    'ReferenceError: require is not defined in ES module scope, you can ' +
    'use import instead'), child.stderr);
  assert.doesNotMatch(child.stderr, /ERR_AMBIGUOUS_MODULE_SYNTAX/);
}
