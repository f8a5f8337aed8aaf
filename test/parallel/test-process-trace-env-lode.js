'use strict';
// --trace-env prints each access to process.env; --trace-env-js-stack adds
// the JS stack of the access.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

function trace(flag, code, env = {}) {
  const { status, stderr } = spawnSync(process.execPath, [flag, '-e', code], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  assert.strictEqual(status, 0, stderr);
  return stderr;
}

{
  const out = trace('--trace-env',
                    'process.env.LODE_A; process.env.LODE_B = "1"; ' +
                    '"LODE_C" in process.env; delete process.env.LODE_B; ' +
                    'Object.keys(process.env);',
                    { LODE_A: 'a' });
  assert.match(out, /^\[--trace-env\] get "LODE_A"$/m);
  assert.match(out, /^\[--trace-env\] set "LODE_B"$/m);
  assert.match(out, /^\[--trace-env\] query "LODE_C"$/m);
  assert.match(out, /^\[--trace-env\] delete "LODE_B"$/m);
  assert.match(out, /^\[--trace-env\] enumerate environment variables$/m);
  assert.doesNotMatch(out, /JavaScript stack trace/);
}
{
  const out = trace('--trace-env-js-stack',
                    'function read() { return process.env.LODE_A; }\nread();');
  assert.match(out, /\[--trace-env\] get "LODE_A"\n\n----- JavaScript stack trace -----\n\n1: read \(\[eval\]:1:38\)\n2: \[eval\]:2:1\n/);
}
{
  const { stderr } = spawnSync(process.execPath,
                               ['-e', 'process.env.LODE_A'],
                               { encoding: 'utf8' });
  assert.strictEqual(stderr, '');
}
