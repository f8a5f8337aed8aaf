'use strict';
// `lode inspect script`: break on start with the source around line 1, a
// step to line 2, the app's output echoed with "< ", then .exit.
const common = require('../common');
const assert = require('assert');
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const script = path.join(tmpdir.path, 'debuggee.js');
fs.writeFileSync(script, 'const a = 1;\nconst b = a + 1;\nconsole.log("sum", b);\n');

const child = spawn(process.execPath, ['inspect', '--port=0', script],
                    { cwd: tmpdir.path });
let output = '';
const steps = [
  [/Break on start in debuggee\.js:1\n> 1 const a = 1;\n {2}2 const b/, 'n'],
  [/step in debuggee\.js:2\n {2}1 const a = 1;\n> 2 const b = a \+ 1;/,
   'exec a + 41'],
  [/^42\n/m, 'cont'],
  [/< sum 2\n/, '.exit'],
];
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
  output += chunk.replaceAll('\b', '');
  if (steps.length > 0 && steps[0][0].test(output) && /debug> $/.test(output)) {
    const [, command] = steps.shift();
    output = '';
    child.stdin.write(`${command}\n`);
  }
});
child.stderr.resume();
child.on('exit', common.mustCall((code) => {
  assert.strictEqual(steps.length, 0, `stuck at ${steps[0]?.[0]}: ${output}`);
  assert.strictEqual(code, 0);
}));
