'use strict';
const common = require('../common');
const assert = require('assert');
const util = require('util');
const { spawnSync } = require('child_process');

// process.binding(name): Node's allow-list; 'util' and 'natives' are the
// legacy objects, other allowed names the binding itself; anything else
// (or a binding lode does not have) is "No such module: <name>".

const utilBinding = process.binding('util');
assert.strictEqual(Object.keys(utilBinding).length, 16);
for (const key of Object.keys(utilBinding)) {
  assert.strictEqual(utilBinding[key], util.types[key]);
}
// A new object each time; the same functions.
assert.notStrictEqual(process.binding('util'), utilBinding);
assert.strictEqual(process.binding('util').isDate, utilBinding.isDate);

const natives = process.binding('natives');
assert.strictEqual(typeof natives.fs, 'string');
assert.match(natives.events, /EventEmitter/);
assert.strictEqual(typeof natives['internal/bootstrap/realm'], 'string');

for (const name of ['fs', 'buffer', 'constants', 'os', 'tcp_wrap',
                    'pipe_wrap', 'tty_wrap', 'stream_wrap', 'uv',
                    'spawn_sync', 'fs_event_wrap', 'contextify',
                    'process_wrap']) {
  assert.strictEqual(typeof process.binding(name), 'object', name);
}

for (const name of ['test', 'credentials', 'async_wrap', 'signal_wrap',
                    'v8', 'url', 'crypto', 'http_parser', 'errors']) {
  assert.throws(() => process.binding(name), {
    name: 'Error',
    message: `No such module: ${name}`,
  });
}
// The name is converted to a string first.
assert.throws(() => process.binding({ toString() { return 'nope'; } }), {
  message: 'No such module: nope',
});

// DEP0111 only under --pending-deprecation, once.
{
  const child = spawnSync(process.execPath, [
    '--pending-deprecation', '-e',
    'process.binding("fs"); process.binding("os");',
  ], { encoding: 'utf8' });
  assert.strictEqual(child.status, 0);
  const text = '[DEP0111] DeprecationWarning: process.binding() is ' +
               'deprecated. Please use public APIs instead.';
  assert.strictEqual(child.stderr.split(text).length, 2, child.stderr);
}
process.on('warning', common.mustNotCall());
process.binding('fs');
