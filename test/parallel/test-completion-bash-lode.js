'use strict';
// --completion-bash prints a bash completion function listing the options
// and their aliases, and exits.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

const child = spawnSync(process.execPath, ['--completion-bash', '-e', 'x()'],
                        { encoding: 'utf8' });
assert.strictEqual(child.status, 0);
assert.strictEqual(child.stderr, '');
const out = child.stdout;
assert.match(out, /^_node_complete\(\) \{\n/);
assert.match(out, /\ncomplete -o filenames -o nospace -o bashdefault -F _node_complete node node_g\n$/);
const words = out.match(/compgen -W '([^']*)'/)[1].split(' ');
for (const option of ['--eval', '-e', '--inspect-brk', '--warnings',
                      '--completion-bash']) {
  assert.ok(words.includes(option), option);
}
